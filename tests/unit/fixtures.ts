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
