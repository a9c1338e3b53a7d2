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
import { commit } from './commit';
import { deleteUnreadableDatabase, openDatabase } from './database';
import { groupByCall, notesOf, rewriteCall, type NotePage } from './note-pages';

const STORES = ['plans', 'calls', 'notePages', 'debriefs'] as const;

/** Every record of every store, read in one transaction so the copy is consistent. */
export async function readEverything(): Promise<StoredEverything> {
  const transaction = (await openDatabase()).transaction(STORES);
  const [plans, calls, pages, debriefs] = await Promise.all([
    transaction.objectStore('plans').getAll(),
    transaction.objectStore('calls').getAll(),
    transaction.objectStore('notePages').getAll(),
    transaction.objectStore('debriefs').getAll(),
    transaction.done,
  ]);
  return { plans, calls, notes: notesOf(pages), debriefs };
}

/**
 * Restores a backup in one transaction over every store, committed with strict durability: either all of it lands
 * or nothing changes. `replace` first empties the stores; `merge` keeps the newer copy of each record, and never
 * changes a record of a call other than the backup's own (see planRestore).
 */
export async function restoreBackup(backup: Backup, mode: RestoreMode): Promise<RestoreCounts> {
  // Checked again here, before the transaction opens: this is the last gate before the database.
  const valid = v.parse(BackupSchema, backup);
  return commit(STORES, 'restore', async (transaction, log) => {
    const stores = {
      plans: transaction.objectStore('plans'),
      calls: transaction.objectStore('calls'),
      notePages: transaction.objectStore('notePages'),
      debriefs: transaction.objectStore('debriefs'),
    };
    // Every write issued at once: a transaction runs its requests in order, and awaiting each would cost a turn.
    const requests: Promise<unknown>[] = [];
    let removed = 0;
    let here: StoredEverything = { plans: [], calls: [], notes: [], debriefs: [] };
    let pagesHere: NotePage[] = [];
    if (mode === 'replace') {
      const [plans, calls, pages, debriefs] = await Promise.all([
        stores.plans.getAllKeys(),
        stores.calls.getAllKeys(),
        stores.notePages.getAll(),
        stores.debriefs.getAllKeys(),
      ]);
      const notes = notesOf(pages);
      removed = plans.length + calls.length + notes.length + debriefs.length;
      for (const name of STORES) requests.push(stores[name].clear());
      // Each record replaced away is a delete in the log; the backup's records follow as writes.
      for (const id of plans) log({ kind: 'plan', id, deleted: true });
      for (const id of calls) log({ kind: 'call', id, deleted: true });
      for (const note of notes) log({ kind: 'note', id: note.id, callId: note.callId, deleted: true });
      for (const id of debriefs) log({ kind: 'debrief', id, deleted: true });
    } else {
      // One read of what is here, then every decision is made in memory.
      const [plans, calls, pages, debriefs] = await Promise.all([
        stores.plans.getAll(),
        stores.calls.getAll(),
        stores.notePages.getAll(),
        stores.debriefs.getAll(),
      ]);
      pagesHere = pages;
      here = { plans, calls, notes: notesOf(pages), debriefs };
    }
    const { writes, counts } = planRestore(here, valid);
    // A call's notes are stored in pages (note-pages.ts): each call with notes written gets its pages laid out again.
    const pagesOfCall = groupByCall(pagesHere);
    const writtenOfCall = groupByCall(writes.notes);
    const pagePuts: NotePage[] = [];
    const pageDeletes: string[] = [];
    for (const [callId, written] of writtenOfCall) {
      const { put, remove } = rewriteCall(callId, pagesOfCall.get(callId) ?? [], written);
      pagePuts.push(...put);
      pageDeletes.push(...remove);
    }
    // The writes go straight to IndexedDB, without a promise and listeners each. A failed one aborts the transaction,
    // so the commit rejects and nothing is written.
    const puts = { plans: writes.plans, calls: writes.calls, notePages: pagePuts, debriefs: writes.debriefs };
    for (const id of pageDeletes) unwrap(stores.notePages).delete(id);
    for (const name of STORES) {
      const store = unwrap(stores[name]);
      for (const record of puts[name]) store.put(record);
    }
    for (const plan of writes.plans) log({ kind: 'plan', id: plan.id });
    for (const call of writes.calls) log({ kind: 'call', id: call.id });
    for (const note of writes.notes) log({ kind: 'note', id: note.id, callId: note.callId });
    for (const debrief of writes.debriefs) log({ kind: 'debrief', id: debrief.callId });
    await Promise.all(requests);
    return { ...counts, removed };
  });
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
