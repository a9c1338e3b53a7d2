// The Firefox smoke path, in real Firefox with the Firefox build: the overlay appears on a meeting, a plan is chosen,
// a call starts, a note is saved and survives a reload, and the debrief shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { type FirefoxWithExtension, click, launchFirefox, overlayFrame, waitForText } from './harness';

const MEETING = 'https://meet.google.com/ffx-smok-eab';
const TITLE = 'Initech: Firefox pilot review';
const NOTE = 'Asked about the SSO rollout — follow up with IT';

let firefox: FirefoxWithExtension;
let meeting: Page;

/** The overlay on the meeting tab, opened from its pill into the panel (a reload restores it open). */
async function openOverlay(page: Page): Promise<Frame> {
  const frame = await overlayFrame(page);
  await frame.waitForFunction(
    () =>
      document.querySelector('section[aria-label="Ridealong"]') !== null ||
      [...document.querySelectorAll('button')].some((b) => /^Open Ridealong: (?!Loading)/.test(b.ariaLabel ?? '')),
    { polling: 100 },
  );
  const pill = await frame.$('button[aria-label^="Open Ridealong:"]');
  if (pill && !(await frame.$('section[aria-label="Ridealong"]'))) await pill.click();
  await frame.waitForSelector('section[aria-label="Ridealong"]');
  return frame;
}

/** The HUD's "More" fold, where the manager's notes of the call are listed. */
async function openMore(overlay: Frame): Promise<void> {
  const closed = await overlay.$('details.more:not([open]) summary');
  if (closed) await closed.click();
  await overlay.waitForSelector('details.more[open]');
}

beforeAll(async () => {
  firefox = await launchFirefox();
  const popup = await firefox.openExtensionPage('src/popup/popup.html');
  await click(popup, 'New advance plan');
  await (await popup.waitForSelector('::-p-aria(Title)'))!.type(TITLE);
  await (await popup.waitForSelector('::-p-aria(Meeting link)'))!.type(MEETING);
  await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('✓ Saved'), {
    polling: 100,
  });
  await click(popup, 'Done');
  await popup.waitForSelector(`::-p-aria(Edit ${TITLE})`);
  await popup.close();
});

afterAll(() => firefox?.close());

describe('Firefox', () => {
  it('shows the overlay on a meeting, offers the linked plan, and starts the call', async () => {
    meeting = await firefox.newTab();
    await meeting.goto(MEETING);
    const overlay = await openOverlay(meeting);
    await (await overlay.waitForSelector('::-p-aria(the manager)'))!.click();
    await click(overlay, `Start call: ${TITLE}`);
    await overlay.waitForSelector('.now-title');
    expect(await overlay.$eval('.now-title', (element) => element.textContent)).toBeTruthy();
    // Firefox gives our frame in the meeting page no sidebar API: no Panel button that could only fail.
    expect(await overlay.$('button.panel-open')).toBeNull();
    expect(await overlay.$('button[aria-label="Hide Ridealong"]')).not.toBeNull();
  });

  it('saves a silent note that survives a reload of the meeting tab', async () => {
    let overlay = await overlayFrame(meeting);
    await openMore(overlay);
    const noteLine = await overlay.waitForSelector('::-p-aria(Note)');
    await noteLine!.type(NOTE);
    await noteLine!.press('Enter');
    // Reload once the note's row says it is stored, not merely listed ("… saving" first).
    await overlay.waitForFunction(
      (note: string) =>
        [...document.querySelectorAll('li.note')].some(
          (row) => row.textContent!.includes(note) && row.textContent!.includes('✓ saved'),
        ),
      { timeout: 15_000, polling: 100 },
      NOTE,
    );
    // The meeting page never sees the note.
    expect(await meeting.evaluate(() => document.documentElement.outerHTML)).not.toContain('SSO rollout');

    await meeting.reload();
    overlay = await openOverlay(meeting);
    await overlay.waitForSelector('.now-title');
    await openMore(overlay);
    await waitForText(overlay, NOTE);
  });

  it('shows the note in the debrief once the call has ended', async () => {
    const overlay = await overlayFrame(meeting);
    await click(overlay, 'End call');
    const history = await firefox.openExtensionPage('src/debrief/debrief.html');
    await waitForText(history, TITLE);
    await click(history, `[name="${TITLE}"][role="link"]`);
    await history.waitForSelector(`::-p-aria([name="${TITLE}"][role="heading"])`);
    // The manager's own notes open once the self-assessment is answered or skipped, as in Chrome.
    await click(history, 'Skip the self-assessment');
    await click(history, 'Show my notes');
    await waitForText(history, NOTE);
  });
});
