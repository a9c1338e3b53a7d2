import { describe, expect, it } from 'vitest';
import {
  callToDebrief,
  callToResume,
  currentItemIndex,
  endCall,
  isNewerCall,
  markCallAlive,
  moveToItem,
  replacesShownCall,
  startCall,
  type Call,
} from '../../src/domain/call';
import { PLAN } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;

describe('a call', () => {
  it('starts on the first agenda item with a snapshot of the plan', () => {
    const call = startCall(PLAN, 'rep', MEETING, 10_000, 'call-1');
    expect(call).toMatchObject({ id: 'call-1', planId: 'plan-1', role: 'rep', startedAt: 10_000, transitions: [] });
    expect(call.planSnapshot).toEqual(PLAN);
    expect(currentItemIndex(call)).toBe(0);
  });

  it('records each move with its time and who recorded it', () => {
    let call = startCall(PLAN, 'manager', MEETING, 10_000, 'call-1');
    call = moveToItem(call, 1, 'manager', 20_000);
    call = moveToItem(call, 2, 'manager', 30_000);
    call = moveToItem(call, 1, 'manager', 40_000);
    expect(call.transitions).toEqual([
      { at: 20_000, toItemIndex: 1, by: 'manager' },
      { at: 30_000, toItemIndex: 2, by: 'manager' },
      { at: 40_000, toItemIndex: 1, by: 'manager' },
    ]);
    expect(currentItemIndex(call)).toBe(1);
  });

  it('stays inside the agenda and records nothing when it would not move', () => {
    const call = startCall(PLAN, 'rep', MEETING, 10_000, 'call-1');
    expect(moveToItem(call, -1, 'rep', 20_000)).toBe(call);
    const atEnd = moveToItem(call, 99, 'rep', 20_000);
    expect(currentItemIndex(atEnd)).toBe(2);
    expect(moveToItem(atEnd, 3, 'rep', 30_000)).toBe(atEnd);
  });
});

describe('a call heard of twice, out of order', () => {
  const call = startCall(PLAN, 'rep', { platform: 'meet', code: 'abc-defg-hij' }, 10_000, 'call-1');
  it('keeps the newer revision on screen, and takes any version of another call', () => {
    const fifth = { ...moveToItem(call, 1, 'rep', 11_000), revision: 5 };
    const sixth = { ...moveToItem(fifth, 2, 'rep', 12_000), revision: 6 };
    expect(isNewerCall(fifth, sixth)).toBe(false);
    expect(isNewerCall(sixth, fifth)).toBe(true);
    expect(isNewerCall(sixth, sixth)).toBe(true);
    expect(isNewerCall(fifth, null)).toBe(true);
    expect(isNewerCall({ ...call, id: 'call-2' }, sixth)).toBe(true);
    // Stored before revisions existed: revision 0.
    expect(isNewerCall(call, fifth)).toBe(false);
  });

  it('replaces the call shown with its own newer versions, ended or not, and never with another call that ended', () => {
    const moved = { ...moveToItem(call, 1, 'rep', 11_000), revision: 1 };
    const ended = { ...endCall(moved, 12_000), revision: 2 };
    const other = { ...startCall(PLAN, 'rep', MEETING, 5_000, 'call-0'), revision: 3 };
    expect(replacesShownCall(moved, call)).toBe(true);
    expect(replacesShownCall(ended, moved)).toBe(true);
    expect(replacesShownCall(moved, ended)).toBe(false);
    // Another call of the meeting: a running one is shown (it started since), an ended one says nothing of this call.
    expect(replacesShownCall(other, moved)).toBe(true);
    expect(replacesShownCall(endCall(other, 13_000), moved)).toBe(false);
    // Nothing shown yet: any call storage reports, ended or running.
    expect(replacesShownCall(ended, null)).toBe(true);
  });
});

describe('decisions about which call', () => {
  const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
  const HOUR = 60 * 60_000;
  const NOW = 1_900_000_000_000;
  const at = (id: string, startedAt: number, meeting: Call['meeting'] = MEETING) =>
    markCallAlive(startCall(PLAN, 'rep', meeting, startedAt, id), NOW - 60_000);

  it('resumes the latest running call of this meeting, started in the past 12 hours', () => {
    const older = at('older', NOW - 2 * HOUR);
    const newer = at('newer', NOW - HOUR);
    const elsewhere = at('elsewhere', NOW - 30 * 60_000, { platform: 'meet', code: 'xyz-defg-hij' });
    expect(callToResume([older, newer, elsewhere], MEETING, NOW)?.id).toBe('newer');
    expect(callToResume([older, endCall(newer, NOW - 120_000)], MEETING, NOW)?.id).toBe('older');
    expect(callToResume([at('stale', NOW - 13 * HOUR)], MEETING, NOW)).toBeNull();
    expect(callToResume([], MEETING, NOW)).toBeNull();
    // Left without "End call" and not seen for over 10 minutes: it is over, not picked up again.
    const gone = markCallAlive(startCall(PLAN, 'rep', MEETING, NOW - HOUR, 'gone'), NOW - 11 * 60_000);
    expect(callToResume([gone], MEETING, NOW)).toBeNull();
  });

  it('offers to debrief the newest call that ended in the past day, with when it ended', () => {
    const ended = endCall(at('ended', NOW - 2 * HOUR), NOW - HOUR);
    const running = at('running', NOW - 30 * 60_000);
    const meetingTab = `https://meet.google.com/${MEETING.code}`;
    // Newest first: the running call is still in its tab, so the one that ended is offered.
    expect(callToDebrief([running, ended], [meetingTab], NOW)).toEqual({ call: ended, endedAt: NOW - HOUR });
    // Its tab closed: the running call ended when it was last seen, and it is the newest.
    expect(callToDebrief([running, ended], [], NOW)).toEqual({ call: running, endedAt: NOW - 60_000 });
    expect(callToDebrief([endCall(at('old', NOW - 30 * HOUR), NOW - 25 * HOUR)], [], NOW)).toBeNull();
    // The open tabs unknown: no running call is ended on a guess.
    expect(callToDebrief([running, ended], null, NOW)).toEqual({ call: ended, endedAt: NOW - HOUR });
    // A companion window's call is in no meeting tab: it ends only once it has not been seen for a while.
    const companion = at('companion', NOW - 30 * 60_000, { platform: 'companion', code: 'plan-1' });
    expect(callToDebrief([companion], [], NOW)).toBeNull();
  });
});
