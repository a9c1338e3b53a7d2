import { describe, expect, it } from 'vitest';
import { endCall, startCall, tickQuestion, type Call } from '../../src/domain/call';
import { emptyDebrief, type Debrief } from '../../src/domain/debrief';
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

  it('count a coaching commitment as followed up when the rep’s next call was debriefed in turn', () => {
    const committed = { coaching: { wentWell: [], doDifferently: [], nextCallCommitment: 'Pause after the ask' } };
    const followed = repTrends(
      [
        record('a', 'Sam', 0, 30, committed),
        record('b', 'Sam', 100 * MINUTE, 30, { ...committed }),
        record('c', 'Sam', 200 * MINUTE, 30, null),
      ],
      1_000 * MINUTE,
    )[0]!;
    expect(followed.commitmentsFollowedUp).toEqual({ followed: 1, of: 2 });
  });
});
