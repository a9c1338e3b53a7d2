// The one write path: every writer commits its records and their change rows in one transaction, a failed write
// leaves neither, every commit is heard from one place, and a v2 database comes up under v3 with a row for every
// record it held, its team sync state (kept beside it in the extension's storage) untouched.
import { afterEach, describe, expect, it } from 'vitest';
import { backupOf } from '../../src/domain/backup';
import { startCall } from '../../src/domain/call';
import { emptyDebrief } from '../../src/domain/debrief';
import { createNote } from '../../src/domain/note';
import { notesPackage } from '../../src/domain/notes-package';
import { restoreBackup } from '../../src/storage/backup';
import { saveCall, updateCall } from '../../src/storage/calls';
import { changesSince, lastChangeSeq, whenCommitted, type ChangeRow } from '../../src/storage/commit';
import { openDatabase } from '../../src/storage/database';
import { importNotesPackage, saveDebrief } from '../../src/storage/debriefs';
import { deleteNote, listNotesForCall, saveNote } from '../../src/storage/notes';
import { pagesOfNotes } from '../../src/storage/note-pages';
import { deletePlan, getPlan, importPlans, savePlan, savePlanEdit, StalePlanError } from '../../src/storage/plans';
import { fakeBrowser } from './fake-browser';
import { PLAN, resetDatabase, T, writeRawDatabase } from './fixtures';

afterEach(resetDatabase);

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const CALL = startCall(PLAN, 'rep', MEETING, T + 10_000, 'call-1');
const note = (id: string, text: string) =>
  createNote(CALL, { tag: null, text, author: 'manager' }, T + 12_000 + text.length, id);

const rowsOf = (rows: ChangeRow[]) => rows.map(({ kind, id, deleted, origin }) => ({ kind, id, deleted, origin }));

describe('commit', () => {
  it('logs each writer’s change in order, deletes as tombstones, with where it came from', async () => {
    await savePlan(PLAN);
    await saveCall(CALL);
    await updateCall(CALL.id, (call) => ({ ...call, lastSeenAt: T + 11_000 }));
    await saveNote(note('n-1', 'Asked about budget'));
    await deleteNote(CALL.id, 'n-1');
    await saveDebrief(emptyDebrief(CALL.id, 'next-step', T + 30_000));
    await importPlans([{ ...PLAN, id: 'plan-2' }]);
    await deletePlan('plan-2');
    const rows = await changesSince(0);
    expect(rowsOf(rows)).toEqual([
      { kind: 'plan', id: PLAN.id, deleted: false, origin: 'local' },
      { kind: 'call', id: CALL.id, deleted: false, origin: 'local' },
      { kind: 'call', id: CALL.id, deleted: false, origin: 'local' },
      { kind: 'note', id: 'n-1', deleted: false, origin: 'local' },
      { kind: 'note', id: 'n-1', deleted: true, origin: 'local' },
      { kind: 'debrief', id: CALL.id, deleted: false, origin: 'local' },
      { kind: 'plan', id: 'plan-2', deleted: false, origin: 'import' },
      { kind: 'plan', id: 'plan-2', deleted: true, origin: 'local' },
    ]);
    // A note's row names its call, so a reader of the log finds it without a scan.
    expect(rows[3]!.callId).toBe(CALL.id);
    // Numbered in the order committed, and read on from any point.
    expect(rows.map((row) => row.seq)).toEqual([...rows.map((row) => row.seq)].sort((a, b) => a - b));
    expect(await lastChangeSeq()).toBe(rows.at(-1)!.seq);
    expect(rowsOf(await changesSince(rows[5]!.seq))).toHaveLength(2);
  });

  it('writes neither the record nor its row when the write is refused', async () => {
    const saved = await savePlan(PLAN);
    const before = await lastChangeSeq();
    // Another window saved revision 2 meanwhile: this edit of revision 1 is stale.
    await savePlanEdit({ ...saved, objective: 'Theirs' }, T + 1_000);
    await expect(savePlanEdit({ ...saved, objective: 'Mine' }, T + 2_000)).rejects.toBeInstanceOf(StalePlanError);
    expect((await getPlan(PLAN.id))?.objective).toBe('Theirs');
    expect(await lastChangeSeq()).toBe(before + 1);
    // A change that breaks the schema inside the transaction: nothing of it lands.
    await saveCall(CALL);
    const atCall = await lastChangeSeq();
    await expect(updateCall(CALL.id, (call) => ({ ...call, startedAt: -5 }))).rejects.toThrow();
    expect(await lastChangeSeq()).toBe(atCall);
  });

  it('tells every listener once per commit, after it landed, and not for a write that changed nothing', async () => {
    const heard: ChangeRow[][] = [];
    const stop = whenCommitted((rows) => heard.push([...rows]));
    const broken = whenCommitted(() => {
      throw new Error('a listener that fails');
    });
    try {
      await saveCall(CALL);
      await saveNote(note('n-1', 'Budget is tight'));
      // Deleting a note that isn't there changes nothing, and nobody is told.
      await deleteNote(CALL.id, 'no-such-note');
      const pkg = notesPackage(CALL, [{ ...note('n-2', 'Partner note'), author: 'rep' }], null, T + 40_000);
      await importNotesPackage(CALL.id, pkg);
    } finally {
      stop();
      broken();
    }
    expect(heard.map((rows) => rows.map(({ kind, origin }) => `${kind}/${origin}`))).toEqual([
      ['call/local'],
      ['note/local'],
      ['call/import', 'note/import'],
    ]);
    // What a listener hears is what the log holds.
    expect(heard.flat()).toEqual(await changesSince(0));
    expect(await listNotesForCall(CALL.id)).toHaveLength(2);
  });

  it('logs what a restore removes and what it writes', async () => {
    await savePlan(PLAN);
    await savePlan({ ...PLAN, id: 'plan-gone' });
    const since = await lastChangeSeq();
    await restoreBackup(backupOf({ plans: [PLAN], calls: [CALL], notes: [], debriefs: [] }, T + 50_000), 'replace');
    const rows = rowsOf(await changesSince(since));
    expect(rows).toContainEqual({ kind: 'plan', id: 'plan-gone', deleted: true, origin: 'restore' });
    expect(rows).toContainEqual({ kind: 'call', id: CALL.id, deleted: false, origin: 'restore' });
    // The plan kept: removed, then written back, the write last.
    const planRows = rows.filter((row) => row.id === PLAN.id);
    expect(planRows.at(-1)).toEqual({ kind: 'plan', id: PLAN.id, deleted: false, origin: 'restore' });
  });
});

/** The v2 layout, frozen: stores, key paths and indexes as version 2 shipped them. */
const V2_LAYOUT = {
  plans: { keyPath: 'id', indexes: { byScheduledStart: 'scheduledStart', byMeetingKey: 'meetingKey' } },
  calls: { keyPath: 'id', indexes: { byPlan: 'planId', byStartedAt: 'startedAt' } },
  notePages: { keyPath: 'id', indexes: { byCall: 'callId' } },
  debriefs: { keyPath: 'callId', indexes: {} },
} as const;

/** Writes a version-2 database holding `records`, without any of the app's storage code. */
function writeV2Database(records: Record<keyof typeof V2_LAYOUT, object[]>): Promise<void> {
  return writeRawDatabase(2, V2_LAYOUT, records);
}

describe('the v2 → v3 upgrade', () => {
  it('keeps every record, logs a row for each, and leaves a half-finished sync round’s state as it was', async () => {
    const notes = [note('n-1', 'Budget is tight'), note('n-2', 'Asked about SSO')];
    await writeV2Database({
      plans: [{ ...PLAN, team: true }],
      calls: [CALL],
      notePages: pagesOfNotes(notes),
      debriefs: [emptyDebrief(CALL.id, 'next-step', T + 30_000)],
    });
    // Team sync's state under v2, in the extension's storage: the plan and the call were pushed, then the round
    // stopped before the notes (no state for them), with the pull checkpoint half-way.
    const syncState = {
      'ridealong.sync:device': '0b7a3c1e-6f1e-4c2b-9a53-0d6f1b2e8c41',
      'ridealong.sync:pull-checkpoint': '12-g1AAAA',
      [`ridealong.sync:doc:plan:${PLAN.id}`]: { hash: 'h-plan', rev: '1-a' },
      [`ridealong.sync:doc:call:${CALL.id}`]: { hash: 'h-call', rev: '2-b' },
    };
    await fakeBrowser.storage.local.set(syncState);

    const database = await openDatabase();
    expect(database.version).toBe(3);
    const rows = await changesSince(0);
    expect(rows.map(({ kind, id, deleted, origin }) => `${kind}:${id}:${deleted}:${origin}`).sort()).toEqual(
      [
        `plan:${PLAN.id}:false:migration`,
        `call:${CALL.id}:false:migration`,
        'note:n-1:false:migration',
        'note:n-2:false:migration',
        `debrief:${CALL.id}:false:migration`,
      ].sort(),
    );
    expect(rows.find((row) => row.id === 'n-2')?.callId).toBe(CALL.id);
    // Every record as it was: the notes the round didn't push are there, and logged, so a push that reads the log
    // from its start takes them.
    expect((await listNotesForCall(CALL.id)).map((stored) => stored.id)).toEqual(['n-1', 'n-2']);
    expect((await getPlan(PLAN.id))?.team).toBe(true);
    expect(await fakeBrowser.storage.local.get(Object.keys(syncState))).toEqual(syncState);
    // A write after the upgrade numbers on from the rows the upgrade wrote.
    await saveNote(note('n-3', 'Next step agreed'));
    expect((await changesSince(rows.at(-1)!.seq)).map((row) => row.id)).toEqual(['n-3']);
  });
});
