// Sharing a plan between the rep's and the manager's browsers with no server: a share code from one profile,
// imported in another.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { type ExtensionBrowser, startExtensionBrowser } from './extension-fixture';
import { storedPlans } from './database';
import { fillEverySection, PopupPage } from './pages/popup.mjs';

/** A browser's stored plans without `syncedRevision`, which records what each browser last imported. */
async function planContents(browser: ExtensionBrowser): Promise<unknown[]> {
  return (await storedPlans(browser)).map((plan) => {
    const { syncedRevision: _synced, ...content } = plan as { syncedRevision?: number };
    return content;
  });
}

let rep: ExtensionBrowser;
let manager: ExtensionBrowser;

beforeAll(async () => {
  [rep, manager] = await Promise.all([startExtensionBrowser(), startExtensionBrowser()]);
});

afterAll(async () => {
  await rep?.close();
  await manager?.close();
});

async function shareCode(popup: PopupPage, title: string): Promise<string> {
  // A fresh list, so the code read below can't be one an earlier click left on the screen. The plan is listed
  // under its name first: then any edit before this is stored, and the reload can't cut its save short.
  await popup.page.getByRole('button', { name: `Share ${title}` }).waitFor();
  await popup.page.reload();
  await popup.page.getByRole('button', { name: `Share ${title}` }).click();
  return popup.page.getByLabel(`Share code for “${title}”`).inputValue();
}

describe('a share code', () => {
  it('carries a plan to another browser field for field, then updates it, then says it is up to date', async () => {
    const repPopup = await PopupPage.open(rep);
    await repPopup.createPlan({
      title: 'Hooli: proposal',
      meetingLink: 'https://meet.google.com/hoo-lipr-opo',
      agenda: [
        ['Open and agree the agenda', 5],
        ['Proposal', 20],
        ['Next step', 5],
      ],
    });
    await repPopup.page.getByRole('button', { name: 'Edit Hooli: proposal' }).click();
    await fillEverySection(repPopup.page);
    await repPopup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await repPopup.page.getByRole('button', { name: 'Done' }).click();
    // Done saves, then shows the list: storage holds the edit once the list is back.
    await repPopup.page.getByRole('button', { name: 'Edit Hooli: proposal' }).waitFor();
    // Every section holds something, so the comparison below covers every field.
    const [shared] = (await storedPlans(rep)) as Plan[];
    expect(shared).toMatchObject({
      account: 'Hooli Österreich GmbH',
      attendees: [{ name: 'Gavin Belson' }, { name: 'Jürgen Weiß' }],
      commitment: { kind: 'next-step' },
      managerParts: ['climate', 'present', 'objections'],
      managerNote: 'Tell the Nordea story, two minutes at most',
      doNotRaise: ['Preiserhöhung 2032'],
      stakes: 'low',
      reviewedTogetherAt: expect.any(Number),
      agendaSentAt: expect.any(Number),
    });
    const firstCode = await shareCode(repPopup, 'Hooli: proposal');
    expect(firstCode).toMatch(/^RA1\.[A-Za-z0-9_-]+$/);

    const managerPopup = await PopupPage.open(manager);
    await managerPopup.importCode(firstCode);
    await managerPopup.page.getByRole('status').filter({ hasText: 'Imported “Hooli: proposal”.' }).waitFor();
    expect(await planContents(manager)).toEqual(await planContents(rep));

    // The rep edits the plan and shares it again.
    await repPopup.page.getByRole('button', { name: 'Edit Hooli: proposal' }).click();
    await repPopup.page.getByLabel('Title', { exact: true }).fill('Hooli: final proposal');
    await repPopup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await repPopup.page.getByRole('button', { name: 'Done' }).click();
    const secondCode = await shareCode(repPopup, 'Hooli: final proposal');

    await managerPopup.page.getByLabel('Share code', { exact: true }).fill(secondCode);
    await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
    await managerPopup.page.getByRole('status').filter({ hasText: 'Updated “Hooli: final proposal”' }).waitFor();
    expect(await planContents(manager)).toEqual(await planContents(rep));

    await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
    await managerPopup.page
      .getByRole('status')
      .filter({ hasText: '“Hooli: final proposal” is already up to date.' })
      .waitFor();
    expect(await planContents(manager)).toEqual(await planContents(rep));
  });

  it('that is broken shows a clear error and leaves the database unchanged', async () => {
    const before = await storedPlans(manager);
    const managerPopup = await PopupPage.open(manager);
    const repPopup = await PopupPage.open(rep);
    const code = await shareCode(repPopup, 'Hooli: final proposal');
    await managerPopup.importCode(code.slice(0, code.length - 12));
    await expect
      .poll(() => managerPopup.page.getByRole('alert').innerText())
      .toContain('That share code is damaged or incomplete');
    await managerPopup.page.getByLabel('Share code', { exact: true }).fill('{"plans": "not a code"}');
    await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => managerPopup.page.getByRole('alert').innerText()).toContain('not a Ridealong share code');
    // A well-formed code whose plan breaks a rule: the refusal names the plan and the field.
    const [plan] = (await storedPlans(rep)) as Plan[];
    const agenda = plan!.agenda.map((item, index) => (index === 1 ? { ...item, minutes: 999 } : item));
    const json = JSON.stringify({ v: 1, plans: [{ ...plan, agenda }] });
    await managerPopup.page
      .getByLabel('Share code', { exact: true })
      .fill(`RA1.${deflateRawSync(json).toString('base64url')}`);
    await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => managerPopup.page.getByRole('alert').innerText())
      .toContain('plan 1 (“Hooli: final proposal”), agenda item 2, minutes: must be at most 240');
    expect(await storedPlans(manager)).toEqual(before);
  });
});

describe('a plan file', () => {
  it('carries every plan to another browser', async () => {
    const repPopup = await PopupPage.open(rep);
    const [download] = await Promise.all([
      repPopup.page.waitForEvent('download'),
      repPopup.page.getByRole('button', { name: 'Export all to a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ridealong-plans-\d{4}-\d{2}-\d{2}\.ridealong\.json$/);
    const file = join(tmpdir(), `ridealong-${Date.now()}.ridealong.json`);
    await download.saveAs(file);

    const fresh = await startExtensionBrowser();
    try {
      const popup = await PopupPage.open(fresh);
      await popup.page.getByRole('button', { name: 'Import plan' }).click();
      await popup.page.getByLabel(/^Or a plan file/).setInputFiles(file);
      await popup.page.getByRole('status').filter({ hasText: 'Imported “Hooli: final proposal”.' }).waitFor();
      expect(await planContents(fresh)).toEqual(await planContents(rep));
    } finally {
      await fresh.close();
    }
  });
});

describe('importing over a plan changed here since', () => {
  it('asks first, and keeps the local version unless told otherwise', async () => {
    const repPopup = await PopupPage.open(rep);
    // The code the manager already imported brings nothing new to their edited copy: old news, nothing asked.
    const oldCode = await shareCode(repPopup, 'Hooli: final proposal');
    // Both edit their copy: the rep…
    await repPopup.page.getByRole('button', { name: 'Edit Hooli: final proposal' }).click();
    await repPopup.page.getByLabel('The agreed signal', { exact: true }).fill('Zoë says “Dana, your view?”');
    await repPopup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await repPopup.page.getByRole('button', { name: 'Done' }).click();
    const code = await shareCode(repPopup, 'Hooli: final proposal');
    // …and the manager.
    const managerPopup = await PopupPage.open(manager);
    await managerPopup.page.getByRole('button', { name: 'Edit Hooli: final proposal' }).click();
    await managerPopup.page.getByLabel('The manager steps in only if', { exact: true }).fill('Only on legal terms');
    await managerPopup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await managerPopup.page.getByRole('button', { name: 'Done' }).click();
    await managerPopup.page.getByRole('button', { name: 'Edit Hooli: final proposal' }).waitFor();
    const edited = await storedPlans(manager);

    await managerPopup.importCode(oldCode);
    await managerPopup.page
      .getByRole('status')
      .filter({ hasText: 'You already have a newer version of “Hooli: final proposal”' })
      .waitFor();
    expect(await storedPlans(manager)).toEqual(edited);

    await managerPopup.page.getByLabel('Share code', { exact: true }).fill(code);
    await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
    const conflict = managerPopup.page.getByRole('group', { name: 'Conflict: Hooli: final proposal' });
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await managerPopup.page.getByRole('status').filter({ hasText: 'Kept your version' }).waitFor();
    expect(await storedPlans(manager)).toEqual(edited);

    await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
    await conflict.getByRole('button', { name: 'Replace mine' }).click();
    await managerPopup.page.getByRole('status').filter({ hasText: 'Replaced “Hooli: final proposal”' }).waitFor();
    expect(await planContents(manager)).toEqual(await planContents(rep));
  });
});
