import * as v from 'valibot';
import { NoteSchema, type Note } from '../domain/note';
import { commit } from './commit';
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
  return commit(['notePages'], 'local', async (transaction, log) => {
    const pages = transaction.objectStore('notePages');
    // A note is found through its call (note-pages.ts): only this call's pages are read, and only they are written.
    const callPages = await pages.index('byCall').getAll(valid.callId);
    const holder = callPages.find((page) => page.notes.some((stored) => stored.id === valid.id));
    log({ kind: 'note', id: valid.id, callId: valid.callId });
    if (holder) {
      const notes = holder.notes.map((stored) => (stored.id === valid.id ? valid : stored)).sort(byTime);
      await pages.put(pageOf(holder.id, holder.callId, notes));
      return valid;
    }
    // The call's last page takes it while it has room; a full one gets a next page.
    const last = callPages.sort((a, b) => (a.id < b.id ? -1 : 1)).at(-1);
    const next = last ? Number(last.id.slice(last.id.lastIndexOf('#') + 1)) + 1 : 0;
    const page =
      last && last.notes.length < NOTES_PER_PAGE
        ? pageOf(last.id, last.callId, [...last.notes, valid].sort(byTime))
        : pageOf(pageId(valid.callId, next), valid.callId, [valid]);
    await pages.put(page);
    return valid;
  });
}

/** Deletes a note; the change log keeps its tombstone, so the delete reaches wherever the note went. */
export async function deleteNote(callId: string, id: string): Promise<void> {
  await commit(['notePages'], 'local', async (transaction, log) => {
    const pages = transaction.objectStore('notePages');
    const callPages = await pages.index('byCall').getAll(callId);
    const holder = callPages.find((page) => page.notes.some((note) => note.id === id));
    if (!holder) return;
    const rest = holder.notes.filter((note) => note.id !== id);
    if (rest.length > 0) await pages.put(pageOf(holder.id, holder.callId, rest));
    else await pages.delete(holder.id);
    log({ kind: 'note', id, callId, deleted: true });
  });
}

/** A call's notes in the order they were taken. */
export async function listNotesForCall(callId: string): Promise<Note[]> {
  return notesOf(await (await openDatabase()).getAllFromIndex('notePages', 'byCall', callId));
}
