// When Ridealong can't open its data (here: a newer version's database, as after a downgrade), every surface says
// what happened in plain words and offers a way on: try again, or restore from a backup. Never a blank page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, PopupPage, startExtensionBrowser, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowser();
  // A newer Ridealong upgraded the database past the version this build knows.
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html?view=tab'));
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('ridealong', 99);
        request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
      }),
  );
  await page.close();
});

afterAll(() => browser?.close());

describe('data that can’t be opened', () => {
  it('is explained in the popup, with Try again and a way to restore a backup', async () => {
    const popup = await PopupPage.open(browser);
    const problem = popup.page.getByRole('alert').filter({ hasText: 'can’t read its data' });
    await expect.poll(() => problem.innerText()).toContain('saved by a newer version of Ridealong');
    await problem.getByRole('button', { name: 'Try again' }).click();
    await problem.waitFor();
    const [backupTab] = await Promise.all([
      browser.context.waitForEvent('page'),
      problem.getByRole('button', { name: 'Restore from a backup' }).click(),
    ]);
    await backupTab.waitForURL(/debrief\.html#backup$/);
    await backupTab.getByRole('heading', { name: /Back/ }).first().waitFor();
    await backupTab.close();
    await popup.page.close();
  });

  it('is explained on the call history and the trends, not a blank page', async () => {
    const page = await browser.context.newPage();
    for (const hash of ['', '#trends']) {
      await page.goto(extensionUrl(browser.extensionId, `src/debrief/debrief.html${hash}`));
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('saved by a newer version of Ridealong');
      expect(await page.getByRole('button', { name: 'Restore from a backup' }).count()).toBe(1);
    }
    await page.close();
  });
});

describe('data the browser reports lost', () => {
  it('is said plainly in the popup and the call history, with the backup offered, until dismissed', async () => {
    const fresh = await startExtensionBrowser();
    try {
      const setup = await fresh.context.newPage();
      await setup.goto(extensionUrl(fresh.extensionId, 'src/popup/popup.html?view=tab'));
      // What the worker or a page records when the browser's open reports dataLoss "total".
      await setup.evaluate(() => chrome.storage.local.set({ 'ridealong.dataLossAt': Date.now() }));
      await setup.close();

      const history = await fresh.context.newPage();
      await history.goto(extensionUrl(fresh.extensionId, 'src/debrief/debrief.html'));
      await history.getByRole('alert').filter({ hasText: 'started it afresh' }).waitFor();
      await history.getByRole('button', { name: 'Restore from a backup' }).click();
      await history.waitForURL(/#backup$/);
      await history.close();

      const popup = await PopupPage.open(fresh);
      const notice = popup.page.getByRole('alert').filter({ hasText: 'started it afresh' });
      await notice.waitFor();
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await popup.page.reload();
      await popup.page.getByRole('button', { name: 'Import plan' }).waitFor();
      expect(await popup.page.getByRole('alert').filter({ hasText: 'started it afresh' }).count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
