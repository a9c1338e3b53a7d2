// Node's fetch has no cookie jar. The extension's fetch sends CouchDB's AuthSession cookie by itself
// (`credentials: 'include'`); in tests this wrapper keeps it, and records every URL asked for.
import type { Fetch } from '../../src/sync/couch';

export interface RecordingFetch extends Fetch {
  urls: string[];
  /** Forgets the session cookie, as when the server's session times out. */
  forget(): void;
}

export function cookieFetch(): RecordingFetch {
  let cookie = '';
  const urls: string[] = [];
  const wrapped = (async (input: string, init?: RequestInit) => {
    urls.push(input);
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const session = /^AuthSession=([^;]*)/.exec(line);
      if (session) cookie = `AuthSession=${session[1]}`;
    }
    return response;
  }) as RecordingFetch;
  wrapped.urls = urls;
  wrapped.forget = () => (cookie = '');
  return wrapped;
}
