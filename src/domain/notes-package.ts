// Bringing the rep's and the manager's records of one call together, with no server. Each browser exports a notes
// package (its call record, transitions, ticks, notes and debrief fields); the other imports it into its own record
// of the same call. Validated whole before anything is used, and idempotent: importing twice changes nothing.
import * as v from 'valibot';
import { CallSchema, type Call, type Transition } from './call';
import { DebriefSchema, type Debrief } from './debrief';
import { NoteSchema, type Note } from './note';

export const NOTES_PACKAGE_FORMAT = 'ridealong-notes';
export const NOTES_PACKAGE_VERSION = 1;
export const MAX_PACKAGE_NOTES = 20_000;
export const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;

export const NotesPackageSchema = v.strictObject({
  format: v.literal(NOTES_PACKAGE_FORMAT),
  version: v.literal(NOTES_PACKAGE_VERSION),
  exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  call: CallSchema,
  notes: v.pipe(v.array(NoteSchema), v.maxLength(MAX_PACKAGE_NOTES)),
  debrief: v.nullable(DebriefSchema),
});
export type NotesPackage = v.InferOutput<typeof NotesPackageSchema>;

export function notesPackage(call: Call, notes: Note[], debrief: Debrief | null, now: number): NotesPackage {
  return { format: NOTES_PACKAGE_FORMAT, version: NOTES_PACKAGE_VERSION, exportedAt: now, call, notes, debrief };
}

export type ParsedPackage = { ok: true; pkg: NotesPackage } | { ok: false; message: string };

export function parseNotesPackage(text: string, byteLength: number): ParsedPackage {
  if (byteLength > MAX_PACKAGE_BYTES)
    return { ok: false, message: 'That file is larger than 5 MB. Nothing was imported.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'That is not a Ridealong notes package (it isn’t JSON). Nothing was imported.' };
  }
  const head = parsed as { format?: unknown; version?: unknown } | null;
  if (head?.format !== NOTES_PACKAGE_FORMAT) {
    return { ok: false, message: 'That is not a Ridealong notes package. Nothing was imported.' };
  }
  if (typeof head.version === 'number' && head.version > NOTES_PACKAGE_VERSION) {
    return {
      ok: false,
      message: 'This was made by a newer version of Ridealong. Update Ridealong, then import it again.',
    };
  }
  const result = v.safeParse(NotesPackageSchema, parsed);
  if (!result.success) {
    return { ok: false, message: 'That notes package is damaged or incomplete, so nothing was imported.' };
  }
  if (result.output.notes.some((note) => note.callId !== result.output.call.id)) {
    return { ok: false, message: 'That notes package mixes notes from different calls, so nothing was imported.' };
  }
  return { ok: true, pkg: result.output };
}

/** How far apart two records of one call may start and still be the same call: people join a few minutes apart. */
export const SAME_CALL_WINDOW_MS = 2 * 60 * 60_000;

/** The local calls that could be the package's call: same plan, started close in time, most likely first. */
export function candidateCalls(pkgCall: Call, localCalls: Call[]): Call[] {
  return localCalls
    .filter(
      (call) => call.planId === pkgCall.planId && Math.abs(call.startedAt - pkgCall.startedAt) <= SAME_CALL_WINDOW_MS,
    )
    .sort((a, b) => Math.abs(a.startedAt - pkgCall.startedAt) - Math.abs(b.startedAt - pkgCall.startedAt));
}

export interface MergeResult {
  call: Call;
  /** The partner's notes, moved onto the local call; notes already there (same id) are left out. */
  newNotes: Note[];
  addedTransitions: number;
}

const transitionKey = (t: Transition) => `${t.at}:${t.toItemIndex}:${t.by}`;

/**
 * Merges the partner's record into the local one: transitions and question ticks are added (each once), notes are
 * moved onto the local call and kept once per id. Offsets and agenda items are recomputed against the local start,
 * so both authors share one axis. The local role stays: it says whose device this is.
 */
export function mergeNotesPackage(local: Call, localNotes: Note[], pkg: NotesPackage): MergeResult {
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
  const haveIds = new Set(localNotes.map((note) => note.id));
  const newNotes = pkg.notes
    .filter((note) => !haveIds.has(note.id))
    .map((note) => ({ ...note, callId: local.id, offsetMs: Math.max(0, note.at - local.startedAt) }));
  return { call, newNotes, addedTransitions: incoming.length };
}
