import * as v from 'valibot';
import {
  BackupSchema,
  planRestore,
  type Backup,
  type RestoreCounts,
  type RestoreMode,
  type StoredEverything,
} from '../domain/backup';
import { unwrap } from 'idb';
import { deleteUnreadableDatabase, openDatabase } from './database';
import { booksOf, emptyBook, notesOf, withNotes, type NoteBook } from './note-books';

const STORES = ['plans', 'calls', 'noteBooks', 'debriefs'] as const;

/** Every record of every store, read in one transaction so the copy is consistent. */
export async function readEverything(): Promise<StoredEverything> {
  const transaction = (await openDatabase()).transaction(STORES);
  const [plans, calls, books, debriefs] = await Promise.all([
    transaction.objectStore('plans').getAll(),
    transaction.objectStore('calls').getAll(),
    transaction.objectStore('noteBooks').getAll(),
    transaction.objectStore('debriefs').getAll(),
    transaction.done,
  ]);
  return { plans, calls, notes: notesOf(books), debriefs };
}

/**
 * Restores a backup in one transaction over every store, committed with strict durability: either all of it lands
 * or nothing changes. `replace` first empties the stores; `merge` keeps the newer copy of each record, and never
 * changes a record of a call other than the backup's own (see planRestore).
 */
export async function restoreBackup(backup: Backup, mode: RestoreMode): Promise<RestoreCounts> {
  // Checked again here, before the transaction opens: this is the last gate before the database.
  const valid = v.parse(BackupSchema, backup);
  const database = await openDatabase();
  const transaction = database.transaction(STORES, 'readwrite', { durability: 'strict' });
  const stores = {
    plans: transaction.objectStore('plans'),
    calls: transaction.objectStore('calls'),
    noteBooks: transaction.objectStore('noteBooks'),
    debriefs: transaction.objectStore('debriefs'),
  };
  // Every write issued at once: a transaction runs its requests in order, and awaiting each would cost a turn.
  const requests: Promise<unknown>[] = [];
  let removed = 0;
  let here: StoredEverything = { plans: [], calls: [], notes: [], debriefs: [] };
  let booksHere: NoteBook[] = [];
  if (mode === 'replace') {
    const [plans, calls, books, debriefs] = await Promise.all([
      stores.plans.count(),
      stores.calls.count(),
      stores.noteBooks.getAll(),
      stores.debriefs.count(),
    ]);
    removed = plans + calls + notesOf(books).length + debriefs;
    for (const name of STORES) requests.push(stores[name].clear());
  } else {
    // One read of what is here, then every decision is made in memory.
    const [plans, calls, books, debriefs] = await Promise.all([
      stores.plans.getAll(),
      stores.calls.getAll(),
      stores.noteBooks.getAll(),
      stores.debriefs.getAll(),
    ]);
    booksHere = books;
    here = { plans, calls, notes: notesOf(books), debriefs };
  }
  const { writes, counts } = planRestore(here, valid);
  // A call's notes are one record (note-books.ts): the notes written go into their call's book, as it is here.
  const bookHere = new Map(booksHere.map((book) => [book.callId, book]));
  const books = booksOf(writes.notes).map((written) =>
    withNotes(bookHere.get(written.callId) ?? emptyBook(written.callId), written.notes),
  );
  // The puts go straight to IndexedDB, without a promise and listeners each. A failed put aborts the transaction,
  // so `transaction.done` rejects and nothing is written.
  const puts = { plans: writes.plans, calls: writes.calls, noteBooks: books, debriefs: writes.debriefs };
  for (const name of STORES) {
    const store = unwrap(stores[name]);
    for (const record of puts[name]) store.put(record);
  }
  await Promise.all([...requests, transaction.done]);
  return { ...counts, removed };
}

/** When the longest-untouched debrief was last saved, or null with none: what the backup reminder weighs. */
export async function oldestDebriefAt(): Promise<number | null> {
  const debriefs = await (await openDatabase()).getAll('debriefs');
  return debriefs.length === 0 ? null : Math.min(...debriefs.map((debrief) => debrief.updatedAt));
}

/**
 * For data this version can't open (damaged, or written by a newer Ridealong): the database is deleted and the
 * backup restored into a fresh one. The backup was checked whole before this is called; the person chose it.
 */
export async function replaceUnreadableWithBackup(backup: Backup): Promise<RestoreCounts> {
  v.parse(BackupSchema, backup);
  await deleteUnreadableDatabase();
  return restoreBackup(backup, 'replace');
}
