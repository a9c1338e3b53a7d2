import * as v from 'valibot';
import { PlanSchema, type Plan } from '../domain/plan';
import { openDatabase } from './database';

/** Writes a plan, validated first so nothing malformed ever reaches the store. Resolves once committed to disk. */
export async function savePlan(plan: Plan): Promise<Plan> {
  const valid = v.parse(PlanSchema, plan);
  const database = await openDatabase();
  const transaction = database.transaction('plans', 'readwrite', { durability: 'strict' });
  await Promise.all([transaction.store.put(valid), transaction.done]);
  return valid;
}

export async function getPlan(id: string): Promise<Plan | undefined> {
  return (await openDatabase()).get('plans', id);
}

export async function deletePlan(id: string): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction('plans', 'readwrite', { durability: 'strict' });
  await Promise.all([transaction.store.delete(id), transaction.done]);
}

/** Every plan, soonest first. */
export async function listPlansBySchedule(): Promise<Plan[]> {
  return (await openDatabase()).getAllFromIndex('plans', 'byScheduledStart');
}

/** Plans linked to one meeting (`meet:abc-defg-hij`), soonest first. */
export async function listPlansForMeeting(key: string): Promise<Plan[]> {
  const plans = await (await openDatabase()).getAllFromIndex('plans', 'byMeetingKey', key);
  return plans.sort((a, b) => a.scheduledStart - b.scheduledStart);
}

/** Plans scheduled to start between two moments, soonest first. */
export async function listPlansScheduledBetween(from: number, to: number): Promise<Plan[]> {
  return (await openDatabase()).getAllFromIndex('plans', 'byScheduledStart', IDBKeyRange.bound(from, to));
}
