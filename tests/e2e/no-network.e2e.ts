// Nothing leaves the machine: every request any extension context makes (the popup, the overlay frame, the debrief
// page, the service worker) is recorded through a whole scripted session, and none may go to any host. The meeting
// tab is watched too: our content script runs there, and its requests look like the page's own. The fixture meeting
// pages load nothing from other hosts, so any request from the tab to a host other than the meeting site's counts.
//
// The recorder is checked too: a request made on purpose from an extension page must be counted, or the zero below
// would prove nothing.
import type { Request } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser, stopServiceWorker } from './extension-fixture';
import { openMeeting } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

// Playwright reports a service worker's own requests only with this set, before the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const MEETING = 'https://meet.google.com/nof-etch-now';
const TITLE = 'Umbrella: no network';
let browser: ExtensionBrowser;
const recorded: { url: string; from: string }[] = [];

const MEETING_HOSTS =
  /^https:\/\/(meet\.google\.com|([^/]*\.)?zoom\.us|teams\.(microsoft\.com|live\.com|cloud\.microsoft))\//;

/** Which of our contexts a request came from, or null when it is the meeting site's own page loading itself. */
function extensionContextOf(request: Request, extensionId: string): string | null {
  const worker = request.serviceWorker();
  if (worker) return worker.url().includes(extensionId) ? 'service worker' : null;
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    return null;
  }
  if (frameUrl.startsWith(`chrome-extension://${extensionId}/`)) return new URL(frameUrl).pathname;
  // The meeting tab, where the content script runs: the site loading itself is not ours; anything else would be.
  if (MEETING_HOSTS.test(frameUrl) && !MEETING_HOSTS.test(request.url())) return 'meeting tab';
  return null;
}

/** Requests that leave the browser: anything but the extension's own files and in-memory data. */
const leavesTheMachine = (url: string) => !/^(chrome-extension|data|blob):/.test(url);

beforeAll(async () => {
  browser = await startExtensionBrowser();
  browser.context.on('request', (request) => {
    const from = extensionContextOf(request, browser.extensionId);
    if (from) recorded.push({ url: request.url(), from });
  });
  // The sandbox has no network; a request that tried would hang or fail, and is counted all the same.
  await browser.context.route(/^https?:\/\/(?!meet\.google\.com|[^/]*\.zoom\.us)/, (route) => route.abort());
});

afterAll(() => browser?.close());

describe('a whole session', () => {
  it('makes no request to any host, from any extension context', { timeout: 120_000 }, async () => {
    // Plan, share.
    const popup = await PopupPage.open(browser);
    await popup.createPlan({
      title: TITLE,
      meetingLink: MEETING,
      agenda: [
        ['Open', 5],
        ['Demo', 15],
        ['Next step', 5],
      ],
    });
    await popup.page.getByRole('button', { name: `Share ${TITLE}` }).click();
    await popup.page.getByLabel(`Share code for “${TITLE}”`).waitFor();

    // The call: start, notes, a transition, a tick, the worker stopped and woken, the end.
    const { page, overlay } = await openMeeting(browser, MEETING);
    await overlay.frame.getByRole('radio', { name: 'the manager' }).check();
    await overlay.startCall(TITLE);
    await overlay.frame.getByRole('region', { name: 'Notes' }).focus();
    for (const [key, text] of [
      ['3', 'asked about the rollout'],
      ['1', 'missed the budget hint'],
    ] as const) {
      await page.keyboard.press(key);
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }
    await overlay.frame.locator('.note-status.saved').nth(1).waitFor();
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await stopServiceWorker(browser);
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await overlay.currentItem().filter({ hasText: 'Next step' }).waitFor();
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await overlay.frame.getByRole('region', { name: 'Linked to this meeting' }).waitFor();

    // The debrief, every export, and a backup.
    const debrief = await browser.context.newPage();
    await debrief.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    await debrief.getByRole('link', { name: TITLE }).click();
    await debrief.getByLabel('How did it feel?').fill('Fine');
    await debrief.getByRole('button', { name: 'Show my notes' }).click();
    for (const name of ['Export my notes', 'Download Markdown', 'Download JSON']) {
      const [download] = await Promise.all([
        debrief.waitForEvent('download'),
        debrief.getByRole('button', { name }).click(),
      ]);
      expect(readFileSync(await download.path()).length).toBeGreaterThan(0);
    }
    await debrief.getByRole('button', { name: 'Copy my notes as a code' }).click();
    await debrief.getByLabel('Your notes code').waitFor();
    await debrief.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html#trends'));
    await debrief.locator('.trend').first().waitFor();
    await debrief.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html#backup'));
    const [backup] = await Promise.all([
      debrief.waitForEvent('download'),
      debrief.getByRole('button', { name: /^Back up everything/ }).click(),
    ]);
    expect(readFileSync(await backup.path()).length).toBeGreaterThan(0);

    // The recorder works: a request made on purpose from an extension page is seen.
    await debrief.evaluate(() => fetch('https://recorder-check.invalid/').catch(() => undefined));
    await expect
      .poll(() => recorded.some((request) => request.url.startsWith('https://recorder-check.invalid')))
      .toBe(true);
    // And one from the service worker, woken by the popup.
    await PopupPage.open(browser);
    const worker = browser.context.serviceWorkers().at(-1)!;
    await worker.evaluate(() => fetch('https://recorder-check.invalid/worker').catch(() => undefined));
    await expect
      .poll(() => recorded.some((request) => request.from === 'service worker' && request.url.endsWith('/worker')))
      .toBe(true);

    // And one from the meeting tab, where a content script's request would come from.
    await page.evaluate(() => fetch('https://recorder-check.invalid/tab').catch(() => undefined));
    await expect
      .poll(() => recorded.some((request) => request.from === 'meeting tab' && request.url.endsWith('/tab')))
      .toBe(true);

    const leaving = recorded.filter(
      (request) => leavesTheMachine(request.url) && !request.url.startsWith('https://recorder-check.invalid'),
    );
    const ours = recorded.filter((request) => !leavesTheMachine(request.url));
    console.log(
      `no network: ${leaving.length} requests left the machine, out of ${recorded.length} made by extension contexts ` +
        `(${ours.length} to the extension's own files)`,
    );
    // The contexts were all watched: each made requests for its own files.
    const contexts = new Set(ours.map((request) => request.from));
    expect([...contexts]).toEqual(
      expect.arrayContaining(['/src/popup/popup.html', '/src/overlay/overlay.html', '/src/debrief/debrief.html']),
    );
    expect(leaving).toEqual([]);
  });
});
