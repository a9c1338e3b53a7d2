// The joint-call plan: the product's core object. The overlay, the notes and the debrief all hang off it.
//
// Text fields may be empty: the editor saves as you type, and an unfinished plan is still worth keeping. What is
// missing is reported by readiness() (src/domain/readiness.ts), not refused. What the schema refuses is structure:
// wrong types, sizes past the caps, and an agenda that takes opening or the final ask away from the rep.
import * as v from 'valibot';
import { meetingFromUrl, meetingKey } from './meeting-url';
import { EpochMsSchema, IdSchema, nameText, RevisionSchema } from './schema-parts';

export const PLAN_SCHEMA_VERSION = 1;

export const CALL_TYPES = ['discovery', 'advance', 'close'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const AGENDA_LEADS = ['rep', 'manager', 'customer'] as const;
export type AgendaLead = (typeof AGENDA_LEADS)[number];

export const MANAGER_PARTS = ['climate', 'questions', 'present', 'objections', 'observer'] as const;
export type ManagerPart = (typeof MANAGER_PARTS)[number];

export const STAKES = ['low', 'normal', 'high'] as const;
export type Stakes = (typeof STAKES)[number];

export const COMMITMENT_KINDS = ['order', 'next-step'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const MAX_AGENDA_ITEMS = 30;

/** Which agenda item a move or a note is about: an index into an agenda of at most MAX_AGENDA_ITEMS items. */
export const AgendaIndexSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(
    MAX_AGENDA_ITEMS - 1,
    `Must be at most ${MAX_AGENDA_ITEMS - 1}, as an agenda has at most ${MAX_AGENDA_ITEMS} items`,
  ),
);
export const MAX_ATTENDEES = 20;
export const MAX_DO_NOT_RAISE = 20;
export const MAX_QUESTIONS = 30;
export const MIN_ITEM_MINUTES = 1;
export const MAX_ITEM_MINUTES = 240;
export const MIN_CALL_MINUTES = 5;
export const MAX_CALL_MINUTES = 480;
export const MAX_MEETING_LINK_LENGTH = 2048;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const minutes = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const AttendeeSchema = v.strictObject({ id: IdSchema, name: nameText(100), role: nameText(100) });
export type Attendee = v.InferOutput<typeof AttendeeSchema>;

export const AgendaItemSchema = v.strictObject({
  id: IdSchema,
  title: nameText(200),
  minutes: minutes(MIN_ITEM_MINUTES, MAX_ITEM_MINUTES),
  lead: v.picklist(AGENDA_LEADS),
  /** What the manager does during this item: "share the Acme rollout story", "stay quiet, observe". */
  managerCue: text(300),
});
export type AgendaItem = v.InferOutput<typeof AgendaItemSchema>;

export const QuestionSchema = v.strictObject({ id: IdSchema, text: text(300) });
export type Question = v.InferOutput<typeof QuestionSchema>;

export const REP_OPENS_MESSAGE = 'The rep opens the call and sets the agenda, so the first item is always the rep’s.';
export const REP_ASKS_MESSAGE =
  'The rep asks for the business or the next step, so the last item is always the rep’s. The manager never makes the ask.';

/** The stored shape of a plan. Data read back from storage, a message, a share code or a file passes this first. */
export const PlanSchema = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(PLAN_SCHEMA_VERSION),
    id: IdSchema,
    callType: v.picklist(CALL_TYPES),
    /** The call's name in lists, e.g. "Acme Logistics: proposal review". */
    title: nameText(200),
    /** The customer company. */
    account: nameText(200),
    attendees: v.pipe(v.array(AttendeeSchema), v.maxLength(MAX_ATTENDEES)),
    scheduledStart: EpochMsSchema,
    durationMinutes: minutes(MIN_CALL_MINUTES, MAX_CALL_MINUTES),
    /** As typed; empty when there is none. */
    meetingLink: text(MAX_MEETING_LINK_LENGTH),
    /**
     * `meet:abc-defg-hij`, derived from meetingLink, or null when the link is not a meeting; indexed. A Teams thread
     * makes the longest keys (about 80 characters).
     */
    meetingKey: v.nullable(v.pipe(v.string(), v.maxLength(256))),
    repName: nameText(100),
    managerName: nameText(100),
    /** Our objective for this call. */
    objective: text(500),
    /** The customer's objective for this call, in their words. */
    customerObjective: text(500),
    /** The commitment we aim for: the order, or a named next step (who does what by when). */
    commitment: v.strictObject({ kind: v.picklist(COMMITMENT_KINDS), text: text(500) }),
    agenda: v.pipe(v.array(AgendaItemSchema), v.minLength(1), v.maxLength(MAX_AGENDA_ITEMS)),
    managerParts: v.pipe(v.array(v.picklist(MANAGER_PARTS)), v.maxLength(MANAGER_PARTS.length)),
    managerNote: text(500),
    /** Topics the manager must never raise. */
    doNotRaise: v.pipe(v.array(text(200)), v.maxLength(MAX_DO_NOT_RAISE)),
    /** When the manager may step in, and the agreed signal. */
    stepInWhen: text(300),
    stepInSignal: text(200),
    /** On a low-stakes call the rep may be left to fail, as a lesson. */
    stakes: v.picklist(STAKES),
    questions: v.pipe(v.array(QuestionSchema), v.maxLength(MAX_QUESTIONS)),
    /** When rep and manager reviewed the plan together; null until then. */
    reviewedTogetherAt: v.nullable(EpochMsSchema),
    /** When the agenda was sent to the customer; null until then. */
    agendaSentAt: v.nullable(EpochMsSchema),
    createdAt: EpochMsSchema,
    updatedAt: EpochMsSchema,
    /** Bumped on every save. Storage refuses a save based on a stale copy; import compares revisions. */
    revision: RevisionSchema,
    /**
     * The revision this browser last took from a share code or file. A local revision past it means the plan was
     * edited here since, so a newer incoming copy must ask before replacing it. Absent until the plan is imported.
     */
    syncedRevision: v.optional(RevisionSchema),
    /** Marked "Share with my team": team sync sends the plan, its calls, notes and debriefs. Absent means not shared. */
    team: v.optional(v.boolean()),
  }),
  v.check((plan) => plan.agenda[0]?.lead === 'rep', REP_OPENS_MESSAGE),
  v.check((plan) => plan.agenda.at(-1)?.lead === 'rep', REP_ASKS_MESSAGE),
  v.check((plan) => plan.meetingKey === meetingKeyOf(plan.meetingLink), 'The meeting key must match the link.'),
);
export type Plan = v.InferOutput<typeof PlanSchema>;

function meetingKeyOf(link: string): string | null {
  const meeting = link.trim() === '' ? null : meetingFromUrl(link.trim());
  return meeting ? meetingKey(meeting) : null;
}

export function plannedMinutes(plan: Pick<Plan, 'agenda'>): number {
  return plan.agenda.reduce((sum, item) => sum + item.minutes, 0);
}

export function isScheduledNear(plan: Pick<Plan, 'scheduledStart'>, now: number, windowMs: number): boolean {
  return Math.abs(plan.scheduledStart - now) <= windowMs;
}

/** The name a plan goes by in lists: its title, else its account, else a placeholder. */
export function planDisplayName(plan: Pick<Plan, 'title' | 'account'>): string {
  return plan.title.trim() || plan.account.trim() || 'Untitled call';
}

/** What is wrong with a meeting link, or null when it is empty or a meeting the overlay will recognise. */
export function meetingLinkProblem(link: string): string | null {
  const trimmed = link.trim();
  if (trimmed === '' || meetingFromUrl(trimmed)) return null;
  return 'Paste a Google Meet link (https://meet.google.com/abc-defg-hij), a Zoom web-client link (https://app.zoom.us/wc/12345678901/join) or a Microsoft Teams meeting link (https://teams.microsoft.com/l/meetup-join/…), or leave it empty.';
}

/** Sets the link and keeps the indexed meeting key in step with it. */
export function withMeetingLink(plan: Plan, link: string): Plan {
  return { ...plan, meetingLink: link, meetingKey: meetingKeyOf(link) };
}

export type AgendaChange =
  | { kind: 'add'; item: AgendaItem }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; index: number; to: number }
  | { kind: 'update'; index: number; changes: Partial<Omit<AgendaItem, 'id'>> };

export type AgendaChangeResult = { ok: true; plan: Plan } | { ok: false; message: string };

/**
 * Applies one agenda edit, or refuses it with the coaching reason. The rep owns opening the call and the final ask:
 * no edit may leave the first or the last item led by someone else. A new item goes before the final ask.
 */
export function changeAgenda(plan: Plan, change: AgendaChange): AgendaChangeResult {
  const agenda = [...plan.agenda];
  switch (change.kind) {
    case 'add':
      if (agenda.length >= MAX_AGENDA_ITEMS)
        return { ok: false, message: `Keep the agenda to ${MAX_AGENDA_ITEMS} items.` };
      agenda.splice(Math.max(agenda.length - 1, 1), 0, change.item);
      break;
    case 'remove':
      if (agenda.length <= 1) return { ok: false, message: 'A call needs at least one agenda item.' };
      agenda.splice(change.index, 1);
      break;
    case 'move': {
      if (change.to < 0 || change.to >= agenda.length) return { ok: false, message: 'That item can’t move further.' };
      const [moved] = agenda.splice(change.index, 1);
      if (!moved) return { ok: false, message: 'That item no longer exists.' };
      agenda.splice(change.to, 0, moved);
      break;
    }
    case 'update': {
      const current = agenda[change.index];
      if (!current) return { ok: false, message: 'That item no longer exists.' };
      agenda[change.index] = { ...current, ...change.changes };
      break;
    }
  }
  if (agenda[0]?.lead !== 'rep') return { ok: false, message: REP_OPENS_MESSAGE };
  if (agenda.at(-1)?.lead !== 'rep') return { ok: false, message: REP_ASKS_MESSAGE };
  return { ok: true, plan: { ...plan, agenda } };
}

/** Parses `YYYY-MM-DDTHH:mm` as local time. Returns null when the text is not such a date. */
export function parseLocalDateTime(input: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(input.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute);
  // Rejects 2026-02-31 and 25:00, which Date would silently roll over.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  if (date.getHours() !== hour || date.getMinutes() !== minute) return null;
  return date.getTime();
}

/** The inverse of parseLocalDateTime, for `<input type="datetime-local">`. */
export function formatLocalDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
