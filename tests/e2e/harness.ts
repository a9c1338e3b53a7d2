// One fixture for every e2e file: Chromium with the built extension, meeting sites routed to local pages, and page
// objects so selectors stay out of the tests.
import { rmSync } from 'node:fs';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  launchWithExtension,
  serviceWorkerTargetsOn,
  stopServiceWorker as stopWorker,
} from '../../scripts/lib/extension-browser.mjs';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function startExtensionBrowser(
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<ExtensionBrowser> {
  const { context, extensionId, profileDir } = await launchWithExtension({ headless: true, ...options });
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** The overlay's host element in the meeting page: all the page itself can see of Ridealong. */
export const OVERLAY_HOST = '[data-ridealong]';

/**
 * Delivers a keyboard command for `page`'s tab to the worker's own `commands.onCommand` listener, as the browser does
 * when the shortcut is pressed there. Headless Chromium never turns a key press into an extension command, and the
 * shipped worker has no test hook, so this dispatches the event itself: Chromium's extension events have a
 * `dispatch` next to `addListener`. The page is brought to the front first: a shortcut acts on the active tab.
 */
export async function runCommand(
  browser: ExtensionBrowser,
  page: Page,
  command: 'toggle-overlay' | 'focus-note',
): Promise<void> {
  await page.bringToFront();
  await browser.context
    .serviceWorkers()
    .at(-1)!
    .evaluate(
      async ({ url, name }) => {
        const [tab] = await chrome.tabs.query({ url, active: true });
        const event = chrome.commands.onCommand as typeof chrome.commands.onCommand & {
          dispatch(command: string, tab: chrome.tabs.Tab): { results: unknown[] } | undefined;
        };
        const delivered = event.dispatch(name, tab!);
        if (!delivered?.results.length) throw new Error('No listener took the command');
        await Promise.all(delivered.results);
      },
      { url: page.url(), name: command },
    );
}

export function extensionUrl(extensionId: string, path: string): string {
  return `chrome-extension://${extensionId}/${path}`;
}

/** Every Ridealong overlay frame in a page, wherever it is nested. */
export function overlayFrames(page: Page): Frame[] {
  return page
    .frames()
    .filter(
      (frame) => frame.url().startsWith('chrome-extension://') && frame.url().includes('/src/overlay/overlay.html'),
    );
}

/** Waits for exactly one overlay frame and returns it once its app has rendered. */
export async function waitForOverlay(page: Page, timeoutMs = 10_000): Promise<Frame> {
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

/** Resolves once no overlay frame is left, or throws after the timeout. */
export async function waitForNoOverlay(page: Page, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (overlayFrames(page).length > 0) {
    if (Date.now() > deadline) throw new Error(`The overlay is still on ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

export interface PlanInput {
  callType?: 'discovery' | 'advance' | 'close';
  title: string;
  /** Guardrails: one topic the manager must not raise, when the manager may step in, and the signal. */
  guardrails?: { doNotRaise: string; stepInWhen: string; signal: string };
  meetingLink: string;
  start?: string;
  agenda: [string, number][];
}

/** A fresh browser whose plans were created through the popup, the way a user would. */
export async function startExtensionBrowserWithPlans(plans: PlanInput[]): Promise<ExtensionBrowser> {
  const browser = await startExtensionBrowser();
  const popup = await PopupPage.open(browser);
  for (const plan of plans) await popup.createPlan(plan);
  await popup.page.close();
  return browser;
}

export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  static async open(browser: ExtensionBrowser): Promise<PopupPage> {
    const page = await browser.context.newPage();
    await page.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html'));
    return new PopupPage(page, browser.extensionId);
  }

  /** Creates a plan from a call-type template in the editor, fills what is given, and closes the editor. */
  async createPlan(plan: PlanInput) {
    const page = this.page;
    await page.getByRole('button', { name: `New ${plan.callType ?? 'advance'} plan` }).click();
    await page.getByLabel('Title', { exact: true }).fill(plan.title);
    if (plan.start) await page.getByLabel('Starts', { exact: true }).fill(plan.start);
    await page.getByLabel('Meeting link', { exact: true }).fill(plan.meetingLink);
    const items = page.locator('.agenda-item');
    // Removing the second item keeps the rep's opening and closing items in place.
    while ((await items.count()) > plan.agenda.length)
      await page.getByRole('button', { name: 'Remove item 2' }).click();
    while ((await items.count()) < plan.agenda.length) await page.getByRole('button', { name: 'Add item' }).click();
    for (const [index, [title, minutes]] of plan.agenda.entries()) {
      await page.getByLabel(`Item ${index + 1} title`).fill(title);
      await page.getByLabel(`Item ${index + 1} minutes`).fill(String(minutes));
    }
    if (plan.guardrails) {
      await page.getByRole('button', { name: 'Add topic' }).click();
      await page.getByLabel('Topic 1 not to raise', { exact: true }).fill(plan.guardrails.doNotRaise);
      await page.getByLabel('The manager steps in only if', { exact: true }).fill(plan.guardrails.stepInWhen);
      await page.getByLabel('The agreed signal', { exact: true }).fill(plan.guardrails.signal);
    }
    await page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: `Edit ${plan.title}` }).waitFor();
  }
}

/**
 * Fills every section of the plan open in the editor with non-ASCII text, so a comparison of two browsers' plans
 * covers every field, not just the title and the agenda.
 */
export async function fillEverySection(page: Page): Promise<void> {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await field('Account (customer company)').fill('Hooli Österreich GmbH');
  await field('Starts').fill('2031-06-02T09:15');
  await field('Minutes planned').fill('45');
  await field('Rep').fill('Zoë Müller');
  await field('Manager').fill('Dana Whitfield');
  for (const [index, [name, role]] of [
    ['Gavin Belson', 'CEO'],
    ['Jürgen Weiß', 'Einkauf, signs the order'],
  ].entries()) {
    await page.getByRole('button', { name: 'Add attendee' }).click();
    await field(`Attendee ${index + 1} name`).fill(name!);
    await field(`Attendee ${index + 1} role`).fill(role!);
  }
  await field('Our objective for this call').fill('Agree the pilot scope — 3 depots');
  await field('The customer’s objective for this call').fill('Weniger Leerfahrten bis Q3');
  await page.getByRole('radio', { name: 'A named next step' }).check();
  await field('Next step: who does what, by when').fill('Jürgen books the pilot kickoff by Friday');
  await field('Item 1 cue for the manager').fill('Warm welcome, then hand back 👋');
  await page.getByRole('checkbox', { name: 'Set the climate' }).check();
  await field('More about the manager’s part').fill('Tell the Nordea story, two minutes at most');
  await page.getByRole('button', { name: 'Add topic' }).click();
  await field('Topic 1 not to raise').fill('Preiserhöhung 2032');
  await field('The manager steps in only if').fill('The integration question stalls');
  await field('The agreed signal').fill('Zoë says “Dana, was meinst du?”');
  await page.getByRole('radio', { name: /^Low/ }).check();
  await page.getByRole('button', { name: 'Add question' }).click();
  await field(`Question ${await page.getByLabel(/^Question \d+$/).count()}`).fill('Qui d’autre décide ?');
  await page.getByRole('checkbox', { name: 'Reviewed together, rep and manager' }).check();
  await page.getByRole('checkbox', { name: 'Agenda sent to the customer' }).check();
}

/** The overlay as a user sees it: the pill, and the panel behind it. */
export class OverlayFrame {
  constructor(readonly frame: Frame) {}

  static async on(page: Page): Promise<OverlayFrame> {
    return new OverlayFrame(await waitForOverlay(page));
  }

  async expand(): Promise<void> {
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
  async waitUntilSettled(): Promise<void> {
    const host = this.frame.page().locator(OVERLAY_HOST);
    let previous = JSON.stringify(await host.boundingBox());
    for (let attempt = 0; attempt < 40; attempt++) {
      await this.frame.page().waitForTimeout(50);
      const current = JSON.stringify(await host.boundingBox());
      if (current === previous) return;
      previous = current;
    }
  }

  async text(): Promise<string> {
    return this.frame.locator('body').innerText();
  }

  async startCall(planTitle: string): Promise<void> {
    await this.frame.getByRole('button', { name: `Start call: ${planTitle}` }).click();
    await this.currentItem().waitFor();
    // The tests work with the whole call: the notes list, the questions, the rep's note line are under More.
    await this.more();
  }

  /**
   * Opens the HUD's "More" fold (the agenda, the questions to tick, the notes list), as a person would when there is
   * time for it. The HUD itself shows only what the moment needs.
   */
  async more(): Promise<void> {
    const fold = this.frame.locator('details.more');
    await fold.waitFor({ state: 'attached' });
    if ((await fold.getAttribute('open')) === null) await fold.locator('summary').press('Enter');
    await this.frame.locator('details.more[open]').waitFor({ state: 'attached' });
  }

  async closeMore(): Promise<void> {
    const fold = this.frame.locator('details.more[open]');
    if ((await fold.count()) > 0) await fold.locator('summary').press('Enter');
    await this.frame.locator('details.more:not([open])').waitFor({ state: 'attached' });
  }

  /** A titled part of the panel, such as "Linked to this meeting". */
  section(name: string) {
    return this.frame.getByRole('region', { name, exact: true });
  }

  /** The line naming the current agenda item. */
  currentItem() {
    return this.frame.locator('.now-title');
  }
}

/** Opens a meeting URL in a new tab and returns the tab with its overlay, opened into the panel. */
export async function openMeeting(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; overlay: OverlayFrame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  return { page, overlay };
}

/** Stops the extension's service worker and waits until the browser lists none (see scripts/lib). */
export function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  return stopWorker(browser.context, browser.extensionId);
}

/** The extension's running service workers, as the browser reports them. */
export async function serviceWorkerTargets(browser: ExtensionBrowser): Promise<{ targetId: string; url: string }[]> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    return await serviceWorkerTargetsOn(cdp, browser.extensionId);
  } finally {
    await cdp.detach();
  }
}

/**
 * Every record of one store, read straight from the extension's IndexedDB, as the database holds it. `notes` are
 * every note of every call's note pages (a call's notes are stored in pages, see src/storage/note-pages.ts).
 */
export async function storedRecords(
  browser: ExtensionBrowser,
  store: 'plans' | 'calls' | 'notes' | 'debriefs',
): Promise<unknown[]> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
  const records = await page.evaluate(
    (storeName) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const paged = storeName === 'notes';
          const name = paged ? 'notePages' : storeName;
          const read = request.result.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            request.result.close();
            resolve(paged ? read.result.flatMap((page: { notes: unknown[] }) => page.notes) : read.result);
          };
        };
      }),
    store,
  );
  await page.close();
  return records;
}

/**
 * Keeps a read-write transaction open on one store from an extension page, so every other write to that store
 * waits behind it: a note sent now stays visibly pending until `release`. Reads of the store wait too.
 */
export async function holdStore(browser: ExtensionBrowser, store: 'notes' | 'calls'): Promise<() => Promise<void>> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html?view=tab'));
  await page.evaluate(
    (storeName) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const name = storeName === 'notes' ? 'notePages' : storeName;
          const objectStore = request.result.transaction(name, 'readwrite').objectStore(name);
          const holder = globalThis as { ridealongHold?: boolean };
          holder.ridealongHold = true;
          // A transaction stays open while it has requests: one more each time the last one ends.
          const spin = () => {
            if (holder.ridealongHold) objectStore.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
    store,
  );
  return async () => {
    await page.evaluate(() => {
      (globalThis as { ridealongHold?: boolean }).ridealongHold = false;
    });
    await page.close();
  };
}

export function storedPlans(browser: ExtensionBrowser): Promise<unknown[]> {
  return storedRecords(browser, 'plans');
}

/**
 * Reloads the extension under an open meeting tab, as an update does, and checks the tab's answer: the content
 * script left behind says to reload the tab, and the meeting page itself still responds.
 */
export async function reloadExtensionUnder(browser: ExtensionBrowser, page: Page): Promise<void> {
  await browser.context
    .serviceWorkers()
    .at(-1)!
    .evaluate(() => chrome.runtime.reload())
    .catch(() => undefined);
  await expect.poll(() => page.locator(OVERLAY_HOST).innerText(), { timeout: 10_000 }).toContain('reload this tab');
  await page.getByRole('button', { name: 'Leave call' }).click();
  expect(page.url()).toBe('https://meet.google.com/landing');
}
