import { useState } from 'preact/hooks';
import type { Call } from '../domain/call';
import {
  emptyDebrief,
  debriefStatus,
  missingForComplete,
  previousCommitment,
  type PreviousCommitment,
  type Debrief,
} from '../domain/debrief';
import { planDisplayName } from '../domain/plan';
import { getCall } from '../storage/calls';
import { earlierCallsOfRep, getDebrief } from '../storage/debriefs';
import { listNotesForCall } from '../storage/notes';
import { formatDateTime } from '../ui/format';
import { StorageProblem } from '../ui/storage-problem';
import type { AutosaveState } from '../ui/useAutosave';
import { debriefStatusText } from '../ui/labels';
import { debriefHash } from '../ui/pages';
import { useLoad } from '../ui/useLoad';
import { Coaching } from './Coaching';
import { Outcome } from './Outcome';
import { PartnerNotes } from './PartnerNotes';
import { Replay } from './Replay';
import { SelfAssessment } from './SelfAssessment';
import { useDebriefAutosave } from './useDebriefAutosave';

/**
 * One call's debrief: the rep first, then the replay, the outcome and the coaching. Saved as you type. This page holds
 * the debrief (useDebriefAutosave); each section shows it and changes it through `update`.
 */
export function CallDebrief({ callId }: { callId: string }) {
  const { debrief, state, update, saveNow, showLoaded, merge } = useDebriefAutosave();
  /** The commitment from the rep's previous debriefed call, to follow up here; null when there is none. */
  const [lastCommitment, setLastCommitment] = useState<PreviousCommitment | null>(null);

  // Read again after a partner's notes are merged in (`refresh`: the page stays on screen meanwhile).
  const { loaded, retry, refresh } = useLoad(async () => {
    const call = await getCall(callId);
    if (!call) return null;
    const [notes, stored, earlier] = await Promise.all([
      listNotesForCall(callId),
      getDebrief(callId),
      earlierCallsOfRep(call),
    ]);
    setLastCommitment(previousCommitment(earlier));
    showLoaded(stored ?? emptyDebrief(callId, call.planSnapshot.commitment.kind, Date.now()));
    return { call, notes };
  }, [callId]);

  if (loaded.status === 'loading' || (loaded.status === 'ready' && loaded.value && !debrief))
    return <p class="muted">Loading the call…</p>;
  if (loaded.status === 'ready' && loaded.value === null) {
    return (
      <p>
        That call is not stored on this device. <a href="#">Back to the call history</a>
      </p>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <StorageProblem
        error={loaded.error}
        onRetry={() => void retry()}
        onRestore={() => {
          location.hash = debriefHash({ name: 'backup' });
        }}
      />
    );
  }
  const { call, notes } = loaded.value!;
  const current = debrief!;
  const plan = call.planSnapshot;

  return (
    <article class="debrief">
      <p class="no-print">
        <a href="#">← Call history</a>
      </p>
      <DebriefHeader call={call} value={current} saveState={state} onRetry={() => void saveNow()} />
      <SelfAssessment value={current} update={update} />
      <Replay call={call} notes={notes} value={current} />
      <Outcome value={current} update={update} objective={plan.objective} />
      <Coaching value={current} update={update} lastCommitment={lastCommitment} repName={plan.repName} />
      <PartnerNotes call={call} notes={notes} value={current} merge={merge} onMerged={refresh} />
    </article>
  );
}

/** The call's name and when it ran, how far the debrief is, whether it is saved, and what it still misses. */
function DebriefHeader(props: { call: Call; value: Debrief; saveState: AutosaveState; onRetry: () => void }) {
  const { call, saveState } = props;
  const plan = call.planSnapshot;
  const missing = missingForComplete(props.value);
  return (
    <header class="debrief-header">
      <h1>{planDisplayName(plan)}</h1>
      <p class="muted">
        {formatDateTime(call.startedAt)} · {plan.callType} call · this device: the {call.role}
        {plan.repName && ` · rep ${plan.repName}`}
        {plan.managerName && ` · manager ${plan.managerName}`}
      </p>
      <p class="debrief-status">
        <strong>{debriefStatusText(debriefStatus(props.value), true)}</strong>{' '}
        <span class={saveState.status === 'failed' ? 'error' : 'muted'} role="status">
          {saveState.status === 'saved' ? 'Saved' : saveState.status === 'failed' ? 'Not saved yet.' : 'Saving…'}
        </span>
        {saveState.status === 'failed' && (
          <button type="button" onClick={props.onRetry}>
            Try saving again
          </button>
        )}
      </p>
      {missing.length > 0 && (
        <ul class="missing" aria-label="Still missing">
          {missing.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </header>
  );
}
