// Every commit is heard from one place. Each context that writes records (the worker, the popup, the debrief page)
// calls `announceCommits` once at start: then whatever it commits, through whichever storage function, is told to
// every other extension page and frame (a broadcast of the change-log rows), to this context's own listeners, and to
// team sync's "soon" alarm. No writer has to remember to tell anyone.
import { callsForSync } from '../domain/change-log';
import { whenCommitted } from '../storage/commit';
import { announceChange, hearLocally, type CallChange } from './changes';

export function announceCommits(armTeamSync: () => void): () => void {
  return whenCommitted((changes) => {
    const change: CallChange = { type: 'changed/records', changes: [...changes] };
    hearLocally(change);
    void announceChange(change);
    if (callsForSync(changes)) armTeamSync();
  });
}
