// Answers the overlay frame's requests: storage calls and domain rules, nothing kept in memory, because MV3 stops
// this worker after about 30 s idle and the next message starts a fresh one.
import { moveToItem, startCall } from '../domain/call';
import { meetingKey } from '../domain/meeting-url';
import type { MeetingState, OverlayReplies, OverlayRequest } from '../platform/messages';
import { listCallsStartedSince, saveCall, updateCall } from '../storage/calls';
import { getPlan, listPlansForMeeting, listPlansScheduledBetween } from '../storage/plans';

const NEARBY_WINDOW_MS = 2 * 60 * 60_000;
/** A call started this long ago or less, in the same meeting, is picked up again when the overlay reloads. */
const RESUMABLE_CALL_MS = 12 * 60 * 60_000;

export async function handleOverlayRequest(
  request: OverlayRequest,
  now: number,
  newId: () => string,
): Promise<OverlayReplies[OverlayRequest['type']]> {
  switch (request.type) {
    case 'meeting/state':
      return meetingState(meetingKey(request.meeting), now);
    case 'call/start': {
      const plan = await getPlan(request.planId);
      if (!plan) throw new Error('That plan no longer exists. Pick another one.');
      return saveCall(startCall(plan, request.role, request.meeting, now, newId()));
    }
    case 'call/moveTo': {
      const moved = await updateCall(request.callId, (call) =>
        moveToItem(call, request.toItemIndex, request.role, now),
      );
      if (!moved) throw new Error('That call is no longer stored.');
      return moved;
    }
  }
}

async function meetingState(key: string, now: number): Promise<MeetingState> {
  const [linkedPlans, scheduledNearNow, recentCalls] = await Promise.all([
    listPlansForMeeting(key),
    listPlansScheduledBetween(now - NEARBY_WINDOW_MS, now + NEARBY_WINDOW_MS),
    listCallsStartedSince(now - RESUMABLE_CALL_MS),
  ]);
  const linkedIds = new Set(linkedPlans.map((plan) => plan.id));
  const nearbyPlans = scheduledNearNow
    .filter((plan) => !linkedIds.has(plan.id))
    .sort((a, b) => Math.abs(a.scheduledStart - now) - Math.abs(b.scheduledStart - now));
  const activeCall = recentCalls.filter((call) => meetingKey(call.meeting) === key).at(-1) ?? null;
  return { linkedPlans, nearbyPlans, activeCall };
}
