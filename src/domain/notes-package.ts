// Bringing the rep's and the manager's records of one call together, with no server. Each browser exports a notes
// package (its call record, transitions, ticks, notes and debrief fields); the other imports it into its own record
// of the same call. Validated whole before anything is used, and idempotent: importing twice changes nothing.
import * as v from 'valibot';
import { packCode, unpackCode } from './compact-code';
import { CallSchema, type Call, type Transition } from './call';
import { DebriefSchema, debriefStatus, emptyDebrief, type Debrief } from './debrief';
import { derivedId } from './derived-id';
import { problemOf, type Issue } from './schema-issues';
import { EpochMsSchema } from './schema-parts';
import { shorten } from './text';
import { itemIndexAt, MAX_NOTES_PER_CALL, NoteSchema, type Note } from './note';
import { authoritativeTransitions } from './timeline';
import { openEnvelope } from './file-envelope';

export const NOTES_PACKAGE_FORMAT = 'ridealong-notes';
export const NOTES_PACKAGE_VERSION = 1;
export const MAX_PACKAGE_NOTES = MAX_NOTES_PER_CALL;
export const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;

export const NotesPackageSchema = v.strictObject({
  format: v.literal(NOTES_PACKAGE_FORMAT),
  version: v.literal(NOTES_PACKAGE_VERSION),
  exportedAt: EpochMsSchema,
  call: CallSchema,
  notes: v.pipe(
    v.array(NoteSchema),
    v.maxLength(MAX_PACKAGE_NOTES, `More than ${MAX_PACKAGE_NOTES} notes, more than any real call holds`),
  ),
  debrief: v.nullable(DebriefSchema),
});
export type NotesPackage = v.InferOutput<typeof NotesPackageSchema>;

export function notesPackage(call: Call, notes: Note[], debrief: Debrief | null, now: number): NotesPackage {
  return { format: NOTES_PACKAGE_FORMAT, version: NOTES_PACKAGE_VERSION, exportedAt: now, call, notes, debrief };
}

export type ParsedPackage = { ok: true; pkg: NotesPackage } | { ok: false; message: string };

export function parseNotesPackage(text: string, byteLength: number): ParsedPackage {
  const opened = openEnvelope(text, byteLength, {
    format: NOTES_PACKAGE_FORMAT,
    version: NOTES_PACKAGE_VERSION,
    maxBytes: MAX_PACKAGE_BYTES,
    messages: {
      tooLarge: 'That file is larger than 5 MB. Nothing was imported.',
      notJson: 'That is not a Ridealong notes package (it isn’t JSON). Nothing was imported.',
      notThisFormat: 'That is not a Ridealong notes package. Nothing was imported.',
      newer: 'This was made by a newer version of Ridealong. Update Ridealong, then import it again.',
    },
  });
  if (!opened.ok) return opened;
  const parsed = opened.parsed;
  const result = v.safeParse(NotesPackageSchema, parsed);
  if (!result.success) {
    const where = describePackageIssue(result.issues[0], parsed);
    return { ok: false, message: `That notes package is damaged (${where}), so nothing was imported.` };
  }
  if (result.output.notes.some((note) => note.callId !== result.output.call.id)) {
    return { ok: false, message: 'That notes package mixes notes from different calls, so nothing was imported.' };
  }
  return { ok: true, pkg: result.output };
}

/** Where a package breaks the schema, and how: "note 3 (“missed the budget hint”), text: longer than 1000 characters". */
export function describePackageIssue(issue: Issue | undefined, parsed: unknown): string {
  if (!issue) return 'it could not be read';
  const keys = (issue.path ?? []).map((step) => step.key);
  const [part, index, field] = keys;
  const where: string[] = [];
  if (part === 'notes' && typeof index === 'number') {
    const text = (parsed as { notes?: { text?: unknown }[] }).notes?.[index]?.text;
    const named = typeof text === 'string' && text.trim() !== '' ? ` (“${shorten(text.trim())}”)` : '';
    where.push(`note ${index + 1}${named}`);
    const unknownField = issue.type === 'strict_object' && issue.expected === 'never' && keys.length === 3;
    if (typeof field === 'string' && !unknownField) where.push(field);
  } else if (part === 'notes' || part === 'call' || part === 'debrief') {
    where.push(part === 'notes' ? 'the list of notes' : part === 'call' ? 'the call' : 'the debrief');
    const inner = keys.slice(1).filter((key): key is string => typeof key === 'string');
    if (inner.length > 0 && !(issue.type === 'strict_object' && issue.expected === 'never' && keys.length === 2))
      where.push(inner.slice(0, 2).join(' '));
  }
  const problem = problemOf(issue, keys.at(-1), keys.length <= 1 ? 'a notes package' : 'in the shape Ridealong writes');
  return (where.length > 0 ? `${where.join(', ')}: ` : '') + problem;
}

export const NOTES_CODE_PREFIX = 'RN1.';
/** Longer than this, a code is no longer something to paste into a chat: the file is the way then. */
export const MAX_NOTES_CODE_CHARS = 20_000;

/** The package as one line to paste into chat, or null when it is too long for that (send the file instead). */
export async function notesCode(pkg: NotesPackage): Promise<string | null> {
  const code = await packCode(NOTES_CODE_PREFIX, JSON.stringify(pkg));
  return code.length <= MAX_NOTES_CODE_CHARS ? code : null;
}

/** Reads a pasted notes code, checked exactly as a package file is. */
export async function parseNotesCode(text: string): Promise<ParsedPackage> {
  const code = text.trim();
  if (code === '') return { ok: false, message: 'Paste your partner’s notes code first.' };
  if (code.length > MAX_NOTES_CODE_CHARS) return { ok: false, message: 'That is too long to be a notes code.' };
  const version = /^RN(\d+)\./.exec(code);
  if (!version) {
    return {
      ok: false,
      message: code.startsWith('RA')
        ? 'That is a plan’s share code. Import it from the popup’s Import plan; notes codes start with “RN1.”.'
        : 'That is not a Ridealong notes code. Notes codes start with “RN1.”.',
    };
  }
  if (Number(version[1]) > NOTES_PACKAGE_VERSION)
    return {
      ok: false,
      message: 'This was made by a newer version of Ridealong. Update Ridealong, then import it again.',
    };
  const unpacked = await unpackCode(code.slice(NOTES_CODE_PREFIX.length), MAX_PACKAGE_BYTES);
  if (!unpacked.ok && unpacked.reason === 'too-big')
    return { ok: false, message: 'That notes code unpacks to more than 5 MB. Nothing was imported.' };
  if (!unpacked.ok) {
    return {
      ok: false,
      message: 'That notes code is damaged or incomplete. Copy the whole line again, from “RN1.” to the end.',
    };
  }
  return parseNotesPackage(unpacked.json, unpacked.bytes);
}

/** Slack when matching two records of one call: people join and leave a few minutes apart. */
export const SAME_CALL_SLACK_MS = 15 * 60_000;

/** When a record of a call stopped: its end, or the last moment it was seen running. */
function recordEnd(call: Pick<Call, 'startedAt' | 'endedAt' | 'lastSeenAt'>): number {
  return Math.max(call.startedAt, call.endedAt ?? call.lastSeenAt);
}

/**
 * The local calls that could be the package's call: the same plan, and times that overlap (within a few minutes'
 * slack), most overlap first. No match, or more than one, means the person is asked.
 */
export function candidateCalls(pkgCall: Call, localCalls: Call[]): Call[] {
  const overlap = (call: Call) =>
    Math.min(recordEnd(call), recordEnd(pkgCall)) + SAME_CALL_SLACK_MS - Math.max(call.startedAt, pkgCall.startedAt);
  return localCalls
    .filter((call) => call.planId === pkgCall.planId && overlap(call) >= 0)
    .sort((a, b) => overlap(b) - overlap(a));
}

export interface MergeResult {
  call: Call;
  /** The debrief after the partner's fields were merged in; null when neither side has one. */
  debrief: Debrief | null;
  /** Whether the partner's debrief fields changed this device's debrief. */
  debriefChanged: boolean;
  /** The partner's notes, moved onto the local call; notes already there (same id) are left out. */
  newNotes: Note[];
  /** Of `newNotes`, those whose own id belongs to a note of another call here: they are stored under a copy id. */
  copiedNotes: number;
  /** Notes left out because both their id and their copy id belong to notes of other calls here. */
  skippedNotes: number;
  addedTransitions: number;
}

/** The id a note takes on `callId` when its own id belongs to a note of another call. */
export function noteCopyId(callId: string, noteId: string): string {
  return derivedId('note', callId, noteId);
}

const transitionKey = (t: Transition) => `${t.at}:${t.toItemIndex}:${t.by}`;

/**
 * Merges the partner's record into the local one: transitions and question ticks are added (each once), notes are
 * moved onto the local call and kept once per id. Offsets and agenda items are recomputed against the local start,
 * so both authors share one axis. The local role stays: it says whose device this is.
 *
 * Nothing of another call changes. `storedOwners` maps note ids already stored here (on any call) to their call;
 * a partner note whose id belongs to another call's note is stored under noteCopyId instead, so that note stays
 * where it is, and importing again finds the copy. Only a copy id that is taken too leaves the note out.
 */
export function mergeNotesPackage(
  local: Call,
  localNotes: Note[],
  pkg: NotesPackage,
  localDebrief: Debrief | null = null,
  storedOwners: ReadonlyMap<string, string> = new Map(),
): MergeResult {
  const known = new Set(local.transitions.map(transitionKey));
  const incoming = pkg.call.transitions.filter((transition) => !known.has(transitionKey(transition)));
  const transitions = [...local.transitions, ...incoming].sort((a, b) => a.at - b.at);
  const ticked = new Map(local.questionTicks.map((tick) => [tick.questionId, tick.at]));
  for (const tick of pkg.call.questionTicks) {
    const existing = ticked.get(tick.questionId);
    if (existing === undefined || tick.at < existing) ticked.set(tick.questionId, tick.at);
  }
  const call: Call = {
    ...local,
    transitions,
    questionTicks: [...ticked].map(([questionId, at]) => ({ questionId, at })).sort((a, b) => a.at - b.at),
    lastSeenAt: Math.max(local.lastSeenAt, pkg.call.lastSeenAt),
  };
  const owners = new Map(storedOwners);
  for (const note of localNotes) owners.set(note.id, local.id);
  // The item a note belongs to follows the transitions that win (the rep's), not the ones its author saw.
  const winning = { transitions: authoritativeTransitions(call) };
  const lastItem = local.planSnapshot.agenda.length - 1;
  const newNotes: Note[] = [];
  let copiedNotes = 0;
  let skippedNotes = 0;
  for (const note of pkg.notes) {
    const own = owners.get(note.id);
    if (own === local.id) continue;
    let id = note.id;
    if (own !== undefined) {
      id = noteCopyId(local.id, note.id);
      const copyOwner = owners.get(id);
      if (copyOwner === local.id) continue;
      if (copyOwner !== undefined) {
        skippedNotes++;
        continue;
      }
      copiedNotes++;
    }
    owners.set(id, local.id);
    newNotes.push({
      ...note,
      id,
      callId: local.id,
      offsetMs: Math.max(0, note.at - local.startedAt),
      itemIndex: Math.min(itemIndexAt(winning, note.at), lastItem),
    });
  }
  const debrief = mergeDebriefs(localDebrief, local, pkg.debrief, pkg.call.role);
  const debriefChanged = visibleDebrief(debrief) !== visibleDebrief(localDebrief);
  return { call, newNotes, copiedNotes, skippedNotes, addedTransitions: incoming.length, debrief, debriefChanged };
}

/**
 * A debrief as a person sees it, to tell whether a merge changed it: a debrief not started yet looks like none, and
 * the time of its last edit shows nowhere. (A manager's debrief with only a self-assessment, which stays on the
 * manager's device, brings nothing to the rep's.)
 */
function visibleDebrief(debrief: Debrief | null): string | null {
  return debrief && debriefStatus(debrief) !== 'not-started' ? JSON.stringify({ ...debrief, updatedAt: 0 }) : null;
}

/**
 * Why a merge can't be stored, in words, or null when it can: the merged call past a bound (more agenda moves or
 * notes than any real call), or a merged record that no longer passes its schema.
 */
export function mergeProblem(merged: MergeResult, localNoteCount: number): string | null {
  const notes = localNoteCount + merged.newNotes.length;
  if (notes > MAX_NOTES_PER_CALL)
    return `Together the two records would hold ${notes} notes, more than the ${MAX_NOTES_PER_CALL} any real call holds, so nothing was merged.`;
  const call = v.safeParse(v.object({ call: CallSchema }), { call: merged.call });
  if (!call.success)
    return `The merged call would be damaged (${describePackageIssue(call.issues[0], { call: merged.call })}), so nothing was merged.`;
  for (const note of merged.newNotes) {
    const checked = v.safeParse(NoteSchema, note);
    if (!checked.success)
      return `A merged note would be damaged (${problemOf(checked.issues[0], checked.issues[0].path?.at(-1)?.key)}), so nothing was merged.`;
  }
  if (merged.debrief && !v.safeParse(DebriefSchema, merged.debrief).success)
    return 'The merged debrief would be damaged, so nothing was merged.';
  return null;
}

/**
 * Brings the partner's debrief fields into this device's debrief. A field one side left empty takes the other's.
 * When both wrote one: the self-assessment is the rep's own words, so the rep's version wins; the outcome and the
 * coaching are agreed together, so the more recently edited debrief wins. The result is keyed by the local call.
 *
 * On the rep's device the self-assessment is only ever the rep's own: the manager's record of it (typed on the
 * manager's device, or skipped there) stays out. Taken in, it would open the manager's notes here before the rep
 * answered "How did it feel?" or chose to skip it (see notesRevealed).
 */
export function mergeDebriefs(
  local: Debrief | null,
  localCall: Pick<Call, 'id' | 'role'>,
  incoming: Debrief | null,
  incomingRole: Call['role'],
): Debrief | null {
  if (!incoming) return local;
  const keepOwnSelfAssessment = localCall.role === 'rep' && incomingRole !== 'rep';
  const theirs: Debrief = {
    ...incoming,
    callId: localCall.id,
    selfAssessment: keepOwnSelfAssessment
      ? (local?.selfAssessment ?? emptyDebrief(localCall.id, incoming.outcome.commitmentKind, 0).selfAssessment)
      : incoming.selfAssessment,
  };
  if (!local) return theirs;
  const repFirst = localCall.role === 'rep' || incomingRole !== 'rep' ? [local, theirs] : [theirs, local];
  const newestFirst = theirs.updatedAt > local.updatedAt ? [theirs, local] : [local, theirs];
  const pick = <T>(order: Debrief[], read: (debrief: Debrief) => T, isEmpty: (value: T) => boolean): T => {
    const values = order.map(read);
    return values.find((value) => !isEmpty(value)) ?? values[0]!;
  };
  const blank = (text: string) => text.trim() === '';
  const self = (key: 'feel' | 'wentWell' | 'doDifferently') =>
    pick(repFirst, (debrief) => debrief.selfAssessment[key], blank);
  return {
    ...local,
    selfAssessment: {
      feel: self('feel'),
      wentWell: self('wentWell'),
      doDifferently: self('doDifferently'),
      skipped: local.selfAssessment.skipped && theirs.selfAssessment.skipped,
    },
    outcome: {
      objectiveMet: pick(
        newestFirst,
        (debrief) => debrief.outcome.objectiveMet,
        (value) => value === null,
      ),
      commitmentKind: pick(
        newestFirst,
        (debrief) => debrief.outcome.commitmentKind,
        () => false,
      ),
      commitmentSecured: pick(newestFirst, (debrief) => debrief.outcome.commitmentSecured, blank),
      customerObjectiveAddressed: pick(
        newestFirst,
        (debrief) => debrief.outcome.customerObjectiveAddressed,
        (value) => value === null,
      ),
    },
    coaching: {
      wentWell: pick(
        newestFirst,
        (debrief) => debrief.coaching.wentWell,
        (list) => list.every(blank),
      ),
      doDifferently: pick(
        newestFirst,
        (debrief) => debrief.coaching.doDifferently,
        (list) => list.every(blank),
      ),
      nextCallCommitment: pick(newestFirst, (debrief) => debrief.coaching.nextCallCommitment, blank),
    },
    ...withFollowUp(
      pick(
        newestFirst,
        (debrief) => debrief.followUp ?? null,
        (value) => value === null,
      ),
    ),
    updatedAt: Math.max(local.updatedAt, theirs.updatedAt),
  };
}

/** The follow-up rating as a field, or nothing when neither side rated it (the field stays absent, as it was). */
function withFollowUp(followUp: Debrief['followUp'] | null): Pick<Debrief, 'followUp'> {
  return followUp ? { followUp } : {};
}
