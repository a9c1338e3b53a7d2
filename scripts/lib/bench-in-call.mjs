// @ts-check
// In-call speed in `npm run bench`: how soon the overlay shows after the meeting page loads, and how soon an agenda
// move or a note is on screen after the key press (a note: stored with strict durability), warm and with the service
// worker stopped first.
import { OverlayFrame, waitForOverlay } from '../../tests/e2e/pages/overlay.mjs';
import { startSampleCall } from './bench-call-surfaces.mjs';
import { stopServiceWorker } from './extension-browser.mjs';

/**
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Frame} Frame
 */

/**
 * From the meeting page's load event to the overlay frame's first paint, over fresh loads.
 * @param {BrowserContext} context @param {{ url: string, loads: number }} options
 */
export async function overlayShownTimes(context, { url, loads }) {
  const times = [];
  const page = await context.newPage();
  for (let load = 0; load < loads; load++) {
    await page.goto(url);
    const frame = await waitForOverlay(page);
    const loadedAt = await page.evaluate(() => {
      const entry = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return performance.timeOrigin + entry.loadEventStart;
    });
    const paintedAt = await frame.evaluate(
      () =>
        new Promise((resolve) => {
          const read = () => {
            const paint =
              performance.getEntriesByName('first-contentful-paint')[0] ??
              performance.getEntriesByName('first-paint')[0];
            if (paint) resolve(performance.timeOrigin + paint.startTime);
            else requestAnimationFrame(read);
          };
          read();
        }),
    );
    times.push(Math.max(0, /** @type {number} */ (paintedAt) - loadedAt));
  }
  await page.close();
  return times;
}

/**
 * Installs a timer in the overlay frame: from a key or pointer press to the moment the change is on screen.
 * `transition`: the current item's line changed. `note`: the note typed last shows "✓ saved", nothing pending.
 * (No `new Function`: extension pages forbid eval.)
 */
async function timeInFrame(/** @type {Frame} */ frame, /** @type {'transition' | 'note'} */ mode) {
  await frame.evaluate((kind) => {
    const win = /** @type {any} */ (window);
    win.benchTimes = [];
    win.benchStart = 0;
    win.benchBaseline = '';
    const done = () => {
      if (kind === 'transition') return (document.querySelector('.now-title')?.textContent ?? '') !== win.benchBaseline;
      const rows = [...document.querySelectorAll('.note')];
      return (
        !document.querySelector('.note-status.pending') &&
        rows.some((row) => row.textContent?.includes(win.benchText) && row.querySelector('.note-status.saved'))
      );
    };
    const start = () => {
      win.benchStart = performance.now();
      win.benchBaseline = document.querySelector('.now-title')?.textContent ?? '';
    };
    window.addEventListener('keydown', (event) => event.key === 'Enter' && start(), true);
    window.addEventListener('pointerdown', start, true);
    new MutationObserver(() => {
      if (win.benchStart && done()) {
        win.benchTimes.push(performance.now() - win.benchStart);
        win.benchStart = 0;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, mode);
}

/**
 * Agenda moves and notes in the HUD, from the key press to the change on screen; notes with a warm and with a
 * stopped service worker.
 * @param {BrowserContext} context @param {string} extensionId
 * @param {{ url: string, transitions: number, warmNotes: number, coldNotes: number }} options
 */
export async function actionTimes(context, extensionId, { url, transitions: moves, warmNotes, coldNotes }) {
  const page = await context.newPage();
  await page.goto(url);
  const overlay = await waitForOverlay(page);
  await new OverlayFrame(overlay).expand();
  await overlay.getByRole('radio', { name: 'the manager' }).dispatchEvent('click');
  await startSampleCall(overlay);
  await overlay.getByRole('region', { name: 'Notes' }).waitFor();

  // Transitions: "Next" (pressed by keyboard) until the new item is on screen. Back again to keep going.
  await timeInFrame(overlay, 'transition');
  for (let index = 0; index < moves; index++) {
    const name = index % 2 === 0 ? 'Next item' : 'Back';
    await overlay.getByRole('button', { name }).focus();
    const before = await overlay.evaluate(() => /** @type {any} */ (window).benchTimes.length);
    await page.keyboard.press('Enter');
    await overlay.waitForFunction((n) => /** @type {any} */ (window).benchTimes.length > n, before);
  }
  const transitions = /** @type {number[]} */ (await overlay.evaluate(() => /** @type {any} */ (window).benchTimes));

  // Notes: Enter until that note's row says "✓ saved", which waits for a strict-durability commit.
  const noteTimes = async (/** @type {number} */ count, /** @type {boolean} */ cold) => {
    await timeInFrame(overlay, 'note');
    for (let index = 0; index < count; index++) {
      if (cold) await stopServiceWorker(context, extensionId);
      const text = `bench ${cold ? 'cold' : 'warm'} ${index}`;
      await overlay.evaluate((t) => {
        /** @type {any} */ (window).benchText = t;
      }, text);
      await overlay.getByRole('region', { name: 'Notes' }).focus();
      await page.keyboard.press('1');
      await page.keyboard.type(text);
      const before = await overlay.evaluate(() => /** @type {any} */ (window).benchTimes.length);
      await page.keyboard.press('Enter');
      await overlay.waitForFunction((n) => /** @type {any} */ (window).benchTimes.length > n, before);
    }
    return /** @type {number[]} */ (await overlay.evaluate(() => /** @type {any} */ (window).benchTimes));
  };
  const warm = await noteTimes(warmNotes, false);
  const cold = await noteTimes(coldNotes, true);
  await overlay.getByRole('button', { name: 'End call' }).click();
  await page.close();
  return { transitions, warm, cold };
}
