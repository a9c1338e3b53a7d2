import * as v from 'valibot';
import { CallSchema, type Call } from '../domain/call';
import { abortTransaction, openDatabase, putValidated } from './database';

export function saveCall(call: Call): Promise<Call> {
  return putValidated('calls', CallSchema, call);
}

export async function getCall(id: string): Promise<Call | undefined> {
  return (await openDatabase()).get('calls', id);
}

/**
 * Reads a call, applies a change and writes it back in one transaction, so two quick updates can't overwrite each
 * other. Resolves with the stored call, or undefined when there is no such call.
 */
export async function updateCall(id: string, change: (call: Call) => Call): Promise<Call | undefined> {
  const database = await openDatabase();
  const transaction = database.transaction('calls', 'readwrite', { durability: 'strict' });
  const current = await transaction.store.get(id);
  if (!current) {
    await transaction.done;
    return undefined;
  }
  // Validated before the put, inside the transaction: nothing but IndexedDB requests may be awaited here.
  let next: Call;
  try {
    next = v.parse(CallSchema, { ...change(current), revision: (current.revision ?? 0) + 1 });
  } catch (error) {
    await abortTransaction(transaction);
    throw error;
  }
  await Promise.all([transaction.store.put(next), transaction.done]);
  return next;
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
