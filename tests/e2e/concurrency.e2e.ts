// Several contexts writing at once. Two editor tabs on the same plan: the second save is refused with a choice,
// never silently overwriting the first (the revision check). Two meeting tabs taking notes while a debrief page is
// typed into: every write lands. Two tabs on one call, one moving the agenda while the other ticks a question: both
// land, because each change is read and written back in one transaction (split in two, this test loses moves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowserWithPlans } from './extension-fixture';
import { storedPlans, storedRecords } from './database';
import { openMeeting, type OverlayFrame } from './pages/overlay.mjs';

const MEETINGS = ['https://meet.google.com/con-curr-one', 'https://meet.google.com/con-curr-two'];
const TITLES = ['Tyrell: concurrency', 'Cyberdyne: concurrency'];
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans(
    MEETINGS.map((meetingLink, index) => ({
      title: TITLES[index]!,
      meetingLink,
      agenda: [
        ['Open', 5],
        ['Next step', 5],
      ],
    })),
  );
});

afterAll(() => browser?.close());

describe('two editors on the same plan', () => {
  it('refuse the second save and ask, so neither edit is lost unseen', async () => {
    const plan = ((await storedPlans(browser)) as Plan[]).find((p) => p.title === TITLES[0])!;
    const url = extensionUrl(browser.extensionId, `src/popup/popup.html?view=tab#plan=${plan.id}`);
    const [first, second] = [await browser.context.newPage(), await browser.context.newPage()];
    for (const page of [first, second]) {
      await page.goto(url);
      await page.getByLabel('Title', { exact: true }).waitFor();
    }
    await first.getByLabel('Our objective for this call', { exact: true }).fill('Edited in the first tab');
    await first.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await expect
      .poll(async () => ((await storedPlans(browser)) as Plan[]).find((p) => p.id === plan.id)!.objective)
      .toBe('Edited in the first tab');

    await second.getByLabel('Manager', { exact: true }).fill('Edited in the second tab');
    const stale = second.getByRole('alert').filter({ hasText: 'changed in another window' });
    await stale.waitFor();
    // Nothing was overwritten: the first tab's edit is what is stored.
    const stored = ((await storedPlans(browser)) as Plan[]).find((p) => p.id === plan.id)!;
    expect(stored.objective).toBe('Edited in the first tab');
    expect(stored.managerName).not.toBe('Edited in the second tab');
    // Taking the other version shows the first tab's edit here, and the second tab can carry on from it.
    await stale.getByRole('button', { name: 'Load the other version' }).click();
    expect(await second.getByLabel('Our objective for this call', { exact: true }).inputValue()).toBe(
      'Edited in the first tab',
    );
    await second.getByLabel('Manager', { exact: true }).fill('Edited in the second tab, again');
    await second.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await expect
      .poll(async () => ((await storedPlans(browser)) as Plan[]).find((p) => p.id === plan.id)!)
      .toMatchObject({ objective: 'Edited in the first tab', managerName: 'Edited in the second tab, again' });
    await first.close();
    await second.close();
  });
});

describe('two meeting tabs and a debrief page', () => {
  it('all write at the same time, and every write lands', async () => {
    const overlays: OverlayFrame[] = [];
    for (const [index, url] of MEETINGS.entries()) {
      const { overlay } = await openMeeting(browser, url);
      await overlay.frame.getByRole('radio', { name: 'the manager' }).check();
      await overlay.startCall(TITLES[index]!);
      overlays.push(overlay);
    }
    // The first call's debrief, opened while the calls run.
    const debrief = await browser.context.newPage();
    await debrief.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    await debrief.getByRole('link', { name: TITLES[0] }).click();

    const takeNotes = async (index: number) => {
      const overlay = overlays[index]!;
      for (let n = 0; n < 5; n++) {
        // Each note through the overlay's own Save button: the tabs don't share one keyboard focus.
        await overlay.frame
          .getByRole('button', { name: (n % 9) + 1 === 1 ? /^1 Missed buying signal/ : /^3 Great question/ })
          .click();
        await overlay.frame.getByLabel('Note', { exact: true }).fill(`tab ${index + 1} note ${n + 1}`);
        await overlay.frame.getByRole('button', { name: 'Save note' }).click();
      }
      await expect.poll(() => overlay.frame.locator('.note-status.pending').count(), { timeout: 10_000 }).toBe(0);
    };
    const typeDebrief = async () => {
      for (let n = 1; n <= 8; n++) await debrief.getByLabel('How did it feel?').fill(`Typed while the calls ran, ${n}`);
      await expect.poll(() => debrief.locator('.debrief-status').innerText()).toMatch(/Saved$/);
    };
    await Promise.all([takeNotes(0), takeNotes(1), typeDebrief()]);

    const notes = (await storedRecords(browser, 'notes')) as { text: string }[];
    expect(notes.map((note) => note.text).sort()).toEqual(
      [0, 1].flatMap((tab) => Array.from({ length: 5 }, (_, n) => `tab ${tab + 1} note ${n + 1}`)).sort(),
    );
    await debrief.reload();
    expect(await debrief.getByLabel('How did it feel?').inputValue()).toBe('Typed while the calls ran, 8');
  });
});

describe('two tabs on the same call', () => {
  it('change it at the same moment, and both changes land', async () => {
    // The second meeting's call runs from the test above; a second tab of the same meeting shows it too.
    const [first, second] = [await openMeeting(browser, MEETINGS[1]!), await openMeeting(browser, MEETINGS[1]!)];
    for (const { overlay } of [first, second]) {
      await overlay.currentItem().waitFor();
      // The questions to tick are under More.
      await overlay.more();
    }
    const question = /^How will they decide/;
    let moves = 0;
    let ticked = false;
    for (let round = 0; round < 6; round++) {
      // One tab moves the agenda while the other ticks a question: two writes to one call record at once.
      const forward = round % 2 === 0;
      ticked = !ticked;
      await Promise.all([
        first.overlay.frame.getByRole('button', { name: forward ? 'Next item' : 'Back' }).click(),
        second.overlay.frame.getByRole('checkbox', { name: question }).setChecked(ticked),
      ]);
      moves += 1;
      await first.overlay
        .currentItem()
        .filter({ hasText: forward ? 'Next step' : 'Open' })
        .waitFor();
      // The first tab draws its own move before storage has it; the second tab shows only what storage broadcast, so
      // the move is stored once the second tab has it too.
      await second.overlay
        .currentItem()
        .filter({ hasText: forward ? 'Next step' : 'Open' })
        .waitFor();
      const time = second.overlay.frame
        .locator('fieldset.questions label')
        .filter({ hasText: question })
        .locator('.muted');
      // Two writes to one record and their broadcasts: on a busy machine this takes longer than expect.poll's 1 s.
      await expect.poll(() => time.count(), { timeout: 10_000 }).toBe(ticked ? 1 : 0);
    }
    const call = (
      (await storedRecords(browser, 'calls')) as {
        planSnapshot: { title: string; questions: { id: string; text: string }[] };
        transitions: unknown[];
        questionTicks: { questionId: string }[];
      }[]
    ).find((stored) => stored.planSnapshot.title === TITLES[1])!;
    const questionId = call.planSnapshot.questions.find((q) => question.test(q.text))!.id;
    expect(call.transitions).toHaveLength(moves);
    expect(call.questionTicks.filter((tick) => tick.questionId === questionId)).toHaveLength(ticked ? 1 : 0);
    await first.page.close();
    await second.page.close();
  });
});
