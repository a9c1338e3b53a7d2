import { afterEach, describe, expect, it } from 'vitest';
import { handleOverlayRequest } from '../../src/background/overlay-requests';
import { companionMeeting, type Call } from '../../src/domain/call';
import type { MeetingState } from '../../src/platform/messages';
import { getCall } from '../../src/storage/calls';
import { closeDatabase } from '../../src/storage/database';
import { savePlan } from '../../src/storage/plans';
import { PLAN, resetDatabase, T } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const HOUR = 60 * 60_000;
const NOW = T + 100 * HOUR;
let ids = 0;
const newId = () => `id-${++ids}`;

afterEach(resetDatabase);

describe('the service worker’s answers to the overlay', () => {
  it('offers the plan linked to this meeting first, then plans scheduled within two hours', async () => {
    await savePlan({ ...PLAN, id: 'linked', scheduledStart: NOW - 10 * HOUR });
    await savePlan({
      ...PLAN,
      id: 'near-later',
      scheduledStart: NOW + 90 * 60_000,
      meetingKey: null,
      meetingLink: '',
    });
    await savePlan({
      ...PLAN,
      id: 'near-sooner',
      scheduledStart: NOW - 30 * 60_000,
      meetingKey: 'zoom:83456789012',
      meetingLink: 'https://zoom.us/wc/join/83456789012',
    });
    await savePlan({ ...PLAN, id: 'far', scheduledStart: NOW + 3 * HOUR, meetingKey: null, meetingLink: '' });
    const state = (await handleOverlayRequest({ type: 'meeting/state', meeting: MEETING }, NOW, newId)) as MeetingState;
    expect(state.linkedPlans.map((plan) => plan.id)).toEqual(['linked']);
    expect(state.nearbyPlans.map((plan) => plan.id)).toEqual(['near-sooner', 'near-later']);
    expect(state.activeCall).toBeNull();
  });

  it('never starts a second live call for a plan: a start elsewhere goes on with the running one', async () => {
    await savePlan(PLAN);
    const start = (meeting: Call['meeting'], at: number) =>
      handleOverlayRequest({ type: 'call/start', planId: PLAN.id, meeting, role: 'rep' }, at, newId) as Promise<Call>;
    const inCompanion = await start(companionMeeting(PLAN), NOW);
    const onTab = await start(MEETING, NOW + 60_000);
    expect(onTab.id).toBe(inCompanion.id);
    // Once it has ended, the next start is a new call.
    await handleOverlayRequest({ type: 'call/end', callId: inCompanion.id }, NOW + 120_000, newId);
    const next = await start(MEETING, NOW + 180_000);
    expect(next.id).not.toBe(inCompanion.id);
  });

  it('runs a companion call in the plan’s own meeting when its link is one, so the meeting’s tab finds it', () => {
    expect(companionMeeting(PLAN)).toEqual(MEETING);
    const unlinked = companionMeeting({ id: PLAN.id, meetingLink: '' });
    expect(unlinked).toMatchObject({ platform: 'companion', code: expect.stringMatching(/^p[0-9a-f]{16}$/) });
    expect(companionMeeting({ id: PLAN.id, meetingLink: '' })).toEqual(unlinked);
    expect(companionMeeting({ id: 'another', meetingLink: '' })).not.toEqual(unlinked);
  });

  it('starts a call, moves it, and gives it back to a reloaded overlay from storage alone', async () => {
    await savePlan(PLAN);
    const started = (await handleOverlayRequest(
      { type: 'call/start', planId: PLAN.id, meeting: MEETING, role: 'rep' },
      NOW,
      newId,
    )) as Call;
    expect(await getCall(started.id)).toEqual(started);
    const moved = (await handleOverlayRequest(
      { type: 'call/moveTo', callId: started.id, toItemIndex: 1, role: 'rep' },
      NOW + 60_000,
      newId,
    )) as Call;
    expect(moved.transitions).toEqual([{ at: NOW + 60_000, toItemIndex: 1, by: 'rep' }]);
    // A fresh worker: nothing from memory, only what was committed.
    await closeDatabase();
    const state = (await handleOverlayRequest(
      { type: 'meeting/state', meeting: MEETING },
      NOW + 120_000,
      newId,
    )) as MeetingState;
    expect(state.activeCall).toEqual(moved);
    const elsewhere = (await handleOverlayRequest(
      { type: 'meeting/state', meeting: { platform: 'meet', code: 'xyz-defg-hij' } },
      NOW,
      newId,
    )) as MeetingState;
    expect(elsewhere.activeCall).toBeNull();
  });

  it('says so when the plan or the call is gone', async () => {
    await expect(
      handleOverlayRequest({ type: 'call/start', planId: 'gone', meeting: MEETING, role: 'rep' }, NOW, newId),
    ).rejects.toThrow('That plan no longer exists');
    await expect(
      handleOverlayRequest({ type: 'call/moveTo', callId: 'gone', toItemIndex: 1, role: 'rep' }, NOW, newId),
    ).rejects.toThrow('That call is no longer stored');
  });
});
