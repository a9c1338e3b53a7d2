import { PlanText, type PlanSectionProps } from './plan-section';

/** What the call is for, on both sides, and the commitment it aims to secure. */
export function PlanObjectives({ value, update }: PlanSectionProps) {
  return (
    <fieldset>
      <legend>Objectives</legend>
      <PlanText {...{ value, update }} label="Our objective for this call" field="objective" />
      <PlanText {...{ value, update }} label="The customer’s objective for this call" field="customerObjective" />
      <fieldset class="inline">
        <legend>The commitment we aim for</legend>
        {(['order', 'next-step'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="commitment-kind"
              checked={value.commitment.kind === kind}
              onChange={() => update({ commitment: { ...value.commitment, kind } })}
            />
            {kind === 'order' ? 'The order' : 'A named next step'}
          </label>
        ))}
      </fieldset>
      <label>
        {value.commitment.kind === 'order'
          ? 'The order: what, how much, from when'
          : 'Next step: who does what, by when'}
        <input
          value={value.commitment.text}
          maxLength={500}
          onInput={(event) => update({ commitment: { ...value.commitment, text: event.currentTarget.value } })}
        />
      </label>
    </fieldset>
  );
}
