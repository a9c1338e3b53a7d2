// Team sync end to end below the UI: two "devices" in one process, each with its own IndexedDB (a fresh
// fake-indexeddb factory swapped in for its steps) and its own sync state, against one real pouchdb-server.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveToItem, startCall, type Call } from '../../src/domain/call';
import { emptyDebrief, notesRevealed, type Debrief } from '../../src/domain/debrief';
import { createNote, type Note } from '../../src/domain/note';
import type { Plan } from '../../src/domain/plan';
import { planForSync, syncContentHash, type SyncPayload } from '../../src/domain/team-sync';
import { readEverything } from '../../src/storage/backup';
import { saveCall, updateCall } from '../../src/storage/calls';
import { closeDatabase } from '../../src/storage/database';
import { getDebrief, saveDebrief } from '../../src/storage/debriefs';
import { listNotesForCall, saveNote } from '../../src/storage/notes';
import { getPlan, savePlan } from '../../src/storage/plans';
import { couchClient, type Fetch } from '../../src/sync/couch';
import { deriveTeamKey, seal } from '../../src/sync/crypto';
import { sealDoc } from '../../src/sync/docs';
import { memoryStateStore, syncOnce, type SyncDeps, type SyncReport } from '../../src/sync/replicate';
import { TEAM_DOC_ID, unlockTeam } from '../../src/sync/team';
import { cookieFetch, type RecordingFetch } from '../support/cookie-fetch';
import { startPouchServer, type TestServer } from '../../scripts/lib/couch-server.mjs';
import { PLAN, T } from './fixtures';

const PASSPHRASE = 'ride along with the team';
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const SHARED: Plan = { ...PLAN, id: 'plan-shared', team: true, title: 'Acme: pilot proposal', account: 'Acme Freight' };
const PRIVATE: Plan = { ...PLAN, id: 'plan-private', title: 'Globex takeover whispers', account: 'Globex' };

let server: TestServer;
let key: CryptoKey;
let wrongKey: CryptoKey;
let teamDoc: Record<string, unknown>;
let databases = 0;

beforeAll(async () => {
  server = await startPouchServer();
  // One team document (and one slow key derivation) for the file; each test copies it into a database of its own.
  const first = await newDatabase();
  key = await unlockTeam(couchClient({ server: server.url, database: first }), PASSPHRASE);
  const { _id, _rev, ...doc } = (await (await fetch(`${server.url}/${first}/${TEAM_DOC_ID}`)).json()) as Record<
    string,
    unknown
  >;
  teamDoc = doc;
  wrongKey = await deriveTeamKey('not our passphrase', doc.salt as string, doc.iterations as number);
}, 60_000);

afterAll(() => server?.stop());

async function newDatabase(): Promise<string> {
  const name = `team-${++databases}`;
  const response = await fetch(`${server.url}/${name}`, { method: 'PUT' });
  if (!response.ok) throw new Error(`could not create ${name}`);
  if (teamDoc) await putRaw(name, TEAM_DOC_ID, teamDoc);
  return name;
}

/** Writes a document straight to the server, over whatever is there: what a hostile or broken client could do. */
async function putRaw(database: string, id: string, body: unknown): Promise<void> {
  const url = `${server.url}/${database}/${encodeURIComponent(id)}`;
  const current = await fetch(url).then((r) => (r.ok ? (r.json() as Promise<{ _rev: string }>) : null));
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(body as object), ...(current ? { _rev: current._rev } : {}) }),
  });
  if (!response.ok) throw new Error(`PUT ${id}: ${response.status}`);
}

async function rawDocs(database: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/${database}/_all_docs?include_docs=true`);
  return ((await response.json()) as { rows: { doc: Record<string, unknown> }[] }).rows.map((row) => row.doc);
}

interface Device {
  factory: IDBFactory;
  state: ReturnType<typeof memoryStateStore>;
  fetch: RecordingFetch;
}

function newDevice(): Device {
  return { factory: new IDBFactory(), state: memoryStateStore(), fetch: cookieFetch() };
}

/** Runs `step` with this device's IndexedDB as the global one; storage's cached connection is closed around it. */
async function on<T>(device: Device, step: () => Promise<T>): Promise<T> {
  await closeDatabase();
  globalThis.indexedDB = device.factory;
  try {
    return await step();
  } finally {
    await closeDatabase();
  }
}

function sync(device: Device, database: string, options: Partial<SyncDeps> & { fetch?: Fetch } = {}) {
  const { fetch = device.fetch, ...deps } = options;
  return on(device, () =>
    syncOnce({ client: couchClient({ server: server.url, database }, fetch), key, state: device.state, ...deps }),
  );
}

/**
 * What a device holds of the team's records, in an order that doesn't depend on how it got there; plans without their
 * import bookkeeping. The rep's private plan is left out: test one shows it never leaves.
 */
async function holdings(device: Device) {
  const all = await on(device, readEverything);
  const byId = <R>(list: R[], id: (record: R) => string) => [...list].sort((a, b) => (id(a) < id(b) ? -1 : 1));
  return {
    plans: byId(all.plans.filter((plan) => plan.id !== PRIVATE.id).map(planForSync), (plan) => plan.id),
    calls: byId(all.calls, (call) => call.id),
    notes: byId(all.notes, (note) => note.id),
    debriefs: byId(all.debriefs, (debrief) => debrief.callId),
  };
}

const repCall = (id = 'call-rep'): Call => ({
  ...startCall(SHARED, 'rep', MEETING, T + 10_000, id),
  lastSeenAt: T + 11_000,
});

function note(call: Call, id: string, text: string, author: Note['author'], at = T + 12_000): Note {
  return createNote(call, { tag: null, text, author }, at, id);
}

const noteIds = (notes: Note[]) => notes.map((n) => n.id).sort();

/** A device that ran `call` for the shared plan, with two notes and a debrief begun. */
async function repDevice(call = repCall()): Promise<Device> {
  const device = newDevice();
  await on(device, async () => {
    await savePlan(SHARED);
    await savePlan(PRIVATE);
    await saveCall(call);
    await saveNote(note(call, 'n-rep-1', 'Priya hinted at the budget freeze', 'rep'));
    await saveNote(note(call, 'n-rep-2', 'Dispatch lead is the real champion', 'rep', T + 13_000));
    await saveDebrief({
      ...emptyDebrief(call.id, 'next-step', T + 20_000),
      outcome: { ...emptyDebrief(call.id, 'next-step', 0).outcome, commitmentSecured: 'Kickoff booked for Friday' },
    });
  });
  return device;
}

describe('team sync between two devices', () => {
  it('takes a shared plan with its call, notes and debrief to the other device; nothing readable reaches the server, and nothing private leaves', async () => {
    const database = await newDatabase();
    const rep = await repDevice();
    const manager = newDevice();

    const pushed = await sync(rep, database);
    expect(pushed).toMatchObject({ pulled: 0, pushed: 4, skipped: [] });
    // Two changes a batch: each batch lands in a transaction of its own, and the checkpoint follows it.
    const pulled = await sync(manager, database, { pullBatch: 2 });
    expect(pulled).toMatchObject({ pulled: 4, pushed: 0, skipped: [] });
    const device = manager.state.entries.get('ridealong.sync:device') as string;
    const checkpoint = await couchClient({ server: server.url, database }).getLocal(`ridealong-pull-${device}`);
    expect(checkpoint?.last_seq).toBe(manager.state.entries.get('ridealong.sync:pull-checkpoint'));
    expect(checkpoint?.last_seq).toBeTruthy();

    const repHas = await holdings(rep);
    const managerHas = await holdings(manager);
    expect(managerHas.plans).toEqual([planForSync(SHARED)]);
    expect(await on(rep, () => getPlan(PRIVATE.id))).toEqual(PRIVATE);
    expect(managerHas.calls).toEqual(repHas.calls);
    expect(managerHas.notes.map((n) => n.text)).toEqual([
      'Priya hinted at the budget freeze',
      'Dispatch lead is the real champion',
    ]);
    expect(managerHas.debriefs).toEqual(repHas.debriefs);
    expect(await on(manager, () => getPlan(PRIVATE.id))).toBeUndefined();

    // Ids, revisions and ciphertext only; not a word of the plan, the notes or the debrief, nor the private plan.
    const docs = await rawDocs(database);
    expect(docs.map((doc) => doc._id).sort()).toEqual([
      'call:call-rep',
      'debrief:call-rep',
      'notes:call-rep',
      'plan:plan-shared',
      TEAM_DOC_ID,
    ]);
    for (const doc of docs.filter((d) => d._id !== TEAM_DOC_ID))
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'ct', 'iv']);
    const serverText = JSON.stringify(docs);
    for (const secret of [
      'Acme',
      'pilot proposal',
      'Agree a pilot',
      'Priya',
      'budget freeze',
      'real champion',
      'Kickoff booked',
      'Northwind',
      'Globex',
      'plan-private',
    ])
      expect(serverText).not.toContain(secret);

    // Settled: another round moves nothing, either way.
    expect(await sync(rep, database)).toMatchObject({ pulled: 0, pushed: 0 });
    expect(await sync(manager, database)).toMatchObject({ pulled: 0, pushed: 0 });
    for (const device of [rep, manager])
      expect(device.fetch.urls.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
  });

  it('merges edits made offline on both sides, with nothing lost, and keeps the manager’s notes folded on the rep’s device', async () => {
    const database = await newDatabase();
    const call = repCall();
    const rep = await repDevice(call);
    const manager = newDevice();
    await sync(rep, database);
    await sync(manager, database);

    // Offline on both. The rep moves the call, notes something and records the outcome.
    await on(rep, async () => {
      await updateCall(call.id, (stored) => moveToItem(stored, 1, 'rep', T + 14_000));
      await saveNote(note(call, 'n-rep-3', 'Asked for the security review', 'rep', T + 14_500));
      const debrief = (await getDebrief(call.id))!;
      await saveDebrief({
        ...debrief,
        outcome: { ...debrief.outcome, objectiveMet: 'yes' },
        updatedAt: T + 30_000,
      });
    });
    // The manager, on their copy of the rep's call: an observed move, a note, coaching, and a skip of the rep's
    // self-assessment, which must not open the notes on the rep's device. And a call of their own.
    const managerCall: Call = {
      ...startCall(SHARED, 'manager', MEETING, T + 10_500, 'call-mgr'),
      lastSeenAt: T + 11_000,
    };
    await on(manager, async () => {
      await updateCall(call.id, (stored) => moveToItem(stored, 2, 'manager', T + 15_000));
      await saveNote(note(call, 'n-mgr-1', 'Talked over Priya twice', 'manager', T + 15_500));
      const debrief = (await getDebrief(call.id))!;
      await saveDebrief({
        ...debrief,
        selfAssessment: { ...debrief.selfAssessment, skipped: true },
        coaching: { ...debrief.coaching, wentWell: ['Clear opening'] },
        updatedAt: T + 31_000,
      });
      await saveCall(managerCall);
      await saveNote(note(managerCall, 'n-mgr-own', 'Budget hint at minute 12', 'manager', T + 16_000));
    });

    await sync(rep, database);
    await sync(manager, database);
    await sync(rep, database);
    expect(await sync(manager, database)).toMatchObject({ pulled: 0, pushed: 0, skipped: [] });

    const repHas = await holdings(rep);
    expect(await holdings(manager)).toEqual(repHas);
    expect(noteIds(repHas.notes)).toEqual(['n-mgr-1', 'n-mgr-own', 'n-rep-1', 'n-rep-2', 'n-rep-3']);
    const merged = repHas.calls.find((c) => c.id === call.id)!;
    expect(merged.transitions.map((t) => [t.toItemIndex, t.by])).toEqual([
      [1, 'rep'],
      [2, 'manager'],
    ]);
    const debrief = repHas.debriefs.find((d) => d.callId === call.id)!;
    expect(debrief.outcome).toMatchObject({ objectiveMet: 'yes', commitmentSecured: 'Kickoff booked for Friday' });
    expect(debrief.coaching.wentWell).toEqual(['Clear opening']);
    // The rep hasn't answered "How did it feel?": the manager's notes stay folded on the rep's device.
    expect(notesRevealed(debrief)).toBe(false);
    expect(repHas.calls.map((c) => c.id)).toEqual(['call-mgr', 'call-rep']);
  });

  it('keeps the rep’s own words in the self-assessment when both sides wrote one, on both devices', async () => {
    const database = await newDatabase();
    const call = repCall();
    const rep = await repDevice(call);
    const manager = newDevice();
    await sync(rep, database);
    await sync(manager, database);
    const feel = (device: Device, words: string, at: number) =>
      on(device, async () => {
        const debrief = (await getDebrief(call.id))!;
        await saveDebrief({ ...debrief, selfAssessment: { ...debrief.selfAssessment, feel: words }, updatedAt: at });
      });
    // Only the debrief changes, so the call's document is not in the batch that brings it.
    await feel(rep, 'Rushed the close', T + 50_000);
    await feel(manager, 'Sam seemed calm', T + 51_000);
    await sync(rep, database);
    await sync(manager, database);
    await sync(rep, database);
    for (const device of [rep, manager])
      expect((await on(device, () => getDebrief(call.id)))?.selfAssessment.feel).toBe('Rushed the close');
  });

  it('keeps both sides of a plan edited on both, as the newer plan and a conflicting copy', async () => {
    const database = await newDatabase();
    const rep = await repDevice();
    const manager = newDevice();
    await sync(rep, database);
    await sync(manager, database);
    await on(rep, () => savePlan({ ...SHARED, objective: 'Agree a paid pilot', revision: 2, updatedAt: T + 40_000 }));
    await on(manager, () =>
      savePlan({ ...SHARED, stepInSignal: 'Dana coughs', revision: 3, updatedAt: T + 41_000, syncedRevision: 1 }),
    );
    await sync(rep, database);
    const report = await sync(manager, database);
    expect(report.planCopies).toBe(1);
    await sync(rep, database);
    const repHas = await holdings(rep);
    expect(await holdings(manager)).toEqual(repHas);
    const plans = repHas.plans;
    expect(plans.map((p) => [p.title, p.objective, p.stepInSignal])).toEqual(
      expect.arrayContaining([
        ['Acme: pilot proposal', 'Agree a pilot', 'Dana coughs'],
        ['Acme: pilot proposal (conflicting copy)', 'Agree a paid pilot', SHARED.stepInSignal],
      ]),
    );
  });

  it('resolves a real CouchDB conflict, writes the resolution back, and both devices end with the same records', async () => {
    const database = await newDatabase();
    const call = repCall();
    const rep = await repDevice(call);
    const manager = newDevice();
    await sync(rep, database);
    await sync(manager, database);
    const base = (await rawDocs(database)).find((doc) => doc._id === 'notes:call-rep')!._rev as string;

    // Both devices write notes:call-rep from the same base revision. The rep's write lands as usual; the manager's
    // lands as a second branch, as it does when it was written to another node of a cluster and replicated.
    await on(rep, () => saveNote(note(call, 'n-rep-3', 'Security review next', 'rep', T + 14_000)));
    await sync(rep, database);
    const managerNotes = await on(manager, async () => {
      await saveNote(note(call, 'n-mgr-1', 'Rushed the pricing slide', 'manager', T + 15_000));
      return listNotesForCall(call.id);
    });
    const payload: SyncPayload = { v: 1, kind: 'notes', callId: call.id, notes: managerNotes };
    const branch = `2-${'b'.repeat(32)}`;
    const sealed = await sealDoc(key, 'notes:call-rep', payload, undefined);
    const client = couchClient({ server: server.url, database });
    await client.bulkDocs(
      [{ ...sealed, _rev: branch, _revisions: { start: 2, ids: ['b'.repeat(32), base.slice(2)] } }],
      { newEdits: false },
    );
    await manager.state.set({ 'ridealong.sync:doc:notes:call-rep': { rev: branch, hash: syncContentHash(payload) } });
    expect((await client.getDoc('notes:call-rep'))?._conflicts).toHaveLength(1);

    const report = await sync(rep, database);
    expect(report.conflictsResolved).toBe(1);
    expect((await client.getDoc('notes:call-rep'))?._conflicts ?? []).toEqual([]);
    await sync(manager, database);
    await sync(rep, database);
    const repHas = await holdings(rep);
    expect(await holdings(manager)).toEqual(repHas);
    expect(noteIds(repHas.notes)).toEqual(['n-mgr-1', 'n-rep-1', 'n-rep-2', 'n-rep-3']);
    expect((await client.getDoc('notes:call-rep'))?._conflicts ?? []).toEqual([]);
  });

  it('takes in a write that landed between its pull and its push (a 409), merges it, and pushes again', async () => {
    const database = await newDatabase();
    const call = repCall();
    const rep = await repDevice(call);
    await sync(rep, database);
    await on(rep, () => saveNote(note(call, 'n-rep-3', 'Security review next', 'rep', T + 14_000)));
    // Just before the rep's write, another device writes the same notes document.
    const client = couchClient({ server: server.url, database });
    const racing = note(call, 'n-racing', 'Written elsewhere at that moment', 'manager', T + 14_200);
    let raced = false;
    const racingFetch: Fetch = async (url, init) => {
      if (url.endsWith('/_bulk_docs') && !raced) {
        raced = true;
        const current = (await client.getDoc('notes:call-rep'))!;
        const notes = [...(await on(rep, () => listNotesForCall(call.id))).filter((n) => n.id !== 'n-rep-3'), racing];
        const payload: SyncPayload = { v: 1, kind: 'notes', callId: call.id, notes };
        await client.bulkDocs([await sealDoc(key, 'notes:call-rep', payload, current._rev)]);
      }
      return rep.fetch(url, init);
    };
    const report = await on(rep, () =>
      syncOnce({ client: couchClient({ server: server.url, database }, racingFetch), key, state: rep.state }),
    );
    expect(report).toMatchObject({ pulled: 1, pushed: 1, skipped: [] });
    const manager = newDevice();
    await sync(manager, database);
    expect(noteIds((await holdings(manager)).notes)).toEqual(['n-racing', 'n-rep-1', 'n-rep-2', 'n-rep-3']);
    expect(await holdings(manager)).toEqual(await holdings(rep));
  });

  it('loses nothing when the server goes away in the middle of a push, and resumes on the next round', async () => {
    const database = await newDatabase();
    const rep = await repDevice();
    // The second write reaches the server, but its answer never comes back; after that, nothing answers.
    let bulkWrites = 0;
    let down = false;
    const dying: Fetch = async (url, init) => {
      if (down) throw new TypeError('fetch failed');
      const response = await rep.fetch(url, init);
      if (url.endsWith('/_bulk_docs') && ++bulkWrites === 2) {
        down = true;
        throw new TypeError('fetch failed');
      }
      return response;
    };
    await expect(sync(rep, database, { fetch: dying, pushBatch: 1 })).rejects.toMatchObject({ kind: 'unreachable' });
    expect((await rawDocs(database)).length).toBe(3);
    // Written while the server was away.
    await on(rep, () => saveNote(note(repCall(), 'n-rep-offline', 'Follow up on the SLA', 'rep', T + 18_000)));

    const resumed = await sync(rep, database);
    expect(resumed.skipped).toEqual([]);
    const manager = newDevice();
    await sync(manager, database);
    expect(await holdings(manager)).toEqual(await holdings(rep));
    expect(noteIds((await holdings(manager)).notes)).toEqual(['n-rep-1', 'n-rep-2', 'n-rep-offline']);
    const docs = await rawDocs(database);
    expect(docs).toHaveLength(5);
    expect(docs.every((doc) => !('_conflicts' in doc))).toBe(true);
  });

  it('refuses a wrong passphrase and writes nothing, here or on the server', async () => {
    const database = await newDatabase();
    const rep = await repDevice();
    await sync(rep, database);
    const before = await rawDocs(database);
    const stranger = await repDevice(repCall('call-stranger'));
    const heldBefore = await holdings(stranger);
    await expect(sync(stranger, database, { key: wrongKey })).rejects.toMatchObject({
      kind: 'wrong-passphrase',
      message: 'This passphrase doesn’t match your team’s data.',
    });
    expect(await rawDocs(database)).toEqual(before);
    expect(await holdings(stranger)).toEqual(heldBefore);
    expect(stranger.state.entries.size).toBe(0);
  });

  it('skips and reports every hostile or broken document, changes nothing for them, and still takes the good ones', async () => {
    const database = await newDatabase();
    const device = await repDevice();
    await sync(device, database);
    const before = await holdings(device);

    const valid = (id: string, value: unknown) => seal(key, value, id);
    const plan = (changes: Partial<Plan>): SyncPayload => ({ v: 1, kind: 'plan', plan: { ...SHARED, ...changes } });
    const good = await valid('plan:plan-good', plan({ id: 'plan-good', title: 'Initech renewal' }));
    const movedFrom = await valid('plan:plan-a', plan({ id: 'plan-a' }));
    const truncated = await valid('plan:plan-truncated', plan({ id: 'plan-truncated' }));
    const longNote = { ...note(repCall(), 'n-long', 'x', 'rep'), text: 'x'.repeat(1001) };
    const hostile: Record<string, unknown> = {
      'plan:not-json': { iv: 'AAAAAAAAAAAAAAAA', ct: 'this is not ciphertext' },
      'plan:plan-truncated': { ...truncated, ct: truncated.ct.slice(0, 40) },
      'plan:wrong-key': await seal(wrongKey, plan({ id: 'wrong-key' }), 'plan:wrong-key'),
      'plan:moved': movedFrom,
      'plan:manager-opens': await valid(
        'plan:manager-opens',
        plan({ id: 'manager-opens', agenda: [{ ...SHARED.agenda[1]!, lead: 'manager' }, SHARED.agenda[2]!] }),
      ),
      'notes:call-rep': await valid('notes:call-rep', { v: 1, kind: 'notes', callId: 'call-rep', notes: [longNote] }),
      'call:someone-else': await valid('call:someone-else', { v: 1, kind: 'call', call: repCall('call-other') }),
      [`plan:${'x'.repeat(80)}`]: await valid(`plan:${'x'.repeat(80)}`, plan({ id: 'x'.repeat(80) })),
      'memo:plan-shared': await valid('memo:plan-shared', plan({})),
      'plan:readable': { ...(await valid('plan:readable', plan({ id: 'readable' }))), title: 'Readable title' },
      'debrief:call-rep': await valid('debrief:call-rep', {
        v: 1,
        kind: 'debrief',
        writer: 'manager',
        debrief: { ...emptyDebrief('call-rep', 'next-step', T), extra: 'field' } as Debrief,
      }),
      'plan:plan-good': good,
    };
    for (const [id, body] of Object.entries(hostile)) await putRaw(database, id, body);

    const report: SyncReport = await sync(device, database);
    expect(report.skipped.map((s) => s.id).sort()).toEqual(
      Object.keys(hostile)
        .filter((id) => id !== 'plan:plan-good')
        .sort(),
    );
    for (const { reason } of report.skipped) expect(reason).toMatch(/^(It|Its) /);
    expect(report).toMatchObject({ pulled: 1, pushed: 0 });
    const after = await holdings(device);
    expect(after).toEqual({
      ...before,
      plans: [...before.plans, planForSync({ ...SHARED, id: 'plan-good', title: 'Initech renewal' })].sort((a, b) =>
        a.id < b.id ? -1 : 1,
      ),
    });
  });
});
