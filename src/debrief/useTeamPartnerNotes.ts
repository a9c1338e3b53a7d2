import { useEffect } from 'preact/hooks';
import { notesMergeSummary } from '../domain/notes-merge-summary';
import { candidateCalls, notesPackage } from '../domain/notes-package';
import { loadTeamSync } from '../platform/team-sync-settings';
import { listCallsForPlan } from '../storage/calls';
import { getDebrief, importNotesPackage } from '../storage/debriefs';
import { listNotesForCall } from '../storage/notes';
import type { Message, Props } from './PartnerNotes';

/**
 * With team sync on, the partner's record of this call arrives as a call of its own (the manager's on the rep's
 * device, and the other way round). Opening the debrief takes its notes and debrief fields in, by the same rules as
 * an imported notes package: notes by id, never lost, and the manager's notes folded on the rep's device until the
 * rep has answered or skipped "How did it feel?".
 */
export function useTeamPartnerNotes(props: Props, say: (message: Message) => void) {
  const { call } = props;
  useEffect(() => {
    void (async () => {
      if (!(await loadTeamSync())?.on) return;
      const partners = candidateCalls(
        call,
        (await listCallsForPlan(call.planId)).filter((other) => other.id !== call.id && other.role !== call.role),
      );
      for (const partner of partners) {
        const [notes, debrief] = await Promise.all([listNotesForCall(partner.id), getDebrief(partner.id)]);
        const pkg = notesPackage(partner, notes, debrief ?? null, Date.now());
        const result = await props.merge(() => importNotesPackage(call.id, pkg));
        if (result === 'unsaved' || (result.newNotes.length === 0 && !result.debriefChanged)) continue;
        say({ text: `Through team sync: ${notesMergeSummary(result, partner.role, pkg.debrief)}`, error: false });
        await props.onMerged();
      }
    })().catch(() => undefined);
  }, [call.id]);
}
