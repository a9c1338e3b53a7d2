// A plan whose every text field is an XSS payload, imported from a file, then shown everywhere Ridealong shows it:
// the popup list and editor, the customer agenda, the overlay on the meeting (rep and manager parts), a note, the
// debrief, and the Markdown export. Each payload must appear as text, create no element, and run nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { storedPlans } from './database';
import { openMeeting } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

const MEETING = 'https://meet.google.com/xss-payl-oad';
/** Runs if it is ever parsed as HTML: an image error handler, a script, an SVG handler, and a template string. */
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><svg onload="window.__xss=3">"'${'${7*7}'}`;
const TITLE = `Hooli ${PAYLOAD}`;
let browser: ExtensionBrowser;

/** What a surface shows and contains: its text, and any element or run the payload would have caused. */
async function inspect(target: Page | Frame) {
  return target.evaluate(() => ({
    text: document.body.innerText,
    injected:
      document.querySelectorAll('img[src="x"], svg[onload], [onerror]').length +
      [...document.scripts].filter((script) => script.text.includes('__xss')).length,
    ran: (globalThis as { __xss?: number }).__xss ?? null,
  }));
}

beforeAll(async () => {
  browser = await startExtensionBrowser();
  const popup = await PopupPage.open(browser);
  await popup.createPlan({
    title: 'Hooli: plain',
    meetingLink: MEETING,
    agenda: [
      ['Open', 5],
      ['Demo', 15],
      ['Next step', 5],
    ],
  });
  // Every text field of the stored plan becomes a payload, and the plan comes back in through a plan file.
  const [plan] = (await storedPlans(browser)) as Plan[];
  const bent: Plan = {
    ...plan!,
    title: TITLE,
    account: `Acme ${PAYLOAD}`,
    attendees: [{ id: 'att-x', name: `Name ${PAYLOAD}`.slice(0, 100), role: `Role ${PAYLOAD}`.slice(0, 100) }],
    repName: `Rep ${PAYLOAD}`.slice(0, 100),
    managerName: `Mgr ${PAYLOAD}`.slice(0, 100),
    objective: `Objective ${PAYLOAD}`,
    customerObjective: `Purpose ${PAYLOAD}`,
    commitment: { kind: 'next-step', text: `Commitment ${PAYLOAD}` },
    agenda: plan!.agenda.map((item, index) => ({
      ...item,
      title: `Item ${index + 1} ${PAYLOAD}`,
      managerCue: `Cue ${PAYLOAD}`,
    })),
    managerNote: `Part ${PAYLOAD}`,
    doNotRaise: [`Topic ${PAYLOAD}`],
    stepInWhen: `When ${PAYLOAD}`,
    stepInSignal: `Signal ${PAYLOAD}`.slice(0, 200),
    questions: [{ id: 'q-x', text: `Question ${PAYLOAD}` }],
    revision: plan!.revision + 1,
  };
  const file = join(tmpdir(), `ridealong-xss-${Date.now()}.ridealong.json`);
  writeFileSync(file, JSON.stringify({ format: 'ridealong-plans', version: 1, exportedAt: 0, plans: [bent] }));
  await popup.page.getByRole('button', { name: 'Import plan' }).click();
  await popup.page.getByLabel(/^Or a plan file/).setInputFiles(file);
  await popup.page.getByRole('status').filter({ hasText: 'Updated' }).or(popup.page.getByRole('alert')).waitFor();
  expect(await popup.page.getByRole('alert').count(), await popup.page.locator('main').innerText()).toBe(0);
  await popup.page.close();
});

afterAll(() => browser?.close());

describe('a plan made of XSS payloads', () => {
  it('shows as text in the popup list, the editor and the customer agenda, and runs nothing', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: `Edit ${TITLE}` }).waitFor();
    let seen = await inspect(popup.page);
    expect(seen.text).toContain(TITLE);
    expect(seen).toMatchObject({ injected: 0, ran: null });
    await popup.page.getByRole('button', { name: `Edit ${TITLE}` }).click();
    await popup.page.getByRole('button', { name: 'Copy the agenda for the customer' }).click();
    const agenda = await popup.page.getByLabel(/^Agenda for the customer/).inputValue();
    expect(agenda).toContain(`Purpose: Purpose ${PAYLOAD}`);
    seen = await inspect(popup.page);
    expect(seen).toMatchObject({ injected: 0, ran: null });
    expect(await popup.page.getByLabel('Item 1 title').inputValue()).toBe(`Item 1 ${PAYLOAD}`);
    await popup.page.close();
  });

  it('shows as text in the overlay (items, cues, guardrails) and in a note; the meeting page gets nothing', async () => {
    const { page, overlay } = await openMeeting(browser, MEETING);
    await overlay.frame.getByRole('radio', { name: 'the manager' }).check();
    await overlay.startCall(TITLE);
    await overlay.frame.getByRole('region', { name: 'Notes' }).focus();
    await page.keyboard.press('3');
    await page.keyboard.type(`Note ${PAYLOAD}`);
    await page.keyboard.press('Enter');
    await overlay.frame.locator('.note-status.saved').first().waitFor();
    const seen = await inspect(overlay.frame);
    for (const shown of [`Item 1 ${PAYLOAD}`, `Cue ${PAYLOAD}`, `Topic ${PAYLOAD}`, `Note ${PAYLOAD}`])
      expect(seen.text).toContain(shown);
    expect(seen).toMatchObject({ injected: 0, ran: null });
    expect(await inspect(page)).toMatchObject({ injected: 0, ran: null });
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await overlay.frame.getByRole('region', { name: 'Linked to this meeting' }).waitFor();
    await page.close();
  });

  it('shows as text in the debrief and its history, and stays text in the Markdown export', async () => {
    const page = await browser.context.newPage();
    await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await inspect(page)).toMatchObject({ injected: 0, ran: null });
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByLabel('How did it feel?').fill(`Feel ${PAYLOAD}`);
    await page.getByRole('button', { name: 'Show my notes' }).click();
    await page.getByRole('button', { name: 'Add to “Went well”' }).click();
    await page.getByLabel('Went well 1', { exact: true }).fill(`Well ${PAYLOAD}`);
    const seen = await inspect(page);
    expect(seen.text).toContain(`Note ${PAYLOAD}`);
    expect(seen).toMatchObject({ injected: 0, ran: null });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain('Well &lt;img src=x onerror="window.\\_\\_xss=1"&gt;');
    expect(markdown).not.toMatch(/<(img|script|svg)/);
    await page.close();
  });
});
