// @ts-check
// A real CouchDB-protocol server on localhost for team sync's tests and bench: pouchdb-server from npm, in memory, on
// a free port. It writes config.json and log.txt into its working directory, so it runs in a temporary one. Shared
// by the unit tests, the e2e tests and `npm run bench`.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './extension-browser.mjs';

/** @typedef {{ url: string, stop: () => Promise<void> }} TestServer `url` is `http://127.0.0.1:<port>` */

/** @returns {Promise<number>} */
async function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts the server and resolves once GET / answers; never a fixed sleep.
 * @param {number} [timeoutMs]
 * @returns {Promise<TestServer>}
 */
export async function startPouchServer(timeoutMs = 30_000) {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'ridealong-couch-'));
  const bin = join(PROJECT_ROOT, 'node_modules/.bin/pouchdb-server');
  const child = spawn(bin, ['--in-memory', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: dir,
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await gone;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    const ready = await fetch(`${url}/`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { url, stop };
    await new Promise((done) => setTimeout(done, 100));
  }
  await stop();
  throw new Error(`pouchdb-server did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * A copy of a built extension whose manifest already grants http://127.0.0.1, the stand-in team server. Chromium's
 * prompt for an optional host permission can't be answered in headless Chromium; with the origin granted, the
 * settings' real `permissions.request` resolves at once. The shipped manifest lists the origins as optional only.
 * @param {string} dist
 * @returns {string} the copy's folder
 */
export function distGrantingLocalServer(dist) {
  const copy = mkdtempSync(join(tmpdir(), 'ridealong-sync-dist-'));
  cpSync(dist, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  return copy;
}
