// Team sync's two ways into IndexedDB: reading what a device shares, and landing what arrived in one transaction.
// The merge itself is decided in domain/team-sync.ts, inside the transaction, against what is stored at that moment,
// so a note saved or a call moved while sync runs is merged, never overwritten.
import * as v from 'valibot';
import { CallSchema, type Call } from '../domain/call';
import { DebriefSchema, type Debrief } from '../domain/debrief';
import { NoteSchema, type Note } from '../domain/note';
import { PlanSchema, type Plan } from '../domain/plan';
import { noteCopyId } from '../domain/notes-package';
import { planSyncMerge, type DocSyncState, type IncomingDoc, type SyncMergePlan } from '../domain/team-sync';
import { commit } from './commit';
import { openDatabase } from './database';
import { groupByCall, notesOf, rewriteCall } from './note-pages';

export interface SharedRecords {
  plan: Plan;
  calls: { call: Call; notes: Note[]; debrief: Debrief | null }[];
}

/** The plans `isShared` picks, each with its calls, their notes and debriefs, read in one transaction. */
export async function readSharedRecords(isShared: (plan: Plan) => boolean): Promise<SharedRecords[]> {
  const transaction = (await openDatabase()).transaction(['plans', 'calls', 'notePages', 'debriefs']);
  const plans = (await transaction.objectStore('plans').getAll()).filter(isShared);
  const shared: SharedRecords[] = [];
  for (const plan of plans) {
    const calls = await transaction.objectStore('calls').index('byPlan').getAll(plan.id);
    const withRecords = await Promise.all(
      calls.map(async (call) => {
        const [pages, debrief] = await Promise.all([
          transaction.objectStore('notePages').index('byCall').getAll(call.id),
          transaction.objectStore('debriefs').get(call.id),
        ]);
        return { call, notes: notesOf(pages), debrief: debrief ?? null };
      }),
    );
    shared.push({ plan, calls: withRecords });
  }
  await transaction.done;
  return shared;
}

/**
 * Merges documents that arrived from the team's server into the local records, in one transaction with strict
 * durability: everything planSyncMerge decided lands, or nothing does. Resolves with that decision (what was
 * written, the documents' new sync state, what was skipped and why).
 */
export async function mergeSyncedDocs(
  incoming: IncomingDoc[],
  states: Readonly<Record<string, DocSyncState | undefined>>,
): Promise<SyncMergePlan> {
  const wanted = { plans: new Set<string>(), calls: new Set<string>(), noteCalls: new Set<string>() };
  const noteIds = new Set<string>();
  for (const doc of incoming) {
    for (const payload of [doc.payload, ...doc.conflicts.map((conflict) => conflict.payload)]) {
      if (payload.kind === 'plan') wanted.plans.add(payload.plan.id);
      else if (payload.kind === 'call') wanted.calls.add(payload.call.id);
      else if (payload.kind === 'notes') {
        wanted.noteCalls.add(payload.callId);
        for (const note of payload.notes) noteIds.add(note.id).add(noteCopyId(payload.callId, note.id));
      } else wanted.calls.add(payload.debrief.callId);
    }
  }
  const debriefCalls = new Set(
    incoming.flatMap((doc) => (doc.payload.kind === 'debrief' ? [doc.payload.debrief.callId] : [])),
  );
  return commit(['plans', 'calls', 'notePages', 'debriefs'], 'sync', async (transaction, log) => {
    const stores = {
      plans: transaction.objectStore('plans'),
      calls: transaction.objectStore('calls'),
      notePages: transaction.objectStore('notePages'),
      debriefs: transaction.objectStore('debriefs'),
    };
    const found = <T>(entries: [string, T | undefined][]) =>
      new Map(entries.filter((entry): entry is [string, T] => entry[1] !== undefined));
    const [plans, calls, debriefs, pagesByCall, allPages] = await Promise.all([
      Promise.all([...wanted.plans].map(async (id) => [id, await stores.plans.get(id)] as [string, Plan | undefined])),
      Promise.all([...wanted.calls].map(async (id) => [id, await stores.calls.get(id)] as [string, Call | undefined])),
      Promise.all(
        [...debriefCalls].map(async (id) => [id, await stores.debriefs.get(id)] as [string, Debrief | undefined]),
      ),
      Promise.all(
        [...wanted.noteCalls].map(async (id) => [id, await stores.notePages.index('byCall').getAll(id)] as const),
      ),
      // Note ids are unique across calls and a note is found through its call (note-pages.ts): only when notes
      // arrive are all pages read, to see which call holds which of their ids.
      noteIds.size > 0 ? stores.notePages.getAll() : Promise.resolve([]),
    ]);
    const noteOwners = new Map(
      notesOf(allPages).flatMap((note) => (noteIds.has(note.id) ? [[note.id, note.callId] as const] : [])),
    );
    const pagesHere = new Map(pagesByCall);
    const plan = planSyncMerge(
      {
        plans: found(plans),
        calls: found(calls),
        debriefs: found(debriefs),
        notes: new Map([...pagesHere].map(([id, pages]) => [id, notesOf(pages)])),
        noteOwners,
      },
      incoming,
      states,
    );
    // The last gate before the database: every record written passes its schema again. A failure throws, and the
    // commit writes nothing.
    for (const record of plan.writes.plans) v.parse(PlanSchema, record);
    for (const record of plan.writes.calls) v.parse(CallSchema, record);
    for (const record of plan.writes.notes) v.parse(NoteSchema, record);
    for (const record of plan.writes.debriefs) v.parse(DebriefSchema, record);
    const requests: Promise<unknown>[] = [];
    for (const record of plan.writes.plans) requests.push(stores.plans.put(record));
    for (const record of plan.writes.calls) requests.push(stores.calls.put(record));
    for (const record of plan.writes.debriefs) requests.push(stores.debriefs.put(record));
    for (const [callId, written] of groupByCall(plan.writes.notes)) {
      const { put, remove } = rewriteCall(callId, pagesHere.get(callId) ?? [], written);
      for (const id of remove) requests.push(stores.notePages.delete(id));
      for (const page of put) requests.push(stores.notePages.put(page));
    }
    for (const record of plan.writes.plans) log({ kind: 'plan', id: record.id });
    for (const record of plan.writes.calls) log({ kind: 'call', id: record.id });
    for (const record of plan.writes.notes) log({ kind: 'note', id: record.id, callId: record.callId });
    for (const record of plan.writes.debriefs) log({ kind: 'debrief', id: record.callId });
    await Promise.all(requests);
    return plan;
  });
}
