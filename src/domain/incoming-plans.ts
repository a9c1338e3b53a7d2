// One gate for plans that arrive from outside (a share code, a file): the whole payload is checked against one
// schema before anything is used, and refusals are phrased for the person who brought it: which plan, which field,
// and what is wrong with it.
import * as v from 'valibot';
import { PlanSchema, type Plan } from './plan';
import { problemOf, type Issue } from './schema-issues';
import { shorten } from './text';

export const MAX_PLANS_PER_IMPORT = 500;

export type IncomingPlans = { ok: true; plans: Plan[] } | { ok: false; message: string };

export const NEWER_VERSION_MESSAGE =
  'This was made by a newer version of Ridealong. Update Ridealong, then import it again.';

const PlansSchema = v.pipe(v.array(PlanSchema), v.minLength(1), v.maxLength(MAX_PLANS_PER_IMPORT));

/**
 * Checks a parsed payload `{ [versionKey]: version, plans: [...] , ...extra }`. `extra` names the other keys the
 * format allows, so anything unexpected (a `__proto__` key included) is refused.
 */
export function validateIncomingPlans(
  parsed: unknown,
  format: { versionKey: string; version: number; extra?: Record<string, v.GenericSchema>; what: string },
): IncomingPlans {
  const version = (parsed as Record<string, unknown> | null)?.[format.versionKey];
  if (typeof version === 'number' && version > format.version) return { ok: false, message: NEWER_VERSION_MESSAGE };
  const schema = v.strictObject({
    [format.versionKey]: v.literal(format.version),
    plans: PlansSchema,
    ...format.extra,
  });
  const result = v.safeParse(schema, parsed);
  if (!result.success) {
    return {
      ok: false,
      message: `That ${format.what} is not a valid Ridealong plan: ${describeIssue(result.issues[0], parsed)}. Nothing was imported.`,
    };
  }
  return { ok: true, plans: result.output.plans as Plan[] };
}

/** The editor's names for the plan's fields, so a refusal points at something the user can find. */
const FIELD_NAMES = new Map<string, string>(
  Object.entries({
    schemaVersion: 'its format version',
    id: 'its id',
    callType: 'the call type',
    title: 'the title',
    account: 'the account',
    attendees: 'the customer attendees',
    scheduledStart: 'the start time',
    durationMinutes: 'the minutes planned',
    meetingLink: 'the meeting link',
    meetingKey: 'the meeting link',
    repName: 'the rep’s name',
    managerName: 'the manager’s name',
    objective: 'our objective',
    customerObjective: 'the customer’s objective',
    commitment: 'the commitment',
    agenda: 'the agenda',
    managerParts: 'the manager’s part',
    managerNote: 'the note on the manager’s part',
    doNotRaise: 'the topics not to raise',
    stepInWhen: 'when the manager steps in',
    stepInSignal: 'the agreed signal',
    stakes: 'the stakes',
    questions: 'the questions',
    reviewedTogetherAt: 'the “reviewed together” time',
    agendaSentAt: 'the “agenda sent” time',
    createdAt: 'the time it was created',
    updatedAt: 'the time it was changed',
    revision: 'its revision',
    syncedRevision: 'its synced revision',
    team: 'its team sharing',
  }),
);
const ITEM_NAMES = new Map<string, string>(
  Object.entries({
    attendees: 'attendee',
    agenda: 'agenda item',
    doNotRaise: 'topic',
    questions: 'question',
    managerParts: 'manager’s part',
  }),
);

/** One sentence fragment: "plan 2 (“Acme: renewal”), agenda item 3, minutes: must be at most 240". */
export function describeIssue(issue: Issue | undefined, parsed: unknown): string {
  if (!issue) return 'it could not be read';
  const keys = (issue.path ?? []).map((step) => step.key);
  const where: string[] = [];
  if (keys[0] === 'plans' && typeof keys[1] === 'number') {
    const title = (parsed as { plans?: { title?: unknown }[] }).plans?.[keys[1]]?.title;
    const named = typeof title === 'string' && title.trim() !== '' ? ` (“${shorten(title.trim())}”)` : '';
    where.push(`plan ${keys[1] + 1}${named}`);
    where.push(...placeInPlan(keys.slice(2), issue));
  } else if (keys[0] === 'plans') {
    where.push('the list of plans');
  } else if (
    Array.isArray(parsed) ||
    (issue.type === 'strict_object' && issue.expected !== 'never' && (keys.length === 0 || issue.input === undefined))
  ) {
    return 'it holds no plans in the shape Ridealong writes';
  } else if (keys.length > 0) {
    where.push(`the field “${shorten(String(keys[0]))}”`);
  }
  const place = where.length > 0 ? `${where.join(', ')}: ` : '';
  return place + problemOf(issue, keys.at(-1));
}

/** For a plan being edited here: "agenda item 3, minutes: must be at most 240". */
export function describePlanIssue(issue: Issue): string {
  const keys = (issue.path ?? []).map((step) => step.key);
  const where = placeInPlan(keys, issue);
  return (where.length > 0 ? `${where.join(', ')}: ` : '') + problemOf(issue, keys.at(-1));
}

/** `keys` is the path inside one plan, e.g. `['agenda', 2, 'minutes']`. */
function placeInPlan(keys: unknown[], issue: Issue): string[] {
  const [field, index, part] = keys;
  const where: string[] = [];
  const unknownField = issue.type === 'strict_object' && issue.expected === 'never';
  // The problem itself names an unknown field; only known ones are looked up, so `__proto__` stays a plain string.
  if (typeof field === 'string' && !(unknownField && keys.length === 1)) {
    if (typeof index === 'number') where.push(`${ITEM_NAMES.get(field) ?? field} ${index + 1}`);
    else where.push(FIELD_NAMES.get(field) ?? `the field “${shorten(field)}”`);
    if (typeof part === 'string') where.push(part === 'managerCue' ? 'manager’s cue' : part);
  }
  return where;
}
