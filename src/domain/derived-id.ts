// Ids derived from other ids, the same on every run: an imported record that can't keep its own id (another call's
// record holds it) is stored under one of these, so importing the same thing again finds it instead of adding it twice.

/** A 64-bit hash of the parts, as 16 hex digits (cyrb53-style mixing of two 32-bit lanes). Not a secret: only stable. */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The id an imported record takes when its own belongs to a record of another call: `kind` names the store,
 * `owner` the call it is imported into, `original` its own id. 21 characters, well within the id limit.
 */
export function derivedId(kind: 'note' | 'call', owner: string, original: string): string {
  return `${kind === 'note' ? 'n' : 'c'}-${hash64(`${kind}\u0000${owner}\u0000${original}`)}`;
}
