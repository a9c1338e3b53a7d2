import * as v from 'valibot';
import { NoteSchema, type Note } from '../domain/note';
import { openDatabase } from './database';

/**
 * Stores a note, or the new version of one. Keyed by the note's id, so sending the same note again (a retry after a
 * lost reply, a reloaded overlay) stores it once. Resolves only after the transaction committed with strict
 * durability: that is when the overlay may show "saved".
 */
export async function saveNote(note: Note): Promise<Note> {
  const valid = v.parse(NoteSchema, note);
  const database = await openDatabase();
  const transaction = database.transaction('notes', 'readwrite', { durability: 'strict' });
  await Promise.all([transaction.store.put(valid), transaction.done]);
  return valid;
}

export async function deleteNote(id: string): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction('notes', 'readwrite', { durability: 'strict' });
  await Promise.all([transaction.store.delete(id), transaction.done]);
}

/** A call's notes in the order they were taken. */
export async function listNotesForCall(callId: string): Promise<Note[]> {
  const range = IDBKeyRange.bound([callId, -Infinity], [callId, Infinity]);
  return (await openDatabase()).getAllFromIndex('notes', 'byCallAndTime', range);
}
