import * as v from 'valibot';
import { CallSchema, type Call } from '../domain/call';
import { commit, putRecord } from './commit';
import { openDatabase } from './database';

/** Writes a call, validated first, through the one commit. Resolves once it is on disk, with the call as stored. */
export function saveCall(call: Call): Promise<Call> {
  return putRecord('calls', CallSchema, call);
}

export async function getCall(id: string): Promise<Call | undefined> {
  return (await openDatabase()).get('calls', id);
}

/**
 * Reads a call, applies a change and writes it back in one transaction, so two quick updates can't overwrite each
 * other. Resolves with the stored call, or undefined when there is no such call. `presence`: only the call's "still on
 * screen" mark changed.
 */
export async function updateCall(
  id: string,
  change: (call: Call) => Call,
  origin: 'local' | 'presence' = 'local',
): Promise<Call | undefined> {
  return commit(['calls'], origin, async (transaction, log) => {
    const store = transaction.objectStore('calls');
    const current = await store.get(id);
    if (!current) return undefined;
    // Validated before the put, inside the transaction: nothing but IndexedDB requests may be awaited here. A change
    // that doesn't validate throws, and the commit writes nothing.
    const next = v.parse(CallSchema, { ...change(current), revision: (current.revision ?? 0) + 1 });
    await store.put(next);
    log({ kind: 'call', id });
    return next;
  });
}

/** Calls newest first, `limit` at a time, so the history stays fast with thousands of calls. */
export async function listCallsNewestFirst(limit: number): Promise<Call[]> {
  const database = await openDatabase();
  const calls: Call[] = [];
  let cursor = await database.transaction('calls').store.index('byStartedAt').openCursor(null, 'prev');
  while (cursor && calls.length < limit) {
    calls.push(cursor.value);
    cursor = await cursor.continue();
  }
  return calls;
}

export async function listCallsForPlan(planId: string): Promise<Call[]> {
  return (await openDatabase()).getAllFromIndex('calls', 'byPlan', planId);
}

/** Calls started at or after a moment, oldest first. */
export async function listCallsStartedSince(since: number): Promise<Call[]> {
  return (await openDatabase()).getAllFromIndex('calls', 'byStartedAt', IDBKeyRange.lowerBound(since));
}
