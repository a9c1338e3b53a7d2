import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareCode, encodeShareCode, MAX_SHARE_CODE_CHARS, SHARE_CODE_PREFIX } from '../../src/domain/share-code';
import { validPlan } from './arbitraries';
import { PLAN } from './fixtures';

/** Packs any JSON value the way a real code is packed, to smuggle hostile payloads past the prefix and base64. */
async function packRaw(json: string): Promise<string> {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return SHARE_CODE_PREFIX + Buffer.from(bytes).toString('base64url');
}

async function refusal(code: string): Promise<string> {
  const decoded = await decodeShareCode(code);
  if (decoded.ok) throw new Error('expected a refusal');
  return decoded.message;
}

describe('share codes', () => {
  it('round-trip any valid plans to equal plans', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validPlan(), { minLength: 1, maxLength: 3 }), async (plans) => {
        const code = await encodeShareCode(plans);
        expect(code.startsWith('RA1.')).toBe(true);
        expect(code).toMatch(/^RA1\.[A-Za-z0-9_-]+$/);
        expect(await decodeShareCode(`  ${code}\n`)).toEqual({ ok: true, plans });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses what is not a code, in words a user understands', async () => {
    expect(await refusal('')).toMatch(/Paste a Ridealong share code/);
    expect(await refusal('hello there')).toMatch(/not a Ridealong share code/);
    expect(await refusal('RA2.abcd')).toMatch(/newer version of Ridealong/);
    expect(await refusal('RA1.')).toMatch(/damaged or incomplete/);
    expect(await refusal('RA1.not*base64!')).toMatch(/damaged or incomplete/);
    expect(await refusal('RA1.AAAAAAAA')).toMatch(/damaged or incomplete/);
    expect(await refusal('RA1.' + 'A'.repeat(MAX_SHARE_CODE_CHARS))).toMatch(/too long/);
  });

  it('refuses a truncated code', async () => {
    const code = await encodeShareCode([PLAN, { ...PLAN, id: 'plan-2' }]);
    for (const cut of [5, Math.floor(code.length / 2), code.length - 3]) {
      expect(await refusal(code.slice(0, cut))).toMatch(/damaged or incomplete/);
    }
  });

  it('refuses hostile and malformed payloads', async () => {
    // A `__proto__` key beside a valid plan: the key alone must be the reason for the refusal.
    const polluting = `{"v":1,"plans":[${JSON.stringify(PLAN)}],"__proto__":{"polluted":true}}`;
    expect(await refusal(await packRaw(polluting))).toMatch(/field Ridealong doesn’t know, “__proto__”/);
    const hostile = [
      JSON.stringify({ v: 1, plans: [{ ...PLAN, __proto__: { admin: true } }] }).replace(
        '"id"',
        '"__proto__":{"x":1},"id"',
      ),
      JSON.stringify({ v: 1, plans: [{ ...PLAN, title: 'x'.repeat(10 * 1024 * 1024) }] }),
      '{"v":1,"plans":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}',
      JSON.stringify({ v: 1, plans: [{ ...PLAN, agenda: 'Open, Pitch' }] }),
      // The manager may not lead the opening: the model refuses it on import too.
      JSON.stringify({ v: 1, plans: [{ ...PLAN, agenda: [{ ...PLAN.agenda[0], lead: 'manager' }, PLAN.agenda[2]] }] }),
      JSON.stringify({ v: 1, plans: [{ ...PLAN, schemaVersion: 2 }] }),
      JSON.stringify({ v: 1, plans: [{ ...PLAN, revision: '2' }] }),
      JSON.stringify({ v: 1, plans: [] }),
      JSON.stringify({ v: '1', plans: [PLAN] }),
      JSON.stringify([PLAN]),
      'null',
      '"RA1."',
    ];
    for (const json of hostile) {
      expect(await refusal(await packRaw(json))).toMatch(/not a valid Ridealong plan|more than 5 MB|damaged/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('says so when the payload comes from a newer Ridealong', async () => {
    expect(await refusal(await packRaw(JSON.stringify({ v: 2, plans: [PLAN] })))).toMatch(/newer version/);
  });

  it('stops unpacking past 5 MB instead of inflating a compression bomb', async () => {
    const bomb = await packRaw(' '.repeat(6 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CODE_CHARS);
    expect(await refusal(bomb)).toMatch(/more than 5 MB/);
  });
});
