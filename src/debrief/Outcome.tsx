import { DebriefText, RatingGroup } from './fields';
import type { DebriefSectionProps } from './useDebriefAutosave';

/** 3. Whether the call did what the plan set out to do. */
export function Outcome({ value, update, objective }: DebriefSectionProps & { objective: string }) {
  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">3. Outcome</h2>
      <RatingGroup
        legend={`Was the objective met?${objective.trim() ? ` (${objective})` : ''}`}
        name="objective-met"
        value={value.outcome.objectiveMet}
        onChange={(objectiveMet) => update((d) => ({ ...d, outcome: { ...d.outcome, objectiveMet } }))}
      />
      <DebriefText
        {...{ value, update }}
        label={value.outcome.commitmentKind === 'order' ? 'The order secured' : 'The next step secured'}
        part="outcome"
        field="commitmentSecured"
        maxLength={500}
      />
      <RatingGroup
        legend="Was the customer’s objective addressed?"
        name="customer-objective"
        value={value.outcome.customerObjectiveAddressed}
        onChange={(customerObjectiveAddressed) =>
          update((d) => ({ ...d, outcome: { ...d.outcome, customerObjectiveAddressed } }))
        }
      />
    </section>
  );
}
