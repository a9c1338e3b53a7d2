import type { Plan } from '../../src/domain/plan';
import { closeDatabase, DATABASE_NAME } from '../../src/storage/database';

/** A valid stored plan: three items, linked to meet:abc-defg-hij. */
export const PLAN: Plan = {
  id: 'plan-1',
  title: 'Acme: proposal review',
  scheduledStart: 1_000,
  meetingLink: 'https://meet.google.com/abc-defg-hij',
  meetingKey: 'meet:abc-defg-hij',
  agenda: [
    { id: 'a', title: 'Open', minutes: 5 },
    { id: 'b', title: 'Proposal', minutes: 20 },
    { id: 'c', title: 'Next step', minutes: 5 },
  ],
  createdAt: 500,
  updatedAt: 500,
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
