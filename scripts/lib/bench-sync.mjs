// @ts-check
// Team sync for `npm run bench`: a rep's call of 2,000 notes, in a plan marked for the team, goes from one browser
// profile to another through a CouchDB-protocol server on localhost (pouchdb-server), end to end: each side turns
// sync on in Settings as a person does, and the clock runs from the click to the round's status on screen (the
// passphrase's key work included). Also what team sync adds to the service worker's bundle.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distGrantingLocalServer, startPouchServer } from './couch-server.mjs';
import { seedSamplePlan } from './demo.mjs';
import { extensionUrl, launchWithExtension } from './extension-browser.mjs';
import { seedRecords } from './bench-records.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

export const DATABASE = 'ridealong-bench';
export const PASSPHRASE = 'the bench team passphrase';

/** An extension page to act from. @param {BrowserContext} context @param {string} extensionId */
async function extensionPage(context, extensionId) {
  const page = await context.newPage();
  await page.goto(extensionUrl(extensionId, 'src/debrief/debrief.html'));
  return page;
}

/**
 * The rep's device: the sample plan marked "Share with my team", a call started through the worker (as the overlay
 * does), and a finished call of `notes` notes beside it.
 * @param {BrowserContext} context @param {string} extensionId @param {number} notes
 */
export async function seedSharedCall(context, extensionId, notes) {
  (await seedSamplePlan(context, extensionId)).close();
  const page = await extensionPage(context, extensionId);
  await page.evaluate(async () => {
    const db = /** @type {IDBDatabase} */ (
      await new Promise((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      })
    );
    const plans = /** @type {any[]} */ (
      await new Promise((resolve) => {
        const read = db.transaction('plans').objectStore('plans').getAll();
        read.onsuccess = () => resolve(read.result);
      })
    );
    const plan = plans[0];
    await new Promise((resolve, reject) => {
      const transaction = db.transaction('plans', 'readwrite');
      transaction.objectStore('plans').put({ ...plan, team: true });
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    const started = await chrome.runtime.sendMessage({
      type: 'call/start',
      planId: plan.id,
      meeting: { platform: 'meet', code: 'abc-defg-hij' },
      role: 'rep',
    });
    if (!started.ok) throw new Error(started.error);
    await chrome.runtime.sendMessage({ type: 'call/end', callId: started.value.id });
  });
  await page.close();
  await seedRecords(context, extensionId, 'notes', notes);
}

/**
 * Settings → Team sync, turned on; resolves with the time from the click to the first round's status.
 * @param {BrowserContext} context @param {string} extensionId @param {string} server
 */
export async function turnOnSync(context, extensionId, server) {
  const page = await context.newPage();
  await page.goto(extensionUrl(extensionId, 'src/popup/popup.html'));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Server address').fill(server);
  await page.getByLabel('Team database').fill(DATABASE);
  await page.getByLabel('Team passphrase').fill(PASSPHRASE);
  const status = page.locator('.team-sync').getByText(/Synced:|⚠/);
  const started = Date.now();
  await page.getByRole('button', { name: 'Turn on team sync' }).click();
  await status.first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  const text = await status.first().innerText();
  await page.close();
  if (!text.includes('Synced:')) throw new Error(`Team sync failed in the bench: ${text}`);
  return { ms, text };
}

/** How many notes the device holds. @param {BrowserContext} context @param {string} extensionId */
export async function notesHere(context, extensionId) {
  const page = await extensionPage(context, extensionId);
  const count = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('notePages').objectStore('notePages').getAll();
          read.onsuccess = () => {
            resolve(read.result.reduce((sum, page) => sum + page.notes.length, 0));
            request.result.close();
          };
        };
      }),
  );
  await page.close();
  return /** @type {number} */ (count);
}

/**
 * @param {string} dist the built extension @param {{ notes: number }} options
 * @returns {Promise<{ notes: number, arrived: number, pushMs: number, pullMs: number, totalMs: number }>}
 */
export async function teamSyncFigures(dist, { notes }) {
  const server = await startPouchServer();
  const variant = distGrantingLocalServer(dist);
  const launched = [];
  try {
    await fetch(`${server.url}/${DATABASE}`, { method: 'PUT' });
    const rep = await launchWithExtension({ headless: true, dist: variant });
    launched.push(rep);
    const manager = await launchWithExtension({ headless: true, dist: variant });
    launched.push(manager);
    await seedSharedCall(rep.context, rep.extensionId, notes);
    const push = await turnOnSync(rep.context, rep.extensionId, server.url);
    const pull = await turnOnSync(manager.context, manager.extensionId, server.url);
    const arrived = await notesHere(manager.context, manager.extensionId);
    if (arrived < notes) throw new Error(`Only ${arrived} of ${notes} notes arrived on the second profile.`);
    return { notes, arrived, pushMs: push.ms, pullMs: pull.ms, totalMs: push.ms + pull.ms };
  } finally {
    for (const { context, profileDir } of launched) {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
    await server.stop();
    rmSync(variant, { recursive: true, force: true });
  }
}

/**
 * The service worker's bundle, gzipped: its entry and every chunk it imports, and of that what team sync's code
 * weighs (the chunks that hold the CouchDB client or the crypto).
 * @param {string} dist
 */
export function workerBundle(dist) {
  const seen = new Set();
  /** @param {string} file */
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:import|from)\s*["']\.\/?([^"']+\.js)["']/g)) {
      const target = join(dirname(file), match[1] ?? '');
      visit(target);
    }
  };
  visit('service-worker-loader.js');
  let totalGzip = 0;
  let syncGzip = 0;
  for (const file of seen) {
    const code = readFileSync(join(dist, file), 'utf8');
    const size = gzipSync(code).length;
    totalGzip += size;
    if (code.includes('/_bulk_docs') || code.includes('ridealong-team-check')) syncGzip += size;
  }
  return { files: seen.size, totalGzip, syncGzip };
}
