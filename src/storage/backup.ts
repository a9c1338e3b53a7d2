import * as v from 'valibot';
import {
  BackupSchema,
  keepNewer,
  type Backup,
  type RestoreCounts,
  type RestoreMode,
  type StoredEverything,
} from '../domain/backup';
import { openDatabase } from './database';

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
  if (mode === 'replace') {
    for (const name of STORES) {
      const store = transaction.objectStore(name);
      counts.removed += await store.count();
      await store.clear();
    }
  }
  const plans = transaction.objectStore('plans');
  for (const plan of valid.plans) await put(plans, plan.id, plan, keepNewer.plans);
  const calls = transaction.objectStore('calls');
  for (const call of valid.calls) await put(calls, call.id, call, keepNewer.calls);
  const notes = transaction.objectStore('notes');
  for (const note of valid.notes) await put(notes, note.id, note, keepNewer.notes);
  const debriefs = transaction.objectStore('debriefs');
  for (const debrief of valid.debriefs) await put(debriefs, debrief.callId, debrief, keepNewer.debriefs);
  await transaction.done;
  return counts;

  async function put<T>(
    store: { get(key: string): Promise<T | undefined>; put(value: T): Promise<unknown> },
    key: string,
    incoming: T,
    choose: (local: T, backup: T) => T,
  ): Promise<void> {
    const local = await store.get(key);
    if (local === undefined) {
      counts.added++;
      await store.put(incoming);
      return;
    }
    const kept = choose(local, incoming);
    if (kept === local) counts.unchanged++;
    else {
      counts.updated++;
      await store.put(kept);
    }
  }
}

/** When the longest-untouched debrief was last saved, or null with none: what the backup reminder weighs. */
export async function oldestDebriefAt(): Promise<number | null> {
  const debriefs = await (await openDatabase()).getAll('debriefs');
  return debriefs.length === 0 ? null : Math.min(...debriefs.map((debrief) => debrief.updatedAt));
}
