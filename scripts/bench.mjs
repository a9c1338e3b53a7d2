// @ts-check
// `npm run bench`: a first version of the benchmark (the benchmark issue extends it). Builds, then measures in
// headless Chromium what a note costs: keypress (Enter) to "✓ saved", which Ridealong shows only after a strict-
// durability IndexedDB commit, warm and with the service worker stopped first (cold). Prints a table and writes
// bench/results.json. Timings are not checked in `npm test`; machines are noisy.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { DIST, PROJECT_ROOT, launchWithExtension } from './lib/extension-browser.mjs';
import { expandOverlay, openDemoMeeting, seedSamplePlan } from './lib/demo.mjs';

const WARM_NOTES = 200;
const COLD_NOTES = 20;
const DEBRIEF_NOTES = [100, 2000, 10000];

await build({ root: PROJECT_ROOT, logLevel: 'warn' });
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
const contentScript = readFileSync(join(DIST, manifest.content_scripts[0].js[0]));

const { context, extensionId, profileDir } = await launchWithExtension({ headless: true });
const popup = await seedSamplePlan(context, extensionId);
await popup.close();
const { page, overlay } = await openDemoMeeting(context);
await expandOverlay(overlay);
await overlay.getByRole('radio', { name: 'the manager' }).check();
await overlay
  .getByRole('button', { name: /^Start call/ })
  .first()
  .click();
await overlay.getByRole('region', { name: 'Notes' }).waitFor();

// Timed inside the overlay frame, so Playwright's own round trips are not counted: from the Enter keydown to the
// moment the note's row says "✓ saved".
await overlay.evaluate(() => {
  const win = /** @type {any} */ (window);
  win.benchLatencies = [];
  /** @type {{ text: string, at: number } | null} */
  let waiting = null;
  window.addEventListener(
    'keydown',
    (event) => {
      const input = document.querySelector('input[aria-label="Note"]');
      if (event.key === 'Enter' && input instanceof HTMLInputElement)
        waiting = { text: input.value, at: performance.now() };
    },
    true,
  );
  new MutationObserver(() => {
    if (!waiting) return;
    const pending = waiting;
    const row = [...document.querySelectorAll('.note')].find((note) => note.textContent?.includes(pending.text));
    if (row?.querySelector('.note-status.saved')) {
      win.benchLatencies.push(performance.now() - pending.at);
      waiting = null;
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
});

async function logNotes(/** @type {number} */ count, /** @type {boolean} */ cold) {
  await overlay.evaluate(() => {
    /** @type {any} */ (window).benchLatencies = [];
  });
  for (let index = 0; index < count; index++) {
    if (cold) await stopServiceWorker();
    await overlay.getByRole('region', { name: 'Notes' }).focus();
    await page.keyboard.press('1');
    await page.keyboard.type(`bench ${cold ? 'cold' : 'warm'} ${index}`);
    const before = await overlay.evaluate(() => /** @type {any} */ (window).benchLatencies.length);
    await page.keyboard.press('Enter');
    await overlay.waitForFunction((n) => /** @type {any} */ (window).benchLatencies.length > n, before);
  }
  return /** @type {number[]} */ (await overlay.evaluate(() => /** @type {any} */ (window).benchLatencies));
}

/**
 * Time to interactive of the debrief page for a call with `count` notes: from navigation to the timeline drawn with
 * every note, then one click on a note until it is selected. The notes are written straight into IndexedDB in the
 * stored shape (NoteSchema in src/domain/note.ts): going through the overlay would take minutes at this size.
 */
async function timeDebrief(/** @type {number} */ count) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/debrief/debrief.html`);
  const callId = await page.evaluate(async (notesWanted) => {
    const database = await new Promise((resolve, reject) => {
      const request = indexedDB.open('ridealong');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const db = /** @type {IDBDatabase} */ (database);
    const calls = await new Promise((resolve) => {
      const read = db.transaction('calls').objectStore('calls').getAll();
      read.onsuccess = () => resolve(read.result);
    });
    const call = /** @type {any[]} */ (calls).sort((a, b) => b.startedAt - a.startedAt)[0];
    const benchCall = {
      ...call,
      id: `bench-${notesWanted}`,
      startedAt: call.startedAt,
      endedAt: call.startedAt + 45 * 60_000,
    };
    await new Promise((resolve, reject) => {
      const transaction = db.transaction(['calls', 'notes'], 'readwrite');
      transaction.objectStore('calls').put(benchCall);
      for (let index = 0; index < notesWanted; index++) {
        const at = benchCall.startedAt + Math.floor((index / notesWanted) * 45 * 60_000);
        transaction.objectStore('notes').put({
          schemaVersion: 1,
          id: `bench-${notesWanted}-${index}`,
          callId: benchCall.id,
          at,
          offsetMs: at - benchCall.startedAt,
          itemIndex: 0,
          tag: index % 3 === 0 ? 'Great question' : null,
          text: `bench note ${index}`,
          author: index % 2 === 0 ? 'manager' : 'rep',
          stepIn: false,
        });
      }
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    return benchCall.id;
  }, count);
  const started = Date.now();
  await page.goto(`chrome-extension://${extensionId}/src/debrief/debrief.html#call=${callId}`);
  await page.reload();
  await page.getByRole('button', { name: 'Skip the self-assessment' }).click();
  // The bench call is the manager's: their own notes open on request, after the rep's turn.
  await page.getByRole('button', { name: 'Show my notes' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .note-mark').length === n, count, {
    timeout: 120_000,
  });
  const interactive = Date.now() - started;
  const clicked = Date.now();
  // By keyboard: at this density the marks overlap, and a pointer click would land on a neighbour.
  await page
    .locator('.timeline .note-mark')
    .nth(Math.floor(count / 2))
    .focus();
  await page.keyboard.press('Enter');
  await page.locator('.phase-notes li[aria-current="true"]').waitFor();
  const selectMs = Date.now() - clicked;
  await page.close();
  return { interactiveMs: interactive, selectNoteMs: selectMs };
}

async function stopServiceWorker() {
  const cdp = await context.browser()?.newBrowserCDPSession();
  if (!cdp) return;
  const { targetInfos } = /** @type {{ targetInfos: { targetId: string, type: string, url: string }[] }} */ (
    await cdp.send('Target.getTargets')
  );
  for (const target of targetInfos) {
    if (target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`)) {
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
    }
  }
  await cdp.detach();
}

function percentile(/** @type {number[]} */ values, /** @type {number} */ p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const warm = await logNotes(WARM_NOTES, false);
const cold = await logNotes(COLD_NOTES, true);
await overlay.getByRole('button', { name: 'End call' }).click();
/** @type {Record<number, { interactiveMs: number, selectNoteMs: number }>} */
const debriefTimes = {};
for (const count of DEBRIEF_NOTES) debriefTimes[count] = await timeDebrief(count);
await context.close();
rmSync(profileDir, { recursive: true, force: true });

const results = {
  measuredAt: new Date().toISOString(),
  contentScriptBytes: contentScript.length,
  contentScriptGzipBytes: gzipSync(contentScript).length,
  noteSavedWarmMs: { samples: warm.length, p50: percentile(warm, 50), p95: percentile(warm, 95) },
  noteSavedColdMs: { samples: cold.length, p50: percentile(cold, 50), p95: percentile(cold, 95) },
  debrief: debriefTimes,
};
/** @type {[string, string][]} */
const rows = [
  ['figure', 'value'],
  ['content script, gzip', `${results.contentScriptGzipBytes} B (${results.contentScriptBytes} B raw)`],
  [
    `note saved, warm, p50 / p95 (${warm.length} notes)`,
    `${results.noteSavedWarmMs.p50.toFixed(1)} / ${results.noteSavedWarmMs.p95.toFixed(1)} ms`,
  ],
  [
    `note saved, cold worker, p50 / p95 (${cold.length} notes)`,
    `${results.noteSavedColdMs.p50.toFixed(1)} / ${results.noteSavedColdMs.p95.toFixed(1)} ms`,
  ],
  ...DEBRIEF_NOTES.map(
    (count) =>
      /** @type {[string, string]} */ ([
        `debrief with ${count} notes: interactive / select a note`,
        `${debriefTimes[count]?.interactiveMs} / ${debriefTimes[count]?.selectNoteMs} ms`,
      ]),
  ),
];
const width = Math.max(...rows.map((row) => row[0].length));
for (const [index, [figure, value]] of rows.entries()) {
  console.log(`${figure.padEnd(width)}  ${value}`);
  if (index === 0) console.log(`${'-'.repeat(width)}  ${'-'.repeat(20)}`);
}
mkdirSync(join(PROJECT_ROOT, 'bench'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
