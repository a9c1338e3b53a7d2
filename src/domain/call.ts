// A call as it happened: which plan (frozen as it was at the start), who ran this device, and when the agenda moved.
import * as v from 'valibot';
import { isTeamsCallScreen, isZoomWebAppHome, meetingFromUrl, sameMeeting, type MeetingId } from './meeting-url';
import { AgendaIndexSchema, MAX_QUESTIONS, PlanSchema, type Plan } from './plan';
import { hash64 } from './derived-id';
import { EpochMsSchema, IdSchema, RevisionSchema } from './schema-parts';

export const ROLES = ['rep', 'manager'] as const;
export const RoleSchema = v.picklist(ROLES);
export type Role = v.InferOutput<typeof RoleSchema>;

export const MeetingIdSchema = v.strictObject({
  platform: v.picklist(['meet', 'zoom', 'teams', 'companion', 'tab']),
  // Meet's code, Zoom's number, Teams' meeting thread, meeting ID or `call` (src/domain/meeting-url.ts), a companion
  // window's plan hash (`companionMeeting`), or the host of a tab Ridealong was asked onto.
  code: v.pipe(
    v.string(),
    v.maxLength(253),
    v.regex(
      /^(?:[a-z]{3}-[a-z]{4}-[a-z]{3}|\d{9,16}|19:meeting_[A-Za-z0-9_-]{8,200}@thread\.v2|call|p[0-9a-f]{16}|[a-z0-9][a-z0-9.-]*)$/,
    ),
  ),
});

export const TransitionSchema = v.strictObject({
  at: EpochMsSchema,
  /** The agenda item that became current. */
  toItemIndex: AgendaIndexSchema,
  /** Whose device recorded it: the rep's transitions are authoritative, the manager's are observations. */
  by: RoleSchema,
});
export type Transition = v.InferOutput<typeof TransitionSchema>;

export const CALL_SCHEMA_VERSION = 1;
/**
 * Agenda moves in one call, both devices' together. A rep who moved every minute of an eight-hour call, with the
 * manager's observations merged in, records under a thousand; the debrief draws each one.
 */
export const MAX_TRANSITIONS = 2_000;
/** Question ticks in one call: each question of the plan at most once, with room for a plan edited mid-call. */
export const MAX_QUESTION_TICKS = 100;

export const CallSchema = v.strictObject({
  schemaVersion: v.literal(CALL_SCHEMA_VERSION),
  id: IdSchema,
  planId: IdSchema,
  /** The plan as agreed when the call started; later edits to the plan don't rewrite history. */
  planSnapshot: PlanSchema,
  role: RoleSchema,
  meeting: MeetingIdSchema,
  startedAt: EpochMsSchema,
  transitions: v.pipe(
    v.array(TransitionSchema),
    v.maxLength(MAX_TRANSITIONS, `More than ${MAX_TRANSITIONS} agenda moves, more than any real call makes`),
  ),
  /** Questions from the plan's checklist ticked as covered, each with when. */
  questionTicks: v.pipe(
    v.array(v.strictObject({ questionId: IdSchema, at: EpochMsSchema })),
    v.maxLength(
      MAX_QUESTION_TICKS,
      `More than ${MAX_QUESTION_TICKS} questions ticked, and a plan has at most ${MAX_QUESTIONS}`,
    ),
  ),
  /** The last moment an overlay showed this call; a call left without "End call" ended here. */
  lastSeenAt: EpochMsSchema,
  /** Set by "End call"; null while the call may still be running. */
  endedAt: v.nullable(EpochMsSchema),
  /**
   * Bumped by storage on every change, so a surface that hears of two changes out of order keeps the newer one
   * (`isNewerCall`). Absent on calls stored before it existed: those count as 0.
   */
  revision: v.optional(RevisionSchema),
});
export type Call = v.InferOutput<typeof CallSchema>;

export function startCall(plan: Plan, role: Role, meeting: MeetingId, now: number, id: string): Call {
  return {
    schemaVersion: CALL_SCHEMA_VERSION,
    id,
    planId: plan.id,
    planSnapshot: plan,
    role,
    meeting: { ...meeting },
    startedAt: now,
    transitions: [],
    questionTicks: [],
    lastSeenAt: now,
    endedAt: null,
  };
}

/**
 * Whether `incoming` may replace `shown` on screen: another call, or the same call at the same or a later revision.
 * Changes reach the HUD and the side panel over separate messages, which may arrive out of order.
 */
export function isNewerCall(incoming: Call, shown: Call | null): boolean {
  if (!shown || shown.id !== incoming.id) return true;
  return (incoming.revision ?? 0) >= (shown.revision ?? 0);
}

/**
 * Whether a call storage reports (after a write, or a change on another surface) replaces the one a surface shows:
 * never an older version of it, and never another call of the meeting that ended, which says nothing about the one
 * running now.
 */
export function replacesShownCall(incoming: Call, shown: Call | null): boolean {
  if (incoming.endedAt !== null && shown && shown.id !== incoming.id) return false;
  return isNewerCall(incoming, shown);
}

/**
 * Where a plan's call runs when it is run from the companion window: the plan's own meeting when its link is one (so
 * the meeting's tab picks the same call up), else a meeting of its own, named after the plan.
 */
export function companionMeeting(plan: Pick<Plan, 'id' | 'meetingLink'>): MeetingId {
  return meetingFromUrl(plan.meetingLink.trim()) ?? { platform: 'companion', code: `p${hash64(plan.id)}` };
}

/** The agenda item the call is on: the last transition's target, or the first item before any. */
export function currentItemIndex(call: Call): number {
  return call.transitions.at(-1)?.toItemIndex ?? 0;
}

/**
 * Moves the call to another agenda item, clamped to the agenda. Moving to the item already current records
 * nothing, so a double click on "Next" at the last item doesn't invent transitions.
 */
export function moveToItem(call: Call, toItemIndex: number, by: Role, now: number): Call {
  const lastIndex = call.planSnapshot.agenda.length - 1;
  const target = Math.min(Math.max(0, Math.trunc(toItemIndex)), lastIndex);
  if (target === currentItemIndex(call)) return call;
  return { ...call, transitions: [...call.transitions, { at: now, toItemIndex: target, by }] };
}

/** Ticks or unticks a question. Ticking twice keeps the first time: that is when it was covered. */
export function tickQuestion(call: Call, questionId: string, ticked: boolean, now: number): Call {
  const already = call.questionTicks.some((tick) => tick.questionId === questionId);
  if (ticked === already) return call;
  return {
    ...call,
    questionTicks: ticked
      ? [...call.questionTicks, { questionId, at: now }]
      : call.questionTicks.filter((tick) => tick.questionId !== questionId),
  };
}

/** Records that an overlay still shows the call. Never moves backwards, never after the end. */
export function markCallAlive(call: Call, now: number): Call {
  if (call.endedAt !== null || now <= call.lastSeenAt) return call;
  return { ...call, lastSeenAt: now };
}

export function endCall(call: Call, now: number): Call {
  if (call.endedAt !== null) return call;
  return { ...call, endedAt: Math.max(now, call.startedAt), lastSeenAt: Math.max(now, call.lastSeenAt) };
}

/** How long after the last sign of life a call left without "End call" counts as over. */
export const CALL_GONE_AFTER_MS = 10 * 60_000;

/** When the call ended: "End call", or the last moment it was seen alive once it has been gone a while. */
export function callEndedAt(call: Call, now: number): number | null {
  if (call.endedAt !== null) return call.endedAt;
  return now - call.lastSeenAt > CALL_GONE_AFTER_MS ? call.lastSeenAt : null;
}

/**
 * When the call ended, knowing which meeting tabs are open now. A call whose meeting is in no open tab ended when it
 * was last seen alive, even if that was a moment ago: the tab was closed, or it left the meeting. `openTabUrls` holds
 * the URLs of the open meeting-site tabs; a Zoom web-app home tab hides its meeting in a frame, and a Teams call
 * screen may not name its meeting, so they count as open.
 */
export function callEndedAtWithTabs(call: Call, openTabUrls: string[] | null, now: number): number | null {
  const ended = callEndedAt(call, now);
  // null: the open tabs are unknown (the query failed), so nothing is ended early on a guess.
  if (ended !== null || openTabUrls === null) return ended;
  // Only the meeting sites' tabs can be seen. A companion window's call or one on a tab Ridealong was asked onto is
  // in no such tab: it ends when it was last seen, a while ago.
  if (call.meeting.platform === 'companion' || call.meeting.platform === 'tab') return ended;
  const stillOpen = openTabUrls.some(
    (url) =>
      sameMeeting(meetingFromUrl(url), call.meeting) ||
      (call.meeting.platform === 'zoom' && isZoomWebAppHome(url)) ||
      (call.meeting.platform === 'teams' && isTeamsCallScreen(url)),
  );
  return stillOpen ? null : call.lastSeenAt;
}

/** A call started this long ago or less, in the same meeting and not ended, is picked up again on reload. */
export const RESUMABLE_CALL_MS = 12 * 60 * 60_000;

/**
 * The call a meeting's overlay picks up again: the latest one in this meeting, started within RESUMABLE_CALL_MS,
 * that has not ended. `recentCalls` are in the order they started.
 */
export function callToResume(recentCalls: Call[], meeting: MeetingId, now: number): Call | null {
  return (
    recentCalls
      .filter(
        (call) =>
          sameMeeting(call.meeting, meeting) &&
          now - call.startedAt <= RESUMABLE_CALL_MS &&
          callEndedAt(call, now) === null,
      )
      .at(-1) ?? null
  );
}

/** How long after its end the popup offers to debrief a call. */
export const DEBRIEF_OFFER_MS = 24 * 60 * 60_000;

/**
 * The call the popup offers to debrief: the newest of `newestFirst` that ended in the past day, knowing which meeting
 * tabs are open (`callEndedAtWithTabs`), with when it ended. A call that ended without "End call" is stored as ended
 * then by the caller.
 */
export function callToDebrief(
  newestFirst: Call[],
  openTabUrls: string[] | null,
  now: number,
): { call: Call; endedAt: number } | null {
  for (const call of newestFirst) {
    const endedAt = callEndedAtWithTabs(call, openTabUrls, now);
    if (endedAt !== null && now - endedAt < DEBRIEF_OFFER_MS) return { call, endedAt };
  }
  return null;
}
