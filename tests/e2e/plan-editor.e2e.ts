// The plan editor in the popup: a close-call plan from its template, every section edited by a user, the agenda
// reordered by keyboard, and all of it still there after a reload.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { type ExtensionBrowser, startExtensionBrowser } from './extension-fixture';
import { storedPlans } from './database';
import { PopupPage } from './pages/popup.mjs';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowser();
});

afterAll(() => browser?.close());

describe('the plan editor', () => {
  it('edits every section of a close-call plan, reorders by keyboard, and keeps it all after a reload', async () => {
    const popup = await PopupPage.open(browser);
    const page = popup.page;
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const saved = () => page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    const stored = async () => (await storedPlans(browser)) as Plan[];
    await page.getByRole('button', { name: 'New close plan' }).click();
    expect(await field('Item 5 title').inputValue()).toBe('Ask for the order');

    // The call. The call type changes and is stored, then goes back to close.
    await page.getByRole('combobox', { name: /^Call type/ }).selectOption('advance');
    await field('Title').fill('Société Générale: close the renewal 🚀');
    await saved();
    await expect.poll(async () => (await stored())[0]?.callType).toBe('advance');
    await page.getByRole('combobox', { name: /^Call type/ }).selectOption('close');
    await field('Account (customer company)').fill('Société Générale');
    await field('Starts').fill('2030-03-14T15:30');
    await field('Minutes planned').fill('40');
    await field('Meeting link').fill('https://app.zoom.us/wc/84512345678/join');
    await field('Rep').fill('Zoë Müller');
    await field('Manager').fill('Dana Whitfield');
    await page.getByRole('button', { name: 'Add attendee' }).click();
    await page.getByRole('button', { name: 'Add attendee' }).click();
    await field('Attendee 1 name').fill('Bill Lumbergh');
    await field('Attendee 2 name').fill('Jürgen Weiß');
    await field('Attendee 2 role').fill('Directeur financier, signs the renewal');
    await page.getByRole('button', { name: 'Remove attendee 1' }).click();

    // Objectives. The commitment switches to a named next step (the label follows), then back to the order.
    await field('Our objective for this call').fill('Signed renewal for 3 years');
    await field('The customer’s objective for this call').fill('Lock in support before the migration');
    await page.getByRole('radio', { name: 'A named next step' }).check();
    await field('Next step: who does what, by when').waitFor();
    await saved();
    await expect.poll(async () => (await stored())[0]?.commitment.kind).toBe('next-step');
    await page.getByRole('radio', { name: 'The order' }).check();
    await field('The order: what, how much, from when').fill('3-year renewal, 120 seats, from April');

    // Agenda: retitle, re-time, hand item 2 to the customer, give the manager a cue.
    await field('Item 2 title').fill('Their criteria, confirmed');
    await field('Item 2 minutes').fill('9');
    await field('Item 2 lead').selectOption('customer');
    await field('Item 2 cue for the manager').fill('Stay quiet, observe');
    // The manager may not open the call: refused, with the reason, and the rep keeps the item.
    await field('Item 1 lead').selectOption('manager');
    await page.getByRole('alert').filter({ hasText: 'The rep opens the call' }).waitFor();
    expect(await field('Item 1 lead').inputValue()).toBe('rep');
    // A new item goes before the ask; "Last concerns" goes.
    await page.getByRole('button', { name: 'Add item' }).click();
    await field('Item 5 title').fill('Paperwork walk-through');
    await field('Item 5 minutes').fill('4');
    await page.getByRole('button', { name: 'Remove item 3' }).click();
    // Reorder by keyboard: item 2 moves down twice; focus follows it.
    await page.getByRole('button', { name: 'Move item 2 down' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => field('Item 3 title').inputValue()).toBe('Their criteria, confirmed');
    await page.keyboard.press('Enter');
    await expect.poll(() => field('Item 4 title').inputValue()).toBe('Their criteria, confirmed');
    await page.keyboard.press('Enter');
    // Moving it last would take the ask away from the rep: refused.
    await page.getByRole('alert').filter({ hasText: 'The rep asks for the business' }).waitFor();
    expect(await field('Item 5 title').inputValue()).toBe('Ask for the order');

    // The manager's part.
    await page.getByRole('checkbox', { name: 'Present' }).check();
    await page.getByRole('checkbox', { name: 'Handle objections' }).uncheck();
    await field('More about the manager’s part').fill('Tell the Nordea rollout story, two minutes at most');

    // Guardrails.
    await page.getByRole('button', { name: 'Add topic' }).click();
    await page.getByRole('button', { name: 'Add topic' }).click();
    await field('Topic 1 not to raise').fill('Discounts');
    await field('Topic 2 not to raise').fill('The new pricing tiers');
    await page.getByRole('button', { name: 'Remove topic 1' }).click();
    await field('The manager steps in only if').fill('Legal terms come up');
    await field('The agreed signal').fill('Zoë says “Dana, anything to add?”');
    await page.getByRole('radio', { name: /^High/ }).check();

    // Questions: one reworded, one removed, one added.
    await field('Question 1').fill('Qui décide, et quand ?');
    await page.getByRole('button', { name: 'Remove question 2' }).click();
    await page.getByRole('button', { name: 'Add question' }).click();
    await field('Question 3').fill('Who else must approve?');

    // Agreement.
    await page.getByRole('checkbox', { name: 'Reviewed together, rep and manager' }).check();
    await page.getByRole('checkbox', { name: 'Agenda sent to the customer' }).check();
    await saved();

    // What was stored is every edit above, and nothing of the removed entries.
    const [plan] = await stored();
    expect(plan).toMatchObject({
      callType: 'close',
      title: 'Société Générale: close the renewal 🚀',
      account: 'Société Générale',
      durationMinutes: 40,
      meetingLink: 'https://app.zoom.us/wc/84512345678/join',
      meetingKey: 'zoom:84512345678',
      repName: 'Zoë Müller',
      managerName: 'Dana Whitfield',
      attendees: [{ name: 'Jürgen Weiß', role: 'Directeur financier, signs the renewal' }],
      objective: 'Signed renewal for 3 years',
      customerObjective: 'Lock in support before the migration',
      commitment: { kind: 'order', text: '3-year renewal, 120 seats, from April' },
      managerParts: ['present'],
      managerNote: 'Tell the Nordea rollout story, two minutes at most',
      doNotRaise: ['The new pricing tiers'],
      stepInWhen: 'Legal terms come up',
      stepInSignal: 'Zoë says “Dana, anything to add?”',
      stakes: 'high',
      reviewedTogetherAt: expect.any(Number),
      agendaSentAt: expect.any(Number),
    });
    expect(plan!.scheduledStart).toBe(new Date(2030, 2, 14, 15, 30).getTime());
    expect(plan!.agenda.map(({ title, minutes, lead }) => [title, minutes, lead])).toEqual([
      ['Open and agree the agenda', 3, 'rep'],
      ['Terms, timeline, who signs', 7, 'rep'],
      ['Paperwork walk-through', 4, 'rep'],
      ['Their criteria, confirmed', 9, 'customer'],
      ['Ask for the order', 5, 'rep'],
    ]);
    expect(plan!.agenda[3]!.managerCue).toBe('Stay quiet, observe');
    expect(plan!.questions.map((question) => question.text)).toEqual([
      'Qui décide, et quand ?',
      'What happens if they do nothing?',
      'Who else must approve?',
    ]);

    await page.reload();
    await page.getByRole('button', { name: 'Edit Société Générale: close the renewal 🚀' }).click();
    const values: Record<string, string> = {};
    for (const label of [
      'Title',
      'Account (customer company)',
      'Starts',
      'Minutes planned',
      'Meeting link',
      'Rep',
      'Manager',
      'Attendee 1 name',
      'Attendee 1 role',
      'Our objective for this call',
      'The customer’s objective for this call',
      'The order: what, how much, from when',
      'Item 3 title',
      'Item 3 minutes',
      'Item 4 title',
      'Item 4 minutes',
      'Item 4 lead',
      'Item 4 cue for the manager',
      'Item 5 title',
      'More about the manager’s part',
      'Topic 1 not to raise',
      'The manager steps in only if',
      'The agreed signal',
      'Question 1',
      'Question 3',
    ]) {
      values[label] = await field(label).inputValue();
    }
    expect(values).toEqual({
      Title: 'Société Générale: close the renewal 🚀',
      'Account (customer company)': 'Société Générale',
      Starts: '2030-03-14T15:30',
      'Minutes planned': '40',
      'Meeting link': 'https://app.zoom.us/wc/84512345678/join',
      Rep: 'Zoë Müller',
      Manager: 'Dana Whitfield',
      'Attendee 1 name': 'Jürgen Weiß',
      'Attendee 1 role': 'Directeur financier, signs the renewal',
      'Our objective for this call': 'Signed renewal for 3 years',
      'The customer’s objective for this call': 'Lock in support before the migration',
      'The order: what, how much, from when': '3-year renewal, 120 seats, from April',
      'Item 3 title': 'Paperwork walk-through',
      'Item 3 minutes': '4',
      'Item 4 title': 'Their criteria, confirmed',
      'Item 4 minutes': '9',
      'Item 4 lead': 'customer',
      'Item 4 cue for the manager': 'Stay quiet, observe',
      'Item 5 title': 'Ask for the order',
      'More about the manager’s part': 'Tell the Nordea rollout story, two minutes at most',
      'Topic 1 not to raise': 'The new pricing tiers',
      'The manager steps in only if': 'Legal terms come up',
      'The agreed signal': 'Zoë says “Dana, anything to add?”',
      'Question 1': 'Qui décide, et quand ?',
      'Question 3': 'Who else must approve?',
    });
    expect(await page.getByRole('combobox', { name: /^Call type/ }).inputValue()).toBe('close');
    expect(await field('Attendee 2 name').count()).toBe(0);
    expect(await field('Topic 2 not to raise').count()).toBe(0);
    expect(await field('Item 6 title').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'The order' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Present' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Handle objections' }).isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: /^High/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Reviewed together, rep and manager' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Agenda sent to the customer' }).isChecked()).toBe(true);
    // Opening it again changed nothing: the stored plan is the one saved before the reload.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: /^Edit Société Générale/ }).waitFor();
    expect(await stored()).toEqual([plan]);
    await page.close();
  });

  it('stops adding at a list’s limit and says why, with nothing refused on save', async () => {
    const popup = await PopupPage.open(browser);
    const page = popup.page;
    await page.getByRole('button', { name: 'New discovery plan' }).click();
    const add = page.getByRole('button', { name: 'Add attendee' });
    for (let count = 0; count < 20; count++) await add.click();
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('That’s 20 attendees, the most a plan holds.').waitFor();
    // A keyboard user pressing it anyway: nothing is added.
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    expect(await page.getByLabel('Attendee 21 name', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Attendee 20 name', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove attendee 20' }).click();
    expect(await add.getAttribute('aria-disabled')).toBe('false');
    await page.getByRole('button', { name: 'Delete plan' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
    await page.close();
  });

  it('copies an agenda for the customer with no internal notes', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Edit Société Générale: close the renewal 🚀' }).click();
    await popup.page.getByRole('button', { name: 'Copy the agenda for the customer' }).click();
    const agenda = await popup.page.getByLabel(/^Agenda for the customer/).inputValue();
    expect(agenda).toContain('Purpose: Lock in support before the migration');
    expect(agenda).toContain('Ask for the order (5 min)');
    for (const internal of [
      'pricing tiers',
      'Legal terms',
      'anything to add',
      'Stay quiet',
      'Signed renewal',
      'High',
    ]) {
      expect(agenda).not.toContain(internal);
    }
    await popup.page.close();
  });

  it('opens the same editor at full width in a tab', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Edit Société Générale: close the renewal 🚀' }).click();
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.page.getByRole('button', { name: 'Open in a tab' }).click(),
    ]);
    await tab.getByLabel('Title', { exact: true }).waitFor();
    expect(new URL(tab.url()).searchParams.get('view')).toBe('tab');
    expect(await tab.getByLabel('Title', { exact: true }).inputValue()).toBe('Société Générale: close the renewal 🚀');
    expect(await tab.getByRole('button', { name: 'Open in a tab' }).count()).toBe(0);
    await tab.close();
    await popup.page.close();
  });

  it('opens a new plan nobody has changed yet in a tab, stored', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'New discovery plan' }).click();
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.page.getByRole('button', { name: 'Open in a tab' }).click(),
    ]);
    await tab.getByLabel('Title', { exact: true }).waitFor();
    expect(await tab.locator('body').innerText()).not.toContain('no longer exists');
    const id = new URLSearchParams(new URL(tab.url()).hash.slice(1)).get('plan');
    expect((await storedPlans(browser)).map((plan) => (plan as { id: string }).id)).toContain(id);
    await tab.getByRole('button', { name: 'Delete plan' }).click();
    await tab.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
    await tab.close();
    await popup.page.close();
  });

  it('stays deleted when it is deleted straight after an edit, before the autosave', async () => {
    const before = await storedPlans(browser);
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'New advance plan' }).click();
    await popup.page.getByLabel('Title', { exact: true }).fill('Deleted at once');
    await popup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await popup.page.getByLabel('Title', { exact: true }).fill('Deleted at once, edited');
    await popup.page.getByRole('button', { name: 'Delete plan' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
    await popup.page.waitForTimeout(600);
    expect(await storedPlans(browser)).toEqual(before);
    await popup.page.close();
  });

  it('deletes a plan with undo', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Edit Société Générale: close the renewal 🚀' }).click();
    await popup.page.getByRole('button', { name: 'Delete plan' }).click();
    await popup.page
      .getByRole('status')
      .filter({ hasText: 'Deleted “Société Générale: close the renewal 🚀”' })
      .waitFor();
    expect((await storedPlans(browser)).map((p) => (p as Plan).title)).toEqual([]);
    await popup.page.getByRole('button', { name: 'Undo' }).click();
    await popup.page.getByRole('button', { name: 'Edit Société Générale: close the renewal 🚀' }).waitFor();
    expect(await storedPlans(browser)).toHaveLength(1);
    await popup.page.close();
  });

  it('refuses a file that is not a plan, and leaves the plans unchanged', async () => {
    const before = await storedPlans(browser);
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Import plan' }).click();
    const notAPlan = join(tmpdir(), 'not-a-plan.ridealong.json');
    writeFileSync(notAPlan, JSON.stringify({ name: 'my-app', version: '1.0.0' }));
    await popup.page.getByLabel(/^Or a plan file/).setInputFiles(notAPlan);
    await expect.poll(() => popup.page.getByRole('alert').innerText()).toContain('not a Ridealong plan file');
    // The message belongs to the file field, not to the share-code box above it.
    const fileField = popup.page.getByLabel(/^Or a plan file/);
    expect(await fileField.getAttribute('aria-invalid')).toBe('true');
    expect(await fileField.getAttribute('aria-describedby')).toBe('import-error');
    expect(await popup.page.getByLabel('Share code', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await storedPlans(browser)).toEqual(before);
    await popup.page.close();
  });
});
