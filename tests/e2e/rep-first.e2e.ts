// Rep first on the rep's device too: the manager's notes, imported from the manager's package, stay folded until
// the rep has answered "How did it feel?" or skipped it, as they do on the manager's own device.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDebrief, type Debrief } from '../../src/domain/debrief';
import { type ExtensionBrowser, startExtensionBrowser } from './extension-fixture';
import { storedRecords } from './database';
import { managerPackageFile, openCallDebrief, seedRepDevice } from './seed';

let rep: ExtensionBrowser;
let packageFile: string;

beforeAll(async () => {
  rep = await startExtensionBrowser();
  const { plan } = await seedRepDevice(rep);
  packageFile = managerPackageFile(plan);
});

afterAll(async () => {
  await rep?.close();
});

const listedNotes = async (page: Page) => (await page.locator('.phase-notes').allInnerTexts()).join('\n');

describe('rep first, on the rep’s device', () => {
  it('keeps the manager’s imported notes folded until the rep answers or skips', async () => {
    const page = await openCallDebrief(rep);
    const marks = page.locator('.timeline .note-mark');
    await page.getByLabel('Import partner’s notes').setInputFiles(packageFile);
    // The manager filled in no debrief field, so the message doesn't claim any came along.
    await page.getByRole('status').filter({ hasText: 'Merged 2 notes' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Merged 2 notes' }).innerText()).not.toContain(
      'debrief fields',
    );
    // Stored, and still folded: on the timeline and in the list only the rep's own notes, also after a reload.
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      await page.getByText('The manager’s notes open once you have answered “How did it feel?”').waitFor();
      expect(await marks.count()).toBe(2);
      expect(await listedNotes(page)).toContain('customer mentioned a Q3 deadline');
      expect(await listedNotes(page)).not.toContain('missed the budget hint');
      expect(await page.getByRole('button', { name: 'Show the manager’s notes' }).count()).toBe(0);
    }

    // The rep answers: the notes can be opened.
    await page.getByLabel('How did it feel?').fill('Rushed the proposal');
    await page.getByRole('button', { name: 'Show the manager’s notes' }).click();
    await expect.poll(() => listedNotes(page)).toContain('missed the budget hint');
    expect(await marks.count()).toBe(4);

    // An answer taken back folds them again; skipping on purpose opens them too.
    await page.getByLabel('How did it feel?').fill('');
    await expect.poll(() => listedNotes(page)).not.toContain('missed the budget hint');
    expect(await marks.count()).toBe(2);
    // Stored without the answer, so a reload starts folded.
    await expect
      .poll(async () => ((await storedRecords(rep, 'debriefs')) as Debrief[])[0]?.selfAssessment.feel)
      .toBe('');
    await page.reload();
    expect(await page.getByLabel('How did it feel?').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Skip the self-assessment' }).click();
    await page.getByRole('button', { name: 'Show the manager’s notes' }).click();
    await expect.poll(() => listedNotes(page)).toContain('missed the budget hint');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.close();
  });
});

describe('rep first, on a rep’s device with no debrief yet, importing the manager’s debrief', () => {
  it.each([
    ['skipped the self-assessment', { skipped: true }],
    ['typed an answer for the rep', { feel: 'Seemed rushed in the proposal' }],
  ])('keeps the manager’s notes folded when the manager %s', async (_, selfAssessment) => {
    const device = await startExtensionBrowser();
    try {
      const { plan } = await seedRepDevice(device);
      const base = emptyDebrief('seeded-manager-call', 'next-step', Date.now());
      const managerDebrief: Debrief = {
        ...base,
        selfAssessment: { ...base.selfAssessment, ...selfAssessment },
        outcome: { ...base.outcome, objectiveMet: 'yes' },
      };
      const page = await openCallDebrief(device);
      await page.getByLabel('Import partner’s notes').setInputFiles(managerPackageFile(plan, managerDebrief));
      await page.getByRole('status').filter({ hasText: 'Merged 2 notes' }).waitFor();
      // The manager's outcome came in; the manager's self-assessment did not, so it opened nothing here.
      const stored = async () => ((await storedRecords(device, 'debriefs')) as Debrief[])[0];
      await expect.poll(async () => (await stored())?.outcome.objectiveMet).toBe('yes');
      expect((await stored())?.selfAssessment).toEqual(base.selfAssessment);
      for (const reload of [false, true]) {
        if (reload) await page.reload();
        await page.getByText('The manager’s notes open once you have answered “How did it feel?”').waitFor();
        expect(await page.getByLabel('How did it feel?').inputValue()).toBe('');
        expect(await page.getByRole('button', { name: 'Show the manager’s notes' }).count()).toBe(0);
        expect(await listedNotes(page)).not.toContain('missed the budget hint');
        expect(await page.locator('.timeline .note-mark').count()).toBe(2);
      }
      // The rep's own skip opens them.
      await page.getByRole('button', { name: 'Skip the self-assessment' }).click();
      await page.getByRole('button', { name: 'Show the manager’s notes' }).click();
      await expect.poll(() => listedNotes(page)).toContain('missed the budget hint');
    } finally {
      await device.close();
    }
  });
});
