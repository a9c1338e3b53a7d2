// A schema upgrade with every kind of context holding the database open: the popup, the debrief page, and the
// service worker serving two overlays. Each closes its connection on `versionchange`, so the upgrade goes through
// at once instead of waiting, blocked, for a tab someone forgot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowserWithPlans } from './extension-fixture';
import { openMeeting } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

const MEETING = 'https://meet.google.com/upg-rade-now';
const OTHER_MEETING = 'https://meet.google.com/upg-rade-two';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: 'Stark: upgrade',
      meetingLink: MEETING,
      agenda: [
        ['Open', 5],
        ['Next step', 5],
      ],
    },
    {
      title: 'Wayne: upgrade',
      meetingLink: OTHER_MEETING,
      agenda: [
        ['Open', 5],
        ['Next step', 5],
      ],
    },
  ]);
});

afterAll(() => browser?.close());

describe('a schema upgrade', () => {
  it('is not blocked by the popup, the debrief page or two overlays holding the database', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Edit Stark: upgrade' }).waitFor();
    const debrief = await browser.context.newPage();
    await debrief.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    // The history has read the database, so the page holds a connection to it.
    await debrief.getByText(/^No calls yet/).waitFor();
    for (const [url, title] of [
      [MEETING, 'Stark: upgrade'],
      [OTHER_MEETING, 'Wayne: upgrade'],
    ] as const) {
      const { overlay } = await openMeeting(browser, url);
      await overlay.startCall(title);
    }

    const upgrader = await browser.context.newPage();
    await upgrader.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html?view=tab'));
    const outcome = await upgrader.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('ridealong', 4);
          request.onblocked = () => resolve('blocked');
          request.onupgradeneeded = () => request.result.createObjectStore('added-in-v4');
          request.onerror = () => resolve(`failed: ${request.error?.name}`);
          request.onsuccess = () => {
            request.result.close();
            resolve('upgraded');
          };
          setTimeout(() => resolve('still waiting after 5 s'), 5_000);
        }),
    );
    expect(outcome).toBe('upgraded');

    // Each page reopens the database when it next needs it, at the new version, and still works. (This build knows
    // version 3 only, so "works" here is the plain message that the data is newer, not a blank or frozen page.)
    await popup.page.reload();
    await expect
      .poll(() => popup.page.getByRole('alert').innerText())
      .toContain('saved by a newer version of Ridealong');
    await debrief.reload();
    await expect.poll(() => debrief.getByRole('alert').innerText()).toContain('saved by a newer version of Ridealong');
  });
});
