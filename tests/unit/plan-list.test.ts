import { describe, expect, it } from 'vitest';
import { groupPlans, isUpcoming, matchesSearch } from '../../src/domain/plan-list';
import type { Plan } from '../../src/domain/plan';
import { PLAN } from './fixtures';

const MINUTE = 60_000;
const NOW = 10_000 * MINUTE;
const plan = (id: string, startInMinutes: number, changes: Partial<Plan> = {}): Plan => ({
  ...PLAN,
  id,
  title: `Plan ${id}`,
  scheduledStart: NOW + startInMinutes * MINUTE,
  durationMinutes: 30,
  ...changes,
});

describe('the plans list', () => {
  it('puts the soonest call that has not ended first, then the later ones soonest first', () => {
    const groups = groupPlans([plan('c', 300), plan('a', 60), plan('b', 120)], '', NOW);
    expect(groups.next?.id).toBe('a');
    expect(groups.later.map((p) => p.id)).toEqual(['b', 'c']);
    expect(groups.past).toEqual([]);
  });

  it('keeps a call that is running now as the next one, and folds ended calls away, most recent first', () => {
    const groups = groupPlans([plan('old', -600), plan('running', -20), plan('ended', -31), plan('soon', 10)], '', NOW);
    expect(groups.next?.id).toBe('running');
    expect(groups.later.map((p) => p.id)).toEqual(['soon']);
    expect(groups.past.map((p) => p.id)).toEqual(['ended', 'old']);
  });

  it('treats the planned end as still upcoming, and a minute later as past', () => {
    expect(isUpcoming(plan('x', -30), NOW)).toBe(true);
    expect(isUpcoming(plan('x', -31), NOW)).toBe(false);
  });

  it('searches by account, ignoring case, accents and surrounding spaces', () => {
    const plans = [
      plan('1', 10, { account: 'Société Générale', title: 'Renewal' }),
      plan('2', 20, { account: 'Acme', title: 'Pilot' }),
      plan('3', -100, { account: 'Acme Logistics', title: 'Kickoff' }),
    ];
    const groups = groupPlans(plans, '  ACME ', NOW);
    expect(groups.next?.id).toBe('2');
    expect(groups.later).toEqual([]);
    expect(groups.past.map((p) => p.id)).toEqual(['3']);
    expect(groups.matching).toBe(2);
    expect(groupPlans(plans, 'societe', NOW).next?.id).toBe('1');
    expect(groupPlans(plans, 'nobody', NOW)).toEqual({ next: null, later: [], past: [], matching: 0 });
  });

  it('also finds a plan by its title, since titles usually name the account', () => {
    expect(matchesSearch({ account: '', title: 'Initrode: close the renewal' }, 'initrode')).toBe(true);
    expect(matchesSearch({ account: 'Acme', title: 'Pilot' }, 'initrode')).toBe(false);
  });

  it('orders plans with the same start by title, so the list never jumps between renders', () => {
    const groups = groupPlans([plan('b', 10, { title: 'Beta' }), plan('a', 10, { title: 'Alpha' })], '', NOW);
    expect([groups.next?.title, ...groups.later.map((p) => p.title)]).toEqual(['Alpha', 'Beta']);
  });
});
