import { beforeAll, describe, expect, it } from 'vitest';
import {
  deriveTeamKey,
  fromBase64,
  MIN_PBKDF2_ITERATIONS,
  open,
  randomSalt,
  seal,
  SealBrokenError,
  toBase64,
} from '../../src/sync/crypto';

const salt = randomSalt();
let key: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([
    deriveTeamKey('correct horse battery staple', salt, MIN_PBKDF2_ITERATIONS),
    deriveTeamKey('correct horse battery stapler', salt, MIN_PBKDF2_ITERATIONS),
  ]);
});

describe('the team key', () => {
  it('takes at least 600,000 PBKDF2-SHA-256 iterations, and is never extractable', async () => {
    expect(MIN_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(deriveTeamKey('pass', salt, 1000)).rejects.toThrow(RangeError);
  });
});

describe('seal and open', () => {
  const value = { text: 'Priya hinted at the budget', n: 3 };

  it('round-trips a value, with a fresh 12-byte IV each time and no plaintext in the ciphertext', async () => {
    const a = await seal(key, value, 'notes:c1');
    const b = await seal(key, value, 'notes:c1');
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(atob(a.ct)).not.toContain('budget');
    expect(await open(key, a, 'notes:c1')).toEqual(value);
  });

  it('refuses the wrong key, another document id, a changed byte, a truncated ciphertext and broken base64', async () => {
    const sealed = await seal(key, value, 'notes:c1');
    await expect(open(otherKey, sealed, 'notes:c1')).rejects.toBeInstanceOf(SealBrokenError);
    await expect(open(key, sealed, 'notes:c2')).rejects.toBeInstanceOf(SealBrokenError);
    const bytes = fromBase64(sealed.ct);
    bytes[0] = bytes[0]! ^ 1;
    await expect(open(key, { ...sealed, ct: toBase64(bytes) }, 'notes:c1')).rejects.toBeInstanceOf(SealBrokenError);
    await expect(open(key, { ...sealed, ct: sealed.ct.slice(0, 12) }, 'notes:c1')).rejects.toBeInstanceOf(
      SealBrokenError,
    );
    await expect(open(key, { ...sealed, ct: 'not base64!' }, 'notes:c1')).rejects.toBeInstanceOf(SealBrokenError);
    await expect(open(key, { ...sealed, iv: toBase64(new Uint8Array(8)) }, 'notes:c1')).rejects.toBeInstanceOf(
      SealBrokenError,
    );
  });

  it('base64 handles megabytes', () => {
    const big = Uint8Array.from({ length: 65_536 * 3 + 7 }, (_, index) => (index * 7919) % 256);
    expect(fromBase64(toBase64(big))).toEqual(big);
  });
});
