import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/domain/readiness';
import { planFromTemplate } from '../../src/domain/templates';
import { PLAN, T } from './fixtures';

const READY = { ...PLAN, reviewedTogetherAt: T + 2_000, agendaSentAt: T + 3_000 };
let counter = 0;
const fresh = (type: 'discovery' | 'advance' | 'close') =>
  planFromTemplate(type, { id: 'p', now: T, newId: () => `id-${++counter}` });

describe('readiness', () => {
  it('has nothing to say about a plan that is ready', () => {
    expect(readiness(READY)).toEqual([]);
  });

  it('lists what a fresh close plan is missing, most important first, each with a reason', () => {
    const gaps = readiness(fresh('close'));
    expect(gaps.map((gap) => gap.key)).toEqual([
      'objective',
      'customer-objective',
      'commitment',
      'guardrails',
      'step-in-signal',
      'meeting-link',
      'agenda-sent',
      'reviewed-together',
    ]);
    expect(gaps[2]!.message).toMatch(/what the order is/);
    for (const gap of gaps) expect(gap.reason.length).toBeGreaterThan(20);
  });

  it('asks less of a first call, which is for finding facts', () => {
    const keys = readiness(fresh('discovery')).map((gap) => gap.key);
    expect(keys).not.toContain('guardrails');
    expect(keys).not.toContain('step-in-signal');
    expect(readiness({ ...fresh('discovery'), commitment: { kind: 'next-step', text: '' } })[2]!.message).toMatch(
      /who does what, by when/,
    );
  });

  it('flags time boxes over the planned duration', () => {
    const gaps = readiness({ ...READY, durationMinutes: 25 });
    expect(gaps).toEqual([
      expect.objectContaining({ key: 'over-time', message: expect.stringContaining('30 min, over the 25') }),
    ]);
  });

  it('flags a missing or unusable meeting link, the agenda not sent, and no joint review', () => {
    expect(readiness({ ...READY, meetingLink: 'https://example.com/x', meetingKey: null }).map((g) => g.key)).toEqual([
      'meeting-link',
    ]);
    expect(readiness(PLAN).map((gap) => gap.key)).toEqual(['agenda-sent', 'reviewed-together']);
  });

  it('lets a low-stakes call go without a step-in signal', () => {
    expect(readiness({ ...READY, stakes: 'low', stepInSignal: '' })).toEqual([]);
    expect(readiness({ ...READY, stepInSignal: '' }).map((gap) => gap.key)).toEqual(['step-in-signal']);
  });
});
