// Server documents: `{ _id, _rev, iv, ct }` and nothing readable. A record is sealed under its document's id, and
// what comes back is opened and checked against the import schemas (domain/team-sync.ts) before anything uses it.
import * as v from 'valibot';
import { checkSyncPayload, type CheckedPayload, type SyncPayload } from '../domain/team-sync';
import { open, seal, SealBrokenError } from './crypto';
import type { ServerDoc } from './couch';

/** A notes document of 10,000 long notes, sealed, is under 12 MB of base64; CouchDB's own cap is 8 MB by default. */
export const MAX_CIPHERTEXT_CHARS = 16_000_000;

const ServerDocSchema = v.strictObject({
  _id: v.string(),
  _rev: v.string(),
  _conflicts: v.optional(v.array(v.string())),
  _revisions: v.optional(v.unknown()),
  iv: v.pipe(v.string(), v.maxLength(64)),
  ct: v.pipe(v.string(), v.maxLength(MAX_CIPHERTEXT_CHARS)),
});

export async function sealDoc(
  key: CryptoKey,
  docId: string,
  payload: SyncPayload,
  rev: string | undefined,
): Promise<{ _id: string; _rev?: string; iv: string; ct: string }> {
  const sealed = await seal(key, payload, docId);
  return { _id: docId, ...(rev ? { _rev: rev } : {}), ...sealed };
}

const SEAL_BROKEN_REASONS = {
  shape: 'It is not sealed the way Ridealong seals (its ciphertext or IV is damaged or cut short).',
  key: 'It can’t be opened with the team key: sealed with another key, or changed since it was sealed.',
  json: 'It opened with the team key, but holds no JSON.',
} as const;

/** Opens and checks one server document; a reason in words when it can't be used. */
export async function openServerDoc(key: CryptoKey, doc: ServerDoc): Promise<CheckedPayload> {
  const shape = v.safeParse(ServerDocSchema, doc);
  if (!shape.success)
    return { ok: false, reason: 'It is not a sealed Ridealong document (it has readable fields, or no ciphertext).' };
  let value: unknown;
  try {
    value = await open(key, { iv: shape.output.iv, ct: shape.output.ct }, shape.output._id);
  } catch (error) {
    if (error instanceof SealBrokenError) return { ok: false, reason: SEAL_BROKEN_REASONS[error.reason] };
    throw error;
  }
  return checkSyncPayload(shape.output._id, value);
}
