import { afterEach, describe, expect, it } from 'vitest';
import { importDecision } from '../../src/domain/plan-import';
import {
  getPlan,
  importPlans,
  listPlansBySchedule,
  markPlansShared,
  savePlan,
  savePlanEdit,
} from '../../src/storage/plans';
import { PLAN, resetDatabase } from './fixtures';

afterEach(resetDatabase);

const edited = { ...PLAN, title: 'Acme: final proposal', revision: PLAN.revision + 1, updatedAt: PLAN.updatedAt + 1 };

describe('importDecision', () => {
  it('stores a plan that is not here, updates an older copy, and leaves an equal one alone', () => {
    expect(importDecision(PLAN, undefined)).toBe('new');
    expect(importDecision(edited, PLAN)).toBe('update');
    expect(importDecision(PLAN, { ...PLAN })).toBe('up-to-date');
  });

  it('asks before overwriting a local copy that was changed at the same revision', () => {
    expect(importDecision(PLAN, { ...PLAN, title: 'Changed here, same revision' })).toBe('local-changed');
  });

  it('calls an old code older, when it holds nothing this browser has not had', () => {
    // Our own plan, edited since: an old code of it brings nothing.
    expect(importDecision(PLAN, edited)).toBe('older');
    // Imported at revision 3, then edited here: a code of revision 2 or 3 is old news.
    const importedAt3 = { ...PLAN, revision: 5, syncedRevision: 3 };
    expect(importDecision({ ...PLAN, revision: 3 }, importedAt3)).toBe('older');
    expect(importDecision({ ...PLAN, revision: 2 }, importedAt3)).toBe('older');
    // Revision 4 from the other side is past what we exchanged: both sides edited, so it asks.
    expect(importDecision({ ...PLAN, revision: 4, title: 'Edited there' }, importedAt3)).toBe('local-changed');
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
    const changedHere = { ...PLAN, title: 'Changed here, same revision' };
    await savePlan(changedHere);
    expect((await importPlans([PLAN]))[0]).toMatchObject({ decision: 'local-changed', written: false });
    expect(await getPlan(PLAN.id)).toEqual(changedHere);
    expect((await importPlans([PLAN], new Set([PLAN.id])))[0]).toMatchObject({ written: true });
    expect(await getPlan(PLAN.id)).toEqual({ ...PLAN, syncedRevision: PLAN.revision });
  });

  it('writes nothing for an older copy, even when told it may overwrite', async () => {
    await savePlan(edited);
    expect((await importPlans([PLAN], new Set([PLAN.id])))[0]).toMatchObject({ decision: 'older', written: false });
    expect(await getPlan(PLAN.id)).toEqual(edited);
  });

  it('asks when a plan shared from here comes back edited there while it was also edited here', async () => {
    await savePlan(PLAN);
    await markPlansShared([PLAN]);
    expect(await getPlan(PLAN.id)).toEqual({ ...PLAN, syncedRevision: PLAN.revision });
    // Edited here once, there twice: without the shared mark the newer copy would silently replace our edit.
    const editedHere = await savePlanEdit({ ...PLAN, syncedRevision: undefined, title: 'Edited here' }, 2_000);
    expect(editedHere.syncedRevision).toBe(PLAN.revision);
    const editedThere = { ...PLAN, title: 'Edited there', revision: PLAN.revision + 2 };
    expect((await importPlans([editedThere]))[0]).toMatchObject({ decision: 'local-changed', written: false });
    // Left alone here, the same copy just updates.
    await savePlan({ ...PLAN, syncedRevision: PLAN.revision });
    expect((await importPlans([editedThere]))[0]).toMatchObject({ decision: 'update', written: true });
  });

  it('does not mark a plan shared when it was edited again after the code was made', async () => {
    await savePlan({ ...PLAN, revision: 2 });
    await markPlansShared([PLAN]);
    expect((await getPlan(PLAN.id))?.syncedRevision).toBeUndefined();
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
