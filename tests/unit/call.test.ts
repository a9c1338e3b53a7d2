import { describe, expect, it } from 'vitest';
import { currentItemIndex, isNewerCall, moveToItem, startCall } from '../../src/domain/call';
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
});
