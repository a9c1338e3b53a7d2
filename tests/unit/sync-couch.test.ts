// The CouchDB client and "Test connection" against a real pouchdb-server with users, a member list (_security) and
// an admin, so every answer a settings page must explain is the server's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchClient, databaseUrl, type CouchSettings } from '../../src/sync/couch';
import { SyncProblem, WRONG_PASSPHRASE_MESSAGE } from '../../src/sync/problem';
import { testConnection, TEAM_DOC_ID, unlockTeam, verifyTeamKey } from '../../src/sync/team';
import { cookieFetch } from '../support/cookie-fetch';
import { startPouchServer, type TestServer } from '../../scripts/lib/couch-server.mjs';

let server: TestServer;
const admin = { authorization: `Basic ${btoa('admin:admin-pw')}`, 'content-type': 'application/json' };

beforeAll(async () => {
  server = await startPouchServer();
  const put = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`PUT ${path}: ${r.status}`);
    });
  // Created in admin party, before the admin exists.
  await put('/team', {});
  for (const name of ['sam', 'eve'])
    await put(`/_users/org.couchdb.user:${name}`, { name, password: `${name}-pw`, roles: [], type: 'user' });
  await put('/_config/admins/admin', 'admin-pw');
  await put('/team/_security', { admins: { names: [], roles: [] }, members: { names: ['sam'], roles: [] } }, admin);
}, 60_000);

afterAll(() => server?.stop());

const sam = (): CouchSettings => ({ server: server.url, database: 'team', user: 'sam', password: 'sam-pw' });

async function problemOf(settings: CouchSettings, passphrase = 'team passphrase') {
  const result = await testConnection(settings, passphrase, cookieFetch());
  expect(result.ok).toBe(false);
  return result.ok ? null : result.problem;
}

describe('Test connection', () => {
  it('says when nothing answers at the address', async () => {
    const problem = await problemOf({ ...sam(), server: 'http://127.0.0.1:9' });
    expect(problem).toMatchObject({ kind: 'unreachable', message: 'Can’t reach the server at http://127.0.0.1:9.' });
  });

  it('says when the user name and password are wrong', async () => {
    const problem = await problemOf({ ...sam(), password: 'nope' });
    expect(problem?.kind).toBe('wrong-password');
    expect(problem?.message).toContain('doesn’t accept that user name and password');
  });

  it('says when there is no such database', async () => {
    const problem = await problemOf({ ...sam(), database: 'no-such-team' });
    expect(problem).toMatchObject({ kind: 'no-database', message: expect.stringContaining('no-such-team') });
  });

  it('says when the user is not a member of the database', async () => {
    const problem = await problemOf({ ...sam(), user: 'eve', password: 'eve-pw' });
    expect(problem?.kind).toBe('no-access');
    expect(problem?.message).toContain('eve is not a member of the database “team”');
  });

  it('refuses addresses that would send the password in the clear, and names CouchDB would refuse', () => {
    expect(() => databaseUrl({ server: 'http://couch.example.com', database: 'team' })).toThrow(SyncProblem);
    expect(() => databaseUrl({ server: 'https://couch.example.com?x=1', database: 'team' })).toThrow(SyncProblem);
    expect(() => databaseUrl({ server: 'https://couch.example.com', database: 'Team!' })).toThrow(SyncProblem);
    expect(databaseUrl({ server: 'https://example.com/couchdb/', database: 'team' })).toEqual({
      origin: 'https://example.com',
      base: 'https://example.com/couchdb/team',
    });
  });

  it('passes before any device synced, writing nothing; then the passphrase must open the team document', async () => {
    const fetch = cookieFetch();
    expect(await testConnection(sam(), 'our team passphrase', fetch)).toEqual({ ok: true, teamExists: false });
    const client = couchClient(sam(), fetch);
    expect(await client.getDoc(TEAM_DOC_ID)).toBeNull();

    const key = await unlockTeam(client, 'our team passphrase');
    const teamDoc = await client.getDoc(TEAM_DOC_ID);
    expect(teamDoc).toMatchObject({ iterations: 600_000 });
    expect(JSON.stringify(teamDoc)).not.toContain('our team passphrase');
    await verifyTeamKey(client, key);

    expect(await testConnection(sam(), 'our team passphrase', fetch)).toEqual({ ok: true, teamExists: true });
    const wrong = await problemOf(sam(), 'our team passphrase!');
    expect(wrong).toMatchObject({ kind: 'wrong-passphrase', message: WRONG_PASSPHRASE_MESSAGE });
    await expect(unlockTeam(client, 'not it')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
    // Refused without a write: the team document is as the first device made it.
    expect((await client.getDoc(TEAM_DOC_ID))?._rev).toBe(teamDoc?._rev);
    expect(fetch.urls.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
  });

  it('logs in again once when the session expired', async () => {
    const fetch = cookieFetch();
    const client = couchClient(sam(), fetch);
    await client.info();
    fetch.forget();
    await expect(client.info()).resolves.toMatchObject({ db_name: 'team' });
    expect(fetch.urls.filter((url) => url.endsWith('/_session'))).toHaveLength(2);
  });
});
