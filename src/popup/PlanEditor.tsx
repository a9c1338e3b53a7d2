import { useState } from 'preact/hooks';
import { planDisplayName, type Plan } from '../domain/plan';
import { readiness } from '../domain/readiness';
import { browser } from '../platform/browser';
import { planEditorInTab } from '../ui/pages';
import type { PlanChange } from './plan-section';
import { PlanAgenda } from './PlanAgenda';
import { PlanAgreed } from './PlanAgreed';
import { PlanCall } from './PlanCall';
import { PlanManagerPart } from './PlanManagerPart';
import { PlanObjectives } from './PlanObjectives';
import { PlanQuestions } from './PlanQuestions';
import { SaveStatus } from './SaveStatus';
import { useFieldProblems } from './useFieldProblems';
import { usePlanAutosave } from './usePlanAutosave';

interface Props {
  initial: Plan;
  /** False for a new plan: it is stored on its first change. */
  stored: boolean;
  inTab: boolean;
  onDone: () => void;
  onDelete: (plan: Plan) => void;
}

/**
 * The whole plan, every field editable, saved as you type. This editor holds the plan (and what its fields say about
 * their input); each section of the form shows it and changes it through `update`.
 */
export function PlanEditor({ initial, stored, inTab, onDone, onDelete }: Props) {
  const [plan, setPlan] = useState(initial);
  const { state, saveNow, discard, takeStored, overwriteStored } = usePlanAutosave(plan, setPlan, stored);
  const fields = useFieldProblems();

  const update = (change: PlanChange) =>
    setPlan((current) => (typeof change === 'function' ? change(current) : { ...current, ...change }));
  const gaps = readiness(plan);

  return (
    <div class={inTab ? 'editor in-tab' : 'editor'}>
      <header class="editor-header">
        <h1>{planDisplayName(plan)}</h1>
        <SaveStatus state={state} onTakeStored={takeStored} onOverwrite={overwriteStored} />
      </header>

      <details class="readiness" open={gaps.length > 0}>
        <summary>{gaps.length === 0 ? '✓ Ready for the call' : `Before the call: ${gaps.length} to do`}</summary>
        <ol>
          {gaps.map((gap) => (
            <li key={gap.key}>
              <strong>{gap.message}</strong> <span class="muted">{gap.reason}</span>
            </li>
          ))}
        </ol>
      </details>

      <PlanCall value={plan} update={update} fields={fields} />
      <PlanObjectives value={plan} update={update} />
      <PlanAgenda value={plan} update={update} fields={fields} />
      <PlanManagerPart value={plan} update={update} />
      <PlanQuestions value={plan} update={update} />
      <PlanAgreed value={plan} update={update} />

      <div class="form-actions">
        <button
          type="button"
          class="danger"
          onClick={() => {
            discard();
            onDelete(plan);
          }}
        >
          Delete plan
        </button>
        {!inTab && (
          <button
            type="button"
            onClick={() =>
              void saveNow({ force: true }).then(() =>
                browser.tabs.create({
                  url: browser.runtime.getURL(planEditorInTab(plan.id)),
                }),
              )
            }
          >
            Open in a tab
          </button>
        )}
        <button type="button" class="primary" onClick={() => void saveNow().then(onDone)}>
          Done
        </button>
      </div>
    </div>
  );
}
