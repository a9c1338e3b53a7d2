// One line of text that carries JSON between two browsers with no server: a prefix naming the kind and its
// version, then base64url(deflate-raw(JSON)). Native CompressionStream does the compression. Share codes for plans
// (`RA1.`) and notes codes (`RN1.`) are both this.
//
// Unpacking treats the code as hostile: the caller caps its length, and the output is capped while it is inflated,
// so a compression bomb stops at the cap instead of filling memory.

export async function packCode(prefix: string, json: string): Promise<string> {
  const compressed = await pipeBytes(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Infinity);
  return prefix + toBase64Url(compressed!);
}

export type Unpacked = { ok: true; json: string; bytes: number } | { ok: false; reason: 'damaged' | 'too-big' };

/** `body` is the code after its prefix. The JSON comes back as text; nothing is parsed here. */
export async function unpackCode(body: string, maxBytes: number): Promise<Unpacked> {
  const bytes = fromBase64Url(body);
  if (!bytes || bytes.length === 0) return { ok: false, reason: 'damaged' };
  let output: Uint8Array | null;
  try {
    output = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), maxBytes);
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (!output) return { ok: false, reason: 'too-big' };
  try {
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(output), bytes: output.length };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
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
