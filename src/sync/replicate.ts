// One round of team sync: pull what changed on the server since the checkpoint, merge it into IndexedDB, then push
// what changed here. Everything that matters between rounds is in the SyncStateStore (chrome.storage.local in the
// extension), so the service worker can be stopped at any moment and the next round resumes:
// - the pull checkpoint moves only after the batch it covers is committed locally (and is mirrored to a _local
//   document on the server, as CouchDB's replicator does);
// - a document counts as pushed only once the server acknowledged it, so a server that dies mid-push loses nothing.
import * as v from 'valibot';
import type { Plan } from '../domain/plan';
import {
  DocSyncStateSchema,
  payloadDocId,
  planForSync,
  roleTowards,
  syncContentHash,
  syncDocId,
  type DocSyncState,
  type IncomingDoc,
  type SyncPayload,
} from '../domain/team-sync';
import { mergeSyncedDocs, readSharedRecords } from '../storage/sync';
import { DEVICE_SETTING_KEYS } from '../platform/device-settings';
import type { CouchClient, ServerDoc } from './couch';
import { openServerDoc, sealDoc } from './docs';
import { SyncProblem } from './problem';
import { TEAM_DOC_ID, verifyTeamKey } from './team';

/** Where sync keeps its state between rounds: chrome.storage.local's get and set, or a Map in tests. */
export interface SyncStateStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function memoryStateStore(): SyncStateStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    async get(keys) {
      return Object.fromEntries(
        keys.flatMap((key) => (entries.has(key) ? [[key, structuredClone(entries.get(key))]] : [])),
      );
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) entries.set(key, structuredClone(value));
    },
  };
}

export const STATE_KEYS = {
  checkpoint: `${DEVICE_SETTING_KEYS.syncStatePrefix}pull-checkpoint`,
  device: `${DEVICE_SETTING_KEYS.syncStatePrefix}device`,
  doc: (docId: string) => `${DEVICE_SETTING_KEYS.syncStatePrefix}doc:${docId}`,
} as const;

export interface SyncDeps {
  client: CouchClient;
  /** The team key from unlockTeam; checked against the team document before anything is read or written. */
  key: CryptoKey;
  state: SyncStateStore;
  /** Which plans leave this device, with their calls, notes and debriefs. The default: those marked for the team. */
  isShared?: (plan: Plan) => boolean;
  /** Changes read per batch; each batch is merged in one transaction. */
  pullBatch?: number;
  /** Documents written per _bulk_docs request. */
  pushBatch?: number;
  /** Pages of changes read in one round at most (the rest waits for the next round). */
  maxPullPages?: number;
}

/** 500 pages of 100: a round takes in 50,000 changes at most; a larger first sync goes on in the next round. */
const MAX_PULL_PAGES = 500;

export interface SyncReport {
  /** Server documents taken in (merged into the records here). */
  pulled: number;
  /** Documents the server acknowledged. */
  pushed: number;
  /** Server documents that could not be used, each with the reason; nothing of them was written here. */
  skipped: { id: string; reason: string }[];
  /** Documents with conflicting revisions on the server, merged here and written back as one. */
  conflictsResolved: number;
  /** Plans changed on both sides: the older version was kept as a "(conflicting copy)" plan. */
  planCopies: number;
  /** The round stopped at its page limit with changes still to take in: the next round goes on from there. */
  more?: boolean;
}

export const isSharedWithTeam = (plan: Plan) => plan.team === true;
/** A push that meets someone else's write takes theirs in and tries again, this many times at most. */
export const MAX_PUSH_ROUNDS = 4;

const CheckpointSchema = v.union([v.pipe(v.string(), v.maxLength(2000)), v.pipe(v.number(), v.integer())]);

/**
 * Pulls, then pushes. Throws a SyncProblem when the server can't be used (unreachable, refused, wrong passphrase);
 * whatever was acknowledged and committed before that stays recorded, and the next round goes on from there.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { pulled: 0, pushed: 0, skipped: [], conflictsResolved: 0, planCopies: 0 };
  await verifyTeamKey(deps.client, deps.key);
  const deviceId = await deviceIdOf(deps.state);
  await pull(deps, report, deviceId);
  await push(deps, report);
  return report;
}

async function deviceIdOf(state: SyncStateStore): Promise<string> {
  const stored = (await state.get([STATE_KEYS.device]))[STATE_KEYS.device];
  if (typeof stored === 'string' && /^[0-9a-f-]{36}$/.test(stored)) return stored;
  const id = crypto.randomUUID();
  await state.set({ [STATE_KEYS.device]: id });
  return id;
}

async function readStates(state: SyncStateStore, docIds: string[]): Promise<Record<string, DocSyncState>> {
  if (docIds.length === 0) return {};
  const stored = await state.get(docIds.map(STATE_KEYS.doc));
  const states: Record<string, DocSyncState> = {};
  for (const docId of docIds) {
    const parsed = v.safeParse(DocSyncStateSchema, stored[STATE_KEYS.doc(docId)]);
    if (parsed.success) states[docId] = parsed.output;
  }
  return states;
}

async function saveStates(state: SyncStateStore, states: Record<string, DocSyncState>): Promise<void> {
  const items = Object.fromEntries(Object.entries(states).map(([docId, value]) => [STATE_KEYS.doc(docId), value]));
  if (Object.keys(items).length > 0) await state.set(items);
}

/** Documents that are not records: the team document, design documents. */
const isRecordDoc = (id: string) => id !== TEAM_DOC_ID && !id.startsWith('_');

async function pull(deps: SyncDeps, report: SyncReport, deviceId: string): Promise<void> {
  const batch = deps.pullBatch ?? 100;
  const checkpointId = `ridealong-pull-${deviceId}`;
  const stored = v.safeParse(CheckpointSchema, (await deps.state.get([STATE_KEYS.checkpoint]))[STATE_KEYS.checkpoint]);
  let since: string | number = stored.success ? stored.output : 0;
  if (!stored.success) {
    const remote = v.safeParse(CheckpointSchema, (await deps.client.getLocal(checkpointId))?.last_seq);
    if (remote.success) since = remote.output;
  }
  // Bounded: each request has its time limit, and the loop has its own. A feed whose last_seq never moves would
  // otherwise hand back the same page for ever and hold the sync lock; a long first sync ends its round after
  // `maxPullPages` and the next round goes on from the checkpoint.
  const maxPages = deps.maxPullPages ?? MAX_PULL_PAGES;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await deps.client.changes(since, batch);
    if (page.results.length > 0 && JSON.stringify(page.last_seq) === JSON.stringify(since))
      throw new SyncProblem(
        'server-error',
        'The team’s server keeps sending the same changes without moving on, so this round stopped. Nothing was lost; the next round tries again.',
      );
    const docs = page.results.flatMap((row) => (row.doc && isRecordDoc(row.id) && !row.deleted ? [row.doc] : []));
    await takeIn(deps, report, docs);
    // Only now, with the batch committed here, does the checkpoint move past it.
    since = page.last_seq;
    await deps.state.set({ [STATE_KEYS.checkpoint]: since });
    await deps.client.putLocal(checkpointId, { last_seq: since });
    if (page.results.length < batch) return;
  }
  report.more = true;
}

/** Opens, checks and merges server documents (with their conflicting revisions) in one local transaction. */
async function takeIn(deps: SyncDeps, report: SyncReport, docs: ServerDoc[]): Promise<void> {
  // A debrief's merge asks whether its call was run here, which its call document's state says.
  const callsOfDebriefs = docs.flatMap((doc) =>
    doc._id.startsWith('debrief:') ? [`call:${doc._id.slice('debrief:'.length)}`] : [],
  );
  const states = await readStates(deps.state, [...docs.map((doc) => doc._id), ...callsOfDebriefs]);
  const incoming: IncomingDoc[] = [];
  for (const doc of docs) {
    if (doc._deleted) continue;
    const conflicts = Array.isArray(doc._conflicts) ? doc._conflicts.filter((rev) => typeof rev === 'string') : [];
    // Our own write coming back, or a document already merged: nothing new.
    if (states[doc._id]?.rev === doc._rev && conflicts.length === 0) continue;
    const opened = await openServerDoc(deps.key, doc);
    if (!opened.ok) {
      report.skipped.push({ id: doc._id, reason: opened.reason });
      continue;
    }
    const others: IncomingDoc['conflicts'] = [];
    for (const rev of conflicts) {
      const other = await deps.client.getDoc(doc._id, { rev });
      if (!other || other._deleted) continue;
      const checked = await openServerDoc(deps.key, other);
      // A broken conflicting revision is reported and left alone: only what was merged here gets deleted.
      if (checked.ok) others.push({ rev, payload: checked.payload });
      else report.skipped.push({ id: `${doc._id} (revision ${rev})`, reason: checked.reason });
    }
    incoming.push({ docId: doc._id, rev: doc._rev, payload: opened.payload, conflicts: others });
  }
  if (incoming.length === 0) return;
  const merged = await mergeSyncedDocs(incoming, states);
  report.pulled += Object.keys(merged.states).length;
  report.skipped.push(...merged.skipped);
  report.conflictsResolved += merged.conflictsMerged;
  report.planCopies += merged.planCopies;
  await saveStates(deps.state, merged.states);
}

interface Outgoing {
  docId: string;
  payload: SyncPayload;
  hash: string;
}

/** Everything this device shares, as payloads. */
async function outgoing(deps: SyncDeps): Promise<Outgoing[]> {
  const shared = await readSharedRecords(deps.isShared ?? isSharedWithTeam);
  const callStates = await readStates(
    deps.state,
    shared.flatMap((entry) => entry.calls.map(({ call }) => syncDocId('call', call.id))),
  );
  const payloads: SyncPayload[] = [];
  for (const { plan, calls } of shared) {
    payloads.push({ v: 1, kind: 'plan', plan: planForSync(plan) });
    for (const { call, notes, debrief } of calls) {
      payloads.push({ v: 1, kind: 'call', call });
      if (notes.length > 0) payloads.push({ v: 1, kind: 'notes', callId: call.id, notes });
      if (debrief) {
        const ranHere = callStates[syncDocId('call', call.id)]?.foreign !== true;
        payloads.push({ v: 1, kind: 'debrief', debrief, writer: roleTowards(call, ranHere) });
      }
    }
  }
  return payloads.map((payload) => ({
    docId: payloadDocId(payload),
    payload,
    hash: syncContentHash(payload),
  }));
}

async function push(deps: SyncDeps, report: SyncReport): Promise<void> {
  const batch = deps.pushBatch ?? 50;
  for (let round = 0; round < MAX_PUSH_ROUNDS; round++) {
    const docs = await outgoing(deps);
    const states = await readStates(
      deps.state,
      docs.map((doc) => doc.docId),
    );
    const pending = docs.filter((doc) => doc.hash !== states[doc.docId]?.hash || states[doc.docId]?.losing?.length);
    if (pending.length === 0) return;
    const conflicted: string[] = [];
    for (let start = 0; start < pending.length; start += batch) {
      const slice = pending.slice(start, start + batch);
      const body: object[] = [];
      const sent: { doc: Outgoing; rev?: string }[] = [];
      for (const doc of slice) {
        const state = states[doc.docId];
        if (doc.hash !== state?.hash) {
          body.push(await sealDoc(deps.key, doc.docId, doc.payload, state?.rev));
          sent.push({ doc });
        }
        // The conflicting revisions merged here go in the same request as the merged document.
        for (const rev of state?.losing ?? []) {
          body.push({ _id: doc.docId, _rev: rev, _deleted: true });
          sent.push({ doc, rev });
        }
      }
      const results = await deps.client.bulkDocs(body);
      const next: Record<string, DocSyncState> = {};
      sent.forEach(({ doc, rev }, index) => {
        const result = results[index];
        const current = next[doc.docId] ?? states[doc.docId];
        if (rev !== undefined) {
          // Deleted, or already gone (another device resolved it first): either way, no longer to delete. With no
          // answer at all it stays listed, and goes with the next write.
          if (result && current) {
            const losing = (current.losing ?? []).filter((other) => other !== rev);
            const { losing: _old, ...rest } = current;
            next[doc.docId] = losing.length > 0 ? { ...rest, losing } : rest;
          }
          return;
        }
        if (result?.ok && result.id === doc.docId) {
          report.pushed++;
          next[doc.docId] = {
            ...current,
            rev: result.rev,
            hash: doc.hash,
          };
        } else if (result && !result.ok && result.conflict) conflicted.push(doc.docId);
        else
          report.skipped.push({
            id: doc.docId,
            reason: `The server refused it: ${result && !result.ok ? result.reason : 'no answer for it'}.`,
          });
      });
      // Acknowledged documents are recorded batch by batch: a server that dies now loses none of them.
      await saveStates(deps.state, next);
    }
    if (conflicted.length === 0) return;
    // Someone else wrote these first: take their version in, merge, and push the result in the next round.
    const theirs = await Promise.all(conflicted.map((id) => deps.client.getDoc(id)));
    await takeIn(
      deps,
      report,
      theirs.filter((doc): doc is ServerDoc => doc !== null),
    );
  }
}
