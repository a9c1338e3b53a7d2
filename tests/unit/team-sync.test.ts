import { describe, expect, it } from 'vitest';
import { moveToItem, startCall, tickQuestion } from '../../src/domain/call';
import {
  checkSyncPayload,
  conflictCopy,
  joinCalls,
  parseSyncDocId,
  syncContentHash,
  type SyncPayload,
} from '../../src/domain/team-sync';
import { PlanSchema } from '../../src/domain/plan';
import * as v from 'valibot';
import { PLAN, T } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const base = { ...startCall(PLAN, 'rep', MEETING, T, 'call-1'), revision: 3 };

describe('joining two versions of one call', () => {
  const a = tickQuestion(moveToItem(base, 1, 'rep', T + 1_000), 'q-1', true, T + 1_500);
  const b = { ...moveToItem(base, 2, 'manager', T + 2_000), lastSeenAt: T + 9_000, endedAt: T + 9_000 };

  it('keeps every move and tick of both, the later sign of life and the end, past both revisions', () => {
    const joined = joinCalls(a, b);
    expect(joined.transitions.map((t) => t.toItemIndex)).toEqual([1, 2]);
    expect(joined.questionTicks).toEqual([{ questionId: 'q-1', at: T + 1_500 }]);
    expect(joined).toMatchObject({ lastSeenAt: T + 9_000, endedAt: T + 9_000, revision: 4 });
  });

  it('gives the same record whichever side joins', () => {
    expect(joinCalls(a, b)).toEqual(joinCalls(b, a));
    expect(joinCalls(joinCalls(a, b), b)).toMatchObject({ transitions: joinCalls(a, b).transitions });
  });
});

describe('a plan changed on both sides', () => {
  it('is kept as a valid copy, with the same id on every device and a title that says what it is', () => {
    const copy = conflictCopy({ ...PLAN, title: 'x'.repeat(200), syncedRevision: 1 });
    expect(v.is(PlanSchema, copy)).toBe(true);
    expect(copy.title).toHaveLength(200);
    expect(copy.title.endsWith(' (conflicting copy)')).toBe(true);
    expect(copy.syncedRevision).toBeUndefined();
    expect(conflictCopy(PLAN).id).toBe(conflictCopy({ ...PLAN }).id);
    expect(conflictCopy(PLAN).id).not.toBe(conflictCopy({ ...PLAN, objective: 'Other' }).id);
  });
});

describe('server document ids and payloads', () => {
  it('accepts only the four kinds, with an id as the import rules bound it', () => {
    expect(parseSyncDocId('notes:call-1')).toEqual({ kind: 'notes', recordId: 'call-1' });
    for (const id of ['call-1', 'memo:x', 'plan:', `plan:${'x'.repeat(65)}`, '_design/x'])
      expect(parseSyncDocId(id)).toBeNull();
  });

  it('refuses a record under another id, and notes of another call', () => {
    const plan: SyncPayload = { v: 1, kind: 'plan', plan: PLAN };
    expect(checkSyncPayload('plan:plan-1', plan).ok).toBe(true);
    expect(checkSyncPayload('plan:plan-2', plan)).toEqual({ ok: false, reason: 'It holds a record of another id.' });
    const stray = { v: 1, kind: 'notes', callId: 'call-1', notes: [] };
    expect(checkSyncPayload('notes:call-2', stray).ok).toBe(false);
  });

  it('hashes content, not the order of fields or the import bookkeeping', () => {
    const reordered = Object.fromEntries(Object.entries(PLAN).reverse()) as typeof PLAN;
    expect(syncContentHash({ v: 1, kind: 'plan', plan: reordered })).toBe(
      syncContentHash({ v: 1, kind: 'plan', plan: { ...PLAN, syncedRevision: 1 } }),
    );
  });
});
