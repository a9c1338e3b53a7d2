// The side panel shows the call the HUD shows: one record, two surfaces. A Next in the HUD shows in the panel, a note
// in the panel shows in the HUD, and a reload of either loses nothing. The panel opens from the HUD's "Panel" button
// (Chrome's real side panel, found as a CDP target, since Playwright doesn't list it); the rest drives the panel's
// page in a tab, the page Chrome puts in the panel for that meeting tab.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionUrl, sidePanelPathFor, startExtensionBrowser } from './extension-fixture';
import { openMeeting, OverlayFrame } from './pages/overlay.mjs';
import { seedPlanForNow, SEEDED_TITLE } from './seed';

const MEETING_URL = 'https://meet.google.com/see-dedp-lan';

let browser: ExtensionBrowser;
let meeting: Page;
let overlay: OverlayFrame;
let panel: Page;

const panelPathFor = (page: Page) => sidePanelPathFor(browser, page);

async function openPanelPage(): Promise<Page> {
  const path = await panelPathFor(meeting);
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, path));
  return page;
}

/** The side panels Chrome has open, by their page's URL. */
function openPanels(): Promise<string[]> {
  return browser.context
    .serviceWorkers()
    .at(-1)!
    .evaluate(async () =>
      (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).map(
        (context) => context.documentUrl!,
      ),
    );
}

const panelNow = () => panel.locator('.desk .now-title');
const hudNow = () => overlay.currentItem();

beforeAll(async () => {
  browser = await startExtensionBrowser();
  await seedPlanForNow(browser);
  ({ page: meeting, overlay } = await openMeeting(browser, MEETING_URL));
  await overlay.frame.getByRole('radio', { name: 'the rep' }).check();
  await overlay.startCall(SEEDED_TITLE);
  panel = await openPanelPage();
  await panelNow().waitFor();
});

afterAll(() => browser?.close());

describe('the side panel and the HUD show one call', () => {
  it('is enabled for the meeting tab only, with the meeting in its page', async () => {
    const path = await panelPathFor(meeting);
    expect(path).toMatch(/^src\/sidepanel\/sidepanel\.html\?tab=\d+&platform=meet&code=see-dedp-lan$/);
    const worker = browser.context.serviceWorkers().at(-1)!;
    // No panel for the browser as a whole: on any other tab there is none.
    expect(await worker.evaluate(() => chrome.sidePanel.getOptions({}))).not.toMatchObject({
      enabled: true,
      path: expect.anything(),
    });
  });

  it('shows the whole call: where it is, the objectives in full, the agenda, the guardrails', async () => {
    expect(await panelNow().innerText()).toBe(await hudNow().innerText());
    const text = await panel.locator('main').innerText();
    expect(text).toContain('Agree the pilot scope');
    expect(text).toContain('Fewer empty runs by Q3');
    expect(text).toContain('Don’t raise: Price rise');
    expect(await panel.getByRole('list', { name: 'Agenda' }).getByRole('listitem').count()).toBe(3);
    expect(await panel.getByRole('button', { name: 'End call' }).count()).toBe(1);
  });

  it('follows a Next made in the HUD, with no reload', async () => {
    await meeting.bringToFront();
    await overlay.frame.getByRole('button', { name: 'Next item', exact: true }).click();
    await expect.poll(() => hudNow().innerText()).toMatch(/^2 of 3 · Proposal/);
    await expect.poll(() => panelNow().innerText()).toMatch(/^2 of 3 · Proposal/);
    expect(await panel.locator('.agenda li[aria-current="step"]').innerText()).toMatch(/Now: Proposal/);
  });

  it('shows a question ticked in the HUD', async () => {
    const hudQuestion = overlay.frame.locator('fieldset.questions input[type="checkbox"]').first();
    await meeting.bringToFront();
    await hudQuestion.check();
    await expect.poll(() => panel.locator('fieldset.questions input[type="checkbox"]').first().isChecked()).toBe(true);
  });

  it('shows a note taken in the panel in the HUD, and a delete and its undo', async () => {
    await panel.bringToFront();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Gavin asked about the rollout');
    await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
    const inHud = overlay.frame.locator('.note-list .note', { hasText: 'Gavin asked about the rollout' });
    await inHud.waitFor();
    await expect.poll(() => inHud.getAttribute('data-status')).toBe('saved');

    await panel.getByRole('button', { name: /^Delete note from .*Gavin asked/ }).click();
    await inHud.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Undo' }).click();
    await inHud.waitFor();
  });

  it('loses nothing when either is reloaded', async () => {
    await panel.reload();
    await expect.poll(() => panelNow().innerText()).toMatch(/^2 of 3 · Proposal/);
    await panel.locator('.note-list .note', { hasText: 'Gavin asked about the rollout' }).waitFor();
    expect(await panel.locator('fieldset.questions input[type="checkbox"]').first().isChecked()).toBe(true);

    await meeting.reload();
    overlay = await OverlayFrame.on(meeting);
    await overlay.expand();
    await expect.poll(() => hudNow().innerText()).toMatch(/^2 of 3 · Proposal/);
    await overlay.more();
    await overlay.frame.locator('.note-list .note', { hasText: 'Gavin asked about the rollout' }).waitFor();
    // And the reloaded HUD still hears the panel.
    await panel.getByRole('button', { name: 'Next item', exact: true }).click();
    await expect.poll(() => hudNow().innerText()).toMatch(/^3 of 3 · Next step/);
  });

  it('ends the call in both, and offers the debrief in the panel', async () => {
    await panel.getByRole('button', { name: 'End call' }).click();
    await panel.getByRole('heading', { name: 'Call ended' }).waitFor();
    await panel.getByRole('button', { name: 'Open the debrief' }).waitFor();
    await overlay.frame.getByRole('button', { name: `Start call: ${SEEDED_TITLE}` }).waitFor();
  });

  it('opens Chrome’s side panel from the toolbar popup on the meeting tab', async () => {
    // Last tests: once Chrome's panel takes part of the window, headless input to the tab no longer lines up.
    const worker = browser.context.serviceWorkers().at(-1)!;
    const path = await panelPathFor(meeting);
    const popup = await browser.context.newPage();
    await popup.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html'));
    // The popup as the toolbar button opens it over the meeting tab: that tab is the active one.
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.update(tab!.id!, { active: true });
    }, meeting.url());
    await popup.reload();
    await popup.getByRole('button', { name: 'Open the call in the side panel' }).click();
    await expect.poll(() => openPanels()).toEqual([extensionUrl(browser.extensionId, path)]);
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.sidePanel.close({ tabId: tab!.id! });
    }, meeting.url());
    await expect.poll(() => openPanels()).toEqual([]);
  });

  it('opens Chrome’s side panel from the HUD’s Panel button', async () => {
    const path = await panelPathFor(meeting);
    expect(await openPanels()).toEqual([]);
    await overlay.frame.getByRole('button', { name: /^Panel/ }).click();
    await expect.poll(openPanels).toEqual([extensionUrl(browser.extensionId, path)]);
    expect(await overlay.frame.locator('.error').count()).toBe(0);
  });
});
