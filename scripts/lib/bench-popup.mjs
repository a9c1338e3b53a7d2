// @ts-check
// The popup with many plans in `npm run bench`: from navigation start to the plan list drawn.
import { seedRecords } from './bench-records.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/** How many plans the popup is timed with. */
export const POPUP_PLANS = 5000;

/** The popup with many plans: navigation start to the plan list drawn. */
export async function popupTime(/** @type {BrowserContext} */ context, /** @type {string} */ extensionId) {
  await seedRecords(context, extensionId, 'plans', POPUP_PLANS);
  const times = [];
  const page = await context.newPage();
  for (let load = 0; load < 5; load++) {
    await page.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
    const at = await page
      .waitForFunction(() => document.querySelector('.next-plan') && performance.now(), undefined, { polling: 'raf' })
      .then((handle) => handle.jsonValue());
    times.push(/** @type {number} */ (at));
  }
  await page.close();
  return times;
}
