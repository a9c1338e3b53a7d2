// MV3 stops the service worker after about 30 s idle. The overlay's next action must wake it and succeed, with
// nothing lost, because the worker keeps nothing in memory that matters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  extensionUrl,
  serviceWorkerTargets,
  startExtensionBrowserWithPlans,
  stopServiceWorker,
} from './extension-fixture';
import { openMeeting, OverlayFrame } from './pages/overlay.mjs';
import { storedRecords } from './database';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: 'Umbrella Corp: close',
      meetingLink: 'https://meet.google.com/umb-rell-aco',
      agenda: [
        ['Open', 5],
        ['Recap the proposal', 10],
        ['Ask for the order', 5],
      ],
    },
  ]);
});

afterAll(() => browser?.close());

describe('a stopped service worker', () => {
  it('is woken by the next overlay action, which succeeds and loses nothing', async () => {
    const { page, overlay } = await openMeeting(browser, 'https://meet.google.com/umb-rell-aco');
    await overlay.startCall('Umbrella Corp: close');
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Open');

    await stopServiceWorker(browser);

    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Recap the proposal');
    // The HUD shows a move before storage has it: wait for the stored record, as the move is only then kept.
    await expect
      .poll(async () =>
        ((await storedRecords(browser, 'calls')) as { transitions: { toItemIndex: number }[] }[]).map(
          (call) => call.transitions.at(-1)?.toItemIndex,
        ),
      )
      .toEqual([1]);
    // Only once it is stored do the worker's start and the overlay's retries lie behind us: no error shows, and one
    // worker runs.
    expect(await overlay.text()).not.toContain('try again');
    expect(await serviceWorkerTargets(browser)).toHaveLength(1);

    // Stopped again, then the tab reloads: the overlay picks the running call up from storage.
    await stopServiceWorker(browser);
    await page.reload();
    const reloaded = await OverlayFrame.on(page);
    // It was open before the reload, so it comes back open.
    await reloaded.expand();
    await expect.poll(() => reloaded.text()).toContain('2 of 3');
    await expect.poll(() => reloaded.currentItem().innerText()).toContain('Recap the proposal');

    // The history page reads the same record straight from IndexedDB.
    const history = await browser.context.newPage();
    await history.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    const row = history.getByRole('row', { name: /Umbrella Corp: close/ });
    await expect.poll(() => row.innerText()).toContain('item 2 of 3');
    expect(await history.getByRole('row').count()).toBe(2);
    await history.close();
    await page.close();
  });
});
