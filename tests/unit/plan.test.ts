import { describe, expect, it } from 'vitest';
import {
  draftFromPlan,
  emptyPlanDraft,
  formatLocalDateTime,
  parseLocalDateTime,
  planFromDraft,
  plannedMinutes,
  samplePlanDraft,
  type PlanDraft,
} from '../../src/domain/plan';

const NOW = new Date(2026, 10, 24, 9, 12).getTime();

function identity(previous?: Parameters<typeof planFromDraft>[1]['previous']) {
  let counter = 0;
  return { id: 'plan-1', now: NOW, newItemId: () => `item-${++counter}`, previous };
}

const DRAFT: PlanDraft = {
  title: '  Acme: proposal review ',
  scheduledStartLocal: '2026-11-24T10:00',
  meetingLink: 'https://meet.google.com/abc-defg-hij?authuser=1',
  agenda: [
    { title: 'Open and agree the agenda', minutes: '5' },
    { title: '', minutes: '' },
    { title: 'Walk through the proposal', minutes: '20' },
  ],
};

describe('planFromDraft', () => {
  it('turns a filled form into a plan linked to its meeting, skipping empty rows', () => {
    const result = planFromDraft(DRAFT, identity());
    expect(result).toEqual({
      ok: true,
      plan: {
        id: 'plan-1',
        title: 'Acme: proposal review',
        scheduledStart: new Date(2026, 10, 24, 10, 0).getTime(),
        meetingLink: 'https://meet.google.com/abc-defg-hij?authuser=1',
        meetingKey: 'meet:abc-defg-hij',
        agenda: [
          { id: 'item-1', title: 'Open and agree the agenda', minutes: 5 },
          { id: 'item-2', title: 'Walk through the proposal', minutes: 20 },
        ],
        createdAt: NOW,
        updatedAt: NOW,
        revision: 1,
      },
    });
  });

  it('allows a plan without a meeting link', () => {
    const result = planFromDraft({ ...DRAFT, meetingLink: ' ' }, identity());
    expect(result.ok && result.plan.meetingLink === null && result.plan.meetingKey === null).toBe(true);
  });

  it('says what to fix, field by field', () => {
    const result = planFromDraft(
      {
        title: ' ',
        scheduledStartLocal: '2026-02-31T10:00',
        meetingLink: 'https://teams.microsoft.com/l/meetup-join/123',
        agenda: [
          { title: 'Open', minutes: '0' },
          { title: '', minutes: '10' },
          { title: 'Pitch', minutes: '2.5' },
        ],
      },
      identity(),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.field)).toEqual([
      'title',
      'scheduledStart',
      'meetingLink',
      'agenda.0.minutes',
      'agenda.1.title',
      'agenda.2.minutes',
    ]);
    expect(!result.ok && result.problems[2]!.message).toContain('https://meet.google.com/abc-defg-hij');
  });

  it('needs at least one agenda item', () => {
    const result = planFromDraft({ ...DRAFT, agenda: [{ title: '', minutes: '' }] }, identity());
    expect(!result.ok && result.problems).toEqual([{ field: 'agenda', message: 'Add at least one agenda item.' }]);
  });

  it('keeps the id, creation time and item ids of an edited plan, and bumps its revision', () => {
    const first = planFromDraft(DRAFT, identity());
    if (!first.ok) throw new Error('draft should be valid');
    const later = { ...identity(first.plan), id: 'ignored', now: NOW + 60_000 };
    const edited = planFromDraft({ ...draftFromPlan(first.plan), title: 'Acme: final proposal' }, later);
    expect(edited.ok && edited.plan).toMatchObject({
      id: 'plan-1',
      title: 'Acme: final proposal',
      createdAt: NOW,
      updatedAt: NOW + 60_000,
      revision: 2,
      agenda: [{ id: 'item-1' }, { id: 'item-2' }],
    });
  });
});

describe('local date and time', () => {
  it('round-trips through the form format', () => {
    const at = new Date(2026, 0, 5, 7, 30).getTime();
    expect(formatLocalDateTime(at)).toBe('2026-01-05T07:30');
    expect(parseLocalDateTime('2026-01-05T07:30')).toBe(at);
  });

  it.each(['', '2026-13-01T10:00', '2026-02-29T10:00', '2026-01-01T24:00', '2026-01-01 10:00', 'tomorrow'])(
    'refuses %j',
    (text) => expect(parseLocalDateTime(text)).toBeNull(),
  );
});

describe('templates', () => {
  it('starts an empty form at the next half hour', () => {
    expect(emptyPlanDraft(NOW).scheduledStartLocal).toBe('2026-11-24T09:30');
  });

  it('offers a valid sample plan that ends with the rep asking for the next step', () => {
    const result = planFromDraft(samplePlanDraft(NOW), identity());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.scheduledStart).toBe(NOW);
    expect(result.plan.agenda.at(-1)!.title).toMatch(/next step/i);
    expect(plannedMinutes(result.plan)).toBe(45);
  });
});
