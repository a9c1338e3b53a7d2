// The parts of a call that the HUD folds under "More" and the side panel shows in full: the objectives, the agenda
// and the questions to tick. One component each, so both surfaces show them the same way.
import { useEffect, useState } from 'preact/hooks';
import type { Call } from '../../domain/call';
import { formatClock, openQuestions } from '../../domain/call-progress';
import { LEAD_NAMES } from '../labels';

export function Objectives({ call }: { call: Call }) {
  const plan = call.planSnapshot;
  return (
    <>
      {plan.objective.trim() && <p class="objective">Objective: {plan.objective}</p>}
      {plan.customerObjective.trim() && <p class="objective">Theirs: {plan.customerObjective}</p>}
    </>
  );
}

/**
 * The agenda with each item's time box; with `spentMs`, the time actually spent beside it. The current item says
 * "now" in words, not only in colour.
 */
export function AgendaList(props: { call: Call; itemIndex: number; spentMs?: number[]; leads?: boolean }) {
  const plan = props.call.planSnapshot;
  return (
    <ol class="agenda" aria-label="Agenda">
      {plan.agenda.map((item, index) => {
        const now = index === props.itemIndex;
        const spent = props.spentMs?.[index] ?? 0;
        const planned = item.minutes * 60_000;
        return (
          <li key={item.id} class={now ? 'now' : undefined} aria-current={now ? 'step' : undefined}>
            {now && <span class="now-mark">Now: </span>}
            {item.title}{' '}
            <span class="muted">
              ({props.leads ? `${LEAD_NAMES[item.lead]}, ` : ''}
              {props.spentMs ? (
                <>
                  {formatClock(spent)} of {formatClock(planned)}
                  {spent > planned ? `, ${formatClock(spent - planned)} over` : ''}
                </>
              ) : (
                formatClock(planned)
              )}
              )
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The plan's questions, ticked as covered; a tick shows at once, and storage confirms it a moment later. */
export function QuestionTicks(props: {
  call: Call;
  askNow: boolean;
  onTick: (questionId: string, ticked: boolean) => void;
}) {
  const { call } = props;
  const plan = call.planSnapshot;
  const ticked = new Map(call.questionTicks.map((tick) => [tick.questionId, tick.at]));
  const [pendingTicks, setPendingTicks] = useState<Record<string, boolean>>({});
  // A new record from storage (this surface's write, or another surface's) is the truth again.
  useEffect(() => setPendingTicks({}), [call]);
  if (plan.questions.length === 0) return null;
  const stillOpen = openQuestions(call);
  return (
    <fieldset class="questions">
      <legend>Questions to cover</legend>
      {plan.questions.map((question) => (
        <label key={question.id}>
          <input
            type="checkbox"
            checked={pendingTicks[question.id] ?? ticked.has(question.id)}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setPendingTicks((current) => ({ ...current, [question.id]: checked }));
              props.onTick(question.id, checked);
            }}
          />
          {question.text}
          {ticked.has(question.id) && (
            <span class="muted"> ✓ {formatClock(ticked.get(question.id)! - call.startedAt)}</span>
          )}
        </label>
      ))}
      {props.askNow && stillOpen.length > 0 && (
        <p class="still-open">Still open: {stillOpen.map((question) => question.text).join(' · ')}</p>
      )}
    </fieldset>
  );
}
