// "Back up everything" writes one file; "Restore" in another browser validates it whole, then merges or replaces.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { storedRecords } from './database';
import { OverlayFrame } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

const MEETING = 'https://meet.google.com/bac-kupa-all';
const TITLE = 'Initech: close';
let source: ExtensionBrowser;
let target: ExtensionBrowser;
let backupPath: string;

const everything = async (browser: ExtensionBrowser) => ({
  plans: await storedRecords(browser, 'plans'),
  calls: await storedRecords(browser, 'calls'),
  notes: await storedRecords(browser, 'notes'),
  debriefs: await storedRecords(browser, 'debriefs'),
});

async function openBackupPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html#backup'));
  await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
  return page;
}

async function pickBackup(page: Page, path: string) {
  await page.getByLabel('Backup file').setInputFiles(path);
}

beforeAll(async () => {
  [source, target] = await Promise.all([startExtensionBrowser(), startExtensionBrowser()]);
  const popup = await PopupPage.open(source);
  await popup.createPlan({
    title: TITLE,
    meetingLink: MEETING,
    agenda: [
      ['Open', 5],
      ['Ask for the order', 5],
    ],
  });
  await popup.page.close();
  const meeting = await source.context.newPage();
  await meeting.goto(MEETING);
  const overlay = await OverlayFrame.on(meeting);
  await overlay.expand();
  await overlay.startCall(TITLE);
  await overlay.frame.getByRole('region', { name: 'Notes' }).focus();
  await meeting.keyboard.type('budget approved for Q3');
  await meeting.keyboard.press('Enter');
  await overlay.frame.getByRole('listitem').filter({ hasText: '✓ saved' }).waitFor();
  await overlay.frame.getByRole('button', { name: 'Next item' }).click();
  await overlay.frame.getByRole('button', { name: 'End call' }).click();
  await meeting.close();
  // The call's debrief, begun.
  const debrief = await source.context.newPage();
  await debrief.goto(extensionUrl(source.extensionId, 'src/debrief/debrief.html'));
  await debrief.getByRole('link', { name: TITLE }).click();
  await debrief.getByLabel('How did it feel?').fill('Good; asked for the order too late');
  await debrief.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await debrief.close();

  const page = await openBackupPage(source);
  await page.getByText('No backup made on this device yet').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Back up everything' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ridealong-backup-\d{4}-\d\d-\d\d\.ridealong-backup\.json$/);
  backupPath = join(tmpdir(), `ridealong-${Date.now()}.ridealong-backup.json`);
  await download.saveAs(backupPath);
  await page.getByRole('status').filter({ hasText: 'Backed up' }).waitFor();
  expect(await page.locator('body').innerText()).toContain('Last backup:');
  await page.close();
});

afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('a backup', () => {
  it('holds everything, and merging it into another browser gives the same records', async () => {
    const file = JSON.parse(readFileSync(backupPath, 'utf8')) as {
      plans: unknown[];
      calls: unknown[];
      notes: unknown[];
      debriefs: unknown[];
    };
    expect(file.plans).toHaveLength(1);
    expect(file.calls).toHaveLength(1);
    expect(file.notes).toHaveLength(1);
    expect(file.debriefs).toHaveLength(1);

    const page = await openBackupPage(target);
    await pickBackup(page, backupPath);
    await expect.poll(() => page.locator('body').innerText()).toContain('1 plan, 1 call, 1 note, 1 debrief');
    await page.getByRole('button', { name: 'Merge this backup' }).click();
    await page.getByRole('status').filter({ hasText: '4 added' }).waitFor();
    expect(await everything(target)).toEqual(await everything(source));

    // A second merge finds everything already there.
    await pickBackup(page, backupPath);
    await page.getByRole('button', { name: 'Merge this backup' }).click();
    await page.getByRole('status').filter({ hasText: '0 added, 0 updated, 4 already here' }).waitFor();
    await page.close();
  });

  it('replaces everything when asked, so the browser holds exactly the backup', async () => {
    const popup = await PopupPage.open(target);
    await popup.createPlan({
      title: 'Only here',
      meetingLink: 'https://meet.google.com/onl-yher-eee',
      agenda: [
        ['Open', 5],
        ['Close', 5],
      ],
    });
    await popup.page.close();
    expect(await storedRecords(target, 'plans')).toHaveLength(2);

    const page = await openBackupPage(target);
    await pickBackup(page, backupPath);
    await page.getByRole('radio', { name: /^Replace/ }).check();
    await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await page.getByRole('status').filter({ hasText: 'now holds exactly' }).waitFor();
    expect(await everything(target)).toEqual(await everything(source));
    await page.close();
  });

  it('that is damaged is refused with a clear message, and nothing changes', async () => {
    const before = await everything(target);
    const damaged = join(tmpdir(), `ridealong-damaged-${Date.now()}.json`);
    const text = readFileSync(backupPath, 'utf8');
    writeFileSync(damaged, text.replace('"revision":', '"revision":"x","was":'));
    const page = await openBackupPage(target);
    await pickBackup(page, damaged);
    await page.getByRole('alert').filter({ hasText: 'damaged or incomplete' }).waitFor();
    expect(await page.getByRole('button', { name: /Merge this backup|Replace everything/ }).count()).toBe(0);
    expect(await everything(target)).toEqual(before);
    await page.close();
  });

  it('is asked for gently on the history page after 30 days without one, once there are debriefs', async () => {
    const page = await source.context.newPage();
    await page.goto(extensionUrl(source.extensionId, 'src/debrief/debrief.html'));
    await page.getByRole('table').waitFor();
    // Backed up in beforeAll: no reminder.
    expect(await page.getByRole('note').filter({ hasText: 'backed up' }).count()).toBe(0);
    // 31 days later, as far as the last backup is concerned.
    await page.evaluate(() =>
      chrome.storage.local.set({ 'ridealong.lastBackupAt': Date.now() - 31 * 24 * 60 * 60_000 }),
    );
    await page.reload();
    const reminder = page.getByRole('note').filter({ hasText: 'since your debriefs were backed up' });
    await reminder.waitFor();
    await reminder.getByRole('link', { name: 'Back up everything' }).click();
    await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
    await page.close();
  });
});
