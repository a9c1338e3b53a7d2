// Share codes carry plans between the rep's and the manager's browsers with no server: one line of text to paste
// into chat or email. `RA1.` + base64url(deflate-raw(JSON)). Native CompressionStream does the compression.
//
// Decoding treats the code as hostile: size caps before and after decompression, one schema over the whole payload
// before anything is used, and refusals phrased for the person who pasted it.
import { NEWER_VERSION_MESSAGE, validateIncomingPlans, type IncomingPlans } from './incoming-plans';
import type { Plan } from './plan';

export const SHARE_CODE_PREFIX = 'RA1.';
export const SHARE_CODE_VERSION = 1;
export const MAX_SHARE_CODE_CHARS = 1024 * 1024;
export const MAX_DECOMPRESSED_BYTES = 5 * 1024 * 1024;
const SHARE_FORMAT = { versionKey: 'v', version: SHARE_CODE_VERSION, what: 'share code' };

export async function encodeShareCode(plans: Plan[]): Promise<string> {
  const checked = validateIncomingPlans({ v: SHARE_CODE_VERSION, plans }, SHARE_FORMAT);
  if (!checked.ok) throw new Error(checked.message);
  const json = new TextEncoder().encode(JSON.stringify({ v: SHARE_CODE_VERSION, plans: checked.plans }));
  const compressed = await pipeBytes(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return SHARE_CODE_PREFIX + toBase64Url(compressed!);
}

export async function decodeShareCode(text: string): Promise<IncomingPlans> {
  const code = text.trim();
  if (code === '') return refuse('Paste a Ridealong share code first.');
  if (code.length > MAX_SHARE_CODE_CHARS) return refuse('That is too long to be a Ridealong share code.');
  const version = /^RA(\d+)\./.exec(code);
  if (!version) return refuse('That is not a Ridealong share code. Codes start with “RA1.”.');
  if (Number(version[1]) > SHARE_CODE_VERSION) {
    return refuse(NEWER_VERSION_MESSAGE);
  }
  const bytes = fromBase64Url(code.slice(SHARE_CODE_PREFIX.length));
  if (!bytes || bytes.length === 0) return refuse(INCOMPLETE);

  let json: Uint8Array | null;
  try {
    json = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), MAX_DECOMPRESSED_BYTES);
  } catch {
    return refuse(INCOMPLETE);
  }
  if (!json) return refuse('That share code unpacks to more than 5 MB, which no plan needs. It was not imported.');

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return refuse(INCOMPLETE);
  }
  return validateIncomingPlans(parsed, SHARE_FORMAT);
}

const INCOMPLETE = 'That share code is damaged or incomplete. Copy the whole line again, from “RA1.” to the end.';

function refuse(message: string): IncomingPlans {
  return { ok: false, message };
}

/** Streams bytes through a (de)compressor. Resolves null as soon as the output passes `maxBytes`. */
async function pipeBytes(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const writer = transform.writable.getWriter();
  // Errors surface on the reader; the writer's own promises are only awaited so they are never unhandled.
  void writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const output = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    output.set(chunk, offset);
    offset += chunk.length;
  }
  return output;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return null;
  }
}
