// Refusals name the plan, the field and the problem, in the editor's words, so the person who brought the code or
// file can tell the sender what to fix.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { describePlanIssue, validateIncomingPlans } from '../../src/domain/incoming-plans';
import { PlanSchema } from '../../src/domain/plan';
import { PLAN } from './fixtures';

const FORMAT = { versionKey: 'v', version: 1, what: 'share code' };
function refusal(payload: unknown): string {
  const result = validateIncomingPlans(payload, FORMAT);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}
const second = (changes: Record<string, unknown>) => ({ v: 1, plans: [PLAN, { ...PLAN, id: 'plan-2', ...changes }] });

describe('refusals of incoming plans', () => {
  it('name the plan by its number and title, and the field by the editor’s name', () => {
    expect(refusal(second({ title: 'Initrode renewal', stakes: 'huge' }))).toBe(
      'That share code is not a valid Ridealong plan: plan 2 (“Initrode renewal”), the stakes: “huge” is not a value ' +
        'Ridealong knows. Nothing was imported.',
    );
  });

  it('point into lists: which agenda item, which part of it', () => {
    const agenda = [PLAN.agenda[0], { ...PLAN.agenda[1], minutes: 999 }, PLAN.agenda[2]];
    expect(refusal(second({ agenda }))).toContain(
      'plan 2 (“Acme: proposal review”), agenda item 2, minutes: must be at most 240',
    );
    const cue = [PLAN.agenda[0], { ...PLAN.agenda[1], managerCue: 'x'.repeat(301) }, PLAN.agenda[2]];
    expect(refusal(second({ agenda: cue }))).toContain('agenda item 2, manager’s cue: longer than 300 characters');
    expect(refusal(second({ doNotRaise: ['ok', 7] }))).toContain('topic 2: it has the wrong kind of value');
  });

  it('say which rule of the joint call a plan breaks', () => {
    const agenda = [{ ...PLAN.agenda[0], lead: 'manager' }, PLAN.agenda[2]];
    expect(refusal(second({ agenda }))).toContain(
      'plan 2 (“Acme: proposal review”): the rep opens the call and sets the agenda',
    );
  });

  it('name unknown and missing fields, hostile keys included', () => {
    expect(refusal(second({ price: 10 }))).toContain('it has a field Ridealong doesn’t know, “price”');
    const hostile = JSON.parse(
      JSON.stringify(second({})).replace('"id":"plan-2"', '"__proto__":{"x":1},"id":"plan-2"'),
    );
    expect(refusal(hostile)).toContain(
      'plan 2 (“Acme: proposal review”): it has a field Ridealong doesn’t know, “__proto__”',
    );
    const { title: _title, ...untitled } = PLAN;
    expect(refusal({ v: 1, plans: [untitled] })).toContain('plan 1, the title: it is missing');
    expect(refusal(second({ revision: '2' }))).toContain('its revision: it has the wrong kind of value');
    expect(refusal(second({ revision: 1.5 }))).toContain('its revision: must be a whole number');
  });

  it('describe the payload as a whole when it has no plans in the expected shape', () => {
    expect(refusal({ v: 1, plans: [] })).toContain('the list of plans: there are no plans in it');
    expect(refusal({ v: 1 })).toContain('the list of plans: it is missing');
    expect(refusal([PLAN])).toContain('it holds no plans in the shape Ridealong writes');
    expect(refusal(null)).toContain('it holds no plans in the shape Ridealong writes');
    expect(refusal({ v: 1, plans: ['Acme'] })).toContain('plan 1: it is not a plan');
  });

  it('keep a hostile title from flooding the message', () => {
    const message = refusal(second({ title: 'A'.repeat(10_000), stakes: 'huge' }));
    expect(message.length).toBeLessThan(200);
  });
});

describe('a plan refused while it is edited', () => {
  it('names the field without the plan around it', () => {
    const result = v.safeParse(PlanSchema, {
      ...PLAN,
      questions: Array.from({ length: 31 }, (_, i) => ({ id: `q${i}`, text: 'Why?' })),
    });
    expect(result.success).toBe(false);
    expect(describePlanIssue(result.issues![0])).toBe('the questions: more than 30 entries');
  });
});
