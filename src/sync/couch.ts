// A small client for one CouchDB database over fetch: the few calls team sync needs (changes, bulk writes, single
// documents with their conflicts, _local checkpoints), each failure turned into one SyncProblem in plain words.
//
// Why our own client and not PouchDB's replication: the device's source of truth stays IndexedDB through storage/,
// every document is sealed before it leaves and validated after it arrives, and PouchDB would add a second local
// database (and tens of KB to the service worker bundle, not measured here) only to mirror ciphertext.
//
// Auth is CouchDB's _session cookie: POST /_session with the name and password, then `credentials: 'include'` so the
// browser sends the AuthSession cookie. A 401 logs in once more and retries (the session timed out). In Node there is
// no cookie jar: tests pass a fetch that keeps the cookie (tests/support/cookie-fetch.ts), or use no user at all
// (pouchdb-server's admin party).
import { SyncProblem } from './problem';

/** How long one request may go unanswered before the round ends (a big _bulk_docs on a slow link fits well within). */
export const REQUEST_TIMEOUT_MS = 60_000;

export interface CouchSettings {
  /** The server's origin and optional path, e.g. `https://couch.example.com` or `https://example.com/couchdb`. */
  server: string;
  database: string;
  user?: string;
  password?: string;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A document as the server holds it: ids, revisions and ciphertext (see docs.ts); anything else is hostile. */
export interface ServerDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface ChangesRow {
  id: string;
  seq: string | number;
  changes: { rev: string }[];
  deleted?: boolean;
  doc?: ServerDoc;
}

export interface ChangesPage {
  results: ChangesRow[];
  last_seq: string | number;
}

/** What a document write came to: written at `rev`, refused because someone else wrote first, or an error. */
export type WriteResult =
  { id: string; ok: true; rev: string } | { id: string; ok: false; conflict: boolean; reason: string };

export interface DatabaseInfo {
  db_name: string;
  doc_count: number;
  update_seq: string | number;
}

export interface CouchClient {
  /** The server's origin: every request goes there, and nowhere else. */
  readonly origin: string;
  /** GET / on the server: is anything answering? */
  ping(): Promise<void>;
  /** POST /_session; only when a user is set. */
  logIn(): Promise<void>;
  info(): Promise<DatabaseInfo>;
  changes(since: string | number, limit: number): Promise<ChangesPage>;
  /** `newEdits: false` writes revisions as given, the way a replicator does (and the tests make real conflicts). */
  bulkDocs(docs: object[], options?: { newEdits?: false }): Promise<WriteResult[]>;
  /** A document at its winning revision (or `rev`), with `_conflicts`; null when there is none. */
  getDoc(id: string, options?: { rev?: string }): Promise<ServerDoc | null>;
  putDoc(doc: { _id: string; _rev?: string; [field: string]: unknown }): Promise<WriteResult>;
  getLocal(id: string): Promise<{ _rev?: string; [field: string]: unknown } | null>;
  putLocal(id: string, body: Record<string, unknown>): Promise<void>;
}

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** Checks the settings and gives the database's base URL, or throws a bad-settings SyncProblem. */
export function databaseUrl(settings: Pick<CouchSettings, 'server' | 'database'>): { origin: string; base: string } {
  let url: URL;
  try {
    url = new URL(settings.server.trim());
  } catch {
    throw new SyncProblem('bad-settings', `“${settings.server}” is not a server address. Use https://… .`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  // The password travels to this server: only over TLS, except to this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new SyncProblem('bad-settings', 'The server address must start with https:// (http:// only for localhost).');
  if (url.username || url.password || url.search || url.hash)
    throw new SyncProblem('bad-settings', 'Give the server address without a name, password, query or #fragment.');
  if (!DATABASE_NAME.test(settings.database))
    throw new SyncProblem(
      'bad-settings',
      'The database name must start with a lowercase letter and hold only lowercase letters, digits and _$()+-/.',
    );
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, base: `${url.origin}${path}/${encodeURIComponent(settings.database)}` };
}

export function couchClient(
  settings: CouchSettings,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): CouchClient {
  const { origin, base } = databaseUrl(settings);
  const server = base.slice(0, base.lastIndexOf('/'));
  const user = settings.user?.trim() ?? '';
  let loggedIn = false;

  const send = (url: string, init: RequestInit = {}) => sendTo(fetchImpl, origin, url, init);

  async function logIn(): Promise<void> {
    if (user === '') return;
    const response = await send(`${server}/_session`, {
      method: 'POST',
      body: JSON.stringify({ name: user, password: settings.password ?? '' }),
    });
    if (response.status === 401)
      throw new SyncProblem('wrong-password', `The server at ${origin} doesn’t accept that user name and password.`);
    if (!response.ok) throw await serverError(origin, response, 'logging in');
    loggedIn = true;
  }

  /** A request to the database; a 401 logs in (again) once and retries. */
  async function request(path: string, init: RequestInit = {}, what = 'syncing'): Promise<Response> {
    if (user !== '' && !loggedIn) await logIn();
    let response = await send(`${base}${path}`, init);
    if (response.status === 401 && user !== '') {
      await logIn();
      response = await send(`${base}${path}`, init);
    }
    // A 401 right after a fresh login (pouchdb-server answers non-members so), or a 403 (CouchDB's): no access.
    if (response.status === 401 || response.status === 403) throw noAccess(settings.database, user, origin);
    if (response.status === 404 && path === '')
      throw new SyncProblem('no-database', `There is no database “${settings.database}” on ${origin}.`);
    if (response.status >= 500) throw await serverError(origin, response, what);
    return response;
  }

  const docPath = (id: string) => `/${encodeURIComponent(id)}`;

  return {
    origin,
    async ping() {
      const response = await send(`${server}/`);
      if (!response.ok && response.status !== 401)
        throw new SyncProblem('unreachable', `The server at ${origin} answered, but not as CouchDB does.`);
    },
    logIn,
    async info() {
      return json<DatabaseInfo>(origin, await request('', {}, 'reading the database'), 'reading the database');
    },
    async changes(since, limit) {
      const query = new URLSearchParams({
        since: String(since),
        limit: String(limit),
        include_docs: 'true',
        conflicts: 'true',
        style: 'all_docs',
      });
      const response = await request(`/_changes?${query}`, {}, 'reading changes');
      const page = await json<ChangesPage>(origin, response, 'reading changes');
      if (!page || !Array.isArray(page.results))
        throw new SyncProblem('server-error', `The server at ${origin} sent changes in a shape CouchDB never sends.`);
      return page;
    },
    async bulkDocs(docs, options = {}) {
      const body = options.newEdits === false ? { docs, new_edits: false } : { docs };
      const response = await request('/_bulk_docs', { method: 'POST', body: JSON.stringify(body) }, 'writing');
      const results = await json<unknown>(origin, response, 'writing');
      if (!Array.isArray(results))
        throw new SyncProblem(
          'server-error',
          `The server at ${origin} answered a write in a shape CouchDB never sends.`,
        );
      return results.map(writeResult);
    },
    async getDoc(id, options = {}) {
      const query = new URLSearchParams({ conflicts: 'true', ...(options.rev ? { rev: options.rev } : {}) });
      const response = await request(`${docPath(id)}?${query}`, {}, 'reading a document');
      if (response.status === 404) return null;
      return json<ServerDoc>(origin, response, 'reading a document');
    },
    async putDoc(doc) {
      const response = await request(docPath(doc._id), { method: 'PUT', body: JSON.stringify(doc) }, 'writing');
      if (response.status === 409) return { id: doc._id, ok: false, conflict: true, reason: 'conflict' };
      const result = await json<{ rev?: unknown }>(origin, response, 'writing');
      return typeof result.rev === 'string'
        ? { id: doc._id, ok: true, rev: result.rev }
        : { id: doc._id, ok: false, conflict: false, reason: 'no revision in the answer' };
    },
    async getLocal(id) {
      const response = await request(`/_local/${encodeURIComponent(id)}`, {}, 'reading the checkpoint');
      if (response.status === 404) return null;
      return json<{ _rev?: string }>(origin, response, 'reading the checkpoint');
    },
    async putLocal(id, body) {
      // _local documents still take the current _rev (CouchDB 3 and pouchdb-server alike).
      const current = await this.getLocal(id);
      const doc = { ...body, ...(current?._rev ? { _rev: current._rev } : {}) };
      const response = await request(
        `/_local/${encodeURIComponent(id)}`,
        { method: 'PUT', body: JSON.stringify(doc) },
        'saving the checkpoint',
      );
      if (!response.ok) throw await serverError(origin, response, 'saving the checkpoint');
    },
  };
}

/** One request, with the session cookie and a time limit; no answer at all is the server unreachable. */
async function sendTo(fetchImpl: Fetch, origin: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, {
      ...init,
      credentials: 'include',
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      // A server that stops answering mid-round must not hold the sync lock for ever: the round ends, and the
      // next one resumes from what was acknowledged.
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      // Never followed: a redirect could send the password or the sealed records to an address nobody vetted (a
      // 307 keeps the body). fetch then fails without sending anything on.
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new SyncProblem(
      'unreachable',
      timedOut
        ? `The server at ${origin} stopped answering (no answer in ${REQUEST_TIMEOUT_MS / 1000} s).`
        : redirected(error)
          ? redirectRefused(origin)
          : `Can’t reach the server at ${origin}.`,
    );
  }
}

/**
 * Whether fetch failed because the answer was a redirect. Node's fetch says so in the cause; a browser only says
 * "Failed to fetch", as for a server that isn't there, so there it reads as unreachable (and still sends nothing on).
 */
function redirected(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  return typeof cause?.message === 'string' && /redirect/i.test(cause.message);
}

function redirectRefused(origin: string): string {
  return `The server at ${origin} answered with a redirect to another address. Ridealong never follows one and sent nothing on: put the address the server really answers at in Server address.`;
}

/** This user may not read the database, in words. */
function noAccess(database: string, user: string, origin: string): SyncProblem {
  return new SyncProblem(
    'no-access',
    user === ''
      ? `The database “${database}” on ${origin} needs a user name and password.`
      : `${user} is not a member of the database “${database}” on ${origin}. Ask your CouchDB admin to add ${user} to its members.`,
  );
}

/** A server failure in words, with CouchDB's own reason when it gave one. */
async function serverError(origin: string, response: Response, what: string): Promise<SyncProblem> {
  const reason = await response
    .json()
    .then((body: unknown) => (body as { reason?: unknown } | null)?.reason)
    .catch(() => undefined);
  const said = typeof reason === 'string' ? `: ${reason.slice(0, 200)}` : '';
  return new SyncProblem(
    'server-error',
    `The server at ${origin} failed while ${what} (HTTP ${response.status}${said}).`,
  );
}

/** A successful answer's JSON body, or the failure in words. */
async function json<T>(origin: string, response: Response, what: string): Promise<T> {
  if (!response.ok) throw await serverError(origin, response, what);
  try {
    return (await response.json()) as T;
  } catch {
    throw new SyncProblem('server-error', `The server at ${origin} sent something that isn’t JSON while ${what}.`);
  }
}

function writeResult(row: unknown): WriteResult {
  const result = (row ?? {}) as { id?: unknown; rev?: unknown; ok?: unknown; error?: unknown; reason?: unknown };
  const id = typeof result.id === 'string' ? result.id : '';
  if (typeof result.rev === 'string' && result.error === undefined) return { id, ok: true, rev: result.rev };
  return {
    id,
    ok: false,
    conflict: result.error === 'conflict',
    reason: typeof result.reason === 'string' ? result.reason.slice(0, 200) : String(result.error ?? 'refused'),
  };
}
