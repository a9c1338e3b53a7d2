// A real CouchDB-protocol server for the sync tests: pouchdb-server from npm, in memory, on a free localhost port.
// It writes config.json and log.txt into its working directory, so it runs in a temporary one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
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

/** Starts the server and resolves once GET / answers; never a fixed sleep. */
export async function startPouchServer(timeoutMs = 30_000): Promise<TestServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'ridealong-couch-'));
  const bin = resolve('node_modules/.bin/pouchdb-server');
  const child: ChildProcess = spawn(bin, ['--in-memory', '--port', String(port), '--host', '127.0.0.1'], {
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
