// @ts-check
// The debrief page in `npm run bench`: a call with many notes, from navigation to interactive, then one note selected
// by keyboard.
import { seedRecords } from './bench-records.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/** The debrief page for a call with `count` notes: time to interactive, then selecting one note by keyboard. */
export async function debriefTimes(
  /** @type {BrowserContext} */ context,
  /** @type {string} */ extensionId,
  /** @type {number} */ count,
  kind = 'notes',
) {
  const callId = await seedRecords(context, extensionId, kind, count);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/debrief/debrief.html#call=${callId}`);
  const interactiveMs = /** @type {number} */ (
    await page
      .waitForFunction(
        (n) => document.querySelectorAll('.timeline .note-mark').length === n && performance.now(),
        count,
        { timeout: 120_000, polling: 'raf' },
      )
      .then((handle) => handle.jsonValue())
  );
  await page
    .locator('.timeline .note-mark')
    .nth(Math.floor(count / 2))
    .focus();
  const selectMs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (document.querySelector('.phase-notes li[aria-current="true"]')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(document.body, { subtree: true, attributes: true, childList: true });
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }),
  );
  await page.close();
  return { interactiveMs, selectMs: /** @type {number} */ (selectMs) };
}
