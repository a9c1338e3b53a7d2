// @ts-check
// The toolbar popup as a person uses it: the plan list, the plan editor, share and import. Opened as a tab, since
// Playwright can't open an extension's real popup. Plain JavaScript, shared by the e2e tests and the scripts.
import { extensionUrl } from '../../../scripts/lib/extension-browser.mjs';

/**
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 */

/**
 * A plan as the tests type it into the editor.
 * @typedef {object} PlanInput
 * @property {'discovery' | 'advance' | 'close'} [callType]
 * @property {string} title
 * @property {{ doNotRaise: string, stepInWhen: string, signal: string }} [guardrails] one topic the manager must not
 *   raise, when the manager may step in, and the signal
 * @property {string} meetingLink
 * @property {string} [start]
 * @property {[string, number][]} agenda
 */

export const POPUP_PAGE = 'src/popup/popup.html';

export class PopupPage {
  /** @param {Page} page */
  constructor(page) {
    /** @readonly */
    this.page = page;
  }

  /**
   * Opens the popup in a new tab of the browser.
   * @param {{ context: BrowserContext, extensionId: string }} browser
   */
  static async open(browser) {
    const page = await browser.context.newPage();
    await page.goto(extensionUrl(browser.extensionId, POPUP_PAGE));
    return new PopupPage(page);
  }

  /**
   * Creates a plan from a call-type template in the editor, fills what is given, and closes the editor.
   * @param {PlanInput} plan
   */
  async createPlan(plan) {
    const page = this.page;
    await page.getByRole('button', { name: `New ${plan.callType ?? 'advance'} plan` }).click();
    await page.getByLabel('Title', { exact: true }).fill(plan.title);
    if (plan.start) await page.getByLabel('Starts', { exact: true }).fill(plan.start);
    await page.getByLabel('Meeting link', { exact: true }).fill(plan.meetingLink);
    const items = page.locator('.agenda-item');
    // Removing the second item keeps the rep's opening and closing items in place.
    while ((await items.count()) > plan.agenda.length)
      await page.getByRole('button', { name: 'Remove item 2' }).click();
    while ((await items.count()) < plan.agenda.length) await page.getByRole('button', { name: 'Add item' }).click();
    for (const [index, [title, minutes]] of plan.agenda.entries()) {
      await page.getByLabel(`Item ${index + 1} title`).fill(title);
      await page.getByLabel(`Item ${index + 1} minutes`).fill(String(minutes));
    }
    if (plan.guardrails) {
      await page.getByRole('button', { name: 'Add topic' }).click();
      await page.getByLabel('Topic 1 not to raise', { exact: true }).fill(plan.guardrails.doNotRaise);
      await page.getByLabel('The manager steps in only if', { exact: true }).fill(plan.guardrails.stepInWhen);
      await page.getByLabel('The agreed signal', { exact: true }).fill(plan.guardrails.signal);
    }
    await page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: `Edit ${plan.title}` }).waitFor();
  }

  /** Adds the sample plan with the popup's own "Add a sample plan" button, unless plans already exist. */
  async addSamplePlan() {
    const sample = this.page.getByRole('button', { name: 'Add a sample plan' });
    const nextCall = this.page.getByRole('region', { name: 'Next call' });
    // Plans load asynchronously: wait until the popup shows either its empty state or the next call.
    await sample.or(nextCall).waitFor();
    if (await sample.isVisible()) {
      await sample.click();
      await nextCall.waitFor();
    }
  }

  /**
   * A status message, such as "✓ Saved" or "Imported".
   * @param {string | RegExp} text
   */
  status(text) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /**
   * Shares a listed plan and returns its share code, as the popup shows it.
   * @param {string} title
   * @returns {Promise<string>}
   */
  async shareCode(title) {
    await this.page.getByRole('button', { name: `Share ${title}` }).click();
    return this.page.getByLabel(`Share code for “${title}”`).inputValue();
  }

  /**
   * Pastes a share code into "Import plan" and imports it.
   * @param {string} code
   */
  async importCode(code) {
    await this.page.getByRole('button', { name: 'Import plan' }).click();
    await this.page.getByLabel('Share code', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
  }
}

/**
 * Fills every section of the plan open in the editor with non-ASCII text, so a comparison of two browsers' plans
 * covers every field, not just the title and the agenda.
 * @param {Page} page
 */
export async function fillEverySection(page) {
  /** @param {string} label */
  const field = (label) => page.getByLabel(label, { exact: true });
  await field('Account (customer company)').fill('Hooli Österreich GmbH');
  await field('Starts').fill('2031-06-02T09:15');
  await field('Minutes planned').fill('45');
  await field('Rep').fill('Zoë Müller');
  await field('Manager').fill('Dana Whitfield');
  for (const [index, [name, role]] of [
    ['Gavin Belson', 'CEO'],
    ['Jürgen Weiß', 'Einkauf, signs the order'],
  ].entries()) {
    await page.getByRole('button', { name: 'Add attendee' }).click();
    await field(`Attendee ${index + 1} name`).fill(/** @type {string} */ (name));
    await field(`Attendee ${index + 1} role`).fill(/** @type {string} */ (role));
  }
  await field('Our objective for this call').fill('Agree the pilot scope — 3 depots');
  await field('The customer’s objective for this call').fill('Weniger Leerfahrten bis Q3');
  await page.getByRole('radio', { name: 'A named next step' }).check();
  await field('Next step: who does what, by when').fill('Jürgen books the pilot kickoff by Friday');
  await field('Item 1 cue for the manager').fill('Warm welcome, then hand back 👋');
  await page.getByRole('checkbox', { name: 'Set the climate' }).check();
  await field('More about the manager’s part').fill('Tell the Nordea story, two minutes at most');
  await page.getByRole('button', { name: 'Add topic' }).click();
  await field('Topic 1 not to raise').fill('Preiserhöhung 2032');
  await field('The manager steps in only if').fill('The integration question stalls');
  await field('The agreed signal').fill('Zoë says “Dana, was meinst du?”');
  await page.getByRole('radio', { name: /^Low/ }).check();
  await page.getByRole('button', { name: 'Add question' }).click();
  await field(`Question ${await page.getByLabel(/^Question \d+$/).count()}`).fill('Qui d’autre décide ?');
  await page.getByRole('checkbox', { name: 'Reviewed together, rep and manager' }).check();
  await page.getByRole('checkbox', { name: 'Agenda sent to the customer' }).check();
}
