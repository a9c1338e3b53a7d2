// @ts-check
// The budgets `npm run bench` holds Ridealong to, as one pure function of its results: each budget with whether the
// results meet it. A run that measured only some parts (`--surfaces`, `--idle`) gets only those parts' budgets.
// Unit-tested in tests/unit/bench-budgets.test.ts.
import { POPUP_PLANS } from './bench-popup.mjs';
import { median, percentile } from './bench-stats.mjs';

/** The HUD's size limits in CSS px (the product's issue; tests/e2e/hud.e2e.ts checks them too). */
export const HUD_LIMITS = { rep: { width: 360, height: 200 }, manager: { width: 360, height: 260 } };
/** Budgets of the call's surfaces, in ms. The companion window's page to interactive has none (reported only). */
export const PANEL_OPEN_BUDGET_MS = 150;
export const SYNC_BUDGET_MS = 100;
export const FLOAT_BUDGET_MS = 200;

/** @typedef {[budget: string, met: boolean]} Budget */

/**
 * What the results say of each budget, in the report's order.
 * @param {Record<string, any>} results as the bench writes them to bench/results.json
 * @returns {Budget[]}
 */
export function budgets(results) {
  /** @type {Budget[]} */
  const list = [];
  const { contentScript, meetingTab, idleMeetingTab: idle } = results;
  if (contentScript)
    list.push([
      'content script with Teams detection ≤ 4 KB gzip',
      contentScript.gzipBytes <= 4096 && contentScript.teamsDetection && contentScript.selfContained,
    ]);
  if (meetingTab) {
    const baselinePerMinute = (median(meetingTab.taskMs.without) / meetingTab.windowMs) * 60_000;
    list.push(
      [
        'meeting tab main thread added ≤ max(1% of baseline, 5 ms/min) (traced, our code)',
        attributionWorked(meetingTab.eventsAttributed) &&
          meetingTab.attributedMsPerMinute <= Math.max(0.01 * baselinePerMinute, 5) &&
          meetingTab.overlayInOwnProcess,
      ],
      ['0 added long tasks', meetingTab.addedLongTasks <= 0],
    );
  }
  if (idle)
    list.push([
      'idle meeting tab: added script ≤ 2 ms/min (with vs without, same run)',
      idle.addedScriptMsPerMinute <= 2 && attributionWorked(idle.eventsAttributed),
    ]);
  if (results.overlayShownMs)
    list.push(['overlay shown ≤ 250 ms after load (median)', median(results.overlayShownMs) <= 250]);
  if (results.transitionMs)
    list.push(
      ['note saved p95 ≤ 50 ms warm', percentile(results.noteSavedWarmMs, 95) <= 50],
      ['note saved p95 ≤ 150 ms cold', percentile(results.noteSavedColdMs, 95) <= 150],
      ['transition p95 ≤ 16 ms', percentile(results.transitionMs, 95) <= 16],
    );
  if (results.debrief)
    list.push([
      'debrief with 2,000 notes interactive ≤ 300 ms',
      (results.debrief[2000]?.interactiveMs ?? Infinity) <= 300,
    ]);
  // The worst call an import can store: what every later load of that debrief costs. 90,000 moves took 25.7 s.
  if (results.debriefWorstAccepted)
    list.push([
      'debrief of the worst accepted call interactive ≤ 2 s',
      results.debriefWorstAccepted.interactiveMs <= 2000,
    ]);
  if (results.popupMs) list.push([`popup with ${POPUP_PLANS} plans ≤ 150 ms`, median(results.popupMs) <= 150]);
  if (results.importBackup) list.push(['5 MB import ≤ 2 s', median(results.importBackup.times) <= 2000]);
  if (results.hudBox) list.push(...surfaceBudgets(results));
  if (results.teamSync)
    list.push([
      `team sync: ${results.teamSync.notes} notes from one profile to the other ≤ 10 s`,
      results.teamSync.totalMs <= 10_000,
    ]);
  return list;
}

/**
 * Each traced round must find some of our events (the bench makes the content script run once in each): none means
 * the attribution broke, and its zero would pass a budget unearned.
 * @param {(number | null)[]} events
 */
function attributionWorked(events) {
  return events.length > 0 && events.every((count) => count !== null && count > 0);
}

/** @param {Record<string, any>} results @returns {Budget[]} */
function surfaceBudgets({ hudBox, sidePanel, companion }) {
  const within = (/** @type {'rep' | 'manager'} */ role) =>
    hudBox[role].width <= HUD_LIMITS[role].width && hudBox[role].height <= HUD_LIMITS[role].height;
  const totals = (/** @type {{ totalMs: number }[]} */ changes) => changes.map((change) => change.totalMs ?? NaN);
  return [
    [`HUD box, rep ≤ ${HUD_LIMITS.rep.width}×${HUD_LIMITS.rep.height} CSS px at 1280×720`, within('rep')],
    [
      `HUD box, manager ≤ ${HUD_LIMITS.manager.width}×${HUD_LIMITS.manager.height} CSS px at 1280×720`,
      within('manager'),
    ],
    [
      `side panel open → interactive ≤ ${PANEL_OPEN_BUDGET_MS} ms (warm, median, beside the Meet call page)`,
      median(sidePanel.open.frame) <= PANEL_OPEN_BUDGET_MS,
    ],
    [
      `HUD ↔ side panel sync ≤ ${SYNC_BUDGET_MS} ms (p95, each way)`,
      percentile(totals(sidePanel.sync.moves), 95) <= SYNC_BUDGET_MS &&
        percentile(totals(sidePanel.sync.notes), 95) <= SYNC_BUDGET_MS,
    ],
    [
      // On the median: on this shared 2-core machine the p95 (reported beside it) went from ~100 ms to ~300 ms with
      // the load average, over 200 ms in half the runs, while the median stayed under 160 ms.
      `PiP open (Float on top clicked) → HUD shown ≤ ${FLOAT_BUDGET_MS} ms (median, each role)`,
      median(companion.float.rep.frame) <= FLOAT_BUDGET_MS && median(companion.float.manager.frame) <= FLOAT_BUDGET_MS,
    ],
  ];
}
