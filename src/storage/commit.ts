// The one write path into Ridealong's records. Every writer (the worker's requests, the popup, the debrief, a
// restore, every import and team sync's own merges) writes through `commit`, which appends one row per changed record
// to the change log (`changes`) in the same IndexedDB transaction: the record and its row land together or not at
// all. After the transaction has committed, everything that must hear of a change hears it from here (`whenCommitted`:
// the surfaces' broadcast and team sync's "soon" alarm, wired in platform/commits.ts), so no writer has to remember.
//
// The idea is PouchDB's local change feed, small: a sequence number per change, deletes as rows of their own
// (tombstones), and no second copy of any record.
import type { IDBPTransaction } from 'idb';
import * as v from 'valibot';
import type { ChangeKind, ChangeOrigin, ChangeRow } from '../domain/change-log';
import { abortTransaction, openDatabase, type RidealongSchema } from './database';

export type { ChangeKind, ChangeOrigin, ChangeRow } from '../domain/change-log';

/** A change as a writer reports it; the log adds its sequence number, the origin and the time. */
export interface LoggedChange {
  kind: ChangeKind;
  id: string;
  callId?: string;
  deleted?: boolean;
}

/** The stores that hold records; `changes` is the log, written only here. */
export type RecordStore = 'plans' | 'calls' | 'notePages' | 'debriefs';

export type CommitTransaction<S extends RecordStore> = IDBPTransaction<RidealongSchema, (S | 'changes')[], 'readwrite'>;

type CommitListener = (changes: readonly ChangeRow[]) => void;
const listeners = new Set<CommitListener>();

/**
 * Called after every commit that changed something, in the context that committed it, with its rows. Returns the
 * unsubscribe. A listener that throws never undoes the commit, nor keeps the others from hearing it.
 */
export function whenCommitted(listener: CommitListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `work` in one read-write transaction over `stores` and the change log, with strict durability, and appends a
 * row for each change `work` reported through `log`. Only IndexedDB requests may be awaited in `work`, or the
 * transaction ends under it. When `work` throws, nothing of it is written, and the error is passed on. Resolves with
 * what `work` returned, once the transaction has committed.
 */
export async function commit<S extends RecordStore, T>(
  stores: readonly S[],
  origin: ChangeOrigin,
  work: (transaction: CommitTransaction<S>, log: (change: LoggedChange) => void) => Promise<T>,
): Promise<T> {
  const database = await openDatabase();
  const transaction = database.transaction([...stores, 'changes'], 'readwrite', {
    durability: 'strict',
  }) as CommitTransaction<S>;
  const logged: LoggedChange[] = [];
  let result: T;
  try {
    result = await work(transaction, (change) => logged.push(change));
  } catch (error) {
    await abortTransaction(transaction);
    throw error;
  }
  const at = Date.now();
  const log = transaction.objectStore('changes');
  const rows = logged.map(({ kind, id, callId, deleted = false }) => ({
    kind,
    id,
    ...(callId === undefined ? {} : { callId }),
    deleted,
    origin,
    at,
  }));
  const seqs = await Promise.all([...rows.map((row) => log.add(row as ChangeRow)), transaction.done]);
  if (rows.length > 0) {
    const committed = rows.map((row, index) => ({ ...row, seq: seqs[index] as number }));
    for (const listener of listeners) {
      try {
        listener(committed);
      } catch {
        // A listener's failure is its own; the commit stands.
      }
    }
  }
  return result;
}

/** The stores that hold one record per key, written whole, with the change each write is. */
const WHOLE_RECORDS = {
  plans: { kind: 'plan', idOf: (record: { id: string }) => record.id },
  calls: { kind: 'call', idOf: (record: { id: string }) => record.id },
  debriefs: { kind: 'debrief', idOf: (record: { callId: string }) => record.callId },
} as const;

/**
 * Validates a record, then writes it whole through the one commit: resolves once it is on disk, with the record as
 * stored. Nothing malformed ever reaches the store.
 */
export async function putRecord<Name extends keyof typeof WHOLE_RECORDS>(
  store: Name,
  schema: v.GenericSchema<unknown, RidealongSchema[Name]['value']>,
  record: unknown,
): Promise<RidealongSchema[Name]['value']> {
  const valid = v.parse(schema, record);
  const { kind, idOf } = WHOLE_RECORDS[store];
  return commit([store], 'local', async (transaction, log) => {
    await transaction.objectStore(store).put(valid);
    log({ kind, id: (idOf as (record: RidealongSchema[Name]['value']) => string)(valid) });
    return valid;
  });
}

/** The change log from `afterSeq` on (exclusive), oldest first, `limit` rows at most. */
export async function changesSince(afterSeq: number, limit = 1000): Promise<ChangeRow[]> {
  const database = await openDatabase();
  return database.getAll('changes', IDBKeyRange.lowerBound(afterSeq, true), limit);
}

/** The last sequence number written, or 0 with an empty log. */
export async function lastChangeSeq(): Promise<number> {
  const database = await openDatabase();
  const cursor = await database.transaction('changes').store.openCursor(null, 'prev');
  return cursor ? cursor.value.seq : 0;
}
