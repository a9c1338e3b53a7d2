import { afterEach, describe, expect, it } from 'vitest';
import { importDecision } from '../../src/domain/plan-import';
import { getPlan, importPlans, listPlansBySchedule, savePlan } from '../../src/storage/plans';
import { PLAN, resetDatabase } from './fixtures';

afterEach(resetDatabase);

const edited = { ...PLAN, title: 'Acme: final proposal', revision: PLAN.revision + 1, updatedAt: PLAN.updatedAt + 1 };

describe('importDecision', () => {
  it('stores a plan that is not here, updates an older copy, and leaves an equal one alone', () => {
    expect(importDecision(PLAN, undefined)).toBe('new');
    expect(importDecision(edited, PLAN)).toBe('update');
    expect(importDecision(PLAN, { ...PLAN })).toBe('up-to-date');
  });

  it('asks before overwriting a local copy that was changed since', () => {
    expect(importDecision(PLAN, edited)).toBe('local-changed');
    expect(importDecision(PLAN, { ...PLAN, title: 'Changed here, same revision' })).toBe('local-changed');
  });

  it('asks when both browsers edited since the last import, even though the incoming copy is newer', () => {
    const imported = { ...PLAN, syncedRevision: PLAN.revision };
    const editedHere = { ...imported, title: 'Edited here', revision: PLAN.revision + 1 };
    const editedThereTwice = { ...PLAN, title: 'Edited there twice', revision: PLAN.revision + 2 };
    expect(importDecision(editedThereTwice, editedHere)).toBe('local-changed');
    // Left as it came: the newer copy simply updates it, and the same copy is up to date.
    expect(importDecision(editedThereTwice, imported)).toBe('update');
    expect(importDecision(PLAN, imported)).toBe('up-to-date');
  });
});

describe('importPlans', () => {
  it('writes new and newer plans, and reports equal ones as up to date', async () => {
    const first = await importPlans([PLAN]);
    expect(first.map((outcome) => [outcome.decision, outcome.written])).toEqual([['new', true]]);
    expect((await importPlans([PLAN]))[0]).toMatchObject({ decision: 'up-to-date', written: false });
    expect((await importPlans([edited]))[0]).toMatchObject({ decision: 'update', written: true });
    expect(await getPlan(PLAN.id)).toEqual({ ...edited, syncedRevision: edited.revision });
  });

  it('keeps a locally changed plan unless told to overwrite it', async () => {
    await savePlan(edited);
    expect((await importPlans([PLAN]))[0]).toMatchObject({ decision: 'local-changed', written: false });
    expect(await getPlan(PLAN.id)).toEqual(edited);
    expect((await importPlans([PLAN], new Set([PLAN.id])))[0]).toMatchObject({ written: true });
    expect(await getPlan(PLAN.id)).toEqual({ ...PLAN, syncedRevision: PLAN.revision });
  });

  it('writes nothing when one plan of several is invalid', async () => {
    await expect(
      importPlans([
        { ...PLAN, id: 'fine' },
        { ...PLAN, agenda: [] },
      ]),
    ).rejects.toThrow();
    expect(await listPlansBySchedule()).toEqual([]);
  });
});
