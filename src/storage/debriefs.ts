import * as v from 'valibot';
import { DebriefSchema, type Debrief } from '../domain/debrief';
import { mergeNotesPackage, type MergeResult, type NotesPackage } from '../domain/notes-package';
import { CallSchema, type Call } from '../domain/call';
import { planDisplayName } from '../domain/plan';
import { NoteSchema } from '../domain/note';
import { abortTransaction, openDatabase } from './database';
import { repKey } from '../domain/trends';

export async function getDebrief(callId: string): Promise<Debrief | undefined> {
  return (await openDatabase()).get('debriefs', callId);
}

/** The debriefs of several calls at once, for a page of the history. */
export async function getDebriefs(callIds: string[]): Promise<Map<string, Debrief>> {
  const transaction = (await openDatabase()).transaction('debriefs');
  const found = await Promise.all(callIds.map((id) => transaction.store.get(id)));
  await transaction.done;
  return new Map(found.filter((debrief): debrief is Debrief => debrief !== undefined).map((d) => [d.callId, d]));
}

export async function saveDebrief(debrief: Debrief): Promise<Debrief> {
  const valid = v.parse(DebriefSchema, debrief);
  const database = await openDatabase();
  const transaction = database.transaction('debriefs', 'readwrite', { durability: 'strict' });
  await Promise.all([transaction.store.put(valid), transaction.done]);
  return valid;
}

/**
 * Merges the partner's notes package into a local call in one transaction: the call's transitions and ticks, and
 * the notes this call doesn't have yet. Importing the same package again writes nothing new.
 */
export async function importNotesPackage(localCallId: string, pkg: NotesPackage): Promise<MergeResult> {
  const database = await openDatabase();
  const transaction = database.transaction(['calls', 'notes', 'debriefs'], 'readwrite', { durability: 'strict' });
  const calls = transaction.objectStore('calls');
  const notes = transaction.objectStore('notes');
  const debriefs = transaction.objectStore('debriefs');
  const local = await calls.get(localCallId);
  if (!local) {
    await abortTransaction(transaction);
    throw new Error('That call is no longer stored.');
  }
  const range = IDBKeyRange.bound([localCallId, -Infinity], [localCallId, Infinity]);
  const localNotes = await notes.index('byCallAndTime').getAll(range);
  let merged: MergeResult;
  try {
    const localDebrief = (await debriefs.get(localCallId)) ?? null;
    merged = mergeNotesPackage(local, localNotes, pkg, localDebrief);
    v.parse(CallSchema, merged.call);
    for (const note of merged.newNotes) v.parse(NoteSchema, note);
    if (merged.debrief) v.parse(DebriefSchema, merged.debrief);
  } catch (error) {
    await abortTransaction(transaction);
    throw error;
  }
  await Promise.all([
    calls.put(merged.call),
    ...merged.newNotes.map((note) => notes.put(note)),
    ...(merged.debrief ? [debriefs.put(merged.debrief)] : []),
    transaction.done,
  ]);
  return merged;
}

/**
 * The same rep's calls before this one, newest first, each with its debrief: where the commitment to follow up
 * comes from. Reads at most `scan` earlier calls, so a long history stays quick.
 */
export async function earlierCallsOfRep(
  call: Call,
  scan = 500,
): Promise<{ callId: string; callName: string; startedAt: number; debrief: Debrief | null }[]> {
  const rep = repKey(call.planSnapshot.repName);
  if (rep === '') return [];
  const database = await openDatabase();
  const transaction = database.transaction(['calls', 'debriefs']);
  const found: { callId: string; callName: string; startedAt: number; debrief: Debrief | null }[] = [];
  let cursor = await transaction
    .objectStore('calls')
    .index('byStartedAt')
    .openCursor(IDBKeyRange.upperBound(call.startedAt, true), 'prev');
  for (let seen = 0; cursor && seen < scan; seen++) {
    const earlier = cursor.value;
    if (earlier.id !== call.id && repKey(earlier.planSnapshot.repName) === rep) {
      const debrief = (await transaction.objectStore('debriefs').get(earlier.id)) ?? null;
      found.push({
        callId: earlier.id,
        callName: planDisplayName(earlier.planSnapshot),
        startedAt: earlier.startedAt,
        debrief,
      });
      if (debrief?.coaching.nextCallCommitment.trim()) break;
    }
    cursor = await cursor.continue();
  }
  await transaction.done;
  return found;
}
