// A timestamped observation during a call, mostly the manager's, silent and quick: a tag by number key, a line of
// text, Enter. Each note knows the agenda item that was current when it was taken.
import * as v from 'valibot';
import type { Call, Role } from './call';
import { RoleSchema } from './call';
import { AgendaIndexSchema } from './plan';
import { DurationMsSchema, EpochMsSchema, IdSchema, withoutInvisibleControls } from './schema-parts';

export const NOTE_SCHEMA_VERSION = 1;
export const MAX_NOTE_TEXT = 1000;
/**
 * Notes on one call, both authors' together: one every three seconds of an eight-hour call stays under it. The
 * debrief draws every note, so this is also what its rendering is measured at (scripts/bench.mjs).
 */
export const MAX_NOTES_PER_CALL = 10_000;
/** Keys 1–9 pick the first nine tags; the rest are a click away. */
export const MAX_TAGS = 12;
export const TAG_KEYS = 9;

export interface NoteTag {
  label: string;
  /** A tag that records the manager stepping in; the debrief marks these on the timeline. */
  stepIn: boolean;
  /** A tag that records a guardrail crossed; the debrief lists these, whatever the tag is called. */
  guardrail: boolean;
}

/** The default label of the guardrail tag: tags and notes stored before tags had kinds are recognised by it. */
export const GUARDRAIL_TAG_LABEL = 'Guardrail crossed';

/** The default quick tags, from the coaching articles, in their order. Keys 1–9 pick the first nine; editable in
 * settings. "Custom" is for what no other tag names: the line of text says it. */
export const DEFAULT_NOTE_TAGS: NoteTag[] = [
  { label: 'Missed buying signal', stepIn: false, guardrail: false },
  { label: 'Features without benefits (data dump)', stepIn: false, guardrail: false },
  { label: 'Great question', stepIn: false, guardrail: false },
  { label: 'Strong transition', stepIn: false, guardrail: false },
  { label: 'Lost control of the call', stepIn: false, guardrail: false },
  { label: 'Talked over the customer', stepIn: false, guardrail: false },
  { label: 'Objection handled well', stepIn: false, guardrail: false },
  { label: 'Guardrail crossed', stepIn: false, guardrail: true },
  { label: 'I would step in here', stepIn: false, guardrail: false },
  { label: 'I stepped in', stepIn: true, guardrail: false },
  { label: 'Custom', stepIn: false, guardrail: false },
];

export const NoteTagSchema = v.pipe(
  v.strictObject({
    label: v.pipe(v.string(), v.transform(withoutInvisibleControls), v.trim(), v.minLength(1), v.maxLength(40)),
    stepIn: v.boolean(),
    /** Absent in tags saved before tags had kinds: then the default guardrail tag's label decides. */
    guardrail: v.optional(v.boolean()),
  }),
  v.transform((tag): NoteTag => ({ ...tag, guardrail: tag.guardrail ?? tag.label === GUARDRAIL_TAG_LABEL })),
);

export const NoteSchema = v.strictObject({
  schemaVersion: v.literal(NOTE_SCHEMA_VERSION),
  id: IdSchema,
  callId: IdSchema,
  /** Wall-clock time the note was taken. */
  at: EpochMsSchema,
  /** Milliseconds from the call's start. */
  offsetMs: DurationMsSchema,
  /** The agenda item current at `at`. */
  itemIndex: AgendaIndexSchema,
  /** The tag's label as it was when the note was taken (tags can be renamed later); null for a plain note. */
  tag: v.nullable(v.pipe(v.string(), v.maxLength(40), v.transform(withoutInvisibleControls))),
  text: v.pipe(v.string(), v.maxLength(MAX_NOTE_TEXT)),
  author: RoleSchema,
  stepIn: v.boolean(),
  /** Taken with a guardrail tag. Absent in notes stored before tags had kinds. */
  guardrail: v.optional(v.boolean()),
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
    // Written only when true: a note without the field is the shape earlier versions read, so their notes packages
    // and backups of ordinary notes still import there.
    ...(input.tag?.guardrail ? { guardrail: true } : {}),
  };
}

/** Whether a note records a guardrail crossed; a note from before tags had kinds is known by its tag's label. */
export function isGuardrailNote(note: Pick<Note, 'tag' | 'guardrail'>): boolean {
  return note.guardrail ?? note.tag === GUARDRAIL_TAG_LABEL;
}

/** Icons for the default tags, so the timeline shows what kind of moment a note marks at a glance. */
const DEFAULT_TAG_ICONS = new Map<string, string>([
  ['Missed buying signal', '$'],
  ['Features without benefits (data dump)', '≡'],
  ['Great question', '?'],
  ['Strong transition', '→'],
  ['Lost control of the call', '↯'],
  ['Talked over the customer', '‖'],
  ['Objection handled well', '✓'],
  ['I would step in here', '△'],
  ['Custom', '•'],
]);

/**
 * One character for a note on the timeline: ▲ a step-in, ! a guardrail crossed, a default tag's icon, else the
 * tag's first letter, and · for a note without a tag.
 */
export function noteIcon(note: Pick<Note, 'tag' | 'stepIn' | 'guardrail'>): string {
  if (note.stepIn) return '▲';
  if (isGuardrailNote(note)) return '!';
  if (!note.tag) return '·';
  return DEFAULT_TAG_ICONS.get(note.tag) ?? ([...note.tag.trim()][0] ?? '·').toUpperCase();
}

/** The icons of the default tags, for a legend. */
export function tagIconLegend(): { icon: string; label: string }[] {
  return [
    { icon: '▲', label: 'stepped in' },
    { icon: '!', label: 'guardrail crossed' },
    ...[...DEFAULT_TAG_ICONS].map(([label, icon]) => ({ icon, label: label.toLowerCase() })),
  ];
}

/** A note is worth keeping when it has a tag or some text. */
export function isEmptyNote(input: { tag: NoteTag | null; text: string }): boolean {
  return input.tag === null && input.text.trim() === '';
}
