import * as v from 'valibot';
import { NoteSchema, type Note } from '../domain/note';
import { openDatabase } from './database';
import { emptyBook, withNotes, withoutNote } from './note-books';

/**
 * Stores a note, or the new version of one, in its call's book. Keyed by the note's id, so sending the same note
 * again (a retry after a lost reply, a reloaded overlay) stores it once. The read and the write are one transaction,
 * so two contexts saving notes of one call at once both land. Resolves only after the transaction committed with
 * strict durability: that is when the overlay may show "saved".
 */
export async function saveNote(note: Note): Promise<Note> {
  const valid = v.parse(NoteSchema, note);
  const database = await openDatabase();
  const transaction = database.transaction('noteBooks', 'readwrite', { durability: 'strict' });
  const book = (await transaction.store.get(valid.callId)) ?? emptyBook(valid.callId);
  await Promise.all([transaction.store.put(withNotes(book, [valid])), transaction.done]);
  return valid;
}

export async function deleteNote(id: string): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction('noteBooks', 'readwrite', { durability: 'strict' });
  const book = await transaction.store.index('byNoteId').get(id);
  await Promise.all([...(book ? [transaction.store.put(withoutNote(book, id))] : []), transaction.done]);
}

/** A call's notes in the order they were taken. */
export async function listNotesForCall(callId: string): Promise<Note[]> {
  return (await (await openDatabase()).get('noteBooks', callId))?.notes ?? [];
}
