import { describe, expect, it } from 'vitest';
import {
  callEndedAt,
  callEndedAtWithTabs,
  endCall,
  markCallAlive,
  moveToItem,
  startCall,
  tickQuestion,
} from '../../src/domain/call';
import {
  askCue,
  callProgress,
  formatClock,
  openQuestions,
  roleCues,
  timeStatus,
  timeSpentPerItem,
  timeStatusWords,
} from '../../src/domain/call-progress';
import { PLAN } from './fixtures';

const MINUTE = 60_000;
const T0 = 1_000_000;
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
// PLAN: Open 5 min (rep), Proposal 20 min (manager), Next step 5 min (rep); 30 minutes planned.
const call = startCall(PLAN, 'rep', MEETING, T0, 'call-1');

describe('callProgress', () => {
  it('starts on the first item with the clock at zero', () => {
    expect(callProgress(call, T0)).toMatchObject({
      itemIndex: 0,
      itemElapsedMs: 0,
      itemBoxMs: 5 * MINUTE,
      itemOverrunMs: 0,
      callElapsedMs: 0,
      callPlannedMs: 30 * MINUTE,
      isLastItem: false,
      askNow: false,
    });
    expect(callProgress(call, T0).nextItems.map((item) => item.title)).toEqual(['Proposal', 'Next step']);
  });

  it('times the current item from its transition, and shows an overrun of the item and of the call', () => {
    const moved = moveToItem(call, 1, 'rep', T0 + 4 * MINUTE);
    expect(callProgress(moved, T0 + 10 * MINUTE)).toMatchObject({
      itemIndex: 1,
      itemElapsedMs: 6 * MINUTE,
      itemLeftMs: 14 * MINUTE,
      callLeftMs: 20 * MINUTE,
      itemOverrunMs: 0,
    });
    expect(callProgress(moved, T0 + 26 * MINUTE).itemOverrunMs).toBe(2 * MINUTE);
    expect(callProgress(moved, T0 + 33 * MINUTE).callOverrunMs).toBe(3 * MINUTE);
  });

  it('cues the ask in the last item, or in the last five minutes of the planned time', () => {
    expect(callProgress(moveToItem(call, 2, 'rep', T0 + MINUTE), T0 + 2 * MINUTE)).toMatchObject({
      isLastItem: true,
      askNow: true,
    });
    expect(callProgress(call, T0 + 24 * MINUTE).askNow).toBe(false);
    expect(callProgress(call, T0 + 25 * MINUTE).askNow).toBe(true);
  });

  it('stops the clock when the call ended', () => {
    const ended = endCall(call, T0 + 12 * MINUTE);
    expect(callProgress(ended, T0 + 60 * MINUTE).callElapsedMs).toBe(12 * MINUTE);
  });
});

describe('role cues', () => {
  it('tell the rep they lead', () => {
    expect(roleCues(PLAN, 'rep', PLAN.agenda[1]!)).toEqual({
      now: 'You lead: the agenda, the transitions, the ask.',
      guardrails: [],
    });
  });

  it('give the manager this item’s part and the guardrails', () => {
    expect(roleCues(PLAN, 'manager', PLAN.agenda[1]!)).toEqual({
      now: 'Rep leads. Your part now: Tell the Northwind story',
      guardrails: [
        'Don’t raise: Price rise',
        'Step in only if: If integration questions stall — signal: Sam asks “Dana, your view?”',
      ],
    });
  });

  it('tell the manager to let the rep learn on a low-stakes call', () => {
    expect(roleCues({ ...PLAN, stakes: 'low' }, 'manager', PLAN.agenda[0]!).guardrails).toEqual([
      'Don’t raise: Price rise',
      'Let them learn: step in only to stop real damage.',
    ]);
  });

  it('word the ask for the rep by the commitment, and keep the manager out of it', () => {
    expect(askCue(PLAN, 'rep')).toBe('Secure the next step: Priya books the kickoff by Friday');
    expect(askCue({ ...PLAN, commitment: { kind: 'order', text: '' } }, 'rep')).toBe('Ask for the business.');
    expect(askCue(PLAN, 'manager')).toMatch(/The rep asks now/);
  });
});

describe('questions, liveness and the end of a call', () => {
  it('ticks a question once, with its time, and lists the ones still open', () => {
    const plan = {
      ...PLAN,
      questions: [
        { id: 'q-1', text: 'Why now?' },
        { id: 'q-2', text: 'Who decides?' },
      ],
    };
    let running = startCall(plan, 'manager', MEETING, T0, 'call-2');
    running = tickQuestion(running, 'q-1', true, T0 + MINUTE);
    expect(tickQuestion(running, 'q-1', true, T0 + 2 * MINUTE)).toBe(running);
    expect(running.questionTicks).toEqual([{ questionId: 'q-1', at: T0 + MINUTE }]);
    expect(openQuestions(running).map((question) => question.id)).toEqual(['q-2']);
    expect(tickQuestion(running, 'q-1', false, T0 + 3 * MINUTE).questionTicks).toEqual([]);
  });

  it('ends where it was last seen when left without "End call"', () => {
    const seen = markCallAlive(call, T0 + 20 * MINUTE);
    expect(markCallAlive(seen, T0 + 10 * MINUTE)).toBe(seen);
    expect(callEndedAt(seen, T0 + 25 * MINUTE)).toBeNull();
    expect(callEndedAt(seen, T0 + 31 * MINUTE)).toBe(T0 + 20 * MINUTE);
    const ended = endCall(seen, T0 + 22 * MINUTE);
    expect(callEndedAt(ended, T0 + 22 * MINUTE)).toBe(T0 + 22 * MINUTE);
    expect(markCallAlive(ended, T0 + 40 * MINUTE)).toBe(ended);
  });

  it('ends where it was last seen as soon as no open tab shows its meeting', () => {
    const seen = markCallAlive(call, T0 + 20 * MINUTE);
    const now = T0 + 21 * MINUTE;
    const meetingTab = `https://meet.google.com/${MEETING.code}?authuser=1`;
    expect(callEndedAtWithTabs(seen, [meetingTab], now)).toBeNull();
    expect(callEndedAtWithTabs(seen, [], now)).toBe(T0 + 20 * MINUTE);
    expect(callEndedAtWithTabs(seen, null, now)).toBeNull();
    expect(callEndedAtWithTabs(seen, ['https://meet.google.com/', 'https://meet.google.com/xyz-abcd-efg'], now)).toBe(
      T0 + 20 * MINUTE,
    );
    // A Zoom web-app home tab runs its meeting in a frame whose URL the popup can't see: it counts as still open.
    const zoomCall = { ...seen, meeting: { platform: 'zoom' as const, code: '84599988877' } };
    expect(callEndedAtWithTabs(zoomCall, ['https://app.zoom.us/wc/home'], now)).toBeNull();
    expect(callEndedAtWithTabs(endCall(seen, T0 + 20.5 * MINUTE), [meetingTab], now)).toBe(T0 + 20.5 * MINUTE);
    // A Teams call screen may not name its meeting: it counts as open for a Teams call.
    const teamsCall = { ...seen, meeting: { platform: 'teams' as const, code: 'call' } };
    expect(callEndedAtWithTabs(teamsCall, ['https://teams.microsoft.com/v2/#/modern-calling/'], now)).toBeNull();
  });

  it('leaves a companion window’s call, and one on a tab asked for, to their last sign of life', () => {
    // The popup sees only the meeting sites' tabs: no tab list says these calls are gone.
    for (const meeting of [
      { platform: 'companion' as const, code: 'p0123456789abcdef' },
      { platform: 'tab' as const, code: 'crm.example.test' },
    ]) {
      const seen = { ...markCallAlive(call, T0 + 20 * MINUTE), meeting };
      expect(callEndedAtWithTabs(seen, [], T0 + 21 * MINUTE)).toBeNull();
      expect(callEndedAtWithTabs(seen, [], T0 + 31 * MINUTE)).toBe(T0 + 20 * MINUTE);
    }
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [61_000, '1:01'],
    [3_725_000, '1:02:05'],
    [-5_000, '0:00'],
  ])('%i ms reads %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe('a time box at a glance', () => {
  it('is in time, then near the end for its last fifth (1 to 5 minutes), then over, said in words', () => {
    const minutes = (count: number) => count * 60_000;
    expect(timeStatus(minutes(3), minutes(10))).toBe('in-time');
    expect(timeStatusWords(minutes(3), minutes(10))).toBe('in time');
    expect(timeStatus(minutes(8), minutes(10))).toBe('near-end');
    expect(timeStatusWords(minutes(8), minutes(10))).toBe('2:00 left');
    // A short box still warns for its last minute; a long one from five minutes out, not a fifth.
    expect(timeStatus(minutes(3.5), minutes(5))).toBe('in-time');
    expect(timeStatus(minutes(4), minutes(5))).toBe('near-end');
    expect(timeStatus(minutes(54), minutes(60))).toBe('in-time');
    expect(timeStatus(minutes(55), minutes(60))).toBe('near-end');
    expect(timeStatus(minutes(10) + 1000, minutes(10))).toBe('over');
    expect(timeStatusWords(minutes(12.5), minutes(10))).toBe('2:30 over');
  });
});

describe('time spent per agenda item', () => {
  it('counts every visit, the current item up to now, and nothing for items not reached', () => {
    let moved = moveToItem(call, 1, 'rep', T0 + 4 * MINUTE);
    moved = moveToItem(moved, 0, 'rep', T0 + 10 * MINUTE);
    moved = moveToItem(moved, 1, 'rep', T0 + 11 * MINUTE);
    expect(timeSpentPerItem(moved, T0 + 15 * MINUTE)).toEqual([5 * MINUTE, 10 * MINUTE, 0]);
  });

  it('stops at the end of an ended call', () => {
    const ended = endCall(moveToItem(call, 2, 'rep', T0 + 20 * MINUTE), T0 + 26 * MINUTE);
    expect(timeSpentPerItem(ended, T0 + 90 * MINUTE)).toEqual([20 * MINUTE, 0, 6 * MINUTE]);
  });
});
