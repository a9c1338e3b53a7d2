// The companion window: a joint call in a desktop app, on the phone or in person runs in Ridealong's own window. It
// starts the plan's call, runs it whole, and floats the compact HUD in a Document Picture-in-Picture window, which
// the page renders into from here (the PiP window has no chrome.runtime). One call record whatever the surface.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { storedRecords } from './database';
import { openMeeting } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

let browser: ExtensionBrowser;
let companion: Page;

beforeAll(async () => {
  browser = await startExtensionBrowser();
  const popup = await PopupPage.open(browser);
  await popup.createPlan({
    title: 'Initech, in person',
    meetingLink: '',
    start: '2031-03-04T10:00',
    agenda: [
      ['Open', 5],
      ['Walk the floor', 20],
      ['Next step', 5],
    ],
  });
  [companion] = await Promise.all([
    browser.context.waitForEvent('page'),
    popup.page.getByRole('button', { name: 'Run this call in a window' }).click(),
  ]);
  await companion.waitForLoadState();
});

afterAll(() => browser?.close());

type PipAction = 'text' | 'display' | 'click' | 'submit';

/**
 * Acts on one element of the floating window, from the companion page that renders into it (the PiP window is no
 * page Playwright lists): its text, its computed display, a click, or its form's submit. `typed` fills an input.
 */
function inPip(selector: string, action: PipAction, typed?: string): Promise<string | null> {
  return companion.evaluate(
    ({ selector, action, typed }) => {
      const pip = (window as unknown as { documentPictureInPicture: { window: Window | null } })
        .documentPictureInPicture.window;
      const element = pip?.document.querySelector<HTMLElement>(selector);
      if (!pip || !element) throw new Error(`Nothing floats at ${selector}`);
      if (typed !== undefined) {
        (element as HTMLInputElement).value = typed;
        element.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (action === 'click') element.click();
      if (action === 'submit') (element as HTMLInputElement).form!.requestSubmit();
      if (action === 'display') return pip.getComputedStyle(element).display;
      return element.textContent;
    },
    { selector, action, typed },
  );
}

describe('the companion window', () => {
  it('opens from the popup as an extension page of its own, and starts the plan’s call', async () => {
    expect(companion.url()).toBe(
      extensionUrl(browser.extensionId, `src/companion/companion.html?plan=${encodeURIComponent(await planId())}`),
    );
    await companion.getByRole('heading', { name: 'Initech, in person' }).waitFor();
    await companion.getByRole('radio', { name: 'the rep' }).check();
    await companion.getByRole('button', { name: 'Start the call' }).click();
    await companion.locator('.desk .now-title').filter({ hasText: '1 of 3 · Open' }).waitFor();
  });

  it('runs the call: Next, a tick-free note, all stored', async () => {
    await companion.getByRole('button', { name: 'Next item', exact: true }).click();
    await companion.locator('.desk .now-title').filter({ hasText: '2 of 3 · Walk the floor' }).waitFor();
    await companion.getByRole('textbox', { name: 'Note' }).fill('Peter showed the jammed printer');
    await companion.getByRole('textbox', { name: 'Note' }).press('Enter');
    await companion.locator('.note-list .note[data-status="saved"]', { hasText: 'jammed printer' }).waitFor();
  });

  it('floats the HUD on top: Next there moves the call, and closing it leaves the call running', async () => {
    await companion.getByRole('button', { name: 'Float on top' }).click();
    await companion.getByRole('button', { name: 'Stop floating' }).waitFor();
    expect(await inPip('.now-title', 'text')).toMatch(/^2 of 3/);
    // Styled like the HUD: the stylesheets were copied across.
    expect(await inPip('.time-track', 'display')).toBe('block');
    await inPip('button.primary', 'click');
    await expect.poll(() => inPip('.now-title', 'text')).toMatch(/^3 of 3/);
    await companion.locator('.desk .now-title').filter({ hasText: '3 of 3 · Next step' }).waitFor();
    const stored = (await storedRecords(browser, 'calls')) as { transitions: { toItemIndex: number }[] }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.transitions.map((move) => move.toItemIndex)).toEqual([1, 2]);

    await companion.evaluate(() =>
      (window as unknown as { documentPictureInPicture: { window: Window } }).documentPictureInPicture.window.close(),
    );
    await companion.getByRole('button', { name: 'Float on top' }).waitFor();
    await companion.getByText(/^The floating HUD closed\. The call goes on here/).waitFor();
    await companion.locator('.desk .now-title').filter({ hasText: '3 of 3' }).waitFor();
  });

  it('floats the manager’s note line: a note typed there is saved', async () => {
    await companion.getByRole('button', { name: 'End call' }).click();
    await companion.getByRole('radio', { name: 'the manager' }).check();
    await companion.getByRole('button', { name: 'Start another call' }).click();
    await companion.locator('.desk .now-title').filter({ hasText: '1 of 3' }).waitFor();
    await companion.getByRole('button', { name: 'Float on top' }).click();
    await companion.getByRole('button', { name: 'Stop floating' }).waitFor();
    await inPip('input[aria-label="Note"]', 'text', 'Peter froze when the price came up');
    // Then Enter, as a person presses it: once the typed words have been drawn.
    await companion.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await inPip('input[aria-label="Note"]', 'submit');
    await companion.locator('.note-list .note[data-status="saved"]', { hasText: 'Peter froze' }).waitFor();
    const notes = (await storedRecords(browser, 'notes')) as { text: string; author: string }[];
    expect(notes.find((note) => note.text === 'Peter froze when the price came up')).toMatchObject({
      author: 'manager',
    });
    await companion.getByRole('button', { name: 'Stop floating' }).click();
    await companion.getByRole('button', { name: 'End call' }).click();
  });
});

describe('one call, whatever the surface', () => {
  it('is the same call when started in the companion and continued on the plan’s Meet tab', async () => {
    const popup = await PopupPage.open(browser);
    await popup.createPlan({
      title: 'Hooli on Meet',
      meetingLink: 'https://meet.google.com/hoo-lion-mee',
      start: '2031-03-05T10:00',
      agenda: [
        ['Open', 5],
        ['Demo', 20],
        ['Next step', 5],
      ],
    });
    const [window] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.page.getByRole('button', { name: 'Run Hooli on Meet in a window' }).click(),
    ]);
    await window.getByRole('radio', { name: 'the rep' }).check();
    await window.getByRole('button', { name: 'Start the call' }).click();
    await window.getByRole('button', { name: 'Next item', exact: true }).click();
    await window.locator('.desk .now-title').filter({ hasText: '2 of 3 · Demo' }).waitFor();

    // The meeting's tab picks the running call up, and its moves show in the companion.
    const { page, overlay } = await openMeeting(browser, 'https://meet.google.com/hoo-lion-mee');
    await overlay.currentItem().filter({ hasText: '2 of 3 · Demo' }).waitFor();
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await window.locator('.desk .now-title').filter({ hasText: '3 of 3 · Next step' }).waitFor();
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await window.getByRole('heading', { name: 'Hooli on Meet' }).waitFor();

    const calls = (
      (await storedRecords(browser, 'calls')) as { planSnapshot: { title: string }; transitions: unknown[] }[]
    ).filter((call) => call.planSnapshot.title === 'Hooli on Meet');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.transitions).toHaveLength(2);
    // And the debrief's history lists it once.
    const history = await browser.context.newPage();
    await history.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    await history.getByRole('link', { name: 'Hooli on Meet' }).waitFor();
    expect(await history.getByRole('link', { name: 'Hooli on Meet' }).count()).toBe(1);
    await Promise.all([page.close(), history.close(), window.close(), popup.page.close()]);
  });
});

async function planId(): Promise<string> {
  const plans = (await storedRecords(browser, 'plans')) as { id: string }[];
  return plans[0]!.id;
}
