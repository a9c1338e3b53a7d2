// Team sync against a server that lies: a real pouchdb-server behind a proxy of the test's own, which answers some
// requests itself. What must hold: a redirect is never followed (the other origin receives nothing), and a changes
// feed that never moves ends the round in words instead of holding the sync lock for ever.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchClient, type CouchSettings } from '../../src/sync/couch';
import { memoryStateStore, STATE_KEYS, syncOnce } from '../../src/sync/replicate';
import { testConnection, unlockTeam } from '../../src/sync/team';
import { cookieFetch } from '../support/cookie-fetch';
import { startPouchServer, type TestServer } from '../../scripts/lib/couch-server.mjs';

let couch: TestServer;
const admin = { authorization: `Basic ${btoa('admin:admin-pw')}`, 'content-type': 'application/json' };

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => boolean;

/** An HTTP server on 127.0.0.1 that lets `lie` answer first, and passes the rest on to the real server. */
async function proxy(lie: Handler): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(`${request.method} ${request.url} ${body}`);
      if (lie(request, response, body)) return;
      void fetch(`${couch.url}${request.url}`, {
        method: request.method,
        headers: Object.fromEntries(
          Object.entries(request.headers).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
          ),
        ),
        body: body === '' ? undefined : body,
        redirect: 'manual',
      }).then(async (answer) => {
        const headers: Record<string, string[] | string> = {};
        answer.headers.forEach((value, name) => {
          if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding')
            headers[name] = value;
        });
        const cookies = answer.headers.getSetCookie();
        if (cookies.length > 0) headers['set-cookie'] = cookies;
        response.writeHead(answer.status, headers);
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  couch = await startPouchServer();
  const put = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${couch.url}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`PUT ${path}: ${r.status}`);
    });
  await put('/team', {});
  await put('/_users/org.couchdb.user:sam', { name: 'sam', password: 'sam-pw', roles: [], type: 'user' });
  await put('/_config/admins/admin', 'admin-pw');
  await put('/team/_security', { admins: { names: [], roles: [] }, members: { names: ['sam'], roles: [] } }, admin);
}, 60_000);

afterAll(() => couch?.stop());

const sam = (server: string): CouchSettings => ({ server, database: 'team', user: 'sam', password: 'sam-pw' });

describe('a server that answers with a redirect', () => {
  it('is refused in words, and the address it points to receives nothing, the password least of all', async () => {
    const elsewhere = await proxy((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return true;
    });
    // 307 keeps the method and the body: a follower would POST the password to `elsewhere`.
    const liar = await proxy((request, response) => {
      if (!request.url?.startsWith('/_session')) return false;
      response.writeHead(307, { location: `${elsewhere.url}/_session` }).end();
      return true;
    });
    try {
      const result = await testConnection(sam(liar.url), 'team passphrase', cookieFetch());
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.kind).toBe('unreachable');
        expect(result.problem.message).toContain('answered with a redirect');
        expect(result.problem.message).toContain('sent nothing on');
      }
      expect(liar.received.some((line) => line.startsWith('POST /_session'))).toBe(true);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await Promise.all([liar.close(), elsewhere.close()]);
    }
  });
});

describe('a changes feed that never moves on', () => {
  it('ends the round with a plain message, and the next round runs', async () => {
    // A first device sets the team up on the real server, so the team document and the key are real.
    const direct = couchClient(sam(couch.url), cookieFetch());
    const key = await unlockTeam(direct, 'team passphrase');
    let stuck = true;
    const liar = await proxy((request, response) => {
      if (!stuck || !request.url?.includes('/_changes')) return false;
      // Always a full page, always the same last_seq: a client that trusts it asks again for ever.
      const results = Array.from({ length: 2 }, (_, index) => ({ id: `x${index}`, seq: '7-a', changes: [] }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results, last_seq: '7-a' }));
      return true;
    });
    try {
      const state = memoryStateStore();
      await state.set({ [STATE_KEYS.checkpoint]: '7-a' });
      const client = couchClient(sam(liar.url), cookieFetch());
      await expect(syncOnce({ client, key, state, pullBatch: 2 })).rejects.toMatchObject({
        kind: 'server-error',
        message: expect.stringContaining('keeps sending the same changes'),
      });
      expect(liar.received.filter((line) => line.includes('/_changes')).length).toBeLessThan(3);
      // The server mends its ways: the next round runs to the end.
      stuck = false;
      await state.set({ [STATE_KEYS.checkpoint]: 0 });
      await expect(syncOnce({ client, key, state, pullBatch: 2 })).resolves.toMatchObject({ skipped: [] });
    } finally {
      await liar.close();
    }
  });

  it('stops a round at its page limit, says there is more, and the next round goes on from the checkpoint', async () => {
    const direct = couchClient(sam(couch.url), cookieFetch());
    const key = await unlockTeam(direct, 'team passphrase');
    // Five documents that aren't records (design documents are skipped), so the feed has pages to walk.
    for (let index = 0; index < 5; index++)
      await fetch(`${couch.url}/team/_design/filler${index}`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ language: 'javascript' }),
      });
    const state = memoryStateStore();
    const first = await syncOnce({ client: direct, key, state, pullBatch: 1, maxPullPages: 2 });
    expect(first.more).toBe(true);
    const checkpoint = (await state.get([STATE_KEYS.checkpoint]))[STATE_KEYS.checkpoint];
    expect(checkpoint).not.toBe(0);
    const rest = await syncOnce({ client: direct, key, state, pullBatch: 100 });
    expect(rest.more).toBeUndefined();
  });
});
