import { MANAGER_PARTS, MAX_DO_NOT_RAISE, STAKES, type ManagerPart } from '../domain/plan';
import { ListEditor } from '../ui/ListEditor';
import { newId, PlanText, type PlanSectionProps } from './plan-section';

const PART_LABELS: Record<ManagerPart, string> = {
  climate: 'Set the climate',
  questions: 'Ask questions',
  present: 'Present',
  objections: 'Handle objections',
  observer: 'Silent observer',
};
const STAKES_LABELS = {
  low: 'Low: the rep may be left to fail, as a lesson',
  normal: 'Normal',
  high: 'High: step in before real damage',
} as const;

/** The manager's part in the call, and the guardrails: what not to raise, when to step in, and what is at stake. */
export function PlanManagerPart({ value, update }: PlanSectionProps) {
  return (
    <>
      <fieldset>
        <legend>The manager’s part</legend>
        <div class="checks">
          {MANAGER_PARTS.map((part) => (
            <label key={part}>
              <input
                type="checkbox"
                checked={value.managerParts.includes(part)}
                onChange={(event) =>
                  update({
                    managerParts: event.currentTarget.checked
                      ? MANAGER_PARTS.filter((p) => p === part || value.managerParts.includes(p))
                      : value.managerParts.filter((p) => p !== part),
                  })
                }
              />
              {PART_LABELS[part]}
            </label>
          ))}
        </div>
        <PlanText {...{ value, update }} label="More about the manager’s part" field="managerNote" />
      </fieldset>

      <Guardrails value={value} update={update} />
    </>
  );
}

function Guardrails({ value, update }: PlanSectionProps) {
  return (
    <fieldset>
      <legend>Guardrails</legend>
      <ListEditor
        class="list-editor"
        buttonType="button"
        legend="Topics the manager must not raise"
        items={value.doNotRaise.map((text, index) => ({ id: String(index), text }))}
        addLabel="Add topic"
        max={MAX_DO_NOT_RAISE}
        full={`That’s ${MAX_DO_NOT_RAISE} topics, the most a plan holds. Keep the ones that could lose the deal.`}
        onChange={(topics) => update({ doNotRaise: topics.map((topic) => topic.text) })}
        create={() => ({ id: newId(), text: '' })}
        render={(topic, index, change) => (
          <input
            aria-label={`Topic ${index + 1} not to raise`}
            value={topic.text}
            maxLength={200}
            onInput={(event) => change({ ...topic, text: event.currentTarget.value })}
          />
        )}
        itemName={(_, index) => `topic ${index + 1}`}
      />
      <PlanText {...{ value, update }} label="The manager steps in only if" field="stepInWhen" />
      <PlanText
        {...{ value, update }}
        label="The agreed signal"
        field="stepInSignal"
        placeholder="The rep says: “Dana, what’s your view?”"
      />
      <fieldset class="stack">
        <legend>Stakes</legend>
        {STAKES.map((stakes) => (
          <label key={stakes}>
            <input type="radio" name="stakes" checked={value.stakes === stakes} onChange={() => update({ stakes })} />
            {STAKES_LABELS[stakes]}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
