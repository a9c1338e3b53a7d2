// @ts-check
// What Ridealong costs a meeting tab in `npm run bench`, run A/B (a fresh browser with the extension, then one
// without): main-thread and script time, long tasks and memory on the heavy call page mid-call, and script time on an
// idle call page where nobody acts. Our own code's share is read from a Chromium trace. Each round returns its
// figures; meetingTabResults and idleTabResults turn the rounds into the report's results.
import { readFileSync, rmSync } from 'node:fs';
import { OverlayFrame, waitForOverlay } from '../../tests/e2e/pages/overlay.mjs';
import { startSampleCall } from './bench-call-surfaces.mjs';
import { seedSamplePlan } from './demo.mjs';
import { launchWithExtension } from './extension-browser.mjs';
import { median } from './bench-stats.mjs';

/**
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Frame} Frame
 */
/**
 * @typedef {object} RoundOptions
 * @property {string} dist the built extension to load
 * @property {string} url the meeting page
 * @property {number} windowMs how long the untraced window lasts
 * @property {number} traceMs how long the trace of our own code lasts
 */

/** Main-thread cost, long tasks and heap of the meeting tab over one window. @param {Page} page @param {number} windowMs */
async function measureMeetingTab(page, windowMs) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => {
    const win = /** @type {any} */ (window);
    win.benchLongTasks = 0;
    new PerformanceObserver((list) => (win.benchLongTasks += list.getEntries().length)).observe({ type: 'longtask' });
  });
  const metric = async () => {
    const { metrics } = /** @type {{ metrics: { name: string, value: number }[] }} */ (
      await cdp.send('Performance.getMetrics')
    );
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  const before = await metric();
  await page.waitForTimeout(windowMs);
  const after = await metric();
  const longTasks = await page.evaluate(() => /** @type {any} */ (window).benchLongTasks);
  await cdp.detach();
  return {
    scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
    taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    longTasks,
    heapMb: (after.JSHeapUsedSize ?? 0) / 1024 / 1024,
  };
}

/** Events on the meeting tab's main thread that run our code: the content script's callbacks and evaluation. */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'TimerFire', 'EventDispatch', 'v8.run']);

/**
 * Main-thread time Ridealong's own code takes in the meeting tab, from a Chromium trace: every script event on the
 * tab's main thread whose code comes from our extension (the content script; the overlay frame runs in the
 * extension's own process, so none of its work lands here). Nested events count once. Also reports whether the
 * overlay frame's work stayed out of the tab's process, which is what keeps this number small.
 *
 * The content script doesn't poll, so an idle window may hold none of its events, and a zero can't tell "cheap" from
 * "attribution broke". So the page does what Meet does now and then, once, early in the window: it replaces its own
 * history entry with the same URL. The content script hears that and checks the URL, so a round with no event of
 * ours means the attribution broke. That one check is counted in the figure.
 * @param {Page} page
 * @param {string} extensionId
 * @param {number} traceMs
 */
async function attributedMainThread(page, extensionId, traceMs) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8',
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(Math.min(500, traceMs / 2));
  await page.evaluate(() => {
    console.timeStamp('ridealong-bench-navigation');
    history.replaceState(history.state, '', location.href);
  });
  await page.waitForTimeout(traceMs - Math.min(500, traceMs / 2));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const ours = `chrome-extension://${extensionId}/`;
  // The tab's process and the overlay frame's, as the browser lists them when tracing starts.
  /** @type {{ url: string, processId: number, parent?: string }[]} */
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const tabPid = frames.find((f) => !f.parent && f.url.startsWith('https://'))?.processId;
  const overlayPid = frames.find((f) => f.url.startsWith(`${ours}src/overlay/`))?.processId;
  const workerPid = events.find(
    (e) => e.name === 'TracingSessionIdForWorker' && JSON.stringify(e.args ?? {}).includes(ours),
  )?.pid;
  const mainThread = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === tabPid && e.args?.name === 'CrRendererMain',
  );
  const mainKey = mainThread ? `${mainThread.pid}:${mainThread.tid}` : '';
  const urlOf = (/** @type {any} */ e) =>
    String(
      e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '',
    );
  const mine = events
    .filter(
      (e) => e.ph === 'X' && `${e.pid}:${e.tid}` === mainKey && SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith(ours),
    )
    .sort((a, b) => a.ts - b.ts);
  // Our work in answer to the bench's own navigation: what it makes us run within 100 ms of its marker.
  const navigatedAt = events.find(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message === 'ridealong-bench-navigation',
  )?.ts;
  let totalUs = 0;
  let navigationUs = 0;
  let coveredUntil = -1;
  for (const event of mine) {
    if (event.ts + (event.dur ?? 0) <= coveredUntil) continue;
    const start = Math.max(event.ts, coveredUntil);
    totalUs += event.ts + (event.dur ?? 0) - start;
    if (navigatedAt !== undefined && event.ts >= navigatedAt && event.ts < navigatedAt + 100_000)
      navigationUs += event.ts + (event.dur ?? 0) - start;
    coveredUntil = event.ts + (event.dur ?? 0);
  }
  if (!mainKey) throw new Error('The trace names no main thread for the meeting tab.');
  return {
    attributedMs: totalUs / 1000,
    /** The share of attributedMs that answered the bench's navigation; null if its marker isn't in the trace. */
    navigationMs: navigatedAt === undefined ? null : navigationUs / 1000,
    traceMs,
    overlayInOwnProcess: overlayPid !== undefined && overlayPid !== tabPid,
    events: mine.length,
    tabPid,
    overlayPid,
    workerPid,
  };
}

/**
 * A process's proportional set size (its own memory plus its share of shared pages), from Linux's
 * /proc/<pid>/smaps_rollup; null where that can't be read.
 * @param {number | undefined} pid
 */
function processPssMb(pid) {
  if (pid === undefined) return null;
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * One A or B round: a fresh browser, the heavy call page, mid-call with the overlay open when Ridealong is there.
 * @param {boolean} withExtension @param {RoundOptions} options
 */
export async function meetingTabRound(withExtension, { dist, url, windowMs, traceMs }) {
  const { context, extensionId, profileDir } = await launchWithExtension({
    headless: true,
    extension: withExtension,
    dist,
  });
  /** @type {Record<string, number>} */
  let extensionMemory = {};
  try {
    if (withExtension) (await seedSamplePlan(context, extensionId)).close();
    const page = await context.newPage();
    await page.goto(url);
    if (withExtension) {
      const overlay = await waitForOverlay(page);
      await new OverlayFrame(overlay).expand();
      await startSampleCall(overlay);
    }
    await page.waitForTimeout(1_000);
    const measured = await measureMeetingTab(page, windowMs);
    if (withExtension) extensionMemory = await extensionHeaps(context, page, extensionId);
    // Traced after the untraced window, so tracing's own cost never enters the A/B comparison. Without the
    // extension, a short trace only names the tab's process, for its memory.
    const attributed = await attributedMainThread(page, extensionId || 'none', withExtension ? traceMs : 500);
    const memory = {
      tabPssMb: processPssMb(attributed.tabPid),
      // The overlay frame and the worker usually share the extension's process; counted once if so.
      extensionPssMb: withExtension
        ? (processPssMb(attributed.overlayPid) ?? 0) +
          (attributed.workerPid !== undefined && attributed.workerPid !== attributed.overlayPid
            ? (processPssMb(attributed.workerPid) ?? 0)
            : 0)
        : null,
      extensionProcesses: withExtension ? new Set([attributed.overlayPid, attributed.workerPid]).size : null,
    };
    return { ...measured, ...extensionMemory, ...attributed, ...memory };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * One A or B round on an idle meeting tab: a fresh browser, the plain Meet call page, the overlay mounted (its pill)
 * when Ridealong is there, and then nobody does anything. What the tab's main thread spends on script then is the
 * page's own (nothing, on this page) plus whatever the extension keeps doing in it. The URL check the content script
 * used to run every 400 ms cost about 20 ms/min here.
 * @param {boolean} withExtension @param {RoundOptions} options
 */
export async function idleTabRound(withExtension, { dist, url, windowMs, traceMs }) {
  const { context, extensionId, profileDir } = await launchWithExtension({
    headless: true,
    extension: withExtension,
    dist,
  });
  try {
    if (withExtension) (await seedSamplePlan(context, extensionId)).close();
    const page = await context.newPage();
    await page.goto(url);
    if (withExtension) await waitForOverlay(page);
    await page.waitForTimeout(1_000);
    const measured = await measureMeetingTab(page, windowMs);
    const attributed = withExtension ? await attributedMainThread(page, extensionId, traceMs) : null;
    return {
      scriptMs: measured.scriptMs,
      taskMs: measured.taskMs,
      attributedMs: attributed?.attributedMs ?? null,
      navigationMs: attributed?.navigationMs ?? null,
      traceMs: attributed?.traceMs ?? null,
      events: attributed?.events ?? null,
    };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** JS heap of the overlay frame and of the service worker, from their own CDP targets. */
async function extensionHeaps(
  /** @type {BrowserContext} */ context,
  /** @type {Page} */ page,
  /** @type {string} */ id,
) {
  /** @type {Record<string, number>} */
  const heaps = {};
  const frame = page.frames().find((f) => f.url().includes('/src/overlay/overlay.html'));
  if (frame) {
    const session = await context.newCDPSession(frame);
    const usage = /** @type {{ usedSize: number }} */ (await session.send('Runtime.getHeapUsage'));
    heaps.overlayHeapMb = usage.usedSize / 1024 / 1024;
    await session.detach();
  }
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
  if (worker) {
    heaps.workerHeapMb =
      (await worker.evaluate(() => /** @type {any} */ (performance).memory?.usedJSHeapSize ?? 0)) / 1024 / 1024;
  }
  return heaps;
}

/**
 * The busy meeting tab's part of the results, from the A/B rounds.
 * @param {{ with: any[], without: any[] }} rounds @param {number} windowMs
 */
export function meetingTabResults(rounds, windowMs) {
  const pick = (/** @type {'with' | 'without'} */ side, /** @type {string} */ key) => rounds[side].map((r) => r[key]);
  const perMinute = (/** @type {number} */ ms) => (ms / windowMs) * 60_000;
  /** How far apart the same side's rounds were: the A/B difference can't be read finer than this. */
  const noisePerMinute = perMinute(
    Math.max(
      Math.max(...pick('with', 'taskMs')) - Math.min(...pick('with', 'taskMs')),
      Math.max(...pick('without', 'taskMs')) - Math.min(...pick('without', 'taskMs')),
    ),
  );
  return {
    windowMs,
    taskMs: { with: pick('with', 'taskMs'), without: pick('without', 'taskMs') },
    scriptMs: { with: pick('with', 'scriptMs'), without: pick('without', 'scriptMs') },
    longTasks: { with: pick('with', 'longTasks'), without: pick('without', 'longTasks') },
    heapMb: { with: pick('with', 'heapMb'), without: pick('without', 'heapMb') },
    addedMsPerMinute: perMinute(median(pick('with', 'taskMs')) - median(pick('without', 'taskMs'))),
    abNoiseMsPerMinute: noisePerMinute,
    /** Our own code's main-thread time in the tab, per minute, from the traces (see attributedMainThread). */
    attributedMsPerMinute: median(rounds.with.map((r) => (r.attributedMs / r.traceMs) * 60_000)),
    /**
     * Our events found in each traced round. Each trace makes the content script check the URL once (see
     * attributedMainThread), so a round with none means the attribution broke, and its zero would pass unearned.
     */
    eventsAttributed: pick('with', 'events'),
    overlayInOwnProcess: rounds.with.every((r) => r.overlayInOwnProcess),
    addedLongTasks: median(pick('with', 'longTasks')) - median(pick('without', 'longTasks')),
    tabPssMb: { with: pick('with', 'tabPssMb'), without: pick('without', 'tabPssMb') },
    extensionPssMb: pick('with', 'extensionPssMb'),
    extensionProcesses: pick('with', 'extensionProcesses'),
  };
}

/**
 * The idle meeting tab's part of the results, from the A/B rounds.
 * @param {{ with: any[], without: any[] }} rounds @param {number} windowMs @param {number} traceMs
 */
export function idleTabResults(rounds, windowMs, traceMs) {
  const script = (/** @type {'with' | 'without'} */ side) => rounds[side].map((r) => r.scriptMs);
  return {
    windowMs,
    traceMs,
    scriptMs: { with: script('with'), without: script('without') },
    taskMs: {
      with: rounds.with.map((r) => r.taskMs),
      without: rounds.without.map((r) => r.taskMs),
    },
    /** Script the idle meeting tab runs with Ridealong over without, per minute, from the medians of each side. */
    addedScriptMsPerMinute: ((median(script('with')) - median(script('without'))) / windowMs) * 60_000,
    abNoiseMsPerMinute:
      (Math.max(
        .../** @type {const} */ (['with', 'without']).map((side) => {
          const values = script(side);
          return Math.max(...values) - Math.min(...values);
        }),
      ) /
        windowMs) *
      60_000,
    /** Traced, our code in the idle tab, leaving out what the bench's one navigation made it run (reported beside). */
    attributedMsPerMinute: median(
      rounds.with.map((r) => ((r.attributedMs - (r.navigationMs ?? 0)) / r.traceMs) * 60_000),
    ),
    oneNavigationMs: median(rounds.with.map((r) => r.navigationMs ?? NaN)),
    eventsAttributed: rounds.with.map((r) => r.events),
  };
}
