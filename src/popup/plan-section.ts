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
