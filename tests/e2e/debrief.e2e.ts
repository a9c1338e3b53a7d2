// The debrief with two browsers: the manager (profile M) and the rep (profile R) each ran Ridealong on the same
// meeting. M exports its notes package, R imports it, and R's debrief shows both authors on one timeline.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionBrowser, type ExtensionBrowser } from './extension-fixture';
import { DebriefPage } from './pages/debrief.mjs';
import { OverlayFrame } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

const MEETING = 'https://meet.google.com/deb-rief-two';
const TITLE = 'Cyberdyne: proposal';
let rep: ExtensionBrowser;
let manager: ExtensionBrowser;

async function startCallAs(browser: ExtensionBrowser, role: 'rep' | 'manager'): Promise<OverlayFrame> {
  const page = await browser.context.newPage();
  await page.goto(MEETING);
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  await overlay.chooseRole(role);
  // Opens More too: the notes list (and the rep's note line) are under it.
  await overlay.startCall(TITLE);
  return overlay;
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
  const code = await repPopup.shareCode(TITLE);
  const managerPopup = await PopupPage.open(manager);
  await managerPopup.importCode(code);
  await managerPopup.status('Imported').waitFor();

  // The same call, run on both devices.
  const repOverlay = await startCallAs(rep, 'rep');
  const managerOverlay = await startCallAs(manager, 'manager');
  await managerOverlay.logNote('3', 'asked about their rollout plan');
  // The manager's overlay runs ahead to the last item; the rep only ever moves to the second. The rep runs the
  // agenda, so after the merge the rep's moves must be the ones the timeline shows.
  for (const item of ['Proposal', 'Next step']) await managerOverlay.nextItem(item);
  await repOverlay.nextItem('Proposal');
  await managerOverlay.logNote('1', 'missed the budget hint');
  await repOverlay.logNote('4', 'customer mentioned a Q3 deadline');
  for (const overlay of [repOverlay, managerOverlay]) await overlay.endCall();
});

afterAll(async () => {
  await rep?.close();
  await manager?.close();
});

describe('the debrief', () => {
  let packageFile = '';
  let notesCodeText = '';

  it('keeps the manager’s notes folded until the rep has spoken first', async () => {
    const debrief = await DebriefPage.openCall(manager, TITLE);
    expect(await debrief.notesText()).not.toContain('budget hint');
    expect(await debrief.showNotes('my').count()).toBe(0);
    await debrief.feeling().fill('Good start, lost the thread on pricing');
    await debrief.showNotes('my').click();
    await expect.poll(() => debrief.notesText()).toContain('missed the budget hint');
    packageFile = await debrief.download('Export my notes');
    // The same package as one line for a chat.
    notesCodeText = await debrief.copyNotesCode();
    expect(notesCodeText).toMatch(/^RN1\.[A-Za-z0-9_-]+$/);
    await debrief.page.close();
  });

  it('merges the partner’s notes into one timeline with both authors, and a second import changes nothing', async () => {
    const debrief = await DebriefPage.openCall(rep, TITLE);
    const page = debrief.page;
    // A damaged code is refused, and nothing changes.
    await debrief.importNotesCode(notesCodeText.slice(0, -20));
    await debrief.problem('damaged or incomplete').waitFor();
    expect(await debrief.noteMarks().count()).toBe(1);
    await debrief.importNotesCode(notesCodeText);
    await debrief.status('Merged 2 notes').waitFor();
    // The answer the manager typed on the manager's device stays there: on the rep's device the manager's notes
    // open only once the rep has answered here.
    await page.getByText('The manager’s notes open once you have answered “How did it feel?”').waitFor();
    expect(await debrief.feeling().inputValue()).toBe('');
    expect(await debrief.showNotes('the manager’s').count()).toBe(0);
    await debrief.feeling().fill('Fine until the pricing');
    await debrief.showNotes('the manager’s').click();
    await expect.poll(() => debrief.notesText()).toContain('missed the budget hint');
    const text = await debrief.notesText();
    expect(text).toContain('customer mentioned a Q3 deadline');
    expect(text).toMatch(/manager[\s\S]*rep|rep[\s\S]*manager/);
    expect(await debrief.noteMarks().count()).toBe(3);
    // Clicking a note, or pressing Enter on it, focuses it in the list.
    const marks = debrief.noteMarks();
    await marks.first().click();
    await debrief.selectedNote().filter({ hasText: 'asked about their rollout plan' }).waitFor();
    await debrief.status(/^Selected note at .* by the manager/).waitFor();
    // The notes are one tab stop; the arrow keys step through them, selecting each and moving the focus.
    expect(await debrief.tabStopNoteMarks().count()).toBe(1);
    await marks.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => marks.nth(1).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await debrief.selectedNote().count()).toBe(1);
    expect(await debrief.selectedNote().innerText()).not.toContain('asked about their rollout plan');
    await debrief.timelinePhases().nth(1).focus();
    await page.keyboard.press('Enter');
    await debrief.selectedPhase().filter({ hasText: 'Proposal' }).waitFor();
    // The rep's own transitions tell the story: Open, then Proposal, never the manager's "Next step".
    expect(await debrief.phaseTitles()).toEqual(['Open', 'Proposal']);
    // The rep's own answer, not the one typed on the manager's device.
    expect(await debrief.feeling().inputValue()).toBe('Fine until the pricing');

    // The same package again, as the file this time: nothing new.
    await debrief.importNotesFile(packageFile);
    await debrief.status('Already merged').waitFor();
    expect(await debrief.noteMarks().count()).toBe(3);
    await page.close();
  });

  it('is complete only once the outcome and both coaching lists are set, and exports them in Markdown', async () => {
    const debrief = await DebriefPage.openCall(rep, TITLE);
    const page = debrief.page;
    const status = debrief.completeness();
    // Started already: the rep answered "How did it feel?".
    expect(await status.innerText()).toBe('In progress');
    await debrief.rate(/^Was the objective met/, 'partly');
    await debrief.rate(/customer’s objective addressed/, 'yes');
    await debrief.commitmentSecured().fill('Pilot review on Friday');
    expect(await status.innerText()).toBe('In progress');
    await debrief.addToCoaching('Went well', 'Clear opening');
    expect(await status.innerText()).toBe('In progress');
    expect(await debrief.stillMissing().innerText()).toContain('one thing to do differently');
    await debrief.addToCoaching('Do differently', 'Ask about budget before pricing');
    expect(await status.innerText()).toBe('✓ Complete');
    await debrief.status(/^Saved$/).waitFor();

    const markdown = readFileSync(await debrief.download('Download Markdown'), 'utf8');
    expect(markdown).toContain('**Objective met:** partly');
    expect(markdown).toContain('**Next step secured:** Pilot review on Friday');
    expect(markdown).toMatch(/\*\*Went well\*\*\n\n- Clear opening/);
    expect(markdown).toMatch(/\*\*Do differently\*\*\n\n- Ask about budget before pricing/);

    // The whole call as JSON: the call with both authors' notes, and the debrief as it stands.
    const json = JSON.parse(readFileSync(await debrief.download('Download JSON'), 'utf8')) as {
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
    expect(await debrief.exportButton('Download JSON').isVisible()).toBe(false);
    expect(await debrief.heading(TITLE).isVisible()).toBe(true);
    expect(await debrief.coachingEntry('Went well', 1).isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'screen', colorScheme: null });

    // Stored: the history shows it complete after a reload.
    await debrief.goto();
    await expect.poll(() => debrief.historyRow(TITLE).innerText()).toContain('✓ complete');
    // Filters and search narrow the history.
    await debrief.filterByCallType('close');
    await debrief.noMatch().waitFor();
    await debrief.filterByCallType('');
    await debrief.search('cyberdyne');
    await debrief.historyRow(TITLE).waitFor();
    await debrief.search('initech');
    await debrief.noMatch().waitFor();
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

    const debrief = await DebriefPage.openCall(rep, TITLE);
    await debrief.showNotes('the manager’s').click();
    const marks = debrief.noteMarks();
    await expect.poll(() => marks.count()).toBe(3);
    const before = await marks.count();
    await debrief.importNotesFile(otherFile);
    await debrief.answerMergeQuestion('Cancel');
    expect(await debrief.mergeQuestion().count()).toBe(0);
    expect(await marks.count()).toBe(before);

    await debrief.importNotesFile(otherFile);
    await debrief.answerMergeQuestion('Merge anyway');
    await debrief.status('Merged 2 notes').waitFor();
    expect(await marks.count()).toBe(before + 2);
    await debrief.page.close();
  });

  it('opens the manager’s notes when the self-assessment is skipped on purpose, and keeps an edit that failed to save', async () => {
    // A second call on the manager's device, debriefed without the rep this time.
    const overlay = await startCallAs(manager, 'manager');
    await overlay.logNote('2', 'data dump on the second call');
    await overlay.endCall();
    // Newest first: the second call.
    const debrief = await DebriefPage.openCall(manager, TITLE);
    const page = debrief.page;
    expect(await debrief.notesText()).not.toContain('second call');

    // Every write to IndexedDB fails for now, as when the disk is full.
    await page.evaluate(() => {
      const saved = globalThis as { realPut?: typeof IDBObjectStore.prototype.put };
      saved.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      };
    });
    await debrief.skipSelfAssessment();
    await debrief.showNotes('my').click();
    await expect.poll(() => debrief.notesText()).toContain('data dump on the second call');
    await debrief.status('Not saved yet.').waitFor();

    // The disk has room again: the kept edit is saved on request, and is there after a reload.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (globalThis as { realPut?: typeof IDBObjectStore.prototype.put }).realPut!;
    });
    await debrief.trySavingAgain();
    await debrief.status(/^Saved$/).waitFor();
    await page.reload();
    await debrief.showNotes('my').click();
    await expect.poll(() => debrief.notesText()).toContain('data dump on the second call');

    // The rep's package matches both of the manager's calls of this plan (minutes apart): the manager is asked.
    const repDebrief = await DebriefPage.openCall(rep, TITLE);
    const repPackage = await repDebrief.download('Export my notes');
    await repDebrief.page.close();
    const marks = debrief.noteMarks();
    const before = await marks.count();
    await debrief.importNotesFile(repPackage);
    await debrief.mergeQuestion().getByText('more than one call on this device could be it').waitFor();
    expect(await debrief.otherCallsOfMergeQuestion().count()).toBe(1);
    await debrief.answerMergeQuestion('Cancel');
    expect(await marks.count()).toBe(before);
    await debrief.importNotesFile(repPackage);
    await debrief.answerMergeQuestion('Merge into this call');
    await debrief.status(/^Merged \d+ notes? /).waitFor();
    await expect.poll(() => marks.count()).toBeGreaterThan(before);
    await page.close();
  });

  it('searches every call in the history, not just the first page', async () => {
    const debrief = await DebriefPage.open(rep);
    const page = debrief.page;
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
    await debrief.showOlderCalls().waitFor();
    expect(await debrief.historyRow(/Oldco 79/).count()).toBe(0);
    await debrief.search('oldco 79');
    await debrief.historyRow(/Oldco 79/).waitFor();
    expect(await debrief.historyRows().count()).toBe(1);
    await debrief.search('');
    await debrief.filterByAccount('Oldco 78');
    await debrief.historyRow(/Oldco 78/).waitFor();
    await page.close();
  });
});
