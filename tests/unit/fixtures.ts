import type { Plan } from '../../src/domain/plan';
import { closeDatabase, DATABASE_NAME } from '../../src/storage/database';

/**
 * A moment to build test times on: 2026-11-24 14:00 UTC. Stored times must lie between 2000 and 2100, so tests add
 * their offsets to this rather than counting from 1970.
 */
export const T = Date.UTC(2026, 10, 24, 14);

/** A valid stored plan: three items, linked to meet:abc-defg-hij. */
export const PLAN: Plan = {
  schemaVersion: 1,
  id: 'plan-1',
  callType: 'advance',
  title: 'Acme: proposal review',
  account: 'Acme',
  attendees: [{ id: 'att-1', name: 'Priya Shah', role: 'VP Operations' }],
  scheduledStart: T + 1_000,
  durationMinutes: 30,
  meetingLink: 'https://meet.google.com/abc-defg-hij',
  meetingKey: 'meet:abc-defg-hij',
  repName: 'Sam',
  managerName: 'Dana',
  objective: 'Agree a pilot',
  customerObjective: 'Cut dispatch time',
  commitment: { kind: 'next-step', text: 'Priya books the kickoff by Friday' },
  agenda: [
    { id: 'a', title: 'Open', minutes: 5, lead: 'rep', managerCue: 'Warm up' },
    { id: 'b', title: 'Proposal', minutes: 20, lead: 'manager', managerCue: 'Tell the Northwind story' },
    { id: 'c', title: 'Next step', minutes: 5, lead: 'rep', managerCue: 'Stay quiet' },
  ],
  managerParts: ['present'],
  managerNote: '',
  doNotRaise: ['Price rise'],
  stepInWhen: 'If integration questions stall',
  stepInSignal: 'Sam asks “Dana, your view?”',
  stakes: 'normal',
  questions: [{ id: 'q-1', text: 'Why now?' }],
  reviewedTogetherAt: null,
  agendaSentAt: null,
  createdAt: T + 500,
  updatedAt: T + 500,
  revision: 1,
};

/** Closes this context's connection and deletes the database, so every test starts from nothing. */
export async function resetDatabase(): Promise<void> {
  await closeDatabase();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = request.onerror = resolve;
  });
}

/** An old schema's layout, frozen in a test: each store's key path and indexes as that version shipped them. */
export type RawLayout = Record<string, { keyPath: string; indexes: Record<string, string | readonly string[]> }>;

/**
 * Writes a database at an old `version` with the raw IndexedDB API, from a frozen copy of that version's layout, so
 * it keeps describing that version however the code's schema moves on. No storage code of the app is used.
 */
export function writeRawDatabase(version: number, layout: RawLayout, records: Record<string, object[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, version);
    request.onupgradeneeded = () => {
      for (const [name, { keyPath, indexes }] of Object.entries(layout)) {
        const store = request.result.createObjectStore(name, { keyPath });
        for (const [index, path] of Object.entries(indexes)) store.createIndex(index, path as string | string[]);
      }
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const database = request.result;
      const transaction = database.transaction(Object.keys(layout), 'readwrite');
      for (const [name, list] of Object.entries(records))
        for (const record of list) transaction.objectStore(name).put(record);
      transaction.oncomplete = () => {
        database.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}
