import * as v from 'valibot';
import {
  BackupSchema,
  keepNewer,
  type Backup,
  type RestoreCounts,
  type RestoreMode,
  type StoredEverything,
} from '../domain/backup';
import { deleteUnreadableDatabase, openDatabase } from './database';

const STORES = ['plans', 'calls', 'notes', 'debriefs'] as const;

/** Every record of every store, read in one transaction so the copy is consistent. */
export async function readEverything(): Promise<StoredEverything> {
  const transaction = (await openDatabase()).transaction(STORES);
  const [plans, calls, notes, debriefs] = await Promise.all([
    transaction.objectStore('plans').getAll(),
    transaction.objectStore('calls').getAll(),
    transaction.objectStore('notes').getAll(),
    transaction.objectStore('debriefs').getAll(),
    transaction.done,
  ]);
  return { plans, calls, notes, debriefs };
}

/**
 * Restores a backup in one transaction over every store, committed with strict durability: either all of it lands
 * or nothing changes. `replace` first empties the stores; `merge` keeps the newer copy of each record (see keepNewer).
 */
export async function restoreBackup(backup: Backup, mode: RestoreMode): Promise<RestoreCounts> {
  // Checked again here, before the transaction opens: this is the last gate before the database.
  const valid = v.parse(BackupSchema, backup);
  const database = await openDatabase();
  const transaction = database.transaction(STORES, 'readwrite', { durability: 'strict' });
  const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  /** Every write, issued at once: a transaction runs its requests in order, and awaiting each would cost a turn. */
  const writes: Promise<unknown>[] = [];
  if (mode === 'replace') {
    for (const name of STORES) {
      const store = transaction.objectStore(name);
      counts.removed += await store.count();
      writes.push(store.clear());
    }
  }
  await restoreStore('plans', valid.plans, (plan) => plan.id, keepNewer.plans);
  await restoreStore('calls', valid.calls, (call) => call.id, keepNewer.calls);
  await restoreStore('notes', valid.notes, (note) => note.id, keepNewer.notes);
  await restoreStore('debriefs', valid.debriefs, (debrief) => debrief.callId, keepNewer.debriefs);
  await Promise.all([...writes, transaction.done]);
  return counts;

  async function restoreStore<Name extends (typeof STORES)[number], T extends StoredEverything[Name][number]>(
    name: Name,
    incoming: T[],
    keyOf: (record: T) => string,
    choose: (local: T, backup: T) => T,
  ): Promise<void> {
    const store = transaction.objectStore(name);
    // One read of what is here (nothing, after a replace), then the decisions are made in memory.
    const here = new Map<string, T>();
    if (mode === 'merge') for (const record of (await store.getAll()) as T[]) here.set(keyOf(record), record);
    for (const record of incoming) {
      const local = here.get(keyOf(record));
      if (local === undefined) {
        counts.added++;
        writes.push(store.put(record));
        continue;
      }
      const kept = choose(local, record);
      if (kept === local) counts.unchanged++;
      else {
        counts.updated++;
        writes.push(store.put(kept));
      }
    }
  }
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
