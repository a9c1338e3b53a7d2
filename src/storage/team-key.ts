// The team key, kept in an IndexedDB database of its own: a non-extractable AES-GCM CryptoKey, which IndexedDB stores
// as it is and no script can read the bits of. So the passphrase is typed once and never stored, and the worker
// can sync on its schedule without it.
import { openDB } from 'idb';

const KEY_DATABASE = 'ridealong-team-key';
const STORE = 'keys';
const TEAM_KEY = 'team';

function keyDatabase() {
  return openDB(KEY_DATABASE, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });
}

export async function saveTeamKey(key: CryptoKey): Promise<void> {
  const database = await keyDatabase();
  await database.put(STORE, key, TEAM_KEY);
  database.close();
}

export async function loadTeamKey(): Promise<CryptoKey | null> {
  const database = await keyDatabase();
  const key: unknown = await database.get(STORE, TEAM_KEY);
  database.close();
  return key instanceof CryptoKey ? key : null;
}

export async function forgetTeamKey(): Promise<void> {
  const database = await keyDatabase();
  await database.delete(STORE, TEAM_KEY);
  database.close();
}
