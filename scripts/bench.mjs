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
await context.close();
rmSync(profileDir, { recursive: true, force: true });

const results = {
  measuredAt: new Date().toISOString(),
  contentScriptBytes: contentScript.length,
  contentScriptGzipBytes: gzipSync(contentScript).length,
  noteSavedWarmMs: { samples: warm.length, p50: percentile(warm, 50), p95: percentile(warm, 95) },
  noteSavedColdMs: { samples: cold.length, p50: percentile(cold, 50), p95: percentile(cold, 95) },
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
];
const width = Math.max(...rows.map((row) => row[0].length));
for (const [index, [figure, value]] of rows.entries()) {
  console.log(`${figure.padEnd(width)}  ${value}`);
  if (index === 0) console.log(`${'-'.repeat(width)}  ${'-'.repeat(20)}`);
}
mkdirSync(join(PROJECT_ROOT, 'bench'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
