// @ts-check
// The debrief pages as a person uses them: the call history, and one call's debrief (the rep's answer first, the
// replay on a timeline, the outcome, the coaching, share and export). Plain JavaScript, shared by the e2e tests and
// the scripts.
import { extensionUrl } from '../../../scripts/lib/extension-browser.mjs';

/**
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 */

export const DEBRIEF_PAGE = 'src/debrief/debrief.html';

export class DebriefPage {
  /** @param {Page} page */
  constructor(page) {
    /** @readonly */
    this.page = page;
  }

  /**
   * Opens the debrief pages in a new tab: the call history, or another page by its hash (`#trends`, `#backup`).
   * @param {{ context: BrowserContext, extensionId: string }} browser @param {string} [hash]
   */
  static async open(browser, hash = '') {
    const page = await browser.context.newPage();
    await page.goto(extensionUrl(browser.extensionId, `${DEBRIEF_PAGE}${hash}`));
    return new DebriefPage(page);
  }

  /**
   * Opens the debrief of the newest call of a plan from the call history, as a person would.
   * @param {{ context: BrowserContext, extensionId: string }} browser @param {string} title
   */
  static async openCall(browser, title) {
    const debrief = await DebriefPage.open(browser);
    await debrief.openCallFromHistory(title);
    return debrief;
  }

  /**
   * Goes to another of the debrief pages in this tab: the call history, or one by its hash.
   * @param {string} [hash]
   */
  async goto(hash = '') {
    await this.page.goto(new URL(`/${DEBRIEF_PAGE}${hash}`, this.page.url()).href);
  }

  // The call history.

  /**
   * Opens the newest call of a plan, listed newest first.
   * @param {string} title
   */
  async openCallFromHistory(title) {
    await this.page.getByRole('link', { name: title }).first().click();
    await this.heading(title).waitFor();
  }

  /**
   * A call's row in the history: the row whose text contains `name`, or matches it.
   * @param {string | RegExp} name
   */
  historyRow(name) {
    const pattern = typeof name === 'string' ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : name;
    return this.page.getByRole('row', { name: pattern });
  }

  /** Every call listed in the history. */
  historyRows() {
    return this.page.locator('tbody tr');
  }

  /** @param {string} text */
  async search(text) {
    await this.page.getByLabel('Search by call or account').fill(text);
  }

  /** @param {'' | 'discovery' | 'advance' | 'close'} callType '' for all */
  async filterByCallType(callType) {
    await this.page.getByLabel('Call type').selectOption(callType);
  }

  /** @param {string} account */
  async filterByAccount(account) {
    await this.page.getByRole('combobox', { name: /^Account/ }).selectOption(account);
  }

  /** What the history says when its filters leave no call. */
  noMatch() {
    return this.page.getByText('No call matches these filters.');
  }

  showOlderCalls() {
    return this.page.getByRole('button', { name: 'Show older calls' });
  }

  // One call's debrief: its header.

  /** @param {string} title the call's plan */
  heading(title) {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** "Not started", "In progress" or "✓ Complete". */
  completeness() {
    return this.page.locator('.debrief-status strong');
  }

  /** The list of what the debrief still needs to be complete. */
  stillMissing() {
    return this.page.getByRole('list', { name: 'Still missing' });
  }

  /**
   * A status message, such as "Saved" or "Merged 2 notes".
   * @param {string | RegExp} text
   */
  status(text) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /**
   * An error message.
   * @param {string | RegExp} text
   */
  problem(text) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async trySavingAgain() {
    await this.page.getByRole('button', { name: 'Try saving again' }).click();
  }

  // 1. The rep first.

  /** The rep's first answer, "How did it feel?", which opens the manager's notes. */
  feeling() {
    return this.page.getByLabel('How did it feel?');
  }

  async skipSelfAssessment() {
    await this.page.getByRole('button', { name: 'Skip the self-assessment' }).click();
  }

  // 2. The replay.

  /**
   * The button that shows the manager's notes: "my" on the manager's device, "the manager’s" on the rep's.
   * @param {'my' | 'the manager’s'} whose
   */
  showNotes(whose) {
    return this.page.getByRole('button', { name: `Show ${whose} notes` });
  }

  /** The notes, listed under the phases of the call. */
  notes() {
    return this.page.locator('.phase-notes');
  }

  /** All the listed notes' text, one phase a line. */
  async notesText() {
    return (await this.notes().allInnerTexts()).join('\n');
  }

  /** The note listed as selected. */
  selectedNote() {
    return this.page.locator('.phase-notes li[aria-current="true"]');
  }

  /** Each note on the timeline. */
  noteMarks() {
    return this.page.locator('.timeline .note-mark');
  }

  /** The one note on the timeline that Tab reaches: the notes are one tab stop. */
  tabStopNoteMarks() {
    return this.page.locator('.timeline .note-mark[tabindex="0"]');
  }

  /** Each phase of the call as it ran, on the timeline. */
  timelinePhases() {
    return this.page.locator('.timeline .actual');
  }

  /** The phase listed as selected. */
  selectedPhase() {
    return this.page.locator('.phase[aria-current="true"]');
  }

  /** The titles of the phases listed under the timeline, in order. */
  async phaseTitles() {
    return this.page.locator('.phase > strong').allInnerTexts();
  }

  // 3. The outcome, 4. coaching.

  /**
   * Answers one of the outcome's questions, such as "Was the objective met?".
   * @param {RegExp} question @param {'yes' | 'partly' | 'no'} answer
   */
  async rate(question, answer) {
    await this.page.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
  }

  /** @param {'next step' | 'order'} [commitment] */
  commitmentSecured(commitment = 'next step') {
    return this.page.getByLabel(`The ${commitment} secured`);
  }

  /**
   * One entry of a coaching list, counted from 1.
   * @param {'Went well' | 'Do differently'} list @param {number} index
   */
  coachingEntry(list, index) {
    return this.page.getByLabel(`${list} ${index}`, { exact: true });
  }

  /**
   * Adds an entry to a coaching list and types it.
   * @param {'Went well' | 'Do differently'} list @param {string} text
   */
  async addToCoaching(list, text) {
    await this.page.getByRole('button', { name: `Add to “${list}”` }).click();
    const count = await this.page.getByRole('textbox', { name: new RegExp(`^${list} \\d+$`) }).count();
    await this.coachingEntry(list, count).fill(text);
  }

  // Share and export.

  /**
   * One of the export buttons.
   * @param {'Export my notes' | 'Download Markdown' | 'Download JSON'} name
   */
  exportButton(name) {
    return this.page.getByRole('button', { name });
  }

  /**
   * Clicks an export button and returns where the browser saved the file.
   * @param {'Export my notes' | 'Download Markdown' | 'Download JSON'} name
   * @returns {Promise<string>}
   */
  async download(name) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton(name).click()]);
    return download.path();
  }

  /**
   * "Copy my notes as a code", and the code as the page shows it.
   * @returns {Promise<string>}
   */
  async copyNotesCode() {
    await this.page.getByRole('button', { name: 'Copy my notes as a code' }).click();
    return this.page.getByLabel('Your notes code').inputValue();
  }

  /** @param {string} code the partner's notes code */
  async importNotesCode(code) {
    await this.page.getByLabel('Paste a notes code').fill(code);
    await this.page.getByRole('button', { name: 'Import the code' }).click();
  }

  /** @param {string} path the partner's notes package */
  async importNotesFile(path) {
    await this.page.getByLabel('Import partner’s notes').setInputFiles(path);
  }

  /** The question asked before merging a package that may be from another call. */
  mergeQuestion() {
    return this.page.getByRole('group', { name: 'Merge a package from another call?' });
  }

  /** The question's links to the other calls the package could belong to. */
  otherCallsOfMergeQuestion() {
    return this.mergeQuestion().getByRole('link', { name: /^Open the call of / });
  }

  /** @param {'Cancel' | 'Merge anyway' | 'Merge into this call'} answer */
  async answerMergeQuestion(answer) {
    await this.mergeQuestion().getByRole('button', { name: answer }).click();
  }
}
