import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  changeAgenda,
  formatLocalDateTime,
  meetingLinkProblem,
  parseLocalDateTime,
  planDisplayName,
  plannedMinutes,
  PlanSchema,
  REP_ASKS_MESSAGE,
  REP_OPENS_MESSAGE,
  withMeetingLink,
  type AgendaItem,
} from '../../src/domain/plan';
import { planFromTemplate, samplePlan } from '../../src/domain/templates';
import { PLAN } from './fixtures';

const NOW = new Date(2026, 10, 24, 9, 12).getTime();
function context() {
  let counter = 0;
  return { id: 'plan-1', now: NOW, newId: () => `id-${++counter}` };
}
const ITEM: AgendaItem = { id: 'new', title: 'Pricing', minutes: 5, lead: 'rep', managerCue: '' };

describe('templates', () => {
  it('give a discovery call a short, question-heavy agenda and the five open questions', () => {
    const plan = planFromTemplate('discovery', context());
    expect(plan.durationMinutes).toBe(30);
    expect(plannedMinutes(plan)).toBeLessThanOrEqual(plan.durationMinutes);
    expect(plan.agenda.some((item) => /question|situation|goals/i.test(item.title))).toBe(true);
    expect(plan.questions.map((question) => question.text).join(' ')).toMatch(
      /urgent[\s\S]*buy[\s\S]*nothing[\s\S]*decide[\s\S]*competition/i,
    );
    expect(plan.managerParts).toContain('questions');
    expect(plan.commitment.kind).toBe('next-step');
  });

  it('end a close call with the rep asking for the order', () => {
    const plan = planFromTemplate('close', context());
    expect(plan.agenda.at(-1)).toMatchObject({ title: 'Ask for the order', lead: 'rep' });
    expect(plan.commitment.kind).toBe('order');
  });

  it('walk an advance call through the proposal and its concerns, with the manager’s part on each item', () => {
    const plan = planFromTemplate('advance', context());
    expect(plan.agenda.map((item) => item.title)).toContain('Walk through the proposal');
    expect(plan.agenda.every((item) => item.managerCue.length > 0)).toBe(true);
    expect(plannedMinutes(plan)).toBe(plan.durationMinutes);
  });

  it.each(['discovery', 'advance', 'close'] as const)('make a valid %s plan, opened and closed by the rep', (type) => {
    const plan = planFromTemplate(type, context());
    expect(v.is(PlanSchema, plan)).toBe(true);
    expect(plan.agenda[0]!.lead).toBe('rep');
    expect(plan.agenda.at(-1)!.lead).toBe('rep');
    expect(plan.scheduledStart).toBe(new Date(2026, 10, 24, 9, 30).getTime());
    expect(new Set([plan.id, ...plan.agenda.map((item) => item.id), ...plan.questions.map((q) => q.id)]).size).toBe(
      1 + plan.agenda.length + plan.questions.length,
    );
  });

  it('offer a sample plan with every section filled in', () => {
    const plan = samplePlan(context());
    expect(v.is(PlanSchema, plan)).toBe(true);
    expect(plan.scheduledStart).toBe(new Date(2026, 10, 24, 9, 12).getTime());
    for (const field of ['title', 'account', 'objective', 'customerObjective', 'stepInSignal'] as const) {
      expect(plan[field]).not.toBe('');
    }
  });
});

describe('the rep owns the opening and the ask', () => {
  it('is part of the schema, so no stored or imported plan breaks it', () => {
    const managerOpens = {
      ...PLAN,
      agenda: [{ ...PLAN.agenda[0]!, lead: 'manager' as const }, ...PLAN.agenda.slice(1)],
    };
    const customerCloses = {
      ...PLAN,
      agenda: [...PLAN.agenda.slice(0, 2), { ...PLAN.agenda[2]!, lead: 'customer' as const }],
    };
    expect(v.safeParse(PlanSchema, managerOpens).issues?.[0]?.message).toBe(REP_OPENS_MESSAGE);
    expect(v.safeParse(PlanSchema, customerCloses).issues?.[0]?.message).toBe(REP_ASKS_MESSAGE);
  });

  it('refuses an edit that would hand the first or last item to someone else, and says why', () => {
    expect(changeAgenda(PLAN, { kind: 'update', index: 0, changes: { lead: 'manager' } })).toEqual({
      ok: false,
      message: REP_OPENS_MESSAGE,
    });
    expect(changeAgenda(PLAN, { kind: 'update', index: 2, changes: { lead: 'customer' } })).toEqual({
      ok: false,
      message: REP_ASKS_MESSAGE,
    });
    // Moving the manager's item to the top, or removing the opening so the manager's item becomes first.
    expect(changeAgenda(PLAN, { kind: 'move', index: 1, to: 0 })).toMatchObject({
      ok: false,
      message: REP_OPENS_MESSAGE,
    });
    expect(changeAgenda(PLAN, { kind: 'remove', index: 0 })).toMatchObject({ ok: false, message: REP_OPENS_MESSAGE });
  });

  it('allows every other edit', () => {
    const retitled = changeAgenda(PLAN, { kind: 'update', index: 1, changes: { title: 'Demo', lead: 'customer' } });
    expect(retitled.ok && retitled.plan.agenda[1]).toMatchObject({ title: 'Demo', lead: 'customer' });
    const added = changeAgenda(PLAN, { kind: 'add', item: ITEM });
    expect(added.ok && added.plan.agenda.map((item) => item.id)).toEqual(['a', 'b', 'new', 'c']);
    const moved = changeAgenda(added.ok ? added.plan : PLAN, { kind: 'move', index: 2, to: 1 });
    expect(moved.ok && moved.plan.agenda.map((item) => item.id)).toEqual(['a', 'new', 'b', 'c']);
    const removed = changeAgenda(PLAN, { kind: 'remove', index: 1 });
    expect(removed.ok && removed.plan.agenda.map((item) => item.id)).toEqual(['a', 'c']);
  });

  it('keeps at least one item and stops at the ends', () => {
    const single = { ...PLAN, agenda: [PLAN.agenda[0]!] };
    expect(changeAgenda(single, { kind: 'remove', index: 0 }).ok).toBe(false);
    expect(changeAgenda(PLAN, { kind: 'move', index: 0, to: -1 }).ok).toBe(false);
    expect(changeAgenda(PLAN, { kind: 'move', index: 2, to: 3 }).ok).toBe(false);
  });
});

describe('meeting links', () => {
  it('keep the indexed meeting key in step with the link', () => {
    expect(withMeetingLink(PLAN, 'https://app.zoom.us/wc/83456789012/join').meetingKey).toBe('zoom:83456789012');
    expect(withMeetingLink(PLAN, '').meetingKey).toBeNull();
    expect(withMeetingLink(PLAN, 'https://meet.google.com/new').meetingKey).toBeNull();
    expect(v.is(PlanSchema, { ...PLAN, meetingKey: 'meet:zzz-zzzz-zzz' })).toBe(false);
  });

  it('say what is wrong with a link that is not a meeting', () => {
    expect(meetingLinkProblem('')).toBeNull();
    expect(meetingLinkProblem(' https://meet.google.com/abc-defg-hij ')).toBeNull();
    expect(meetingLinkProblem('https://teams.microsoft.com/l/meetup-join/1')).toMatch(/Google Meet link/);
  });
});

describe('names and dates', () => {
  it('name a plan by its title, else its account', () => {
    expect(planDisplayName({ title: ' ', account: 'Acme' })).toBe('Acme');
    expect(planDisplayName({ title: '', account: '' })).toBe('Untitled call');
  });

  it('round-trip local date and time through the form format', () => {
    const at = new Date(2026, 0, 5, 7, 30).getTime();
    expect(formatLocalDateTime(at)).toBe('2026-01-05T07:30');
    expect(parseLocalDateTime('2026-01-05T07:30')).toBe(at);
  });

  it.each(['', '2026-13-01T10:00', '2026-02-29T10:00', '2026-01-01T24:00', '2026-01-01 10:00', 'tomorrow'])(
    'refuse %j as a date',
    (input) => expect(parseLocalDateTime(input)).toBeNull(),
  );
});
