// Which plans the overlay offers on a meeting tab: the plan linked to this meeting first, then plans scheduled
// around now, then any plan the user searches for.
import { planDisplayName, type Plan } from './plan';

export const NEARBY_WINDOW_MS = 2 * 60 * 60_000;

export interface PlanOffer {
  /** Plans whose meeting link is this meeting, soonest first. */
  linked: Plan[];
  /** Other plans scheduled within two hours of now, closest to now first. */
  nearby: Plan[];
}

/**
 * @param linked plans stored with this meeting's key
 * @param scheduledAroundNow plans whose start is within NEARBY_WINDOW_MS of now, linked ones included
 */
export function offerPlans(linked: Plan[], scheduledAroundNow: Plan[], now: number): PlanOffer {
  const linkedIds = new Set(linked.map((plan) => plan.id));
  return {
    linked: [...linked].sort((a, b) => a.scheduledStart - b.scheduledStart),
    nearby: scheduledAroundNow
      .filter((plan) => !linkedIds.has(plan.id) && Math.abs(plan.scheduledStart - now) <= NEARBY_WINDOW_MS)
      .sort((a, b) => Math.abs(a.scheduledStart - now) - Math.abs(b.scheduledStart - now)),
  };
}

/** Plans whose title or account contains the query (any case), newest schedule first, at most `limit`. */
export function searchPlans(plans: Plan[], query: string, limit: number): Plan[] {
  const needle = query.trim().toLowerCase();
  return plans
    .filter((plan) => `${planDisplayName(plan)} ${plan.account}`.toLowerCase().includes(needle))
    .sort((a, b) => b.scheduledStart - a.scheduledStart)
    .slice(0, limit);
}
