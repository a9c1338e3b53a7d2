import type { Plan } from '../domain/plan';

/** A change to the plan: fields to replace, or a function of the plan as it is when the change lands. */
export type PlanChange = Partial<Plan> | ((current: Plan) => Plan);

/** What each section of the plan editor gets: the plan as shown, and the one way to change it. */
export interface PlanSectionProps {
  value: Plan;
  update: (change: PlanChange) => void;
}

/** The id of an item a section adds to one of the plan's lists. */
export const newId = () => crypto.randomUUID();

/** The plan's free-text fields, each with its length limit (the plan's schema has the same); long ones are textareas. */
const TEXT_FIELDS = {
  title: { maxLength: 200 },
  account: { maxLength: 200 },
  repName: { maxLength: 100 },
  managerName: { maxLength: 100 },
  objective: { maxLength: 500, rows: 2 },
  customerObjective: { maxLength: 500, rows: 2 },
  managerNote: { maxLength: 500, rows: 2 },
  stepInWhen: { maxLength: 300 },
  stepInSignal: { maxLength: 200 },
} satisfies Partial<Record<keyof Plan, { maxLength: number; rows?: number }>>;

/** One of the plan's text fields under its label, changed as it is typed. */
export function PlanText(
  props: PlanSectionProps & { label: string; field: keyof typeof TEXT_FIELDS; placeholder?: string },
) {
  const { value, update, field } = props;
  const { maxLength, rows } = TEXT_FIELDS[field] as { maxLength: number; rows?: number };
  const onInput = (event: { currentTarget: { value: string } }) =>
    update({ [field]: event.currentTarget.value } as Partial<Plan>);
  return (
    <label>
      {props.label}
      {rows ? (
        <textarea rows={rows} maxLength={maxLength} value={value[field]} onInput={onInput} />
      ) : (
        <input value={value[field]} maxLength={maxLength} placeholder={props.placeholder} onInput={onInput} />
      )}
    </label>
  );
}
