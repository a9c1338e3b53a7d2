// Microsoft Teams on the web (tests/e2e/fixtures/teams.html, never the real site): the overlay appears in a meeting
// only, and leaves with it, across the app's hash routes without a reload. Chat shares the app's paths, so a call
// screen whose URL names no meeting counts only while the page shows a hang-up control. A plan whose link is the
// Teams meeting is offered first, and its call runs end to end.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, startExtensionBrowserWithPlans } from './extension-fixture';
import { storedRecords } from './database';
import { OVERLAY_HOST, OverlayFrame, overlayFrames, waitForNoOverlay } from './pages/overlay.mjs';

const THREAD = '19:meeting_NjY2ZTE4YjAtZWE1OC00YTJlLWE3NGQtYzE0MTA3OTBlZjg3@thread.v2';
const INVITATION = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;
const TITLE = 'Hooli Teams pilot review';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: TITLE,
      meetingLink: INVITATION,
      agenda: [
        ['Open and agree the agenda', 5],
        ['Their questions', 10],
        ['Agree the next step', 5],
      ],
    },
  ]);
});

afterAll(() => browser?.close());

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** Waits until the content script has run on the page and settled with no overlay. */
async function expectNoOverlay(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.screen !== undefined);
  await waitForNoOverlay(page);
  // Give a late mount its chance: the overlay frame would be there by the time a Navigation event is handled.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  expect(overlayFrames(page)).toHaveLength(0);
}

describe('Teams on the web', () => {
  it('offers the linked plan first on the invitation’s link, and runs its call end to end', async () => {
    const page = await open(INVITATION);
    const overlay = await OverlayFrame.on(page);
    await overlay.expand();
    await expect.poll(() => overlay.section('Linked to this meeting').innerText()).toContain(TITLE);
    await page.getByRole('button', { name: 'Join now' }).click();
    await overlay.frame.getByRole('radio', { name: 'the rep' }).check();
    await overlay.startCall(TITLE);
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await overlay.currentItem().filter({ hasText: '2 of 3 · Their questions' }).waitFor();
    await overlay.frame.getByRole('textbox', { name: 'Note' }).fill('Monica asked about SSO');
    await overlay.frame.getByRole('textbox', { name: 'Note' }).press('Enter');
    await overlay.frame
      .locator('.note-list .note[data-status="saved"]', { hasText: 'Monica asked about SSO' })
      .waitFor();
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await overlay.frame.getByRole('button', { name: `Start call: ${TITLE}` }).waitFor();

    const calls = (await storedRecords(browser, 'calls')) as {
      meeting: { platform: string; code: string };
      transitions: unknown[];
      endedAt: number | null;
    }[];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ meeting: { platform: 'teams', code: THREAD }, endedAt: expect.any(Number) });
    expect(calls[0]!.transitions).toHaveLength(1);
    expect((await storedRecords(browser, 'notes')) as { text: string }[]).toMatchObject([
      { text: 'Monica asked about SSO' },
    ]);
    await page.close();
  });

  it('shows nothing in chat, appears on the pre-join route, and leaves for chat again, without a reload', async () => {
    const page = await open('https://teams.microsoft.com/v2/#/conversations/19:abc123@thread.v2?ctx=chat');
    await expectNoOverlay(page);
    // A meeting's own chat is chat too.
    await page.evaluate((thread) => (location.hash = `#/conversations/${thread}?ctx=chat`), THREAD);
    await expectNoOverlay(page);
    await page.evaluate((thread) => (location.hash = `#/pre-join-calling/${thread}`), THREAD);
    const overlay = await OverlayFrame.on(page);
    await overlay.expand();
    // The same meeting as the invitation's link, reached another way: the linked plan is offered.
    await expect.poll(() => overlay.section('Linked to this meeting').innerText()).toContain(TITLE);
    await page.evaluate(() => (location.hash = '#/calendarv2'));
    await waitForNoOverlay(page);
    await page.close();
  });

  it('counts a call screen that names no meeting only while it shows a hang-up control', async () => {
    const page = await open('https://teams.microsoft.com/v2/#/conversations/19:abc123@thread.v2');
    await expectNoOverlay(page);
    await page.evaluate(() => (location.hash = '#/modern-calling/'));
    await page.locator('#hangup-button').waitFor();
    const overlay = await OverlayFrame.on(page);
    await overlay.expand();
    // No meeting named: the plans scheduled around now are offered, and any plan can be found.
    await overlay.frame.getByText('Pick another plan').waitFor();
    // Teams keeps its call controls at the top right: the overlay starts below them and covers none.
    await overlay.waitUntilSettled();
    const [hangUp, hud] = [
      await page.locator('#hangup-button').boundingBox(),
      await page.locator(OVERLAY_HOST).boundingBox(),
    ];
    expect(hud!.y).toBeGreaterThanOrEqual(hangUp!.y + hangUp!.height);
    await page.locator('#hangup-button').click();
    await waitForNoOverlay(page);
    await page.close();
  });

  it('recognises the anonymous launcher’s link', async () => {
    const launcher = `https://teams.microsoft.com/light-meetings/launch?anon=true&directDl=true&url=${encodeURIComponent(
      `/_#/l/meetup-join/${encodeURIComponent(THREAD)}/0`,
    )}`;
    const page = await open(launcher);
    const overlay = await OverlayFrame.on(page);
    await overlay.expand();
    await expect.poll(() => overlay.section('Linked to this meeting').innerText()).toContain(TITLE);
    await page.close();
  });
});
