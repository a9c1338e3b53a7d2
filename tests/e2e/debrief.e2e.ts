// The debrief with two browsers: the manager (profile M) and the rep (profile R) each ran Ridealong on the same
// meeting. M exports its notes package, R imports it, and R's debrief shows both authors on one timeline.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OverlayFrame, PopupPage, extensionUrl, startExtensionBrowser, type ExtensionBrowser } from './harness';

const MEETING = 'https://meet.google.com/deb-rief-two';
const TITLE = 'Cyberdyne: proposal';
let rep: ExtensionBrowser;
let manager: ExtensionBrowser;

async function startCallAs(browser: ExtensionBrowser, role: 'rep' | 'manager'): Promise<OverlayFrame> {
  const page = await browser.context.newPage();
  await page.goto(MEETING);
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  await overlay.frame.getByRole('radio', { name: `the ${role}` }).check();
  await overlay.frame.getByRole('button', { name: `Start call: ${TITLE}` }).click();
  await overlay.currentItem().waitFor();
  // The notes list (and the rep's note line) are under More.
  await overlay.more();
  return overlay;
}

async function logNote(overlay: OverlayFrame, key: string, text: string) {
  await overlay.frame.getByRole('region', { name: 'Notes' }).focus();
  const page = overlay.frame.page();
  await page.keyboard.press(key);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await overlay.frame.getByRole('listitem').filter({ hasText: text }).filter({ hasText: '✓ saved' }).waitFor();
}

async function openDebrief(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  return page;
}

beforeAll(async () => {
  [rep, manager] = await Promise.all([startExtensionBrowser(), startExtensionBrowser()]);
  // The rep plans the call and shares it; both browsers now hold the same plan.
  const repPopup = await PopupPage.open(rep);
  await repPopup.createPlan({
    title: TITLE,
    meetingLink: MEETING,
    agenda: [
      ['Open', 5],
      ['Proposal', 15],
      ['Next step', 5],
    ],
  });
  await repPopup.page.getByRole('button', { name: `Share ${TITLE}` }).click();
  const code = await repPopup.page.getByLabel(`Share code for “${TITLE}”`).inputValue();
  const managerPopup = await PopupPage.open(manager);
  await managerPopup.page.getByRole('button', { name: 'Import plan' }).click();
  await managerPopup.page.getByLabel('Share code', { exact: true }).fill(code);
  await managerPopup.page.getByRole('button', { name: 'Import', exact: true }).click();
  await managerPopup.page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();

  // The same call, run on both devices.
  const repOverlay = await startCallAs(rep, 'rep');
  const managerOverlay = await startCallAs(manager, 'manager');
  await logNote(managerOverlay, '3', 'asked about their rollout plan');
  // The manager's overlay runs ahead to the last item; the rep only ever moves to the second. The rep runs the
  // agenda, so after the merge the rep's moves must be the ones the timeline shows.
  for (const item of ['Proposal', 'Next step']) {
    await managerOverlay.frame.getByRole('button', { name: 'Next item' }).click();
    await managerOverlay.currentItem().filter({ hasText: item }).waitFor();
  }
  await repOverlay.frame.getByRole('button', { name: 'Next item' }).click();
  await repOverlay.currentItem().filter({ hasText: 'Proposal' }).waitFor();
  await logNote(managerOverlay, '1', 'missed the budget hint');
  await logNote(repOverlay, '4', 'customer mentioned a Q3 deadline');
  for (const overlay of [repOverlay, managerOverlay]) {
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await overlay.frame.getByRole('region', { name: 'Linked to this meeting' }).waitFor();
  }
});

afterAll(async () => {
  await rep?.close();
  await manager?.close();
});

describe('the debrief', () => {
  let packageFile = '';
  let notesCodeText = '';

  it('keeps the manager’s notes folded until the rep has spoken first', async () => {
    const page = await openDebrief(manager);
    const notesList = page.locator('.phase-notes');
    expect((await notesList.allInnerTexts()).join(' ')).not.toContain('budget hint');
    expect(await page.getByRole('button', { name: 'Show my notes' }).count()).toBe(0);
    await page.getByLabel('How did it feel?').fill('Good start, lost the thread on pricing');
    await page.getByRole('button', { name: 'Show my notes' }).click();
    await expect.poll(async () => (await notesList.allInnerTexts()).join(' ')).toContain('missed the budget hint');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my notes' }).click(),
    ]);
    packageFile = await download.path();
    // The same package as one line for a chat.
    await page.getByRole('button', { name: 'Copy my notes as a code' }).click();
    notesCodeText = await page.getByLabel('Your notes code').inputValue();
    expect(notesCodeText).toMatch(/^RN1\.[A-Za-z0-9_-]+$/);
    await page.close();
  });

  it('merges the partner’s notes into one timeline with both authors, and a second import changes nothing', async () => {
    const page = await openDebrief(rep);
    // A damaged code is refused, and nothing changes.
    await page.getByLabel('Paste a notes code').fill(notesCodeText.slice(0, -20));
    await page.getByRole('button', { name: 'Import the code' }).click();
    await page.getByRole('alert').filter({ hasText: 'damaged or incomplete' }).waitFor();
    expect(await page.locator('.timeline .note-mark').count()).toBe(1);
    await page.getByLabel('Paste a notes code').fill(notesCodeText);
    await page.getByRole('button', { name: 'Import the code' }).click();
    await page.getByRole('status').filter({ hasText: 'Merged 2 notes' }).waitFor();
    // The answer the manager typed on the manager's device stays there: on the rep's device the manager's notes
    // open only once the rep has answered here.
    await page.getByText('The manager’s notes open once you have answered “How did it feel?”').waitFor();
    expect(await page.getByLabel('How did it feel?').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Show the manager’s notes' }).count()).toBe(0);
    await page.getByLabel('How did it feel?').fill('Fine until the pricing');
    await page.getByRole('button', { name: 'Show the manager’s notes' }).click();
    const allNotes = async () => (await page.locator('.phase-notes').allInnerTexts()).join('\n');
    await expect.poll(allNotes).toContain('missed the budget hint');
    const text = await allNotes();
    expect(text).toContain('customer mentioned a Q3 deadline');
    expect(text).toMatch(/manager[\s\S]*rep|rep[\s\S]*manager/);
    expect(await page.locator('.timeline .note-mark').count()).toBe(3);
    // Clicking a note, or pressing Enter on it, focuses it in the list.
    const marks = page.locator('.timeline .note-mark');
    await marks.first().click();
    await page
      .locator('.phase-notes li[aria-current="true"]')
      .filter({ hasText: 'asked about their rollout plan' })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Selected note at .* by the manager/ })
      .waitFor();
    // The notes are one tab stop; the arrow keys step through them, selecting each and moving the focus.
    expect(await page.locator('.timeline .note-mark[tabindex="0"]').count()).toBe(1);
    await marks.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => marks.nth(1).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('.phase-notes li[aria-current="true"]').count()).toBe(1);
    expect(await page.locator('.phase-notes li[aria-current="true"]').innerText()).not.toContain(
      'asked about their rollout plan',
    );
    await page.locator('.timeline .actual').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.locator('.phase[aria-current="true"]').filter({ hasText: 'Proposal' }).waitFor();
    // The rep's own transitions tell the story: Open, then Proposal, never the manager's "Next step".
    expect(await page.locator('.phase > strong').allInnerTexts()).toEqual(['Open', 'Proposal']);
    // The rep's own answer, not the one typed on the manager's device.
    expect(await page.getByLabel('How did it feel?').inputValue()).toBe('Fine until the pricing');

    // The same package again, as the file this time: nothing new.
    await page.getByLabel('Import partner’s notes').setInputFiles(packageFile);
    await page.getByRole('status').filter({ hasText: 'Already merged' }).waitFor();
    expect(await page.locator('.timeline .note-mark').count()).toBe(3);
    await page.close();
  });

  it('is complete only once the outcome and both coaching lists are set, and exports them in Markdown', async () => {
    const page = await openDebrief(rep);
    const status = page.locator('.debrief-status strong');
    // Started already: the rep answered "How did it feel?".
    expect(await status.innerText()).toBe('In progress');
    await page
      .getByRole('group', { name: /^Was the objective met/ })
      .getByRole('radio', { name: 'partly' })
      .check();
    await page
      .getByRole('group', { name: /customer’s objective addressed/ })
      .getByRole('radio', { name: 'yes' })
      .check();
    await page.getByLabel('The next step secured').fill('Pilot review on Friday');
    expect(await status.innerText()).toBe('In progress');
    await page.getByRole('button', { name: 'Add to “Went well”' }).click();
    await page.getByLabel('Went well 1', { exact: true }).fill('Clear opening');
    expect(await status.innerText()).toBe('In progress');
    expect(await page.getByRole('list', { name: 'Still missing' }).innerText()).toContain(
      'one thing to do differently',
    );
    await page.getByRole('button', { name: 'Add to “Do differently”' }).click();
    await page.getByLabel('Do differently 1', { exact: true }).fill('Ask about budget before pricing');
    expect(await status.innerText()).toBe('✓ Complete');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain('**Objective met:** partly');
    expect(markdown).toContain('**Next step secured:** Pilot review on Friday');
    expect(markdown).toMatch(/\*\*Went well\*\*\n\n- Clear opening/);
    expect(markdown).toMatch(/\*\*Do differently\*\*\n\n- Ask about budget before pricing/);

    // The whole call as JSON: the call with both authors' notes, and the debrief as it stands.
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {
      call: { planSnapshot: { title: string } };
      notes: { author: string; text: string }[];
      debrief: { coaching: { wentWell: string[]; doDifferently: string[] }; outcome: { objectiveMet: string } };
    };
    expect(json.call.planSnapshot.title).toBe(TITLE);
    expect(new Set(json.notes.map((note) => note.author))).toEqual(new Set(['rep', 'manager']));
    expect(json.debrief.coaching).toMatchObject({
      wentWell: ['Clear opening'],
      doDifferently: ['Ask about budget before pricing'],
    });
    expect(json.debrief.outcome.objectiveMet).toBe('partly');

    // Printed: the content stays, the controls go, and the page is light whatever the screen's theme.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.getByRole('button', { name: 'Download JSON' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).toBe(true);
    expect(await page.getByLabel('Went well 1', { exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'screen', colorScheme: null });

    // Stored: the history shows it complete after a reload.
    await page.goto(extensionUrl(rep.extensionId, 'src/debrief/debrief.html'));
    await expect.poll(() => page.getByRole('row', { name: new RegExp(TITLE) }).innerText()).toContain('✓ complete');
    // Filters and search narrow the history.
    await page.getByLabel('Call type').selectOption('close');
    await page.getByText('No call matches these filters.').waitFor();
    await page.getByLabel('Call type').selectOption('');
    await page.getByLabel('Search by call or account').fill('cyberdyne');
    await page.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
    await page.getByLabel('Search by call or account').fill('initech');
    await page.getByText('No call matches these filters.').waitFor();
    await page.close();
  });

  it('asks before merging a package that doesn’t look like this call, and merges only when told', async () => {
    // The manager's package, as if from another plan's call: same notes, new ids.
    const pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as {
      call: { id: string; planId: string };
      notes: { id: string; callId: string }[];
    };
    pkg.call = { ...pkg.call, id: 'another-call', planId: 'another-plan' };
    pkg.notes = pkg.notes.map((note) => ({ ...note, id: `${note.id}-other`, callId: 'another-call' }));
    const otherFile = join(tmpdir(), `ridealong-other-${Date.now()}.json`);
    writeFileSync(otherFile, JSON.stringify(pkg));

    const page = await openDebrief(rep);
    await page.getByRole('button', { name: 'Show the manager’s notes' }).click();
    const marks = page.locator('.timeline .note-mark');
    await expect.poll(() => marks.count()).toBe(3);
    const before = await marks.count();
    await page.getByLabel('Import partner’s notes').setInputFiles(otherFile);
    const ask = page.getByRole('group', { name: 'Merge a package from another call?' });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await ask.count()).toBe(0);
    expect(await marks.count()).toBe(before);

    await page.getByLabel('Import partner’s notes').setInputFiles(otherFile);
    await ask.getByRole('button', { name: 'Merge anyway' }).click();
    await page.getByRole('status').filter({ hasText: 'Merged 2 notes' }).waitFor();
    expect(await marks.count()).toBe(before + 2);
    await page.close();
  });

  it('opens the manager’s notes when the self-assessment is skipped on purpose, and keeps an edit that failed to save', async () => {
    // A second call on the manager's device, debriefed without the rep this time.
    const overlay = await startCallAs(manager, 'manager');
    await logNote(overlay, '2', 'data dump on the second call');
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await overlay.frame.getByRole('region', { name: 'Linked to this meeting' }).waitFor();
    const page = await manager.context.newPage();
    await page.goto(extensionUrl(manager.extensionId, 'src/debrief/debrief.html'));
    await page.getByRole('link', { name: TITLE }).first().click(); // newest first: the second call
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const notesList = page.locator('.phase-notes');
    expect((await notesList.allInnerTexts()).join(' ')).not.toContain('second call');

    // Every write to IndexedDB fails for now, as when the disk is full.
    await page.evaluate(() => {
      const saved = globalThis as { realPut?: typeof IDBObjectStore.prototype.put };
      saved.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: 'Skip the self-assessment' }).click();
    await page.getByRole('button', { name: 'Show my notes' }).click();
    await expect
      .poll(async () => (await notesList.allInnerTexts()).join(' '))
      .toContain('data dump on the second call');
    await page.getByRole('status').filter({ hasText: 'Not saved yet.' }).waitFor();

    // The disk has room again: the kept edit is saved on request, and is there after a reload.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (globalThis as { realPut?: typeof IDBObjectStore.prototype.put }).realPut!;
    });
    await page.getByRole('button', { name: 'Try saving again' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Show my notes' }).click();
    await expect
      .poll(async () => (await notesList.allInnerTexts()).join(' '))
      .toContain('data dump on the second call');

    // The rep's package matches both of the manager's calls of this plan (minutes apart): the manager is asked.
    const repPage = await openDebrief(rep);
    const [download] = await Promise.all([
      repPage.waitForEvent('download'),
      repPage.getByRole('button', { name: 'Export my notes' }).click(),
    ]);
    const repPackage = await download.path();
    await repPage.close();
    const marks = page.locator('.timeline .note-mark');
    const before = await marks.count();
    await page.getByLabel('Import partner’s notes').setInputFiles(repPackage);
    const ask = page.getByRole('group', { name: 'Merge a package from another call?' });
    await ask.getByText('more than one call on this device could be it').waitFor();
    expect(await ask.getByRole('link', { name: /^Open the call of / }).count()).toBe(1);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await marks.count()).toBe(before);
    await page.getByLabel('Import partner’s notes').setInputFiles(repPackage);
    await ask.getByRole('button', { name: 'Merge into this call' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Merged \d+ notes? / })
      .waitFor();
    await expect.poll(() => marks.count()).toBeGreaterThan(before);
    await page.close();
  });

  it('searches every call in the history, not just the first page', async () => {
    const page = await rep.context.newPage();
    await page.goto(extensionUrl(rep.extensionId, 'src/debrief/debrief.html'));
    // 80 older calls, so the oldest lie well past the first page of 50.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('ridealong');
          request.onsuccess = () => {
            const transaction = request.result.transaction('calls', 'readwrite');
            const store = transaction.objectStore('calls');
            store.getAll().onsuccess = (event) => {
              const [template] = (event.target as IDBRequest<Record<string, unknown>[]>).result;
              for (let index = 0; index < 80; index++) {
                const snapshot = { ...(template!.planSnapshot as object), account: `Oldco ${index}` };
                store.put({
                  ...template,
                  id: `old-${index}`,
                  startedAt: (template!.startedAt as number) - (index + 1) * 86_400_000,
                  planSnapshot: snapshot,
                });
              }
            };
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Show older calls' }).waitFor();
    expect(await page.getByRole('row', { name: /Oldco 79/ }).count()).toBe(0);
    await page.getByLabel('Search by call or account').fill('oldco 79');
    await page.getByRole('row', { name: /Oldco 79/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Search by call or account').fill('');
    await page.getByRole('combobox', { name: /^Account/ }).selectOption('Oldco 78');
    await page.getByRole('row', { name: /Oldco 78/ }).waitFor();
    await page.close();
  });
});
