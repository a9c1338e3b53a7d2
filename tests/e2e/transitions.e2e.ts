// The rep's Next shows at once: the HUD draws the move before storage has it, because a glance must not wait for a
// disk. Storage still gets every move, and a move it refuses is taken back, with a message.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { holdStore, storedRecords } from './database';
import { openMeeting, OverlayFrame } from './pages/overlay.mjs';
import { seedPlanForNow, SEEDED_TITLE } from './seed';

let browser: ExtensionBrowser;
let page: Page;
let overlay: OverlayFrame;

beforeAll(async () => {
  browser = await startExtensionBrowser();
  await seedPlanForNow(browser);
  ({ page, overlay } = await openMeeting(browser, 'https://meet.google.com/see-dedp-lan'));
  await overlay.frame.getByRole('radio', { name: 'the rep' }).check();
  await overlay.startCall(SEEDED_TITLE);
});

afterAll(() => browser?.close());

const storedMoves = async () =>
  ((await storedRecords(browser, 'calls')) as { transitions: { toItemIndex: number }[] }[])[0]!.transitions.map(
    (move) => move.toItemIndex,
  );

describe('a move in the HUD', () => {
  it('shows before storage has it, and is stored once storage can take it', async () => {
    const release = await holdStore(browser, 'calls');
    await page.bringToFront();
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await overlay.currentItem().filter({ hasText: '2 of 3' }).waitFor();
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await overlay.currentItem().filter({ hasText: '3 of 3' }).waitFor();
    await release();
    await expect.poll(storedMoves).toEqual([1, 2]);
    // And the HUD settles on what storage holds: the same.
    expect(await overlay.currentItem().innerText()).toMatch(/^3 of 3/);
  });

  it('is taken back when storage refuses it, and says so', async () => {
    // The call is deleted behind the HUD's back (another window restored a backup, say): the move can't be stored.
    const other = await browser.context.newPage();
    await other.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html?view=tab'));
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('ridealong');
          request.onsuccess = () => {
            const transaction = request.result.transaction('calls', 'readwrite');
            transaction.objectStore('calls').clear();
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await other.close();
    await page.bringToFront();
    await overlay.frame.getByRole('button', { name: 'Back' }).click();
    await overlay.frame.getByRole('alert').filter({ hasText: 'The move was not stored' }).waitFor();
    // Nothing stored runs here any more: the plans are offered again, not a call that isn't there.
    await overlay.frame.getByRole('button', { name: `Start call: ${SEEDED_TITLE}` }).waitFor();
  });
});
