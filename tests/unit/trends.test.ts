import { describe, expect, it } from 'vitest';
import { endCall, startCall, tickQuestion, type Call } from '../../src/domain/call';
import { emptyDebrief, previousCommitment, type Debrief } from '../../src/domain/debrief';
import { createNote, DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import { repTrends } from '../../src/domain/trends';
import { PLAN } from './fixtures';

const MINUTE = 60_000;
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;

function record(
  id: string,
  rep: string,
  start: number,
  minutes: number,
  debrief: Partial<Debrief> | null,
  tags: number[] = [],
) {
  let call: Call = startCall({ ...PLAN, repName: rep, durationMinutes: 30 }, 'manager', MEETING, start, id);
  if (tags.length > 0) call = tickQuestion(call, 'q-1', true, start + MINUTE);
  call = endCall(call, start + minutes * MINUTE);
  const notes = tags.map((index, n) =>
    createNote(
      call,
      { tag: DEFAULT_NOTE_TAGS[index]!, text: '', author: 'manager' },
      start + n * MINUTE,
      `${id}-n${n}`,
    ),
  );
  return { call, notes, debrief: debrief ? { ...emptyDebrief(id, 'next-step', start), ...debrief } : null };
}

describe('trends per rep', () => {
  it('count a joint call once when both its records are here (team sync): the rep’s, not the manager’s', () => {
    const managers = record('m', 'Sam', 0, 30, null);
    const reps = {
      ...record('r', 'Sam', 0, 31, null),
      call: { ...record('r', 'Sam', 0, 31, null).call, role: 'rep' as const },
    };
    const later = record('later', 'Sam', 500 * MINUTE, 30, null);
    expect(repTrends([managers, reps, later], 1_000 * MINUTE).map((trend) => trend.calls)).toEqual([2]);
    // Without the rep's record, the manager's counts: it is the only record of that call here.
    expect(repTrends([managers, later], 1_000 * MINUTE).map((trend) => trend.calls)).toEqual([2]);
  });

  it('treat one rep’s name in another case or without accents as the same rep, shown as last written', () => {
    const trends = repTrends(
      [record('a', 'zoe muller ', 0, 30, null), record('b', 'Zoë Müller', 100 * MINUTE, 30, null)],
      1_000 * MINUTE,
    );
    expect(trends.map((trend) => [trend.rep, trend.calls])).toEqual([['Zoë Müller', 2]]);
  });

  it('count objectives met, average the overrun, share the questions covered, and rank the tags', () => {
    const outcome = (objectiveMet: Debrief['outcome']['objectiveMet']) => ({
      outcome: { ...emptyDebrief('x', 'next-step', 0).outcome, objectiveMet },
    });
    const trends = repTrends(
      [
        record('a', 'Sam', 0, 40, outcome('yes'), [0, 0, 2]),
        record('b', 'Sam', 100 * MINUTE, 30, outcome('partly'), [0]),
        record('c', 'Sam', 200 * MINUTE, 20, null),
        record('d', 'Alex', 0, 30, outcome('no')),
      ],
      1_000 * MINUTE,
    );
    expect(trends.map((trend) => trend.rep)).toEqual(['Alex', 'Sam']);
    const sam = trends[1]!;
    expect(sam).toMatchObject({
      calls: 3,
      objectiveMet: { yes: 1, partly: 1, no: 0 },
      objectiveUnknown: 1,
      averageOverrunMs: (10 * MINUTE) / 3,
      questionsCovered: 2 / 3,
    });
    expect(sam.topTags).toEqual([
      { tag: 'Missed buying signal', count: 3 },
      { tag: 'Great question', count: 1 },
    ]);
  });

  it('count commitments kept, out of those the next debrief rated', () => {
    const trend = repTrends(
      [
        record('a', 'Sam', 0, 30, { followUp: 'yes' }),
        record('b', 'Sam', 100 * MINUTE, 30, { followUp: 'partly' }),
        record('c', 'Sam', 200 * MINUTE, 30, { followUp: 'yes' }),
        record('d', 'Sam', 300 * MINUTE, 30, { followUp: null }),
        record('e', 'Sam', 400 * MINUTE, 30, null),
      ],
      1_000 * MINUTE,
    )[0]!;
    expect(trend.commitmentsFollowedUp).toEqual({ followed: 2, of: 3 });
  });

  it('show the direction month by month, oldest first', () => {
    const DAY = 24 * 60 * MINUTE;
    const nov = Date.UTC(2026, 10, 3);
    const dec = Date.UTC(2026, 11, 3);
    const outcome = (objectiveMet: Debrief['outcome']['objectiveMet']) => ({
      outcome: { ...emptyDebrief('x', 'next-step', 0).outcome, objectiveMet },
    });
    const trend = repTrends(
      [
        record('d1', 'Sam', dec, 30, outcome('yes'), [2]),
        record('n1', 'Sam', nov, 40, outcome('no'), [0, 0]),
        record('n2', 'Sam', nov + DAY, 50, outcome('partly'), [0]),
        record('n3', 'Sam', nov + 2 * DAY, 30, null),
        record('d2', 'Sam', dec + DAY, 30, outcome('yes')),
      ],
      dec + 10 * DAY,
    )[0]!;
    expect(trend.byMonth).toEqual([
      {
        month: '2026-11',
        calls: 3,
        objectiveMetShare: 0,
        averageOverrunMs: (10 * MINUTE + 20 * MINUTE) / 3,
        questionsCovered: 2 / 3,
        topTag: { tag: 'Missed buying signal', count: 3 },
      },
      {
        month: '2026-12',
        calls: 2,
        objectiveMetShare: 1,
        averageOverrunMs: 0,
        questionsCovered: 1 / 2,
        topTag: { tag: 'Great question', count: 1 },
      },
    ]);
  });

  it('group months by the calendar the page passes in', () => {
    const trend = repTrends([record('a', 'Sam', Date.UTC(2026, 10, 30, 23), 30, null)], 0, () => 'local month')[0]!;
    expect(trend.byMonth.map((month) => month.month)).toEqual(['local month']);
  });
});

describe('the previous call’s commitment', () => {
  it('is the most recent earlier one the rep committed to', () => {
    const debrief = (text: string) => ({
      ...emptyDebrief('x', 'next-step', 0),
      coaching: { wentWell: [], doDifferently: [], nextCallCommitment: text },
    });
    expect(
      previousCommitment([
        { callId: 'a', callName: 'A', startedAt: 1, debrief: debrief('Pause after the ask') },
        { callId: 'c', callName: 'C', startedAt: 3, debrief: debrief('  ') },
        { callId: 'b', callName: 'B', startedAt: 2, debrief: debrief(' Ask about budget first ') },
        { callId: 'd', callName: 'D', startedAt: 4, debrief: null },
      ]),
    ).toEqual({ callId: 'b', callName: 'B', startedAt: 2, text: 'Ask about budget first' });
    expect(previousCommitment([])).toBeNull();
  });
});
