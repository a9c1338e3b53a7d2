import { afterEach, describe, expect, it } from 'vitest';
import { moveToItem, startCall } from '../../src/domain/call';
import * as v from 'valibot';
import {
  createNote,
  DEFAULT_NOTE_TAGS,
  isEmptyNote,
  isGuardrailNote,
  noteIcon,
  itemIndexAt,
  NoteTagSchema,
} from '../../src/domain/note';
import { saveCall } from '../../src/storage/calls';
import { deleteNote, listNotesForCall, saveNote } from '../../src/storage/notes';
import { PLAN, resetDatabase, T } from './fixtures';

afterEach(resetDatabase);

const MINUTE = 60_000;
const T0 = T + 10 * MINUTE;
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
let call = startCall(PLAN, 'manager', MEETING, T0, 'call-1');
call = moveToItem(call, 1, 'manager', T0 + 5 * MINUTE);
call = moveToItem(call, 2, 'manager', T0 + 20 * MINUTE);
call = moveToItem(call, 1, 'manager', T0 + 22 * MINUTE);

describe('phase attribution', () => {
  it.each([
    [T0, 0],
    [T0 + 5 * MINUTE - 1, 0],
    [T0 + 5 * MINUTE, 1],
    [T0 + 19 * MINUTE, 1],
    [T0 + 20 * MINUTE, 2],
    [T0 + 21 * MINUTE, 2],
    [T0 + 30 * MINUTE, 1],
  ])('a note at %i belongs to item %i', (at, item) => {
    expect(itemIndexAt(call, at)).toBe(item);
  });
});

describe('the note model', () => {
  it('records the call, the time, the offset, the item, the tag, the text, the author and a step-in', () => {
    const stepIn = DEFAULT_NOTE_TAGS.find((tag) => tag.stepIn)!;
    expect(
      createNote(
        call,
        { tag: stepIn, text: '  took the pricing question ', author: 'manager' },
        T0 + 21 * MINUTE,
        'n-1',
      ),
    ).toEqual({
      schemaVersion: 1,
      id: 'n-1',
      callId: 'call-1',
      at: T0 + 21 * MINUTE,
      offsetMs: 21 * MINUTE,
      itemIndex: 2,
      tag: 'I stepped in',
      text: 'took the pricing question',
      author: 'manager',
      stepIn: true,
    });
    expect(createNote(call, { tag: null, text: 'budget is approved', author: 'rep' }, T0, 'n-2')).toMatchObject({
      tag: null,
      author: 'rep',
      stepIn: false,
      itemIndex: 0,
    });
  });

  it('has the coaching articles’ eleven quick tags, one of them the step-in, and skips empty notes', () => {
    expect(DEFAULT_NOTE_TAGS.map((tag) => tag.label)).toEqual([
      'Missed buying signal',
      'Features without benefits (data dump)',
      'Great question',
      'Strong transition',
      'Lost control of the call',
      'Talked over the customer',
      'Objection handled well',
      'Guardrail crossed',
      'I would step in here',
      'I stepped in',
      'Custom',
    ]);
    expect(DEFAULT_NOTE_TAGS.filter((tag) => tag.stepIn).map((tag) => tag.label)).toEqual(['I stepped in']);
    expect(isEmptyNote({ tag: null, text: '  ' })).toBe(true);
    expect(isEmptyNote({ tag: DEFAULT_NOTE_TAGS[0]!, text: '' })).toBe(false);
  });
});

describe('storing notes', () => {
  it('is idempotent by id: a retried note is stored once, and a new version replaces the old', async () => {
    await saveCall(call);
    const note = createNote(call, { tag: null, text: 'first', author: 'manager' }, T0 + MINUTE, 'n-1');
    await Promise.all([saveNote(note), saveNote(note), saveNote(note)]);
    expect(await listNotesForCall('call-1')).toEqual([note]);
    await saveNote({ ...note, text: 'first, edited' });
    expect((await listNotesForCall('call-1')).map((stored) => stored.text)).toEqual(['first, edited']);
  });

  it('lists a call’s notes in time order, and only that call’s', async () => {
    const later = createNote(call, { tag: null, text: 'later', author: 'manager' }, T0 + 9 * MINUTE, 'n-2');
    const earlier = createNote(call, { tag: null, text: 'earlier', author: 'manager' }, T0 + 2 * MINUTE, 'n-3');
    const other = { ...earlier, id: 'n-4', callId: 'call-2' };
    for (const note of [later, earlier, other]) await saveNote(note);
    expect((await listNotesForCall('call-1')).map((note) => note.text)).toEqual(['earlier', 'later']);
    await deleteNote('call-1', 'n-3');
    expect((await listNotesForCall('call-1')).map((note) => note.text)).toEqual(['later']);
  });

  it('refuses a malformed note and stores nothing', async () => {
    const note = createNote(call, { tag: null, text: 'x', author: 'manager' }, T0, 'n-5');
    await expect(saveNote({ ...note, text: 'x'.repeat(1001) })).rejects.toThrow();
    await expect(saveNote({ ...note, author: 'customer' as 'rep' })).rejects.toThrow();
    expect(await listNotesForCall('call-1')).toEqual([]);
  });
});

describe('guardrail notes', () => {
  it('are known by the tag’s kind, so a renamed guardrail tag still counts', () => {
    const renamed = { label: 'Pricing came up', stepIn: false, guardrail: true };
    const note = createNote(call, { tag: renamed, text: '', author: 'manager' }, T0 + MINUTE, 'g-1');
    expect(note).toMatchObject({ tag: 'Pricing came up', guardrail: true });
    expect(isGuardrailNote(note)).toBe(true);
    const plain = createNote(call, { tag: DEFAULT_NOTE_TAGS[0]!, text: '', author: 'manager' }, T0, 'g-2');
    expect(isGuardrailNote(plain)).toBe(false);
  });

  it('from before tags had kinds are known by the default label', () => {
    expect(isGuardrailNote({ tag: 'Guardrail crossed' })).toBe(true);
    expect(isGuardrailNote({ tag: 'Great question' })).toBe(false);
  });

  it('come from tags saved before tags had kinds: the default guardrail label gets the kind', () => {
    const saved = [
      { label: 'Guardrail crossed', stepIn: false },
      { label: 'Great question', stepIn: false },
    ];
    expect(v.parse(v.array(NoteTagSchema), saved).map((tag) => tag.guardrail)).toEqual([true, false]);
    expect(DEFAULT_NOTE_TAGS.filter((tag) => tag.guardrail).map((tag) => tag.label)).toEqual(['Guardrail crossed']);
  });
});

describe('note icons on the timeline', () => {
  it('say step-in, guardrail, the default tag, or the tag’s first letter', () => {
    expect(noteIcon({ tag: 'I stepped in', stepIn: true })).toBe('▲');
    expect(noteIcon({ tag: 'Pricing came up', stepIn: false, guardrail: true })).toBe('!');
    expect(noteIcon({ tag: 'Guardrail crossed', stepIn: false })).toBe('!');
    expect(noteIcon({ tag: 'Great question', stepIn: false })).toBe('?');
    expect(noteIcon({ tag: 'budget mentioned', stepIn: false })).toBe('B');
    expect(noteIcon({ tag: null, stepIn: false })).toBe('·');
    // Every default tag has an icon of its own, so two kinds of moment never look alike.
    const icons = DEFAULT_NOTE_TAGS.map((tag) =>
      noteIcon({ tag: tag.label, stepIn: tag.stepIn, guardrail: tag.guardrail }),
    );
    expect(new Set(icons).size).toBe(DEFAULT_NOTE_TAGS.length);
  });
});
