import { afterEach, describe, expect, it } from 'vitest';
import { startCall } from '../../src/domain/call';
import {
  getCall,
  listCallsForPlan,
  listCallsNewestFirst,
  listCallsStartedSince,
  saveCall,
  updateCall,
} from '../../src/storage/calls';
import { closeDatabase, DATABASE_NAME, DATABASE_VERSION, openDatabase } from '../../src/storage/database';
import {
  deletePlan,
  getPlan,
  listPlansBySchedule,
  listPlansForMeeting,
  listPlansScheduledBetween,
  savePlan,
  savePlanEdit,
  StalePlanError,
} from '../../src/storage/plans';
import { PLAN, resetDatabase, T } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;

afterEach(resetDatabase);

describe('the database', () => {
  it('is "ridealong" version 3 with the stores and indexes later issues need, and the change log', async () => {
    const database = await openDatabase();
    expect(database.name).toBe('ridealong');
    expect(database.version).toBe(DATABASE_VERSION);
    expect([...database.objectStoreNames].sort()).toEqual(['calls', 'changes', 'debriefs', 'notePages', 'plans']);
    const transaction = database.transaction(['plans', 'calls', 'notePages', 'debriefs']);
    expect([...transaction.objectStore('plans').indexNames].sort()).toEqual(['byMeetingKey', 'byScheduledStart']);
    expect([...transaction.objectStore('calls').indexNames].sort()).toEqual(['byPlan', 'byStartedAt']);
    // A call's notes are stored in pages, found through their call.
    expect([...transaction.objectStore('notePages').indexNames]).toEqual(['byCall']);
    expect(transaction.objectStore('debriefs').keyPath).toBe('callId');
    // One row per change, numbered in the order committed (storage/commit.ts).
    const log = database.transaction('changes').store;
    expect(log.keyPath).toBe('seq');
    expect(log.autoIncrement).toBe(true);
  });

  it('closes its connection when another context needs to upgrade, instead of blocking it', async () => {
    await openDatabase();
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION + 1);
      request.onblocked = () => reject(new Error('blocked by the open connection'));
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
    });
    expect(upgraded).toBe(DATABASE_VERSION + 1);
  });
});

describe('plans', () => {
  it('round-trip through storage', async () => {
    await savePlan(PLAN);
    expect(await getPlan(PLAN.id)).toEqual(PLAN);
    await closeDatabase();
    expect(await getPlan(PLAN.id)).toEqual(PLAN);
  });

  it('are found by meeting and by time, soonest first', async () => {
    await savePlan({ ...PLAN, id: 'later', scheduledStart: T + 9_000 });
    await savePlan({ ...PLAN, id: 'sooner', scheduledStart: T + 2_000 });
    await savePlan({ ...PLAN, id: 'unlinked', scheduledStart: T + 5_000, meetingLink: '', meetingKey: null });
    await savePlan({
      ...PLAN,
      id: 'zoom',
      scheduledStart: T + 4_000,
      meetingKey: 'zoom:83456789012',
      meetingLink: 'https://zoom.us/wc/join/83456789012',
    });
    expect((await listPlansForMeeting('meet:abc-defg-hij')).map((plan) => plan.id)).toEqual(['sooner', 'later']);
    expect((await listPlansScheduledBetween(T + 3_000, T + 6_000)).map((plan) => plan.id)).toEqual([
      'zoom',
      'unlinked',
    ]);
    expect((await listPlansBySchedule()).map((plan) => plan.id)).toEqual(['sooner', 'zoom', 'unlinked', 'later']);
  });

  it('refuses a malformed plan and writes nothing', async () => {
    await expect(savePlan({ ...PLAN, agenda: [] })).rejects.toThrow();
    await expect(savePlan({ ...PLAN, title: '<b>'.repeat(100) })).rejects.toThrow();
    await expect(savePlan({ ...PLAN, extra: 'field' } as typeof PLAN)).rejects.toThrow();
    expect(await listPlansBySchedule()).toEqual([]);
  });

  it('can be deleted', async () => {
    await savePlan(PLAN);
    await deletePlan(PLAN.id);
    expect(await getPlan(PLAN.id)).toBeUndefined();
  });
});

describe('calls', () => {
  it('round-trip and are updated in one transaction', async () => {
    const call = startCall(PLAN, 'rep', MEETING, T + 10_000, 'call-1');
    await saveCall(call);
    expect(await getCall('call-1')).toEqual(call);
    const moved = await updateCall('call-1', (stored) => ({
      ...stored,
      transitions: [{ at: T + 11_000, toItemIndex: 1, by: 'rep' }],
    }));
    expect(moved?.transitions).toHaveLength(1);
    expect(await getCall('call-1')).toEqual(moved);
    expect(await listCallsForPlan(PLAN.id)).toEqual([moved]);
  });

  it('keeps both of two quick updates', async () => {
    await saveCall(startCall(PLAN, 'rep', MEETING, T + 10_000, 'call-1'));
    await Promise.all([
      updateCall('call-1', (call) => ({
        ...call,
        transitions: [...call.transitions, { at: T + 11_000, toItemIndex: 1, by: 'rep' }],
      })),
      updateCall('call-1', (call) => ({
        ...call,
        transitions: [...call.transitions, { at: T + 12_000, toItemIndex: 2, by: 'rep' }],
      })),
    ]);
    expect((await getCall('call-1'))?.transitions.map((transition) => transition.at)).toEqual([T + 11_000, T + 12_000]);
    // Each change is a revision, so a surface that hears of them out of order keeps the newer one.
    expect((await getCall('call-1'))?.revision).toBe(2);
  });

  it('refuses an update that would store a malformed call, and keeps the old one', async () => {
    const call = await saveCall(startCall(PLAN, 'rep', MEETING, T + 10_000, 'call-1'));
    await expect(updateCall('call-1', (stored) => ({ ...stored, role: 'boss' as 'rep' }))).rejects.toThrow();
    expect(await getCall('call-1')).toEqual(call);
    expect(await updateCall('missing', (stored) => stored)).toBeUndefined();
  });

  it('are listed newest first, a page at a time, and by start time', async () => {
    for (let index = 0; index < 5; index++)
      await saveCall(startCall(PLAN, 'rep', MEETING, T + 1_000 * index, `call-${index}`));
    expect((await listCallsNewestFirst(3)).map((call) => call.id)).toEqual(['call-4', 'call-3', 'call-2']);
    expect((await listCallsStartedSince(T + 3_000)).map((call) => call.id)).toEqual(['call-3', 'call-4']);
  });
});

describe('saving an edit', () => {
  it('bumps the revision of a stored plan and saves a new plan as it is', async () => {
    expect(await savePlanEdit(PLAN, T + 9_000)).toEqual(PLAN);
    const edited = await savePlanEdit({ ...PLAN, title: 'Renamed' }, T + 9_500);
    expect(edited).toMatchObject({ title: 'Renamed', revision: 2, updatedAt: T + 9_500 });
    expect(await getPlan(PLAN.id)).toEqual(edited);
  });

  it('refuses an edit of a stale copy, so another window’s change is not lost', async () => {
    await savePlan(PLAN);
    const otherWindow = await savePlanEdit({ ...PLAN, objective: 'From the other window' }, T + 9_000);
    await expect(savePlanEdit({ ...PLAN, title: 'Stale edit' }, T + 9_100)).rejects.toBeInstanceOf(StalePlanError);
    expect(await getPlan(PLAN.id)).toEqual(otherWindow);
  });
});
