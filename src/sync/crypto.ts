// End-to-end encryption for team sync: the server stores ids, revisions and ciphertext only. WebCrypto alone, so the
// same code runs in the extension and in Node 20's globalThis.crypto (the unit tests).
//
// The team key is derived from the team passphrase with PBKDF2-SHA-256 (OWASP's 2023 figure for it: 600,000
// iterations) and is never extractable. Each document is sealed with AES-GCM under a fresh random 12-byte IV, with the
// document's id as additional authenticated data: a ciphertext moved to another id fails to open.

/** The least PBKDF2-SHA-256 work Ridealong derives a team key with, and accepts from a team document. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** No real team document asks for more: a hostile one asking for billions would hang the device. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

export interface Sealed {
  /** Base64 of the 12-byte IV. */
  iv: string;
  /** Base64 of the AES-GCM ciphertext with its 16-byte tag. */
  ct: string;
}

/** A sealed value that can't be opened with this key: the wrong passphrase, or data changed on the way. */
export class SealBrokenError extends Error {
  constructor(
    /** What is wrong: not the shape seal() writes, the wrong key (or a changed byte), or not JSON inside. */
    readonly reason: 'shape' | 'key' | 'json',
    message = 'This data can’t be opened with your team passphrase, or it was changed.',
  ) {
    super(message);
    this.name = 'SealBrokenError';
  }
}

export function randomSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

/** The team's AES-GCM 256 key, derived from the passphrase; not extractable. */
export async function deriveTeamKey(passphrase: string, salt: string, iterations: number): Promise<CryptoKey> {
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS)
    throw new RangeError(`PBKDF2 iterations must be between ${MIN_PBKDF2_ITERATIONS} and ${MAX_PBKDF2_ITERATIONS}.`);
  const material = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `value` as JSON, bound to `docId`. */
export async function seal(key: CryptoKey, value: unknown, docId: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(docId) },
    key,
    utf8(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/**
 * Decrypts what `seal` made for `docId` and parses its JSON. Throws SealBrokenError for anything else: another key,
 * another id, a changed byte, base64 that isn't, an IV of the wrong size. The result is unknown: validate it.
 */
export async function open(key: CryptoKey, sealed: Sealed, docId: string): Promise<unknown> {
  let iv: Uint8Array<ArrayBuffer>;
  let ct: Uint8Array<ArrayBuffer>;
  try {
    iv = fromBase64(sealed.iv);
    ct = fromBase64(sealed.ct);
  } catch {
    throw new SealBrokenError('shape', 'This data is not in the shape Ridealong seals (its base64 is damaged).');
  }
  if (iv.length !== IV_BYTES)
    throw new SealBrokenError('shape', 'This data is not in the shape Ridealong seals (its IV).');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(docId) }, key, ct);
  } catch {
    throw new SealBrokenError('key');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as unknown;
  } catch {
    // Only the key's holder could have sealed it: a teammate's broken build, not an attacker. Still refused.
    throw new SealBrokenError('json', 'This data opened, but it is not JSON.');
  }
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

/** Base64 of bytes, in chunks: a notes document of a few megabytes would overflow one String.fromCharCode call. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** Bytes of strict base64; throws on anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0)
    throw new SyntaxError('Not base64.');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
