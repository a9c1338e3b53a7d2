// A timestamped observation during a call, mostly the manager's, silent and quick: a tag by number key, a line of
// text, Enter. Each note knows the agenda item that was current when it was taken.
import * as v from 'valibot';
import type { Call, Role } from './call';
import { RoleSchema } from './call';
import { EpochMsSchema, IdSchema } from './schema-parts';

export const NOTE_SCHEMA_VERSION = 1;
export const MAX_NOTE_TEXT = 1000;
/** Keys 1–9 pick the first nine tags; the rest are a click away. */
export const MAX_TAGS = 12;
export const TAG_KEYS = 9;

export interface NoteTag {
  label: string;
  /** A tag that records the manager stepping in; the debrief marks these on the timeline. */
  stepIn: boolean;
}

/** The default quick tags, from the coaching articles, in their order. Keys 1–9 pick the first nine; editable in
 * settings. "Custom" is for what no other tag names: the line of text says it. */
export const DEFAULT_NOTE_TAGS: NoteTag[] = [
  { label: 'Missed buying signal', stepIn: false },
  { label: 'Features without benefits (data dump)', stepIn: false },
  { label: 'Great question', stepIn: false },
  { label: 'Strong transition', stepIn: false },
  { label: 'Lost control of the call', stepIn: false },
  { label: 'Talked over the customer', stepIn: false },
  { label: 'Objection handled well', stepIn: false },
  { label: 'Guardrail crossed', stepIn: false },
  { label: 'I would step in here', stepIn: false },
  { label: 'I stepped in', stepIn: true },
  { label: 'Custom', stepIn: false },
];

export const NoteTagSchema = v.strictObject({
  label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
  stepIn: v.boolean(),
});

export const NoteSchema = v.strictObject({
  schemaVersion: v.literal(NOTE_SCHEMA_VERSION),
  id: IdSchema,
  callId: IdSchema,
  /** Wall-clock time the note was taken. */
  at: EpochMsSchema,
  /** Milliseconds from the call's start. */
  offsetMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The agenda item current at `at`. */
  itemIndex: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The tag's label as it was when the note was taken (tags can be renamed later); null for a plain note. */
  tag: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  text: v.pipe(v.string(), v.maxLength(MAX_NOTE_TEXT)),
  author: RoleSchema,
  stepIn: v.boolean(),
});
export type Note = v.InferOutput<typeof NoteSchema>;

/** The agenda item current at time `at`, given the call's transitions: the last move made at or before `at`. */
export function itemIndexAt(call: Pick<Call, 'transitions'>, at: number): number {
  let index = 0;
  for (const transition of call.transitions) {
    if (transition.at <= at) index = transition.toItemIndex;
    else break;
  }
  return index;
}

export function createNote(
  call: Call,
  input: { tag: NoteTag | null; text: string; author: Role },
  at: number,
  id: string,
): Note {
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id,
    callId: call.id,
    at,
    offsetMs: Math.max(0, at - call.startedAt),
    itemIndex: itemIndexAt(call, at),
    tag: input.tag?.label ?? null,
    text: input.text.trim().slice(0, MAX_NOTE_TEXT),
    author: input.author,
    stepIn: input.tag?.stepIn ?? false,
  };
}

/** A note is worth keeping when it has a tag or some text. */
export function isEmptyNote(input: { tag: NoteTag | null; text: string }): boolean {
  return input.tag === null && input.text.trim() === '';
}
