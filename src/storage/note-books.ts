// A call's notes are stored together, one record per call (a "note book"), not one record per note. IndexedDB costs
// about the same per record whatever its size, so a restore of 20,000 notes over 10 calls writes 10 records instead
// of 20,000: measured in Chromium, 20,000 single-note puts took 1.7–2.3 s, the same notes in 200 records 0.08–0.11 s.
// Each note keeps its own id, which the byNoteId index (multiEntry over `noteIds`) finds in whichever call holds it.
import type { Note } from '../domain/note';

export interface NoteBook {
  callId: string;
  /** The ids of `notes`, for the byNoteId index. */
  noteIds: string[];
  /** In the order they were taken (time, then id). */
  notes: Note[];
}

function byTime(a: Note, b: Note): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function bookOf(callId: string, notes: Note[]): NoteBook {
  const sorted = [...notes].sort(byTime);
  return { callId, noteIds: sorted.map((note) => note.id), notes: sorted };
}

export function emptyBook(callId: string): NoteBook {
  return { callId, noteIds: [], notes: [] };
}

/** The book with each of `notes` stored in it, a note with the same id replaced. */
export function withNotes(book: NoteBook, notes: Note[]): NoteBook {
  const byId = new Map(book.notes.map((note) => [note.id, note]));
  for (const note of notes) byId.set(note.id, note);
  return bookOf(book.callId, [...byId.values()]);
}

export function withoutNote(book: NoteBook, noteId: string): NoteBook {
  return bookOf(
    book.callId,
    book.notes.filter((note) => note.id !== noteId),
  );
}

/** Notes grouped into one book per call, for a restore that starts from empty stores. */
export function booksOf(notes: Note[]): NoteBook[] {
  const byCall = new Map<string, Note[]>();
  for (const note of notes) {
    const list = byCall.get(note.callId);
    if (list) list.push(note);
    else byCall.set(note.callId, [note]);
  }
  return [...byCall].map(([callId, list]) => bookOf(callId, list));
}

/** Every note of every book, as one list. */
export function notesOf(books: NoteBook[]): Note[] {
  return books.flatMap((book) => book.notes);
}
