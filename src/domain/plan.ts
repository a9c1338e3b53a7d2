// The joint-call plan, as far as the foundation needs it: what the call is, when, where, and the agreed agenda.
// The full plan (call type, objectives, roles, guardrails, questions) grows here in the plan issue.
import * as v from 'valibot';
import { meetingFromUrl, meetingKey } from './meeting-url';
import { EpochMsSchema, IdSchema } from './schema-parts';

export const MAX_TITLE_LENGTH = 200;
export const MAX_AGENDA_ITEMS = 30;
export const MAX_ITEM_MINUTES = 240;
export const MAX_MEETING_LINK_LENGTH = 2048;

const TitleSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TITLE_LENGTH));

export const AgendaItemSchema = v.strictObject({
  id: IdSchema,
  title: TitleSchema,
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ITEM_MINUTES)),
});
export type AgendaItem = v.InferOutput<typeof AgendaItemSchema>;

/** The stored shape of a plan. Data read back from storage or from a message passes this before use. */
export const PlanSchema = v.strictObject({
  id: IdSchema,
  title: TitleSchema,
  /** Epoch milliseconds. */
  scheduledStart: EpochMsSchema,
  meetingLink: v.nullable(v.pipe(v.string(), v.maxLength(MAX_MEETING_LINK_LENGTH))),
  /** `meet:abc-defg-hij`, derived from meetingLink; indexed so the overlay finds the plan from the tab's URL. */
  meetingKey: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  agenda: v.pipe(v.array(AgendaItemSchema), v.minLength(1), v.maxLength(MAX_AGENDA_ITEMS)),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  /** Bumped on every save; later issues use it to refuse a write based on a stale copy. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type Plan = v.InferOutput<typeof PlanSchema>;

/** What the plan form holds: strings, as typed. */
export interface PlanDraft {
  title: string;
  /** `YYYY-MM-DDTHH:mm` in local time, as an `<input type="datetime-local">` gives it. */
  scheduledStartLocal: string;
  meetingLink: string;
  agenda: { title: string; minutes: string }[];
}

export type PlanField =
  'title' | 'scheduledStart' | 'meetingLink' | 'agenda' | `agenda.${number}.title` | `agenda.${number}.minutes`;

export interface PlanProblem {
  field: PlanField;
  message: string;
}

export type PlanDraftResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

export interface PlanIdentity {
  id: string;
  now: number;
  /** Ids for agenda items, one per call; a counter in tests, crypto.randomUUID in the extension. */
  newItemId: () => string;
  /** The plan being edited, if any: keeps createdAt and bumps revision. */
  previous?: Plan;
}

/** Parses `YYYY-MM-DDTHH:mm` as local time. Returns null when the text is not such a date. */
export function parseLocalDateTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute);
  // Rejects 2026-02-31 and 25:00, which Date would silently roll over.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  if (date.getHours() !== hour || date.getMinutes() !== minute) return null;
  return date.getTime();
}

/** The inverse of parseLocalDateTime, for filling the form from a stored plan. */
export function formatLocalDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Checks what a person typed and turns it into a plan, or says what to fix, field by field. */
export function planFromDraft(draft: PlanDraft, identity: PlanIdentity): PlanDraftResult {
  const problems: PlanProblem[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'Give the call a title, for example the account name.' });
  else if (title.length > MAX_TITLE_LENGTH)
    problems.push({ field: 'title', message: `Keep the title under ${MAX_TITLE_LENGTH} characters.` });

  const scheduledStart = parseLocalDateTime(draft.scheduledStartLocal);
  if (scheduledStart === null)
    problems.push({ field: 'scheduledStart', message: 'Pick the date and time of the call.' });

  const link = draft.meetingLink.trim();
  const meeting = link === '' ? null : meetingFromUrl(link);
  if (link.length > MAX_MEETING_LINK_LENGTH) {
    problems.push({ field: 'meetingLink', message: 'That link is too long to be a meeting link.' });
  } else if (link !== '' && meeting === null) {
    problems.push({
      field: 'meetingLink',
      message:
        'Paste a Google Meet link (https://meet.google.com/abc-defg-hij) or a Zoom web-client link (https://app.zoom.us/wc/12345678901/join), or leave it empty.',
    });
  }

  const agenda: AgendaItem[] = [];
  const filledRows = draft.agenda.filter((row) => row.title.trim() !== '' || row.minutes.trim() !== '');
  if (filledRows.length === 0) problems.push({ field: 'agenda', message: 'Add at least one agenda item.' });
  if (filledRows.length > MAX_AGENDA_ITEMS)
    problems.push({ field: 'agenda', message: `Keep the agenda to ${MAX_AGENDA_ITEMS} items or fewer.` });
  draft.agenda.forEach((row, index) => {
    const itemTitle = row.title.trim();
    const minutesText = row.minutes.trim();
    if (itemTitle === '' && minutesText === '') return;
    if (itemTitle === '')
      problems.push({ field: `agenda.${index}.title`, message: `Item ${index + 1} needs a title.` });
    else if (itemTitle.length > MAX_TITLE_LENGTH)
      problems.push({
        field: `agenda.${index}.title`,
        message: `Keep item ${index + 1} under ${MAX_TITLE_LENGTH} characters.`,
      });
    const minutes = Number(minutesText);
    if (!/^\d+$/.test(minutesText) || minutes < 1 || minutes > MAX_ITEM_MINUTES) {
      problems.push({
        field: `agenda.${index}.minutes`,
        message: `Item ${index + 1} needs a time box of 1 to ${MAX_ITEM_MINUTES} whole minutes.`,
      });
    }
    agenda.push({ id: identity.previous?.agenda[index]?.id ?? identity.newItemId(), title: itemTitle, minutes });
  });

  if (problems.length > 0 || scheduledStart === null) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      id: identity.previous?.id ?? identity.id,
      title,
      scheduledStart,
      meetingLink: link === '' ? null : link,
      meetingKey: meeting ? meetingKey(meeting) : null,
      agenda,
      createdAt: identity.previous?.createdAt ?? identity.now,
      updatedAt: identity.now,
      revision: (identity.previous?.revision ?? 0) + 1,
    },
  };
}

/** A blank form with one empty agenda row. */
export function emptyPlanDraft(now: number): PlanDraft {
  const nextHalfHour = Math.ceil(now / (30 * 60_000)) * 30 * 60_000;
  return {
    title: '',
    scheduledStartLocal: formatLocalDateTime(nextHalfHour),
    meetingLink: '',
    agenda: [{ title: '', minutes: '' }],
  };
}

export function draftFromPlan(plan: Plan): PlanDraft {
  return {
    title: plan.title,
    scheduledStartLocal: formatLocalDateTime(plan.scheduledStart),
    meetingLink: plan.meetingLink ?? '',
    agenda: plan.agenda.map((item) => ({ title: item.title, minutes: String(item.minutes) })),
  };
}

export function plannedMinutes(plan: Pick<Plan, 'agenda'>): number {
  return plan.agenda.reduce((sum, item) => sum + item.minutes, 0);
}

/** How far a plan's start is from now, for "the plan for the call starting around now". */
export function isScheduledNear(plan: Pick<Plan, 'scheduledStart'>, now: number, windowMs: number): boolean {
  return Math.abs(plan.scheduledStart - now) <= windowMs;
}

/**
 * A ready-made joint call for people trying Ridealong for the first time, scheduled to start now.
 * The agenda follows the coaching articles: the rep opens and sets the agenda, questions come before the pitch,
 * and the rep asks for the next step at the end.
 */
export function samplePlanDraft(now: number, meetingLink = ''): PlanDraft {
  return {
    title: 'Acme Logistics: proposal review',
    scheduledStartLocal: formatLocalDateTime(Math.floor(now / 60_000) * 60_000),
    meetingLink,
    agenda: [
      { title: 'Open, introductions, agree the agenda', minutes: '5' },
      { title: 'Confirm their goals and timeline', minutes: '10' },
      { title: 'Walk through the proposal', minutes: '15' },
      { title: 'Questions and concerns', minutes: '10' },
      { title: 'Agree the next step', minutes: '5' },
    ],
  };
}
