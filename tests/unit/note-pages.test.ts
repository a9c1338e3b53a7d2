// A call's notes stored in pages of up to 100: in the order taken, a note replaced by its id, a call's pages laid out
// again on a merge, and at storage level: notes saved at once from two contexts all land, a page fills before the
// next one starts, and a note of one call never changes another call's notes.
import { afterEach, describe, expect, it } from 'vitest';
import { startCall } from '../../src/domain/call';
import { createNote, DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import { openDatabase } from '../../src/storage/database';
import { NOTES_PER_PAGE, notesOf, pagesOfNotes, rewriteCall } from '../../src/storage/note-pages';
import { deleteNote, listNotesForCall, saveNote } from '../../src/storage/notes';
import { PLAN, resetDatabase, T } from './fixtures';

afterEach(resetDatabase);

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const CALL = startCall(PLAN, 'manager', MEETING, T, 'call-1');
const OTHER = startCall(PLAN, 'rep', MEETING, T, 'call-2');
const note = (id: string, at: number, call = CALL) =>
  createNote(call, { tag: DEFAULT_NOTE_TAGS[0]!, text: `note ${id}`, author: 'manager' }, T + at, id);

describe('note pages', () => {
  it('group notes by call, in the order taken (ties by id), at most 100 to a page', () => {
    const many = Array.from({ length: 250 }, (_, index) => note(`n-${String(index).padStart(3, '0')}`, index));
    const pages = pagesOfNotes([note('b', 2000, OTHER), note('a', 2000, OTHER), ...many]);
    expect(pages.map((page) => [page.id, page.notes.length])).toEqual([
      ['call-2#00000', 2],
      ['call-1#00000', NOTES_PER_PAGE],
      ['call-1#00001', NOTES_PER_PAGE],
      ['call-1#00002', 50],
    ]);
    expect(pages[0]!.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(notesOf(pages).filter((n) => n.callId === 'call-1')).toEqual(many);
  });

  it('are laid out again when notes are written into a call: replaced by id, added in order, none left over', () => {
    const pages = pagesOfNotes([note('x', 3000), note('y', 1000)]);
    const { put, remove } = rewriteCall('call-1', pages, [{ ...note('x', 3000), text: 'edited' }, note('z', 2000)]);
    expect(remove).toEqual([]);
    expect(put[0]!.notes.map((n) => [n.id, n.text])).toEqual([
      ['y', 'note y'],
      ['z', 'note z'],
      ['x', 'edited'],
    ]);
  });
});

describe('notes in storage', () => {
  it('saved at once from two contexts all land; a full page starts the next; deleting finds the note by id', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => saveNote(note(`n-${index}`, index * 1000))));
    for (let index = 20; index < NOTES_PER_PAGE + 5; index++) await saveNote(note(`n-${index}`, index * 1000));
    await saveNote(note('other', 500, OTHER));
    expect(await (await openDatabase()).count('notePages')).toBe(3);
    expect(await listNotesForCall('call-1')).toHaveLength(NOTES_PER_PAGE + 5);
    // A new version of a note replaces it where it is.
    await saveNote({ ...note('n-3', 3000), text: 'edited' });
    expect((await listNotesForCall('call-1')).find((n) => n.id === 'n-3')?.text).toBe('edited');
    await deleteNote('call-1', 'n-3');
    expect((await listNotesForCall('call-1')).map((n) => n.id)).not.toContain('n-3');
    expect((await listNotesForCall('call-2')).map((n) => n.id)).toEqual(['other']);
  });

  it('never changes another call’s note, even one with the same id', async () => {
    await saveNote(note('shared', 1000, OTHER));
    await saveNote({ ...note('shared', 2000), text: 'on call 1' });
    await deleteNote('call-1', 'shared');
    expect((await listNotesForCall('call-2')).map((n) => n.text)).toEqual(['note shared']);
    expect(await listNotesForCall('call-1')).toEqual([]);
  });
});
