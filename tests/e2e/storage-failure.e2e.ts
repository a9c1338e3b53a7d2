// When Ridealong can't open its data (here: a newer version's database, as after a downgrade), every surface says
// what happened in plain words and offers a way on: try again, or restore from a backup. Never a blank page.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupOf, backupText } from '../../src/domain/backup';
import { PLAN } from '../unit/fixtures';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { PopupPage } from './pages/popup.mjs';

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

  // Last in this group: it replaces the data the other tests need unreadable.
  it('can be replaced with a backup, once the person agrees to delete what can’t be read', async () => {
    const file = join(tmpdir(), `ridealong-restore-${Date.now()}.ridealong-backup.json`);
    const plan = { ...PLAN, title: 'Restored: Acme proposal', scheduledStart: Date.now() + 86_400_000 };
    writeFileSync(file, backupText(backupOf({ plans: [plan], calls: [], notes: [], debriefs: [] }, Date.now())));
    const page = await browser.context.newPage();
    await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html#backup'));
    await page.getByLabel('Backup file').setInputFiles(file);
    await page.getByRole('button', { name: 'Merge this backup' }).click();
    const ask = page.getByRole('group', { name: 'Replace the data that can’t be read?' });
    await expect.poll(() => ask.innerText()).toContain('saved by a newer version of Ridealong');
    // Cancel changes nothing: the data is still unreadable.
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await ask.count()).toBe(0);
    await page.getByRole('button', { name: 'Merge this backup' }).click();
    await ask.getByRole('button', { name: 'Delete the unreadable data and restore this backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored 1 record' }).waitFor();
    await page.close();

    const popup = await PopupPage.open(browser);
    await popup.page.getByText('Restored: Acme proposal').first().waitFor();
    expect(await popup.page.getByRole('alert').filter({ hasText: 'can’t read its data' }).count()).toBe(0);
    await popup.page.close();
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
