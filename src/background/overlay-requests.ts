// Answers the overlay frame's requests: storage calls and domain rules, nothing kept in memory, because MV3 stops
// this worker after about 30 s idle and the next message starts a fresh one.
import {
  callEndedAt,
  callToResume,
  endCall,
  markCallAlive,
  moveToItem,
  RESUMABLE_CALL_MS,
  startCall,
  tickQuestion,
  type Call,
} from '../domain/call';
import { meetingKey, type MeetingId } from '../domain/meeting-url';
import { NEARBY_WINDOW_MS, offerPlans, searchPlans } from '../domain/plan-choice';
import type { MeetingState, OverlayReplies, OverlayRequest } from '../platform/messages';
import { getCall, listCallsForPlan, listCallsStartedSince, saveCall, updateCall } from '../storage/calls';
import { deleteNote, listNotesForCall, saveNote } from '../storage/notes';
import { enableCallPanel } from '../platform/side-panel';
import { syncNow, syncSoon } from './team-sync';
import { getPlan, listPlansBySchedule, listPlansForMeeting, listPlansScheduledBetween } from '../storage/plans';

const SEARCH_LIMIT = 20;

export async function handleOverlayRequest(
  request: OverlayRequest,
  now: number,
  newId: () => string,
  /** The tab the request came from, when it came from a frame in a tab. */
  tabId?: number,
): Promise<OverlayReplies[OverlayRequest['type']]> {
  switch (request.type) {
    case 'meeting/state':
      return meetingState(request.meeting, now);
    case 'call/start': {
      const plan = await getPlan(request.planId);
      if (!plan) throw new Error('That plan no longer exists. Pick another one.');
      // One live call per plan on a device: a call started in the companion window and opened on the meeting tab
      // (or the other way round) goes on, with one set of moves and notes.
      const live = (await listCallsForPlan(plan.id)).filter((call) => callEndedAt(call, now) === null).at(-1);
      if (live) return live;
      return saveCall(startCall(plan, request.role, request.meeting, now, newId()));
    }
    case 'call/moveTo':
      return changeCall(request.callId, (call) => moveToItem(call, request.toItemIndex, request.role, now));
    case 'call/tickQuestion':
      return changeCall(request.callId, (call) => tickQuestion(call, request.questionId, request.ticked, now));
    case 'call/alive':
      return changeCall(request.callId, (call) => markCallAlive(call, now), 'presence');
    case 'call/end':
      return changeCall(request.callId, (call) => endCall(call, now));
    case 'call/get':
      return (await getCall(request.callId)) ?? null;
    case 'plans/search':
      return searchPlans(await listPlansBySchedule(), request.query, SEARCH_LIMIT);
    case 'notes/save':
      if (!(await getCall(request.note.callId))) throw new Error('The call of this note is no longer stored.');
      return saveNote(request.note);
    case 'notes/list':
      return listNotesForCall(request.callId);
    case 'notes/delete':
      await deleteNote(request.callId, request.noteId);
      return null;
    case 'panel/enable':
      if (tabId === undefined) throw new Error('Only an overlay on a meeting tab has a side panel to enable.');
      await enableCallPanel(tabId, request.meeting);
      return { tabId };
    case 'sync/now':
      return syncNow();
    case 'sync/soon':
      await syncSoon();
      return null;
  }
}

async function changeCall(
  callId: string,
  change: (call: Call) => Call,
  origin: 'local' | 'presence' = 'local',
): Promise<Call> {
  const changed = await updateCall(callId, change, origin);
  if (!changed) throw new Error('That call is no longer stored.');
  return changed;
}

async function meetingState(meeting: MeetingId, now: number): Promise<MeetingState> {
  const [linked, scheduledAroundNow, recentCalls] = await Promise.all([
    listPlansForMeeting(meetingKey(meeting)),
    listPlansScheduledBetween(now - NEARBY_WINDOW_MS, now + NEARBY_WINDOW_MS),
    listCallsStartedSince(now - RESUMABLE_CALL_MS),
  ]);
  const offer = offerPlans(linked, scheduledAroundNow, now);
  const activeCall = callToResume(recentCalls, meeting, now);
  return { linkedPlans: offer.linked, nearbyPlans: offer.nearby, activeCall };
}
