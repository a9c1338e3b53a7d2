// The extension reloaded (or updated) in the middle of a call. The meeting page keeps working and the overlay asks
// for a tab reload instead of going blank. Nothing is lost: the notes already saved, and the one still pending at
// that moment, are all there when Ridealong runs again and the call resumes.
//
// In this Chromium an extension loaded from the command line stays off after chrome.runtime.reload(), so "runs
// again" is the browser relaunched on the same profile, which loads it afresh, as an update would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/extension-browser.mjs';
import { type ExtensionBrowser, reloadExtensionUnder } from './extension-fixture';
import { holdStore, storedRecords } from './database';
import { OverlayFrame } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

const MEETING = 'https://meet.google.com/ext-relo-add';
const TITLE = 'Massive Dynamic: reload';
const profileDir = mkdtempSync(join(tmpdir(), 'ridealong-reload-'));

async function launch(): Promise<ExtensionBrowser> {
  const { context, extensionId } = await launchWithExtension({ headless: true, profileDir });
  return { context, extensionId, close: () => context.close() };
}

afterAll(() => rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe('an extension reload mid-call', () => {
  it('keeps the page working, asks for a tab reload, and loses nothing', { timeout: 90_000 }, async () => {
    const browser = await launch();
    const popup = await PopupPage.open(browser);
    await popup.createPlan({
      title: TITLE,
      meetingLink: MEETING,
      agenda: [
        ['Open', 5],
        ['Demo', 10],
        ['Next step', 5],
      ],
    });
    await popup.page.close();
    const page = await browser.context.newPage();
    await page.goto(MEETING);
    const overlay = await OverlayFrame.on(page);
    await overlay.expand();
    await overlay.frame.getByRole('radio', { name: 'the manager' }).check();
    await overlay.startCall(TITLE);
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await overlay.currentItem().filter({ hasText: 'Demo' }).waitFor();
    await overlay.frame.getByRole('region', { name: 'Notes' }).focus();
    for (const text of ['saved before the reload', 'also saved']) {
      await page.keyboard.press('3');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await overlay.frame.getByRole('listitem').filter({ hasText: text }).filter({ hasText: '✓ saved' }).waitFor();
    }
    // One more, held pending: the notes store is busy, so it waits in the overlay's outbox.
    await holdStore(browser, 'notes');
    await page.keyboard.press('1');
    await page.keyboard.type('pending at the reload');
    await page.keyboard.press('Enter');
    await overlay.frame
      .getByRole('listitem')
      .filter({ hasText: 'pending at the reload' })
      .filter({ hasText: 'saving' })
      .waitFor();

    // The extension reloads, as an update does: its pages close, its worker stops, the frame loses its context.
    await reloadExtensionUnder(browser, page);
    await browser.close();

    // Ridealong runs again on the same profile: the call resumes where it was, with all three notes.
    const again = await launch();
    try {
      const resumedPage = await again.context.newPage();
      await resumedPage.goto(MEETING);
      const resumed = await OverlayFrame.on(resumedPage);
      await resumed.expand();
      await resumed.currentItem().filter({ hasText: 'Demo' }).waitFor();
      await expect.poll(() => resumed.frame.getByText('3 notes on this call').count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => resumed.frame.locator('.note-status.pending').count(), { timeout: 10_000 }).toBe(0);
      const notes = (await storedRecords(again, 'notes')) as { text: string }[];
      expect(notes.map((note) => note.text).sort()).toEqual(
        ['also saved', 'pending at the reload', 'saved before the reload'].sort(),
      );
    } finally {
      await again.close();
    }
  });
});
