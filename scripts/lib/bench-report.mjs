// @ts-check
// The report `npm run bench` prints: a table of figures from the results, the budgets met or broken, and how busy
// the machine was. One printer for each kind of run: the whole bench, `--surfaces` and `--idle`.
import { POPUP_PLANS } from './bench-popup.mjs';
import { median, percentile, range } from './bench-stats.mjs';

/** @typedef {[figure: string, value: string]} Row */
/** @typedef {import('./bench-budgets.mjs').Budget} Budget */

/** @param {{ cpus: number, loadAverage1Min: number[] }} machine */
function machineLine(machine) {
  const samples = machine.loadAverage1Min;
  return `${machine.cpus} CPUs; 1-min load average through the run (this bench included): median ${median(samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)} (${samples.length} samples)`;
}

/** @param {Budget[]} list */
function printBudgets(list) {
  for (const [budget, met] of list) console.log(`${met ? 'ok    ' : 'BROKEN'} ${budget}`);
}

/** @param {Record<string, any>} figures @returns {Row} */
function contentScriptRow(figures) {
  return [
    'content script, with Teams detection (the one file injected into Meet, Zoom and Teams tabs)',
    `${figures.gzipBytes} B gzip (${figures.bytes} B raw)${figures.teamsDetection ? '' : '; NO TEAMS DETECTION IN IT'}${
      figures.selfContained ? '' : '; IT IMPORTS OTHER FILES, NOT COUNTED'
    }`,
  ];
}

/** @param {Record<string, any>} results @returns {Row[]} */
function teamSyncRows({ teamSync, workerBundle }) {
  /** @type {Row[]} */
  const rows = [];
  if (teamSync)
    rows.push([
      `team sync: ${teamSync.notes} notes, one profile to the other over localhost (turn on → pushed, turn on → pulled)`,
      `${(teamSync.totalMs / 1000).toFixed(1)} s (${(teamSync.pushMs / 1000).toFixed(1)} s + ${(teamSync.pullMs / 1000).toFixed(1)} s, each with the passphrase's key work); ${teamSync.arrived} notes arrived`,
    ]);
  if (workerBundle)
    rows.push([
      'service worker bundle, gzip (entry and every chunk it imports)',
      `${workerBundle.totalGzip} B in ${workerBundle.files} files, of which the CouchDB client's chunk ${workerBundle.syncGzip} B`,
    ]);
  return rows;
}

/**
 * `--sync`: team sync's figures alone.
 * @param {Record<string, any>} results @param {Budget[]} list
 */
export function printSyncReport(results, list) {
  for (const [figure, value] of teamSyncRows(results)) console.log(`| ${figure} | ${value} |`);
  console.log('');
  printBudgets(list);
  console.log(`\n${machineLine(results.machine)}`);
}

/** @param {Record<string, any>} idle @returns {Row[]} */
function idleRows(idle) {
  const { scriptMs } = idle;
  return [
    [
      `idle meeting tab script time / ${idle.windowMs / 1000} s, with / without`,
      `${median(scriptMs.with).toFixed(2)} ms (${range(scriptMs.with)}) / ${median(scriptMs.without).toFixed(2)} ms (${range(scriptMs.without)})`,
    ],
    [
      'idle meeting tab: added script',
      `${idle.addedScriptMsPerMinute.toFixed(2)} ms/min (same-side rounds within ±${idle.abNoiseMsPerMinute.toFixed(2)} ms/min); traced, our code: ${idle.attributedMsPerMinute.toFixed(2)} ms/min idle, and ${idle.oneNavigationMs.toFixed(2)} ms for one URL change (${median(idle.eventsAttributed)} events in ${idle.traceMs / 1000} s)`,
    ],
  ];
}

/** @param {Record<string, any>} results @returns {Row[]} */
function surfaceRows({ hudBox: hud, sidePanel: panel, companion }) {
  const pick = (/** @type {Record<string, number>[]} */ list, /** @type {string} */ key) =>
    list.map((x) => x[key] ?? NaN);
  const p50p95 = (/** @type {number[]} */ values) =>
    `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)} ms`;
  const mid = (/** @type {number[]} */ values) => median(values).toFixed(1);
  const { moves, notes } = panel.sync;
  const openText = (/** @type {{ dom: number[], frame: number[], warmUp: { frame: number } }} */ open) =>
    `${mid(open.frame)} / ${percentile(open.frame, 95).toFixed(1)} ms to the frame that draws it (in the DOM ${mid(open.dom)} / ${percentile(open.dom, 95).toFixed(1)}; warm-up load ${open.warmUp.frame.toFixed(1)})`;
  const floatText = (/** @type {'rep' | 'manager'} */ role) => {
    const float = companion.float[role];
    return `${role} ${p50p95(float.frame)} (in the DOM ${p50p95(float.dom)}; warm-up ${float.warmUp.frameMs.toFixed(1)} ms)`;
  };
  const boxText = (/** @type {'rep' | 'manager'} */ role) =>
    `${hud[role].width}×${hud[role].height} (tallest on item ${hud[role].tallestItem})`;
  return [
    [
      'HUD box at 1280×720 in CSS px, rep / manager: largest over the sample plan’s items, More closed',
      `${boxText('rep')} / ${boxText('manager')}`,
    ],
    [
      `side panel opened (its page in a tab, warm: after 1 warm-up load) → call shown and Note enabled, median / p95 (${panel.open.frame.length})`,
      `${openText(panel.open)}; beside the heavy call page (unbudgeted) ${openText(panel.openBesideHeavy)}`,
    ],
    [
      `HUD Next/Back → side panel shows the item, p50 / p95 (${moves.length}, on the heavy call page)`,
      `${p50p95(pick(moves, 'totalMs'))} (medians: click → worker writes ${mid(pick(moves, 'toWorkerMs'))}, write → panel hears ${mid(pick(moves, 'toPanelMs'))}, hears → shown ${mid(pick(moves, 'drawnMs'))} ms; the HUD itself ${mid(pick(moves, 'hudMs'))} ms)`,
    ],
    [
      `side panel note (Enter) → HUD lists it, p50 / p95 (${notes.length})`,
      `${p50p95(pick(notes, 'totalMs'))} (medians: Enter → HUD hears the stored note ${mid(pick(notes, 'toHudMs'))}, hears → listed ${mid(pick(notes, 'drawnMs'))} ms)`,
    ],
    [
      `companion window opened (its page in a tab at 440×760, warm: after 1 warm-up load) → call shown and Note enabled, median / p95 (${companion.open.withCall.frame.length}; unbudgeted)`,
      openText(companion.open.withCall),
    ],
    [
      `companion window opened with no call running → “Start the call” enabled, median / p95 (${companion.open.noCall.frame.length}; unbudgeted)`,
      openText(companion.open.noCall),
    ],
    [
      `PiP: Float on top clicked → HUD shown in the PiP window (styled), p50 / p95 (${companion.float.rep.frame.length} per role, after 1 warm-up)`,
      `${floatText('rep')}; ${floatText('manager')}; to the PiP window’s frame that draws it, from the page’s click listener (the input event reached it in ${mid([...companion.float.rep.inputToClick, ...companion.float.manager.inputToClick])} ms, median)`,
    ],
  ];
}

/** @param {Record<string, any>} results @returns {Row[]} */
function meetingTabRows({ meetingTab: tab, extensionHeapMb }) {
  const ms = (/** @type {number[]} */ values) => `${median(values).toFixed(1)} ms (${range(values)})`;
  const mb = (/** @type {(number | null)[]} */ values) => {
    const known = /** @type {number[]} */ (values.filter((value) => value !== null));
    return known.length === 0 ? 'n/a' : `${median(known).toFixed(1)} MB (${range(known)})`;
  };
  const ratio = (/** @type {string} */ key) => {
    const without = median(tab[key].without.filter((/** @type {number | null} */ value) => value !== null));
    return without
      ? (median(tab[key].with.filter((/** @type {number | null} */ value) => value !== null)) / without).toFixed(3)
      : 'n/a';
  };
  const taskWith = median(tab.taskMs.with);
  const taskWithout = median(tab.taskMs.without);
  const baselinePerMinute = (taskWithout / tab.windowMs) * 60_000;
  const attributionWorked = tab.eventsAttributed.every((/** @type {number} */ events) => events > 0);
  return [
    [
      `meeting tab task time / ${tab.windowMs / 1000} s, with / without`,
      `${ms(tab.taskMs.with)} / ${ms(tab.taskMs.without)} · ratio ${(taskWith / taskWithout).toFixed(3)}`,
    ],
    [
      'meeting tab main thread added, traced: our code',
      `${tab.attributedMsPerMinute.toFixed(2)} ms/min over ${median(tab.eventsAttributed)} events (baseline ${baselinePerMinute.toFixed(0)} ms/min; overlay frame ${
        tab.overlayInOwnProcess ? 'in its own process' : 'IN THE TAB’S PROCESS'
      })${attributionWorked ? '' : '; NO EVENTS ATTRIBUTED IN A ROUND'}`,
    ],
    [
      'meeting tab main thread, A/B difference',
      `${tab.addedMsPerMinute.toFixed(0)} ms/min, within noise of ±${tab.abNoiseMsPerMinute.toFixed(0)} ms/min between same-side rounds`,
    ],
    [
      'meeting tab script time, with / without',
      `${ms(tab.scriptMs.with)} / ${ms(tab.scriptMs.without)} · ratio ${ratio('scriptMs')}`,
    ],
    [
      'long tasks in the meeting tab, with / without',
      `${tab.longTasks.with.join(',')} / ${tab.longTasks.without.join(',')}`,
    ],
    [
      'meeting tab JS heap, with / without',
      `${mb(tab.heapMb.with)} / ${mb(tab.heapMb.without)} · ratio ${ratio('heapMb')}`,
    ],
    [
      'meeting tab process memory (PSS), with / without',
      `${mb(tab.tabPssMb.with)} / ${mb(tab.tabPssMb.without)} · ratio ${ratio('tabPssMb')}`,
    ],
    [
      `extension process memory (PSS): overlay frame and service worker, ${
        median(tab.extensionProcesses) === 1 ? 'one process' : 'their processes'
      }`,
      mb(tab.extensionPssMb),
    ],
    // A service worker has no performance.memory; its memory is in the process figure above.
    ['overlay frame JS heap', `${median(extensionHeapMb.overlay).toFixed(1)} MB`],
  ];
}

/** @param {Record<string, any>} results @returns {Row[]} */
function speedRows(results) {
  const ms = (/** @type {number[]} */ values) => `${median(values).toFixed(1)} ms (${range(values)})`;
  const p50p95 = (/** @type {number[]} */ values) =>
    `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)} ms`;
  const { overlayShownMs: overlayShown, debrief, debriefWorstAccepted: worst, popupMs, importBackup } = results;
  const counts = Object.keys(debrief)
    .map(Number)
    .sort((a, b) => a - b);
  return [
    [`overlay shown after load, median of ${overlayShown.length}`, ms(overlayShown)],
    [`note saved, warm, p50 / p95 (${results.noteSavedWarmMs.length})`, p50p95(results.noteSavedWarmMs)],
    [`note saved, cold worker, p50 / p95 (${results.noteSavedColdMs.length})`, p50p95(results.noteSavedColdMs)],
    [`transition, p50 / p95 (${results.transitionMs.length})`, p50p95(results.transitionMs)],
    ...counts.map(
      (count) =>
        /** @type {Row} */ ([
          `debrief with ${count} notes: interactive / select a note`,
          `${debrief[count]?.interactiveMs.toFixed(0)} / ${debrief[count]?.selectMs.toFixed(0)} ms`,
        ]),
    ),
    [
      'debrief of the worst accepted call (2,000 moves, 10,000 notes): interactive / select a note',
      `${worst.interactiveMs.toFixed(0)} / ${worst.selectMs.toFixed(0)} ms`,
    ],
    [`popup with ${POPUP_PLANS} plans, first render`, ms(popupMs)],
    [
      `import of a ${(importBackup.bytes / 1024 / 1024).toFixed(1)} MB backup (replace), median of ${importBackup.times.length}`,
      `${median(importBackup.times).toFixed(0)} ms (${range(importBackup.times)})`,
    ],
  ];
}

/**
 * `--surfaces`: the content script and the call's surfaces.
 * @param {Record<string, any>} results @param {Budget[]} list
 */
export function printSurfacesReport(results, list) {
  for (const [figure, value] of [contentScriptRow(results.contentScript), ...surfaceRows(results)])
    console.log(`| ${figure} | ${value} |`);
  console.log('');
  printBudgets(list);
  console.log(`\n${machineLine(results.machine)}`);
}

/**
 * `--idle`: the idle meeting tab with and without Ridealong.
 * @param {Record<string, any>} results @param {Budget[]} list
 */
export function printIdleReport(results, list) {
  for (const [figure, value] of idleRows(results.idleMeetingTab)) console.log(`| ${figure} | ${value} |`);
  console.log('');
  printBudgets(list);
  console.log(`\n${machineLine(results.machine)}`);
}

/**
 * The whole bench: one table of every figure, then the budgets.
 * @param {Record<string, any>} results @param {Budget[]} list
 */
export function printReport(results, list) {
  /** @type {Row[]} */
  const rows = [
    contentScriptRow(results.contentScript),
    ...idleRows(results.idleMeetingTab),
    ...meetingTabRows(results),
    ...speedRows(results),
    ...surfaceRows(results),
    ...teamSyncRows(results),
  ];
  const width = Math.max(...rows.map(([figure]) => figure.length));
  console.log(`| ${'figure'.padEnd(width)} | value |`);
  console.log(`| ${'-'.repeat(width)} | ----- |`);
  for (const [figure, value] of rows) console.log(`| ${figure.padEnd(width)} | ${value} |`);
  console.log('');
  printBudgets(list);
  console.log(
    `\n${results.seconds} s on ${process.platform}, Node ${process.version}, ${machineLine(results.machine)}`,
  );
}
