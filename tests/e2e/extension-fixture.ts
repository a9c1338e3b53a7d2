// The one fixture of every e2e file: Chromium with the built extension (meeting sites routed to the local pages in
// fixtures/, see scripts/lib/extension-browser.mjs), its id, and what the tests do to the extension itself: deliver
// a keyboard command, stop the service worker, reload the extension. Page objects are in pages/, reads and holds of
// the extension's database in database.ts.
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  extensionUrl,
  launchWithExtension,
  serviceWorkerTargetsOn,
  stopServiceWorker as stopWorker,
} from '../../scripts/lib/extension-browser.mjs';
import { OVERLAY_HOST } from './pages/overlay.mjs';
import { PopupPage, type PlanInput } from './pages/popup.mjs';

export { extensionUrl };

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function startExtensionBrowser(
  /** `dist`: another build of the extension than dist/ (team sync's tests load a copy that pre-grants its server). */
  options: { colorScheme?: 'light' | 'dark'; dist?: string } = {},
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

/** A fresh browser whose plans were created through the popup, the way a user would. */
export async function startExtensionBrowserWithPlans(plans: PlanInput[]): Promise<ExtensionBrowser> {
  const browser = await startExtensionBrowser();
  const popup = await PopupPage.open(browser);
  for (const plan of plans) await popup.createPlan(plan);
  await popup.page.close();
  return browser;
}

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

/**
 * Puts the browser back to where a test of the file starts: every tab the test opened is closed, and every call
 * still running is ended through the worker, as End call does. A test that failed half-way through a call can't leave
 * it running for the next one, whose "Start call" would otherwise never show.
 */
export async function resetBetweenTests(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  for (const open of browser.context.pages()) if (open !== page) await open.close();
  await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
  await page.evaluate(async () => {
    const calls = await new Promise<{ id: string; endedAt: number | null }[]>((resolve, reject) => {
      const request = indexedDB.open('ridealong');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const read = request.result.transaction('calls').objectStore('calls').getAll();
        read.onsuccess = () => {
          request.result.close();
          resolve(read.result);
        };
      };
    });
    for (const call of calls.filter((stored) => stored.endedAt === null)) {
      const reply = (await chrome.runtime.sendMessage({ type: 'call/end', callId: call.id })) as { ok: boolean };
      if (!reply?.ok) throw new Error(`The running call ${call.id} could not be ended: ${JSON.stringify(reply)}`);
    }
  });
  await page.close();
}

/** The path Chrome shows in `page`'s tab's side panel, once the worker has enabled it for that meeting tab. */
export async function sidePanelPathFor(browser: ExtensionBrowser, page: Page): Promise<string> {
  await page.bringToFront();
  const worker = browser.context.serviceWorkers().at(-1)!;
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    for (;;) {
      const options = await chrome.sidePanel.getOptions({ tabId: tab!.id });
      if (options.enabled && options.path) return options.path;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, page.url());
}
