// @ts-check
// The in-call overlay as a person sees it on a meeting tab: the pill, and the panel (the HUD) behind it. The overlay
// is an extension frame inside the meeting page, so everything here goes through Playwright's frames. Plain
// JavaScript, so that the e2e tests and the scripts (npm start, the screenshots, the benchmark) drive the same one.

/**
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Frame} Frame
 * @typedef {import('playwright-core').Page} Page
 */

/** The overlay's host element in the meeting page: all the page itself can see of Ridealong. */
export const OVERLAY_HOST = '[data-ridealong]';

/**
 * Every Ridealong overlay frame in a page, wherever it is nested.
 * @param {Page} page
 * @returns {Frame[]}
 */
export function overlayFrames(page) {
  return page
    .frames()
    .filter(
      (frame) => frame.url().startsWith('chrome-extension://') && frame.url().includes('/src/overlay/overlay.html'),
    );
}

/**
 * Waits for an overlay frame and returns it once its app has rendered.
 * @param {Page} page @param {number} [timeoutMs]
 * @returns {Promise<Frame>}
 */
export async function waitForOverlay(page, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = overlayFrames(page)[0];
    if (
      frame &&
      (await frame
        .locator('.overlay')
        .count()
        .catch(() => 0)) > 0
    )
      return frame;
    if (Date.now() > deadline) throw new Error(`No overlay on ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Resolves once no overlay frame is left, or throws after the timeout.
 * @param {Page} page @param {number} [timeoutMs]
 */
export async function waitForNoOverlay(page, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (overlayFrames(page).length > 0) {
    if (Date.now() > deadline) throw new Error(`The overlay is still on ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/** The overlay as a user sees it: the pill, and the panel behind it. */
export class OverlayFrame {
  /** @param {Frame} frame */
  constructor(frame) {
    /** @readonly */
    this.frame = frame;
  }

  /**
   * The overlay of a meeting tab, once it has rendered.
   * @param {Page} page @param {number} [timeoutMs]
   */
  static async on(page, timeoutMs) {
    return new OverlayFrame(await waitForOverlay(page, timeoutMs));
  }

  async expand() {
    // The frame is sized to its content and anchored at the right, so it moves while the pill's text changes.
    // Click once the pill has loaded and the frame has settled, as a person would. A meeting whose overlay was
    // left open comes back open after a reload: then there is nothing to do.
    const pill = this.frame.getByRole('button', { name: /^Open Ridealong: (?!Loading)/ });
    const panel = this.frame.getByRole('region', { name: 'Ridealong' });
    await pill.or(panel).waitFor();
    await this.waitUntilSettled();
    if (await panel.isVisible()) return;
    await this.waitUntilSettled();
    await this.frame.getByRole('button', { name: /^Open Ridealong/ }).click();
    await this.frame.getByRole('region', { name: 'Ridealong' }).waitFor();
  }

  /** Resolves once the overlay's host element keeps the same box for a moment. */
  async waitUntilSettled() {
    const host = this.frame.page().locator(OVERLAY_HOST);
    let previous = JSON.stringify(await host.boundingBox());
    for (let attempt = 0; attempt < 40; attempt++) {
      await this.frame.page().waitForTimeout(50);
      const current = JSON.stringify(await host.boundingBox());
      if (current === previous) return;
      previous = current;
    }
  }

  /** @returns {Promise<string>} */
  async text() {
    return this.frame.locator('body').innerText();
  }

  /**
   * Picks whose device this is, before a call starts.
   * @param {'rep' | 'manager'} role
   */
  async chooseRole(role) {
    await this.frame.getByRole('radio', { name: `the ${role}` }).check();
  }

  /** @param {string} planTitle */
  async startCall(planTitle) {
    await this.frame.getByRole('button', { name: `Start call: ${planTitle}` }).click();
    await this.currentItem().waitFor();
    // The tests work with the whole call: the notes list, the questions, the rep's note line are under More.
    await this.more();
  }

  /**
   * Moves the call to the next agenda item, and waits until the HUD names `title` as the current one.
   * @param {string} title
   */
  async nextItem(title) {
    await this.frame.getByRole('button', { name: 'Next item' }).click();
    await this.currentItem().filter({ hasText: title }).waitFor();
  }

  /** Ends the running call, and waits for the panel to offer this meeting's plans again. */
  async endCall() {
    await this.frame.getByRole('button', { name: 'End call' }).click();
    await this.section('Linked to this meeting').waitFor();
  }

  /**
   * Takes a note by keyboard, as the manager does: the tag's number key, the text, Enter. Resolves once the notes
   * list shows it stored.
   * @param {string} tagKey @param {string} text
   */
  async logNote(tagKey, text) {
    await this.frame.getByRole('region', { name: 'Notes' }).focus();
    const page = this.frame.page();
    await page.keyboard.press(tagKey);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await this.frame.getByRole('listitem').filter({ hasText: text }).filter({ hasText: '✓ saved' }).waitFor();
  }

  /**
   * Opens the HUD's "More" fold (the agenda, the questions to tick, the notes list), as a person would when there is
   * time for it. The HUD itself shows only what the moment needs.
   */
  async more() {
    const fold = this.frame.locator('details.more');
    await fold.waitFor({ state: 'attached' });
    if ((await fold.getAttribute('open')) === null) await fold.locator('summary').press('Enter');
    await this.frame.locator('details.more[open]').waitFor({ state: 'attached' });
  }

  async closeMore() {
    const fold = this.frame.locator('details.more[open]');
    if ((await fold.count()) > 0) await fold.locator('summary').press('Enter');
    await this.frame.locator('details.more:not([open])').waitFor({ state: 'attached' });
  }

  /**
   * A titled part of the panel, such as "Linked to this meeting".
   * @param {string} name
   */
  section(name) {
    return this.frame.getByRole('region', { name, exact: true });
  }

  /** The line naming the current agenda item. */
  currentItem() {
    return this.frame.locator('.now-title');
  }
}

/**
 * Opens a meeting URL in a new tab and returns the tab with its overlay, opened into the panel.
 * @param {{ context: BrowserContext }} browser @param {string} url
 * @returns {Promise<{ page: Page, overlay: OverlayFrame }>}
 */
export async function openMeeting(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  return { page, overlay };
}
