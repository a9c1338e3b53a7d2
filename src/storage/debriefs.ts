import { DebriefSchema, type Debrief } from '../domain/debrief';
import {
  mergeNotesPackage,
  mergeProblem,
  noteCopyId,
  type MergeResult,
  type NotesPackage,
} from '../domain/notes-package';
import { type Call } from '../domain/call';
import { planDisplayName } from '../domain/plan';
import { commit, putRecord } from './commit';
import { openDatabase } from './database';
import { notesOf, rewriteCall } from './note-pages';
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

export function saveDebrief(debrief: Debrief): Promise<Debrief> {
  return putRecord('debriefs', DebriefSchema, debrief);
}

/** A notes package that can't be merged into this call, with the reason in words. Nothing was written. */
export class NotesMergeRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotesMergeRefused';
  }
}

/**
 * Merges the partner's notes package into a local call in one transaction: the call's transitions and ticks, and
 * the notes this call doesn't have yet. Importing the same package again writes nothing new. Only the local call,
 * its notes and its debrief are written: a package note whose id belongs to another call's note is stored under a
 * copy id (see mergeNotesPackage), never over that note.
 */
export async function importNotesPackage(localCallId: string, pkg: NotesPackage): Promise<MergeResult> {
  return commit(['calls', 'notePages', 'debriefs'], 'import', async (transaction, log) => {
    const calls = transaction.objectStore('calls');
    const pages = transaction.objectStore('notePages');
    const debriefs = transaction.objectStore('debriefs');
    const local = await calls.get(localCallId);
    if (!local) throw new Error('That call is no longer stored.');
    const localPages = await pages.index('byCall').getAll(localCallId);
    const localNotes = notesOf(localPages);
    // Who holds each id the package's notes could take: their own, and their copy id on this call.
    const wanted = pkg.notes.flatMap((note) => [note.id, noteCopyId(localCallId, note.id)]);
    // Note ids are unique across calls, and a note is found through its call: an import, which is rare, reads every
    // page once to see which call holds which of the ids it could take.
    const [allPages, localDebrief] = await Promise.all([pages.getAll(), debriefs.get(localCallId)]);
    const wantedIds = new Set(wanted);
    const storedOwners = new Map(
      notesOf(allPages).flatMap((note) => (wantedIds.has(note.id) ? [[note.id, note.callId] as const] : [])),
    );
    // Thrown inside the commit: nothing of the package is written.
    const merged = mergeNotesPackage(local, localNotes, pkg, localDebrief ?? null, storedOwners);
    const problem = mergeProblem(merged, localNotes.length);
    if (problem) throw new NotesMergeRefused(problem);
    const rewritten = rewriteCall(localCallId, localPages, merged.newNotes);
    await Promise.all([
      calls.put(merged.call),
      ...(merged.newNotes.length > 0 ? rewritten.put.map((page) => pages.put(page)) : []),
      ...(merged.newNotes.length > 0 ? rewritten.remove.map((id) => pages.delete(id)) : []),
      ...(merged.debrief ? [debriefs.put(merged.debrief)] : []),
    ]);
    log({ kind: 'call', id: localCallId });
    for (const note of merged.newNotes) log({ kind: 'note', id: note.id, callId: localCallId });
    if (merged.debrief) log({ kind: 'debrief', id: localCallId });
    return merged;
  });
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
