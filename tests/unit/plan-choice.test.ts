import { describe, expect, it } from 'vitest';
import { offerPlans, searchPlans } from '../../src/domain/plan-choice';
import { PLAN } from './fixtures';

const HOUR = 60 * 60_000;
const NOW = 100 * HOUR;
const plan = (id: string, scheduledStart: number, extra = {}) => ({ ...PLAN, id, scheduledStart, ...extra });

describe('offerPlans', () => {
  it('offers the linked plan first, then plans within two hours, closest first, then nothing', () => {
    const linked = plan('linked', NOW - 10 * HOUR);
    const offer = offerPlans(
      [linked],
      [plan('later', NOW + 90 * 60_000), linked, plan('sooner', NOW - 20 * 60_000), plan('far', NOW + 3 * HOUR)],
      NOW,
    );
    expect(offer.linked.map((p) => p.id)).toEqual(['linked']);
    expect(offer.nearby.map((p) => p.id)).toEqual(['sooner', 'later']);
    expect(offerPlans([], [], NOW)).toEqual({ linked: [], nearby: [] });
  });
});

describe('searchPlans', () => {
  it('finds plans by title or account, any case, newest first', () => {
    const plans = [
      plan('a', 1, { title: 'Acme renewal', account: 'Acme' }),
      plan('b', 3, { title: 'Kickoff', account: 'Globex' }),
      plan('c', 2, { title: 'Acme expansion', account: 'Acme' }),
    ];
    expect(searchPlans(plans, 'acme', 10).map((p) => p.id)).toEqual(['c', 'a']);
    expect(searchPlans(plans, 'GLOBEX', 10).map((p) => p.id)).toEqual(['b']);
    expect(searchPlans(plans, '', 2).map((p) => p.id)).toEqual(['b', 'c']);
  });
});
