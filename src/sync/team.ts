// The team document: the one document on the server every device reads before anything else. It holds the salt and
// the PBKDF2 work that turn the team passphrase into the team key, and a check value sealed with that key, so a wrong
// passphrase is refused before a single record is read or written.
import * as v from 'valibot';
import {
  deriveTeamKey,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  open,
  randomSalt,
  seal,
  SealBrokenError,
} from './crypto';
import { couchClient, type CouchClient, type CouchSettings, type Fetch } from './couch';
import { SyncProblem, WRONG_PASSPHRASE_MESSAGE } from './problem';

export const TEAM_DOC_ID = 'ridealong-team';
export const TEAM_CHECK_VALUE = 'ridealong-team-check';

const Base64Schema = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));

const TeamDocSchema = v.object({
  _id: v.literal(TEAM_DOC_ID),
  salt: Base64Schema(128),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(MIN_PBKDF2_ITERATIONS), v.maxValue(MAX_PBKDF2_ITERATIONS)),
  check: v.object({ iv: Base64Schema(64), ct: Base64Schema(256) }),
});
type TeamDoc = v.InferOutput<typeof TeamDocSchema>;

async function readTeamDoc(client: CouchClient): Promise<TeamDoc | null> {
  const doc = await client.getDoc(TEAM_DOC_ID);
  if (!doc) return null;
  const parsed = v.safeParse(TeamDocSchema, doc);
  if (!parsed.success)
    throw new SyncProblem(
      'server-error',
      `The team document on ${client.origin} is damaged or asks for too little key work, so nothing was synced.`,
    );
  return parsed.output;
}

async function keyOpening(doc: TeamDoc, passphrase: string): Promise<CryptoKey> {
  const key = await deriveTeamKey(passphrase, doc.salt, doc.iterations);
  await checkKey(doc, key);
  return key;
}

async function checkKey(doc: TeamDoc, key: CryptoKey): Promise<void> {
  let check: unknown;
  try {
    check = await open(key, doc.check, TEAM_DOC_ID);
  } catch (error) {
    if (error instanceof SealBrokenError) throw new SyncProblem('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
    throw error;
  }
  if (check !== TEAM_CHECK_VALUE) throw new SyncProblem('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
}

/**
 * The team key for this passphrase. The first device to connect creates the team document (with `create`); every
 * later one must open its check value, or is refused with a wrong-passphrase SyncProblem, having written nothing.
 */
export async function unlockTeam(
  client: CouchClient,
  passphrase: string,
  options: { create: boolean; iterations?: number } = { create: true },
): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new SyncProblem('wrong-passphrase', 'Type your team’s passphrase first.');
  const existing = await readTeamDoc(client);
  if (existing) return keyOpening(existing, passphrase);
  if (!options.create) throw new SyncProblem('no-database', 'Your team has not synced anything to this database yet.');
  const salt = randomSalt();
  const iterations = options.iterations ?? MIN_PBKDF2_ITERATIONS;
  const key = await deriveTeamKey(passphrase, salt, iterations);
  const check = await seal(key, TEAM_CHECK_VALUE, TEAM_DOC_ID);
  const written = await client.putDoc({ _id: TEAM_DOC_ID, salt, iterations, check });
  if (written.ok) return key;
  // Another device created it a moment before: its passphrase decides.
  const created = await readTeamDoc(client);
  if (!created) throw new SyncProblem('server-error', `The server at ${client.origin} refused the team document.`);
  return keyOpening(created, passphrase);
}

/** Checks a key (kept from unlockTeam) against the team document before a sync reads or writes anything. */
export async function verifyTeamKey(client: CouchClient, key: CryptoKey): Promise<void> {
  const doc = await readTeamDoc(client);
  if (!doc)
    throw new SyncProblem(
      'wrong-passphrase',
      'The team document is gone from the server. Connect again in the settings, with your team’s passphrase.',
    );
  await checkKey(doc, key);
}

export type ConnectionResult = { ok: true; teamExists: boolean } | { ok: false; problem: SyncProblem };

/**
 * What the settings' "Test connection" says, checked in order: the server answers, the user name and password are
 * right, the database exists, this user may read it, and the passphrase opens the team's data. Writes nothing: when
 * no device has synced yet (`teamExists: false`), the first sync creates the team document with this passphrase.
 */
export async function testConnection(
  settings: CouchSettings,
  passphrase: string,
  fetchImpl?: Fetch,
): Promise<ConnectionResult> {
  try {
    const client = couchClient(settings, fetchImpl);
    await client.ping();
    await client.logIn();
    await client.info();
    const doc = await readTeamDoc(client);
    if (!doc) return { ok: true, teamExists: false };
    if (passphrase.length === 0) throw new SyncProblem('wrong-passphrase', 'Type your team’s passphrase first.');
    await keyOpening(doc, passphrase);
    return { ok: true, teamExists: true };
  } catch (error) {
    if (error instanceof SyncProblem) return { ok: false, problem: error };
    throw error;
  }
}
