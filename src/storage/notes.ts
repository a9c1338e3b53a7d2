import * as v from 'valibot';
import { NoteSchema, type Note } from '../domain/note';
import { openDatabase } from './database';
import { byTime, notesOf, NOTES_PER_PAGE, pageId, pageOf } from './note-pages';

/**
 * Stores a note, or the new version of one, in its call's pages (note-pages.ts). Keyed by the note's id, so sending
 * the same note again (a retry after a lost reply, a reloaded overlay) stores it once. The read and the write are
 * one transaction, so two contexts saving notes of one call at once both land. Resolves only after the transaction
 * committed with strict durability: that is when the overlay may show "saved".
 */
export async function saveNote(note: Note): Promise<Note> {
  const valid = v.parse(NoteSchema, note);
  const database = await openDatabase();
  const transaction = database.transaction('notePages', 'readwrite', { durability: 'strict' });
  const pages = transaction.store;
  // A note is found through its call (note-pages.ts): only this call's pages are read, and only they are written.
  const callPages = await pages.index('byCall').getAll(valid.callId);
  const holder = callPages.find((page) => page.notes.some((stored) => stored.id === valid.id));
  if (holder) {
    const notes = holder.notes.map((stored) => (stored.id === valid.id ? valid : stored)).sort(byTime);
    await Promise.all([pages.put(pageOf(holder.id, holder.callId, notes)), transaction.done]);
    return valid;
  }
  // The call's last page takes it while it has room; a full one gets a next page.
  const last = callPages.sort((a, b) => (a.id < b.id ? -1 : 1)).at(-1);
  const next = last ? Number(last.id.slice(last.id.lastIndexOf('#') + 1)) + 1 : 0;
  const page =
    last && last.notes.length < NOTES_PER_PAGE
      ? pageOf(last.id, last.callId, [...last.notes, valid].sort(byTime))
      : pageOf(pageId(valid.callId, next), valid.callId, [valid]);
  await Promise.all([pages.put(page), transaction.done]);
  return valid;
}

export async function deleteNote(callId: string, id: string): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction('notePages', 'readwrite', { durability: 'strict' });
  const callPages = await transaction.store.index('byCall').getAll(callId);
  const holder = callPages.find((page) => page.notes.some((note) => note.id === id));
  const rest = holder?.notes.filter((note) => note.id !== id) ?? [];
  const write = !holder
    ? []
    : rest.length > 0
      ? [transaction.store.put(pageOf(holder.id, holder.callId, rest))]
      : [transaction.store.delete(holder.id)];
  await Promise.all([...write, transaction.done]);
}

/** A call's notes in the order they were taken. */
export async function listNotesForCall(callId: string): Promise<Note[]> {
  return notesOf(await (await openDatabase()).getAllFromIndex('notePages', 'byCall', callId));
}
