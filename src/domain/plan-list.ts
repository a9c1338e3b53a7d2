// How the popup's plan list is arranged: what matches the search, the next call first, the later ones after it,
// and past plans folded away, most recent first.
import type { Plan } from './plan';
import { fold } from './text';

export interface PlanGroups {
  /** The next call that has not ended yet: shown first and bigger, with its readiness. */
  next: Plan | null;
  /** The upcoming calls after the next one, soonest first. */
  later: Plan[];
  /** Calls that have ended, most recent first. */
  past: Plan[];
  /** How many plans match the search, over all three groups. */
  matching: number;
}

/** True while the call may still be ahead or running: its planned end has not passed. */
export function isUpcoming(plan: Pick<Plan, 'scheduledStart' | 'durationMinutes'>, now: number): boolean {
  return plan.scheduledStart + plan.durationMinutes * 60_000 >= now;
}

/** Matches the search against the account (and the title, which usually names it too), ignoring case and accents. */
export function matchesSearch(plan: Pick<Plan, 'account' | 'title'>, query: string): boolean {
  const wanted = fold(query.trim());
  return wanted === '' || fold(`${plan.account} ${plan.title}`).includes(wanted);
}

/** `plans` in any order; the groups come back sorted by the scheduled start. */
export function groupPlans(plans: readonly Plan[], query: string, now: number): PlanGroups {
  const matching = plans
    .filter((plan) => matchesSearch(plan, query))
    .sort((a, b) => a.scheduledStart - b.scheduledStart || a.title.localeCompare(b.title));
  const upcoming = matching.filter((plan) => isUpcoming(plan, now));
  const past = matching.filter((plan) => !isUpcoming(plan, now)).reverse();
  const [next = null, ...later] = upcoming;
  return { next, later, past, matching: matching.length };
}
