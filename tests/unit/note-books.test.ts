// A call's notes stored together: the book keeps them in the order taken, replaces a note by its id, and a restore
// groups notes by call. Storage-level: two contexts saving notes of one call at once both land.
import { afterEach, describe, expect, it } from 'vitest';
import { createNote, DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import { startCall } from '../../src/domain/call';
import { openDatabase } from '../../src/storage/database';
import { booksOf, emptyBook, notesOf, withNotes, withoutNote } from '../../src/storage/note-books';
import { deleteNote, listNotesForCall, saveNote } from '../../src/storage/notes';
import { PLAN, resetDatabase, T } from './fixtures';

afterEach(resetDatabase);

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const CALL = startCall(PLAN, 'manager', MEETING, T, 'call-1');
const OTHER = startCall(PLAN, 'rep', MEETING, T, 'call-2');
const note = (id: string, at: number, call = CALL) =>
  createNote(call, { tag: DEFAULT_NOTE_TAGS[0]!, text: `note ${id}`, author: 'manager' }, T + at, id);

describe('a note book', () => {
  it('keeps notes in the order taken, ties by id, and replaces a note with the same id', () => {
    let book = withNotes(emptyBook('call-1'), [note('b', 2000), note('a', 2000), note('c', 1000)]);
    expect(book.notes.map((n) => n.id)).toEqual(['c', 'a', 'b']);
    expect(book.noteIds).toEqual(['c', 'a', 'b']);
    book = withNotes(book, [{ ...note('a', 2000), text: 'edited' }]);
    expect(book.notes.map((n) => n.text)).toEqual(['note c', 'edited', 'note b']);
    book = withoutNote(book, 'c');
    expect(book.noteIds).toEqual(['a', 'b']);
  });

  it('groups notes by call for a restore, and gives them back as one list', () => {
    const books = booksOf([note('x', 3000), note('y', 1000, OTHER), note('z', 2000)]);
    expect(books.map((book) => [book.callId, book.noteIds])).toEqual([
      ['call-1', ['z', 'x']],
      ['call-2', ['y']],
    ]);
    expect(notesOf(books).map((n) => n.id)).toEqual(['z', 'x', 'y']);
  });
});

describe('notes in storage', () => {
  it('stores one record per call, and notes saved at once from two contexts all land', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => saveNote(note(`n-${index}`, index * 1000))));
    await saveNote(note('other', 500, OTHER));
    expect(await (await openDatabase()).count('noteBooks')).toBe(2);
    expect(await listNotesForCall('call-1')).toHaveLength(20);
    await deleteNote('n-3');
    expect((await listNotesForCall('call-1')).map((n) => n.id)).not.toContain('n-3');
    expect((await listNotesForCall('call-2')).map((n) => n.id)).toEqual(['other']);
  });
});
