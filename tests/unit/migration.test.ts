// Schema migrations. A database written by schema v1 must open under the current version with every record intact,
// and an open connection must never block a newer version's upgrade.
//
// writeV1Database is the fixture generator: it builds a v1 database with the raw IndexedDB API, from a frozen copy
// of the v1 layout, so it keeps describing v1 however the code's schema moves on. When DATABASE_VERSION becomes 2,
// this test shows whether the migration keeps every v1 record.
import { afterEach, describe, expect, it } from 'vitest';
import { backupOf, backupText, parseBackup } from '../../src/domain/backup';
import { startCall } from '../../src/domain/call';
import { emptyDebrief } from '../../src/domain/debrief';
import { createNote, DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import { readEverything } from '../../src/storage/backup';
import {
  closeDatabase,
  DATABASE_NAME,
  DATABASE_VERSION,
  openDatabase,
  reportUpgrade,
  whenDataLost,
} from '../../src/storage/database';
import { deleteNote, listNotesForCall } from '../../src/storage/notes';
import { listPlansBySchedule, listPlansForMeeting } from '../../src/storage/plans';
import { PLAN, resetDatabase, T, writeRawDatabase } from './fixtures';

afterEach(resetDatabase);

/** The v1 layout, frozen: stores, key paths and indexes as version 1 shipped them. */
const V1_LAYOUT = {
  plans: { keyPath: 'id', indexes: { byScheduledStart: 'scheduledStart', byMeetingKey: 'meetingKey' } },
  calls: { keyPath: 'id', indexes: { byPlan: 'planId', byStartedAt: 'startedAt' } },
  notes: { keyPath: 'id', indexes: { byCallAndTime: ['callId', 'at'] } },
  debriefs: { keyPath: 'callId', indexes: {} },
} as const;

type V1Records = Record<keyof typeof V1_LAYOUT, object[]>;

/** Writes a version-1 database holding `records`, without any of the app's storage code. */
function writeV1Database(records: V1Records): Promise<void> {
  return writeRawDatabase(1, V1_LAYOUT, records);
}

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const CALL = { ...startCall(PLAN, 'manager', MEETING, T + 10_000, 'call-1'), lastSeenAt: T + 20_000 };
const V1_RECORDS: V1Records = {
  plans: [
    PLAN,
    { ...PLAN, id: 'plan-2', title: 'Initech: close', scheduledStart: T + 5_000, meetingLink: '', meetingKey: null },
  ],
  calls: [CALL],
  notes: [
    createNote(CALL, { tag: DEFAULT_NOTE_TAGS[7]!, text: 'pricing came up', author: 'manager' }, T + 12_000, 'n-1'),
    // A v1 note from before tags had kinds: no `guardrail` field.
    (({ guardrail: _dropped, ...note }) => note)(
      createNote(CALL, { tag: DEFAULT_NOTE_TAGS[2]!, text: 'good question', author: 'manager' }, T + 11_000, 'n-2'),
    ),
  ],
  debriefs: [{ ...emptyDebrief('call-1', 'next-step', T + 30_000) }],
};

describe('a database written by schema v1', () => {
  it(`opens under the current version (${DATABASE_VERSION}) with every record intact`, async () => {
    await writeV1Database(V1_RECORDS);
    const everything = await readEverything();
    const byId = (records: object[]) => [...records].map((record) => JSON.stringify(record)).sort();
    expect(byId(everything.plans)).toEqual(byId(V1_RECORDS.plans));
    expect(byId(everything.calls)).toEqual(byId(V1_RECORDS.calls));
    expect(byId(everything.notes)).toEqual(byId(V1_RECORDS.notes));
    expect(byId(everything.debriefs)).toEqual(byId(V1_RECORDS.debriefs));
    // The indexes work on the old records too.
    expect((await listPlansBySchedule()).map((plan) => plan.id)).toEqual(['plan-1', 'plan-2']);
    expect((await listPlansForMeeting('meet:abc-defg-hij')).map((plan) => plan.id)).toEqual(['plan-1']);
    expect((await listNotesForCall('call-1')).map((note) => note.id)).toEqual(['n-2', 'n-1']);
    // v2 keeps a call's notes in pages: the v1 store is gone, and a note is still found by its own id.
    expect([...(await openDatabase()).objectStoreNames]).not.toContain('notes');
    await deleteNote('call-1', 'n-1');
    expect((await listNotesForCall('call-1')).map((note) => note.id)).toEqual(['n-2']);
    // And every record read back still passes today's schemas (times 2000–2100, bounded lists), as a backup would.
    const text = backupText(backupOf(everything, T + 40_000));
    expect(parseBackup(text, text.length)).toMatchObject({ ok: true });
  });
});

describe('an open connection', () => {
  it('closes when a newer version upgrades, so the upgrade is never blocked, and reopens afterwards', async () => {
    await openDatabase();
    const upgraded = await new Promise<{ blocked: boolean }>((resolve, reject) => {
      let blocked = false;
      const request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION + 1);
      request.onblocked = () => {
        blocked = true;
      };
      request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve({ blocked });
      };
    });
    expect(upgraded).toEqual({ blocked: false });
    // This (older) code can't use a newer database: it says so, clearly, instead of hanging.
    await expect(openDatabase()).rejects.toThrow(/version/i);
    await closeDatabase();
  });
});

describe('a database the browser reports lost', () => {
  it('is reported to the registered listener only on a total loss', () => {
    const seen: string[] = [];
    whenDataLost(() => seen.push('lost'));
    reportUpgrade({ dataLoss: 'none' });
    reportUpgrade({});
    expect(seen).toEqual([]);
    reportUpgrade({ dataLoss: 'total' });
    expect(seen).toEqual(['lost']);
  });
});
