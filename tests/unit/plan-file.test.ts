import { describe, expect, it } from 'vitest';
import { parsePlanFile, planFileName, planFileText, MAX_PLAN_FILE_BYTES } from '../../src/domain/plan-file';
import { PLAN } from './fixtures';

const parse = (text: string) => parsePlanFile(text, new TextEncoder().encode(text).length);
const message = (text: string) => {
  const result = parse(text);
  return result.ok ? 'accepted' : result.message;
};

describe('plan files', () => {
  it('round-trip one or many plans', () => {
    const plans = [PLAN, { ...PLAN, id: 'plan-2', title: 'Second' }];
    expect(parse(planFileText(plans, 1_700_000_000_000))).toEqual({ ok: true, plans });
    expect(planFileName(Date.UTC(2026, 10, 24))).toBe('ridealong-plans-2026-11-24.ridealong.json');
  });

  it('refuse what is not a plan file, in words a user understands', () => {
    expect(message('%PDF-1.7')).toMatch(/isn’t JSON/);
    expect(message('{"name":"package.json"}')).toMatch(/not a Ridealong plan file/);
    expect(message('[]')).toMatch(/not a Ridealong plan file/);
    expect(message('null')).toMatch(/not a Ridealong plan file/);
    expect(
      message(
        JSON.stringify({
          format: 'ridealong-plans',
          version: 1,
          exportedAt: 0,
          plans: [{ ...PLAN, durationMinutes: 'x' }],
        }),
      ),
    ).toMatch(/not a valid Ridealong plan: plan 1 \(“Acme: proposal review”\), the minutes planned/);
    expect(message(JSON.stringify({ format: 'ridealong-plans', version: 2, exportedAt: 0, plans: [PLAN] }))).toMatch(
      /newer version/,
    );
    expect(
      message(
        `{"format":"ridealong-plans","version":1,"exportedAt":0,"plans":[${JSON.stringify(PLAN)}],"__proto__":{"polluted":true}}`,
      ),
    ).toMatch(/not a valid Ridealong plan: .*doesn’t know, “__proto__”/);
    expect(parsePlanFile('{}', MAX_PLAN_FILE_BYTES + 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/larger than 1 MB/),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
