// What team sync sends and how what arrives is merged: pure rules, no network and no storage. src/sync/ seals these
// payloads, sends them and opens what comes back; src/storage/sync.ts runs planSyncMerge inside one transaction.
//
// One server document per record, by id:
//   plan:<planId>      the plan
//   call:<callId>      one device's record of a call (each device that runs a call has its own record and id)
//   notes:<callId>     every note of that call, in one document
//   debrief:<callId>   the debrief of that call
// Notes travel per call, not per note: a call's notes are written by the device that ran it, so two devices rarely
// write the same notes document, and when they do (a real conflict) the merge is a union by note id. Per-note
// documents would make 2,000 notes 2,000 documents, and tell the server when each note was taken.
import * as v from 'valibot';
import { CallSchema, RoleSchema, type Call, type Role } from './call';
import { DebriefSchema, type Debrief } from './debrief';
import { hash64 } from './derived-id';
import { MAX_NOTES_PER_CALL, NoteSchema, type Note } from './note';
import { mergeDebriefs, noteCopyId } from './notes-package';
import { PlanSchema, type Plan } from './plan';
import { MAX_REVISION } from './schema-parts';
import { IdSchema } from './schema-parts';

export const SYNC_PAYLOAD_VERSION = 1;
export const SYNC_KINDS = ['plan', 'call', 'notes', 'debrief'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

const version = v.literal(SYNC_PAYLOAD_VERSION);

/** What is sealed inside each server document. */
export const SyncPayloadSchema = v.variant('kind', [
  v.strictObject({ v: version, kind: v.literal('plan'), plan: PlanSchema }),
  v.strictObject({ v: version, kind: v.literal('call'), call: CallSchema }),
  v.strictObject({
    v: version,
    kind: v.literal('notes'),
    callId: IdSchema,
    notes: v.pipe(
      v.array(NoteSchema),
      v.maxLength(MAX_NOTES_PER_CALL, `More than ${MAX_NOTES_PER_CALL} notes, more than any real call holds`),
    ),
  }),
  /** `writer`: the role of the device that wrote it, towards this call (see roleTowards). */
  v.strictObject({ v: version, kind: v.literal('debrief'), debrief: DebriefSchema, writer: RoleSchema }),
]);
export type SyncPayload = v.InferOutput<typeof SyncPayloadSchema>;

export function syncDocId(kind: SyncKind, recordId: string): string {
  return `${kind}:${recordId}`;
}

/** The kind and record id of a server document id, or null when it is not one Ridealong writes. */
export function parseSyncDocId(docId: string): { kind: SyncKind; recordId: string } | null {
  const colon = docId.indexOf(':');
  if (colon < 0) return null;
  const kind = docId.slice(0, colon);
  const recordId = docId.slice(colon + 1);
  if (!(SYNC_KINDS as readonly string[]).includes(kind) || !v.is(IdSchema, recordId)) return null;
  return { kind: kind as SyncKind, recordId };
}

export function payloadDocId(payload: SyncPayload): string {
  switch (payload.kind) {
    case 'plan':
      return syncDocId('plan', payload.plan.id);
    case 'call':
      return syncDocId('call', payload.call.id);
    case 'notes':
      return syncDocId('notes', payload.callId);
    case 'debrief':
      return syncDocId('debrief', payload.debrief.callId);
  }
}

export type CheckedPayload = { ok: true; payload: SyncPayload } | { ok: false; reason: string };

/**
 * Checks an opened document against the same schemas as an import, and that it belongs under its id: a plan sealed
 * for `plan:a` can't be stored as plan b, and a notes document holds only its own call's notes, each id once.
 */
export function checkSyncPayload(docId: string, value: unknown): CheckedPayload {
  if (!parseSyncDocId(docId)) return { ok: false, reason: 'Its id is not one Ridealong writes.' };
  const parsed = v.safeParse(SyncPayloadSchema, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = (issue.path ?? []).map((step) => String(step.key)).join('.');
    return { ok: false, reason: `It is not a valid Ridealong record (${where ? `${where}: ` : ''}${issue.message}).` };
  }
  const payload = parsed.output;
  if (payloadDocId(payload) !== docId) return { ok: false, reason: 'It holds a record of another id.' };
  if (payload.kind === 'notes') {
    if (payload.notes.some((note) => note.callId !== payload.callId))
      return { ok: false, reason: 'It mixes notes of different calls.' };
    if (new Set(payload.notes.map((note) => note.id)).size !== payload.notes.length)
      return { ok: false, reason: 'It lists the same note twice.' };
  }
  return { ok: true, payload };
}

/** JSON with keys sorted, so equal records give equal text whatever order their fields were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A plan as it syncs: which revision this browser last exchanged is its own bookkeeping, and never leaves. */
export function planForSync(plan: Plan): Plan {
  const { syncedRevision: _kept, ...content } = plan;
  return content;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A hash of what a payload holds, to tell whether a record changed since it was last synced. Not a secret and never
 * sent: it stays in the device's sync state. The debrief's writer is left out (it is who sent it, not what it says).
 */
export function syncContentHash(payload: SyncPayload): string {
  switch (payload.kind) {
    case 'plan':
      return hash64(canonical(['plan', planForSync(payload.plan)]));
    case 'call':
      return hash64(canonical(['call', payload.call]));
    case 'notes':
      return hash64(canonical(['notes', payload.callId, [...payload.notes].sort(byId)]));
    case 'debrief':
      return hash64(canonical(['debrief', payload.debrief]));
  }
}

/** What the device's sync state remembers of one server document. */
export interface DocSyncState {
  /** The server's revision this device last wrote or merged. */
  rev: string;
  /** syncContentHash of the content at that revision. */
  hash: string;
  /** A call that arrived from the server: another device ran it. */
  foreign?: boolean;
  /** Conflicting revisions merged here, to delete on the server with the next write of this document. */
  losing?: string[];
}

export const DocSyncStateSchema = v.object({
  rev: v.pipe(v.string(), v.maxLength(200)),
  hash: v.pipe(v.string(), v.maxLength(64)),
  foreign: v.optional(v.boolean()),
  losing: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1000))),
});

export const otherRole = (role: Role): Role => (role === 'rep' ? 'manager' : 'rep');

/**
 * This device's role towards a call: its own role when it ran the call, else the other one (a manager's device
 * holding the rep's call is the manager's). The rep's self-assessment is only ever taken from the rep's device.
 */
export function roleTowards(call: Pick<Call, 'role'>, ranHere: boolean): Role {
  return ranHere ? call.role : otherRole(call.role);
}

/** What this device holds of the records a batch touches. */
export interface SyncHere {
  plans: Map<string, Plan>;
  calls: Map<string, Call>;
  /** Notes by call. */
  notes: Map<string, Note[]>;
  debriefs: Map<string, Debrief>;
  /** For incoming note ids (and their copy ids) held here by another call: note id → call id. */
  noteOwners: Map<string, string>;
}

/** One server document as it arrived: its winning revision and content, and any conflicting revisions' content. */
export interface IncomingDoc {
  docId: string;
  rev: string;
  payload: SyncPayload;
  conflicts: { rev: string; payload: SyncPayload }[];
}

export interface SyncWrites {
  plans: Plan[];
  calls: Call[];
  /** Notes to add (or replace, same id) in their calls. */
  notes: Note[];
  debriefs: Debrief[];
}

export interface SyncMergePlan {
  writes: SyncWrites;
  /** The new sync state of each document merged. */
  states: Record<string, DocSyncState>;
  skipped: { id: string; reason: string }[];
  /** Documents that had conflicting revisions, merged here. */
  conflictsMerged: number;
  /** Plans changed on both sides: the other side's version was kept as a copy. */
  planCopies: number;
}

/**
 * Decides how a batch of server documents lands in the local records. Nothing is lost:
 * - when the local record has not changed since it was last synced, the server's copy replaces it (a fast-forward);
 * - when both changed, the two are merged: notes by id (a note here stays), calls by joining their agenda moves and
 *   ticks, debriefs field by field as a notes package merges them (mergeDebriefs: the rep's own self-assessment
 *   stays on the rep's device), and plans by keeping the newer revision and the other one as a conflict copy;
 * - conflicting revisions on the server are merged in the same way, as changes on both sides.
 * A document whose merge would break a schema or a bound is skipped and reported; the rest still land.
 */
export function planSyncMerge(
  here: SyncHere,
  incoming: IncomingDoc[],
  states: Readonly<Record<string, DocSyncState | undefined>>,
): SyncMergePlan {
  const plans = new Map(here.plans);
  const calls = new Map(here.calls);
  const notes = new Map(here.notes);
  const debriefs = new Map(here.debriefs);
  const noteOwners = new Map(here.noteOwners);
  for (const [callId, list] of here.notes) for (const note of list) noteOwners.set(note.id, callId);
  const written = {
    plans: new Map<string, Plan>(),
    calls: new Map<string, Call>(),
    debriefs: new Map<string, Debrief>(),
  };
  const writtenNotes = new Map<string, Note>();
  const result: SyncMergePlan = {
    writes: { plans: [], calls: [], notes: [], debriefs: [] },
    states: {},
    skipped: [],
    conflictsMerged: 0,
    planCopies: 0,
  };
  const stateOf = (docId: string) => result.states[docId] ?? states[docId];
  const ranHere = (callId: string) => stateOf(syncDocId('call', callId))?.foreign !== true;

  for (const doc of incoming) {
    const state = stateOf(doc.docId);
    const versions = [doc.payload, ...doc.conflicts.map((conflict) => conflict.payload)];
    let problem: string | null = null;
    let foreign = state?.foreign;
    const kind = doc.payload.kind;
    if (kind === 'plan') {
      const outcome = mergePlanVersions(plans.get(recordIdOf(doc.payload)), versions as PlanPayload[], state);
      const bad = [outcome.plan, ...outcome.copies].find((plan) => !v.is(PlanSchema, plan));
      if (bad) problem = 'Merged with the plan here, it would no longer be a valid plan.';
      else {
        for (const plan of [outcome.plan, ...outcome.copies]) {
          if (plan === plans.get(plan.id)) continue;
          plans.set(plan.id, plan);
          written.plans.set(plan.id, plan);
        }
        result.planCopies += outcome.copies.length;
      }
    } else if (kind === 'call') {
      const local = calls.get(doc.payload.call.id);
      if (!local) foreign = true;
      const merged = mergeCallVersions(local, versions as CallPayload[], state);
      if (!v.is(CallSchema, merged)) problem = 'Merged with the call here, it would break the call’s bounds.';
      else if (merged !== local) {
        calls.set(merged.id, merged);
        written.calls.set(merged.id, merged);
      }
    } else if (kind === 'notes') {
      const callId = doc.payload.callId;
      const local = notes.get(callId) ?? [];
      const added = mergeNoteVersions(callId, local, versions as NotesPayload[], state, noteOwners);
      if (local.length + added.length > MAX_NOTES_PER_CALL)
        problem = `Together with the notes here, the call would hold more than ${MAX_NOTES_PER_CALL} notes.`;
      else if (added.length > 0) {
        const byIdHere = new Map(local.map((note) => [note.id, note]));
        for (const note of added) {
          byIdHere.set(note.id, note);
          noteOwners.set(note.id, callId);
          writtenNotes.set(note.id, note);
        }
        notes.set(callId, [...byIdHere.values()]);
      }
    } else {
      const callId = doc.payload.debrief.callId;
      const call = calls.get(callId);
      // A call not here was not run here: this device is not the rep's for it.
      const localRole: Role = call ? roleTowards(call, ranHere(callId)) : 'manager';
      const merged = mergeDebriefVersions(debriefs.get(callId), versions as DebriefPayload[], state, localRole);
      if (!v.is(DebriefSchema, merged)) problem = 'Merged with the debrief here, it would no longer be valid.';
      else if (merged !== debriefs.get(callId)) {
        debriefs.set(callId, merged);
        written.debriefs.set(callId, merged);
      }
    }
    if (problem) {
      result.skipped.push({ id: doc.docId, reason: problem });
      continue;
    }
    if (doc.conflicts.length > 0) result.conflictsMerged++;
    const losing = doc.conflicts.map((conflict) => conflict.rev);
    result.states[doc.docId] = {
      rev: doc.rev,
      hash: syncContentHash(doc.payload),
      ...(foreign ? { foreign: true } : {}),
      ...(losing.length > 0 ? { losing } : {}),
    };
  }
  result.writes = {
    plans: [...written.plans.values()],
    calls: [...written.calls.values()],
    notes: [...writtenNotes.values()],
    debriefs: [...written.debriefs.values()],
  };
  return result;
}

type PlanPayload = Extract<SyncPayload, { kind: 'plan' }>;
type CallPayload = Extract<SyncPayload, { kind: 'call' }>;
type NotesPayload = Extract<SyncPayload, { kind: 'notes' }>;
type DebriefPayload = Extract<SyncPayload, { kind: 'debrief' }>;

function recordIdOf(payload: PlanPayload): string {
  return payload.plan.id;
}

/** Whether the local record is as it was when last synced: then the server's copy may simply replace it. */
function unchangedSinceSync(local: SyncPayload | null, state: DocSyncState | undefined): boolean {
  return local === null || (state !== undefined && syncContentHash(local) === state.hash);
}

function mergePlanVersions(
  local: Plan | undefined,
  versions: PlanPayload[],
  state: DocSyncState | undefined,
): { plan: Plan; copies: Plan[] } {
  const [first, ...others] = versions;
  const copies: Plan[] = [];
  let plan =
    local && !unchangedSinceSync({ v: 1, kind: 'plan', plan: local }, state)
      ? both(local, first!.plan)
      : taken(first!.plan, local);
  for (const other of others) plan = both(plan, other.plan);
  return { plan, copies };

  function both(mine: Plan, theirs: Plan): Plan {
    if (sameContent(mine, theirs)) return mine;
    const [newer, older] = newerPlanFirst(mine, theirs);
    copies.push(conflictCopy(older));
    return newer === mine ? mine : taken(theirs, mine);
  }
}

/** The server's plan as stored here: it remembers the revision taken, as an import does (src/storage/plans.ts). */
function taken(plan: Plan, local: Plan | undefined): Plan {
  if (local && sameContent(local, plan)) return local;
  return { ...planForSync(plan), syncedRevision: plan.revision };
}

function sameContent(a: Plan, b: Plan): boolean {
  return canonical(planForSync(a)) === canonical(planForSync(b));
}

/** The newer of two versions of a plan: the higher revision, then the later save, then a stable order. */
function newerPlanFirst(a: Plan, b: Plan): [Plan, Plan] {
  const order =
    a.revision - b.revision ||
    a.updatedAt - b.updatedAt ||
    (canonical(planForSync(a)) > canonical(planForSync(b)) ? 1 : -1);
  return order >= 0 ? [a, b] : [b, a];
}

export const CONFLICT_COPY_SUFFIX = ' (conflicting copy)';

/**
 * The older side of a plan changed on both sides, kept as a plan of its own, so nothing is silently dropped: the
 * person compares the two and deletes one. Its id derives from the plan and its content, so every device that
 * resolves the same conflict makes the same copy, and the copy syncs like any shared plan.
 */
export function conflictCopy(plan: Plan): Plan {
  const content = planForSync(plan);
  const id = `p-${hash64(`plan-copy\u0000${plan.id}\u0000${canonical(content)}`)}`;
  const title = plan.title.trim() || plan.account.trim() || 'Untitled call';
  return {
    ...content,
    id,
    title: `${title.slice(0, 200 - CONFLICT_COPY_SUFFIX.length)}${CONFLICT_COPY_SUFFIX}`,
  };
}

const transitionKey = (t: Call['transitions'][number]) => `${t.at}:${t.toItemIndex}:${t.by}`;

function mergeCallVersions(local: Call | undefined, versions: CallPayload[], state: DocSyncState | undefined): Call {
  const [first, ...others] = versions;
  let call: Call;
  if (!local) call = first!.call;
  else if (canonical(local) === canonical(first!.call)) call = local;
  else if (unchangedSinceSync({ v: 1, kind: 'call', call: local }, state) && isNewerRevision(first!.call, local))
    call = first!.call;
  else call = joinCalls(local, first!.call);
  for (const other of others) if (canonical(call) !== canonical(other.call)) call = joinCalls(call, other.call);
  return call;
}

function isNewerRevision(incoming: Call, local: Call): boolean {
  return (incoming.revision ?? 0) >= (local.revision ?? 0);
}

/**
 * Two versions of one call record changed on both sides: every agenda move and tick of either is kept (each once),
 * the later sign of life and the first end win, and the revision moves past both. Symmetric, so two devices joining
 * the same two versions get the same record.
 */
export function joinCalls(a: Call, b: Call): Call {
  const moves = new Map([...a.transitions, ...b.transitions].map((t) => [transitionKey(t), t]));
  const ticks = new Map<string, number>();
  for (const tick of [...a.questionTicks, ...b.questionTicks]) {
    const at = ticks.get(tick.questionId);
    if (at === undefined || tick.at < at) ticks.set(tick.questionId, tick.at);
  }
  const ends = [a.endedAt, b.endedAt].filter((end): end is number => end !== null);
  const base = (b.revision ?? 0) > (a.revision ?? 0) ? b : a;
  return {
    ...base,
    transitions: [...moves.values()].sort(
      (x, y) => x.at - y.at || x.toItemIndex - y.toItemIndex || (x.by < y.by ? -1 : x.by > y.by ? 1 : 0),
    ),
    questionTicks: [...ticks]
      .map(([questionId, at]) => ({ questionId, at }))
      .sort((x, y) => x.at - y.at || (x.questionId < y.questionId ? -1 : 1)),
    lastSeenAt: Math.max(a.lastSeenAt, b.lastSeenAt),
    endedAt: ends.length > 0 ? Math.min(...ends) : null,
    revision: Math.min(Math.max(a.revision ?? 0, b.revision ?? 0) + 1, MAX_REVISION),
  };
}

/**
 * The notes to write for one call: every incoming note this call doesn't hold. A note here stays as it is, except
 * when the local notes are unchanged since the last sync: then the server's edit of a note replaces it. A note is
 * never removed by sync. A note whose id belongs to another call's note here is stored under its copy id, as a
 * notes package does.
 */
function mergeNoteVersions(
  callId: string,
  local: Note[],
  versions: NotesPayload[],
  state: DocSyncState | undefined,
  owners: ReadonlyMap<string, string>,
): Note[] {
  const fastForward = unchangedSinceSync(
    local.length > 0 ? { v: 1, kind: 'notes', callId, notes: local } : null,
    state,
  );
  const here = new Map(local.map((note) => [note.id, note]));
  const added = new Map<string, Note>();
  versions.forEach((version, index) => {
    for (const note of version.notes) {
      let id = note.id;
      const owner = owners.get(id);
      if (owner !== undefined && owner !== callId) {
        id = noteCopyId(callId, note.id);
        const copyOwner = owners.get(id);
        if (copyOwner !== undefined && copyOwner !== callId) continue;
      }
      const placed = id === note.id ? note : { ...note, id };
      const mine = here.get(id) ?? added.get(id);
      if (!mine) added.set(id, placed);
      else if (index === 0 && fastForward && canonical(mine) !== canonical(placed)) added.set(id, placed);
    }
  });
  return [...added.values()];
}

function mergeDebriefVersions(
  local: Debrief | undefined,
  versions: DebriefPayload[],
  state: DocSyncState | undefined,
  localRole: Role,
): Debrief {
  const [first, ...others] = versions;
  const call = { id: first!.debrief.callId, role: localRole };
  let debrief: Debrief;
  if (!local) debrief = mergeDebriefs(null, call, first!.debrief, first!.writer)!;
  else if (canonical(local) === canonical(first!.debrief)) debrief = local;
  else if (unchangedSinceSync({ v: 1, kind: 'debrief', debrief: local, writer: localRole }, state)) {
    // A fast-forward, but the rep's device keeps the rep's own words: the manager's notes stay folded until the
    // rep answered "How did it feel?" or skipped it here (notesRevealed).
    const keepOwn = localRole === 'rep' && first!.writer !== 'rep';
    debrief = keepOwn ? { ...first!.debrief, selfAssessment: local.selfAssessment } : first!.debrief;
  } else debrief = mergeDebriefs(local, call, first!.debrief, first!.writer)!;
  for (const other of others)
    if (canonical(debrief) !== canonical(other.debrief))
      debrief = mergeDebriefs(debrief, call, other.debrief, other.writer)!;
  return local && canonical(local) === canonical(debrief) ? local : debrief;
}
