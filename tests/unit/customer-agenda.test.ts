import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerAgendaText } from '../../src/domain/customer-agenda';
import type { Plan } from '../../src/domain/plan';
import { validPlan } from './arbitraries';
import { PLAN } from './fixtures';

const MINUTE = 60_000;
const clock = {
  formatDate: (at: number) => `day ${Math.floor(at / (24 * 60 * MINUTE))}`,
  formatTime: (at: number) => `t+${Math.round(at / MINUTE)}`,
};

describe('the agenda for the customer', () => {
  it('has the title, the customer’s purpose and the items with their times', () => {
    expect(customerAgendaText({ ...PLAN, scheduledStart: 60 * MINUTE }, clock)).toBe(
      [
        'Acme: proposal review',
        'day 0 · 30 min',
        '',
        'Purpose: Cut dispatch time',
        '',
        'Agenda',
        't+60  Open (5 min)',
        't+65  Proposal (20 min)',
        't+85  Next step (5 min)',
      ].join('\n'),
    );
  });

  it('falls back to a purpose phrased for the customer when theirs is not written yet', () => {
    expect(customerAgendaText({ ...PLAN, customerObjective: '' }, clock)).toContain(
      'Purpose: Review our proposal against your goals',
    );
  });

  it('never contains an internal field, whatever the plan holds', () => {
    // Internal fields get text marked with ⟦…⟧, which public fields never contain.
    const marked = (maxLength: number) =>
      fc
        .string({ unit: 'grapheme', maxLength: Math.max(1, maxLength - 2) })
        .map((text) => `⟦${text}⟧`.slice(0, maxLength));
    fc.assert(
      fc.property(
        validPlan(marked).filter(
          (plan) =>
            !JSON.stringify([
              plan.title,
              plan.account,
              plan.customerObjective,
              plan.agenda.map((i) => i.title),
            ]).includes('⟦'),
        ),
        (plan) => {
          expect(customerAgendaText(plan, clock)).not.toContain('⟦');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('depends on nothing internal: changing every internal field, text or not, leaves it the same', () => {
    // Public: title, account, call type (for the default purpose), start, duration, the customer's objective, and
    // each item's title and minutes. Everything else (leads, stakes, the manager's part, agreement times, names,
    // guardrails, cues) comes from a second, unrelated plan.
    fc.assert(
      fc.property(validPlan(), validPlan(), (plan, other) => {
        const mixed: Plan = {
          ...other,
          title: plan.title,
          account: plan.account,
          callType: plan.callType,
          scheduledStart: plan.scheduledStart,
          durationMinutes: plan.durationMinutes,
          customerObjective: plan.customerObjective,
          agenda: plan.agenda.map((item, index) => {
            const internal = other.agenda[Math.min(index, other.agenda.length - 1)]!;
            const lead = index === 0 || index === plan.agenda.length - 1 ? 'rep' : internal.lead;
            return { ...internal, id: item.id, title: item.title, minutes: item.minutes, lead };
          }),
        };
        expect(customerAgendaText(mixed, clock)).toBe(customerAgendaText(plan, clock));
      }),
      { numRuns: 300 },
    );
  });
});
