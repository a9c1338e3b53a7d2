// The trust suite's fuzz generators for team sync: documents a hostile or broken server could hand back. Each is
// skipped with a reason in words, and nothing of it is used; a document sealed with the team key whose record breaks
// the import schemas is refused the same way. (That a skipped document leaves the database unchanged, next to good
// ones that land, is shown against a real server in sync-replicate.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServerDoc } from '../../src/sync/couch';
import { deriveTeamKey, MIN_PBKDF2_ITERATIONS, randomSalt, seal } from '../../src/sync/crypto';
import { openServerDoc, sealDoc } from '../../src/sync/docs';
import { PLAN } from './fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const [key, otherKey] = await Promise.all([
  deriveTeamKey('the team passphrase', randomSalt(), MIN_PBKDF2_ITERATIONS),
  deriveTeamKey('another team', randomSalt(), MIN_PBKDF2_ITERATIONS),
]);
const DOC_ID = `plan:${PLAN.id}`;
const good = await sealDoc(key, DOC_ID, { v: 1, kind: 'plan', plan: PLAN }, undefined);

const base64 = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='.split('')),
});
const hostileDoc: fc.Arbitrary<ServerDoc> = fc.oneof(
  // Readable fields next to (or instead of) the ciphertext.
  fc.record({ _id: fc.constant(DOC_ID), _rev: fc.constant('1-a'), title: fc.string(), iv: base64, ct: base64 }),
  fc.record({ _id: fc.string(), _rev: fc.string(), plan: fc.anything() }),
  // Random IVs and ciphertexts, and the good one cut short or changed by one character.
  fc.record({ _id: fc.constant(DOC_ID), _rev: fc.constant('1-a'), iv: base64, ct: base64 }),
  fc.nat({ max: good.ct.length - 1 }).map((cut) => ({ ...good, _rev: '1-a', ct: good.ct.slice(0, cut) })),
  // Not in the last base64 quantum, whose low bits may be padding a decoder ignores (then nothing really changed).
  fc.nat({ max: good.ct.length - 5 }).map((at) => ({
    ...good,
    _rev: '1-a',
    ct: good.ct.slice(0, at) + (good.ct[at] === 'A' ? 'B' : 'A') + good.ct.slice(at + 1),
  })),
  // The good ciphertext under another document's id: sealed to its id, so it can't be moved.
  fc.uuid().map((id) => ({ ...good, _rev: '1-a', _id: `plan:${id}` })),
) as fc.Arbitrary<ServerDoc>;

describe('server documents a hostile server hands back', () => {
  it('are each skipped with a reason, never used, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(hostileDoc, async (doc) => {
        const checked = await openServerDoc(key, doc);
        expect(checked.ok).toBe(false);
        if (!checked.ok) expect(checked.reason).toMatch(/\w+ \w+/);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('sealed with another team’s key, are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const sealed = await seal(otherKey, value, DOC_ID);
        const checked = await openServerDoc(key, { _id: DOC_ID, _rev: '1-a', ...sealed });
        expect(checked).toEqual({ ok: false, reason: expect.stringContaining('another key') });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('sealed with the team key but holding something that breaks the import schemas, are refused', async () => {
    const broken = fc.oneof(
      fc.anything(),
      fc.record({ v: fc.constant(1), kind: fc.constant('plan'), plan: fc.anything() }),
      fc.record({
        v: fc.constant(1),
        kind: fc.constant('plan'),
        plan: fc.constant({ ...PLAN, title: 'x'.repeat(100_000) }),
      }),
      fc.record({ v: fc.constant(1), kind: fc.constant('plan'), plan: fc.constant({ ...PLAN, id: '../../etc' }) }),
      fc.constant({ v: 1, kind: 'plan', plan: { ...PLAN, id: 'another-plan-id' } }),
    );
    await fc.assert(
      fc.asyncProperty(broken, async (value) => {
        const sealed = await seal(key, value, DOC_ID);
        const checked = await openServerDoc(key, { _id: DOC_ID, _rev: '1-a', ...sealed });
        expect(checked.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('and the good one opens: the generators are not refusing everything', async () => {
    expect(await openServerDoc(key, { ...good, _rev: '1-a' })).toMatchObject({ ok: true, payload: { kind: 'plan' } });
  });
});
