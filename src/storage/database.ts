// The only code that opens IndexedDB. Extension pages (popup, debrief) and the service worker call it directly.
// The overlay frame can't: inside meet.google.com its IndexedDB is denied as third-party storage, so it asks the
// service worker (src/platform/messages.ts). The content script never calls it: its IndexedDB would be the
// meeting site's.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Call } from '../domain/call';
import type { Debrief } from '../domain/debrief';
import type { Note } from '../domain/note';
import type { Plan } from '../domain/plan';
import type { ChangeRow } from '../domain/change-log';
import { notesOf, pagesOfNotes, type NotePage } from './note-pages';

export const DATABASE_NAME = 'ridealong';
/**
 * v1: one record per note in `notes`. v2: a call's notes in pages of up to 100, in `notePages` (note-pages.ts).
 * v3: the change log, `changes` (commit.ts), with a row for every record there was, so whatever follows the log from
 * its start (team sync's push) sees each record once, a round left half-finished under v2 included.
 */
export const DATABASE_VERSION = 3;

/** The single truth about stored shapes. Every version bump gets a migration in upgrade() and a test on old data. */
export interface RidealongSchema extends DBSchema {
  plans: {
    key: string;
    value: Plan;
    indexes: { byScheduledStart: number; byMeetingKey: string };
  };
  calls: {
    key: string;
    value: Call;
    indexes: { byPlan: string; byStartedAt: number };
  };
  /** A call's notes, up to 100 to a record; byCall lists a call's pages. */
  notePages: {
    key: string;
    value: NotePage;
    indexes: { byCall: string };
  };
  debriefs: {
    key: string;
    value: Debrief;
  };
  /** One row per change to a record, in the order committed (commit.ts). */
  changes: {
    key: number;
    value: ChangeRow;
  };
}

export type RidealongDatabase = IDBPDatabase<RidealongSchema>;

/** The one store of v1 that v2 replaced, as v1 wrote it: read once, by the migration. */
interface RidealongV1Notes extends DBSchema {
  notes: { key: string; value: Note };
}

function createNotePages(database: IDBPDatabase<RidealongSchema>) {
  const pages = database.createObjectStore('notePages', { keyPath: 'id' });
  pages.createIndex('byCall', 'callId');
  return pages;
}

type StoreNames = 'plans' | 'calls' | 'notePages' | 'debriefs' | 'changes';

/**
 * v2 → v3: the change log, with one row (origin "migration") for every plan, call, note and debrief stored, in the
 * upgrade transaction: only IndexedDB requests are awaited, so it stays open, and either all of it lands or v2 stays.
 */
async function createChangeLog(transaction: IDBPTransaction<RidealongSchema, StoreNames[], 'versionchange'>) {
  const log = transaction.db.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
  const [plans, calls, pages, debriefs] = await Promise.all([
    transaction.objectStore('plans').getAllKeys(),
    transaction.objectStore('calls').getAllKeys(),
    transaction.objectStore('notePages').getAll(),
    transaction.objectStore('debriefs').getAllKeys(),
  ]);
  const at = Date.now();
  const row = (kind: ChangeRow['kind'], id: string, callId?: string) =>
    ({ kind, id, ...(callId === undefined ? {} : { callId }), deleted: false, origin: 'migration', at }) as ChangeRow;
  const rows = [
    ...plans.map((id) => row('plan', id)),
    ...calls.map((id) => row('call', id)),
    ...notesOf(pages).map((note) => row('note', note.id, note.callId)),
    ...debriefs.map((id) => row('debrief', id)),
  ];
  await Promise.all(rows.map((entry) => log.add(entry)));
}

let connection: Promise<RidealongDatabase> | null = null;
let dataLossListener: (() => void) | null = null;

/**
 * Called when the browser reports, while opening, that it lost the database (it was damaged and had to be created
 * afresh). Each context that opens the database registers one, so the person is told, whichever context noticed.
 */
export function whenDataLost(listener: () => void): void {
  dataLossListener = listener;
}

/** What the browser says about the data when an open needs an upgrade: "total" means the old data is gone. */
export function reportUpgrade(event: { dataLoss?: string }): void {
  if (event.dataLoss === 'total') dataLossListener?.();
}

/**
 * One connection per context, opened on first use. When another context upgrades the schema, this one closes
 * so it never blocks the upgrade, and the next call reopens under the new version.
 */
export function openDatabase(): Promise<RidealongDatabase> {
  connection ??= openDB<RidealongSchema>(DATABASE_NAME, DATABASE_VERSION, {
    async upgrade(database, oldVersion, _newVersion, transaction, event) {
      reportUpgrade(event as { dataLoss?: string });
      // Falls through on purpose: a database at version N runs every migration after N, in order.
      switch (oldVersion) {
        case 0: {
          const plans = database.createObjectStore('plans', { keyPath: 'id' });
          plans.createIndex('byScheduledStart', 'scheduledStart');
          plans.createIndex('byMeetingKey', 'meetingKey');
          const calls = database.createObjectStore('calls', { keyPath: 'id' });
          calls.createIndex('byPlan', 'planId');
          calls.createIndex('byStartedAt', 'startedAt');
          database.createObjectStore('debriefs', { keyPath: 'callId' });
          createNotePages(database);
          database.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
          break;
        }
        case 1: {
          // v1 kept one record per note. Only IndexedDB requests are awaited here, so the upgrade transaction
          // stays open: the notes are read, regrouped by call, and the old store goes, all in that transaction.
          const legacy = database as unknown as IDBPDatabase<RidealongV1Notes>;
          const notes = await (transaction as unknown as IDBPTransaction<RidealongV1Notes, ['notes'], 'versionchange'>)
            .objectStore('notes')
            .getAll();
          const pages = createNotePages(database);
          await Promise.all(pagesOfNotes(notes).map((page) => pages.put(page)));
          legacy.deleteObjectStore('notes');
        }
        // falls through
        case 2:
          await createChangeLog(
            transaction as unknown as IDBPTransaction<RidealongSchema, StoreNames[], 'versionchange'>,
          );
      }
    },
    blocking() {
      void closeDatabase();
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

/** Rolls a transaction back and waits until it has ended, so nothing of it is written. */
export async function abortTransaction(transaction: { abort(): void; done: Promise<void> }): Promise<void> {
  transaction.abort();
  await transaction.done.catch(() => undefined);
}

export async function closeDatabase(): Promise<void> {
  const open = connection;
  connection = null;
  if (open) (await open.catch(() => null))?.close();
}

/**
 * Deletes Ridealong's database outright: only for data this version can't open at all, and only when the person
 * chose to replace it with a backup. Other contexts holding a connection close on the versionchange it sends.
 */
export async function deleteUnreadableDatabase(): Promise<void> {
  await closeDatabase();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The browser could not delete the unreadable data.'));
  });
}
