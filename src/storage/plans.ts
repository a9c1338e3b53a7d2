import * as v from 'valibot';
import { importDecision, type ImportDecision } from '../domain/plan-import';
import { PlanSchema, type Plan } from '../domain/plan';
import { MAX_REVISION } from '../domain/schema-parts';
import { commit, putRecord } from './commit';
import { openDatabase } from './database';

/** Writes a plan, validated first so nothing malformed ever reaches the store. Resolves once committed to disk. */
export function savePlan(plan: Plan): Promise<Plan> {
  return putRecord('plans', PlanSchema, plan);
}

/** The plan changed in another window or tab since this copy was read; saving would silently undo that edit. */
export class StalePlanError extends Error {
  constructor(readonly stored: Plan) {
    super('This plan was changed in another window since you opened it.');
    this.name = 'StalePlanError';
  }
}

/**
 * Saves an edit made to the copy at `edited.revision`. The stored plan must still be at that revision; the saved plan
 * gets the next one. A plan not stored yet is saved as it is. Checked and written in one transaction, so two windows
 * editing the same plan can't overwrite each other unnoticed.
 */
export async function savePlanEdit(edited: Plan, now: number): Promise<Plan> {
  // Validated before the transaction opens: a valid plan stays valid with the next revision and a new time.
  const valid = v.parse(PlanSchema, edited);
  return commit(['plans'], 'local', async (transaction, log) => {
    const store = transaction.objectStore('plans');
    const stored = await store.get(valid.id);
    // Thrown inside the commit: it writes nothing.
    if (stored && stored.revision !== valid.revision) throw new StalePlanError(stored);
    // What was last exchanged with the other browser is storage's bookkeeping, never the editor's copy of it.
    const next = stored
      ? withSyncedRevision({ ...valid, revision: nextRevision(valid.revision), updatedAt: now }, stored.syncedRevision)
      : valid;
    await store.put(next);
    log({ kind: 'plan', id: next.id });
    return next;
  });
}

export async function getPlan(id: string): Promise<Plan | undefined> {
  return (await openDatabase()).get('plans', id);
}

export async function deletePlan(id: string): Promise<void> {
  await commit(['plans'], 'local', async (transaction, log) => {
    await transaction.objectStore('plans').delete(id);
    log({ kind: 'plan', id, deleted: true });
  });
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

export interface ImportOutcome {
  plan: Plan;
  decision: ImportDecision;
  /** False for 'up-to-date' and 'older' plans, and for 'local-changed' ones the caller didn't allow to overwrite. */
  written: boolean;
}

/**
 * Imports validated plans in one transaction: all of them are decided against what is stored at that moment, and
 * either every write lands or none does. Plans whose local copy changed since are written only when their id is in
 * `overwrite`, so nothing is lost without the user saying so.
 */
export async function importPlans(plans: Plan[], overwrite: ReadonlySet<string> = new Set()): Promise<ImportOutcome[]> {
  const valid = plans.map((plan) => v.parse(PlanSchema, plan));
  return commit(['plans'], 'import', async (transaction, log) => {
    const store = transaction.objectStore('plans');
    const outcomes: ImportOutcome[] = [];
    for (const plan of valid) {
      const decision = importDecision(plan, await store.get(plan.id));
      const write =
        decision === 'new' || decision === 'update' || (decision === 'local-changed' && overwrite.has(plan.id));
      // Remembers the revision taken, so a later local edit is told apart from a plan left as it came.
      if (write) {
        await store.put({ ...plan, syncedRevision: plan.revision });
        log({ kind: 'plan', id: plan.id });
      }
      outcomes.push({ plan, decision, written: write });
    }
    return outcomes;
  });
}

/**
 * Records that these plans were shared from here at their current revision: the other browser now has that
 * revision too, so a copy coming back edited there is told apart from one edited on both sides.
 */
export async function markPlansShared(shared: readonly Pick<Plan, 'id' | 'revision'>[]): Promise<void> {
  await commit(['plans'], 'local', async (transaction, log) => {
    const store = transaction.objectStore('plans');
    for (const { id, revision } of shared) {
      const stored = await store.get(id);
      // A plan edited again since the code was made keeps its own record: that edit is not shared yet.
      if (stored && stored.revision === revision && stored.syncedRevision !== revision) {
        await store.put({ ...stored, syncedRevision: revision });
        log({ kind: 'plan', id });
      }
    }
  });
}

/**
 * The revision after `revision`. No real plan gets near MAX_REVISION; one imported at it (a crafted code) stays
 * editable, saved at the cap, rather than refused for good.
 */
function nextRevision(revision: number): number {
  return Math.min(revision + 1, MAX_REVISION);
}

function withSyncedRevision(plan: Plan, syncedRevision: number | undefined): Plan {
  const { syncedRevision: _dropped, ...rest } = plan;
  return syncedRevision === undefined ? rest : { ...rest, syncedRevision };
}

/** The first `limit` plans starting at or after `from`, soonest first: enough for the popup's first screen. */
export async function listPlansStartingFrom(from: number, limit: number): Promise<Plan[]> {
  const database = await openDatabase();
  return database.getAllFromIndex('plans', 'byScheduledStart', IDBKeyRange.lowerBound(from), limit);
}
