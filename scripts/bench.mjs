// @ts-check
// `npm run bench`: what Ridealong costs a meeting tab, and how fast each user action is, in headless Chromium on a
// heavy meeting fixture. Noisy machines: the with/without comparison runs A/B/A/B in the same run and reports medians,
// min–max and the ratio. Prints one table and writes bench/results.json. `npm run bench -- --check` exits non-zero
// when a budget is broken. Timings are never asserted in `npm test`.
//
// Each measurement is a module of its own in scripts/lib/bench-*.mjs; this file runs them, gathers the results,
// checks them against the budgets (bench-budgets.mjs, a pure function of the results) and prints the report
// (bench-report.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { HEAVY_MEETING_PATH, PROJECT_ROOT, launchWithExtension } from './lib/extension-browser.mjs';
import { seedSamplePlan } from './lib/demo.mjs';
import { budgets } from './lib/bench-budgets.mjs';
import { callSurfaceFigures } from './lib/bench-call-surfaces.mjs';
import { contentScriptFigures } from './lib/bench-content-script.mjs';
import { debriefTimes } from './lib/bench-debrief.mjs';
import { importTimes } from './lib/bench-import.mjs';
import { actionTimes, overlayShownTimes } from './lib/bench-in-call.mjs';
import { idleTabResults, idleTabRound, meetingTabResults, meetingTabRound } from './lib/bench-meeting-tab.mjs';
import { popupTime, POPUP_PLANS } from './lib/bench-popup.mjs';
import { printIdleReport, printReport, printSurfacesReport, printSyncReport } from './lib/bench-report.mjs';
import { teamSyncFigures, workerBundle } from './lib/bench-sync.mjs';

const CHECK = process.argv.includes('--check');
const QUICK = process.argv.includes('--quick');
/** `--idle`: only the idle meeting tab, with and without Ridealong (a before/after of the content script in ~3 min). */
const IDLE_ONLY = process.argv.includes('--idle');
/**
 * `--surfaces`: only the call's surfaces (under two minutes): the content script's size, the HUD's box, the side
 * panel's figures and the companion window's (its page to interactive, and Float on top to the HUD shown).
 */
const SURFACES_ONLY = process.argv.includes('--surfaces');
/** `--sync`: only team sync (2,000 notes from one profile to another over localhost) and the worker's bundle. */
const SYNC_ONLY = process.argv.includes('--sync');
const SYNC_NOTES = 2000;
const HEAVY_URL = `https://meet.google.com${HEAVY_MEETING_PATH.slice(0)}`;
/** The plain Meet-shaped call page (tests/e2e/fixtures/meet-call.html): nothing on it runs while nobody acts. */
const IDLE_URL = 'https://meet.google.com/abc-defg-hij';
const WINDOW_MS = QUICK ? 5_000 : 30_000;
const ROUNDS = ['with', 'without', 'with', 'without'];
const WARM_NOTES = QUICK ? 40 : 200;
const COLD_NOTES = QUICK ? 5 : 200;
const TRANSITIONS = QUICK ? 20 : 60;
const OVERLAY_LOADS = QUICK ? 5 : 20;
const DEBRIEF_NOTES = QUICK ? [100, 2000] : [100, 2000, 10000];
const IMPORT_BYTES = 5 * 1024 * 1024;
const IMPORT_RUNS = QUICK ? 1 : 5;
/** Warm loads of the side panel's page, after one warm-up load. */
const PANEL_LOADS = QUICK ? 3 : 10;
/** HUD moves seen in the panel, and panel notes seen in the HUD. */
const SYNC_CHANGES = QUICK ? 6 : 20;
/** Warm loads of the companion window's page in each state (a call running, none), after one warm-up load. */
const COMPANION_LOADS = QUICK ? 3 : 10;
/** Float on top opened for each role, after one warm-up open: 20, so that the p95 isn't simply the slowest one. */
const FLOATS = QUICK ? 5 : 20;
const TRACE_MS = QUICK ? 3_000 : 15_000;

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/**
 * The bench builds into a directory of its own and loads the extension from there: a `vite build` elsewhere (an e2e
 * run empties dist/ first) can't pull files from under the browsers of a run that takes minutes.
 */
const BENCH_DIST = mkdtempSync(join(tmpdir(), 'ridealong-bench-dist-'));
process.on('exit', () => rmSync(BENCH_DIST, { recursive: true, force: true }));
await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir: BENCH_DIST, emptyOutDir: true } });
const contentScript = contentScriptFigures(BENCH_DIST);
const startedAt = Date.now();
/**
 * The machine's 1-minute load average every 10 s through the run, the bench's own browsers included: on a 2-core
 * machine shared with other work, every timing here grows with it, so the report says how busy the machine was.
 */
const loadSamples = [loadavg()[0] ?? NaN];
setInterval(() => loadSamples.push(loadavg()[0] ?? NaN), 10_000).unref();
const machine = { cpus: availableParallelism(), loadAverage1Min: loadSamples };

/** The HUD, the side panel and the companion window. @param {BrowserContext} context @param {string} extensionId */
function callSurfaces(context, extensionId) {
  return callSurfaceFigures(
    context,
    extensionId,
    { plain: IDLE_URL, heavy: HEAVY_URL },
    { panelLoads: PANEL_LOADS, syncChanges: SYNC_CHANGES, companionLoads: COMPANION_LOADS, floats: FLOATS },
  );
}

/**
 * Prints the report, and exits non-zero under `--check` when a budget is broken.
 * @param {Record<string, any>} results @param {(results: Record<string, any>, list: [string, boolean][]) => void} print
 */
function report(results, print) {
  const list = budgets(results);
  print(results, list);
  return list;
}

if (SYNC_ONLY) {
  console.error(`team sync of ${SYNC_NOTES} notes…`);
  const teamSync = await teamSyncFigures(BENCH_DIST, { notes: SYNC_NOTES });
  const list = report({ machine, teamSync, workerBundle: workerBundle(BENCH_DIST) }, printSyncReport);
  process.exit(CHECK && list.some(([, met]) => !met) ? 1 : 0);
}

if (SURFACES_ONLY) {
  const { context, extensionId, profileDir } = await launchWithExtension({ headless: true, dist: BENCH_DIST });
  (await seedSamplePlan(context, extensionId)).close();
  const surfaces = await callSurfaces(context, extensionId);
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
  const list = report({ machine, contentScript, ...surfaces }, printSurfacesReport);
  process.exit(CHECK && list.some(([, met]) => !met) ? 1 : 0);
}

/** @type {{ with: any[], without: any[] }} */
const idleRounds = { with: [], without: [] };
for (const round of ROUNDS) {
  console.error(`idle meeting tab, ${round} Ridealong: ${WINDOW_MS / 1000} s…`);
  idleRounds[/** @type {'with' | 'without'} */ (round)].push(
    await idleTabRound(round === 'with', { dist: BENCH_DIST, url: IDLE_URL, windowMs: WINDOW_MS, traceMs: TRACE_MS }),
  );
}
const idleMeetingTab = idleTabResults(idleRounds, WINDOW_MS, TRACE_MS);
if (IDLE_ONLY) {
  const list = report({ machine, idleMeetingTab }, printIdleReport);
  process.exit(CHECK && list.some(([, met]) => !met) ? 1 : 0);
}

/** @type {{ with: any[], without: any[] }} */
const rounds = { with: [], without: [] };
for (const round of ROUNDS) {
  console.error(`meeting tab, ${round} Ridealong: ${WINDOW_MS / 1000} s…`);
  rounds[/** @type {'with' | 'without'} */ (round)].push(
    await meetingTabRound(round === 'with', {
      dist: BENCH_DIST,
      url: HEAVY_URL,
      windowMs: WINDOW_MS,
      traceMs: TRACE_MS,
    }),
  );
}

const { context, extensionId, profileDir } = await launchWithExtension({ headless: true, dist: BENCH_DIST });
(await seedSamplePlan(context, extensionId)).close();
console.error('overlay shown after load…');
const overlayShown = await overlayShownTimes(context, { url: HEAVY_URL, loads: OVERLAY_LOADS });
const surfaces = await callSurfaces(context, extensionId);
console.error('transitions and notes…');
const actions = await actionTimes(context, extensionId, {
  url: HEAVY_URL,
  transitions: TRANSITIONS,
  warmNotes: WARM_NOTES,
  coldNotes: COLD_NOTES,
});
/** @type {Record<number, { interactiveMs: number, selectMs: number }>} */
const debrief = {};
for (const count of DEBRIEF_NOTES) {
  console.error(`debrief with ${count} notes…`);
  debrief[count] = await debriefTimes(context, extensionId, count);
}
console.error('debrief of the worst call an import accepts (2,000 moves, 10,000 notes)…');
const worstDebrief = await debriefTimes(context, extensionId, 10000, 'worst');
console.error(`popup with ${POPUP_PLANS} plans…`);
const popup = await popupTime(context, extensionId);
console.error('import of a 5 MB backup…');
const imported = await importTimes(context, extensionId, { bytes: IMPORT_BYTES, runs: IMPORT_RUNS });
await context.close();
rmSync(profileDir, { recursive: true, force: true });
console.error(`team sync of ${SYNC_NOTES} notes…`);
const teamSync = await teamSyncFigures(BENCH_DIST, { notes: SYNC_NOTES });

const results = {
  measuredAt: new Date().toISOString(),
  seconds: Math.round((Date.now() - startedAt) / 1000),
  machine,
  contentScript,
  idleMeetingTab,
  meetingTab: meetingTabResults(rounds, WINDOW_MS),
  extensionHeapMb: {
    overlay: rounds.with.map((r) => r.overlayHeapMb),
    worker: rounds.with.map((r) => r.workerHeapMb),
  },
  overlayShownMs: overlayShown,
  transitionMs: actions.transitions,
  noteSavedWarmMs: actions.warm,
  noteSavedColdMs: actions.cold,
  debrief,
  debriefWorstAccepted: worstDebrief,
  popupMs: popup,
  importBackup: imported,
  ...surfaces,
  teamSync,
  workerBundle: workerBundle(BENCH_DIST),
};
const list = report(results, printReport);
mkdirSync(join(PROJECT_ROOT, 'bench'), { recursive: true });
writeFileSync(
  join(PROJECT_ROOT, 'bench', 'results.json'),
  `${JSON.stringify({ ...results, budgets: list }, null, 2)}\n`,
);
if (CHECK && list.some(([, met]) => !met)) process.exit(1);
