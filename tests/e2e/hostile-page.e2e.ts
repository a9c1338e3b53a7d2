// The meeting page as an attacker: it runs before us, owns the DOM our host sits in, and can restyle, remove, cover
// and steal focus. Each test is one attack from SECURITY.md, tried on the built extension, and what must hold instead.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  resetBetweenTests,
  runCommand,
  startExtensionBrowserWithPlans,
} from './extension-fixture';
import { storedRecords } from './database';
import { OVERLAY_HOST, OverlayFrame, overlayFrames, waitForNoOverlay } from './pages/overlay.mjs';

const PLAN = 'Umbrella renewal: hold the price';
const LINKED = 'https://meet.google.com/hos-tile-abc';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: PLAN,
      meetingLink: LINKED,
      // Far from now, so only its linked meeting offers it.
      start: '2031-06-02T09:15',
      agenda: [
        ['Open', 5],
        ['Pricing', 10],
        ['Next step', 5],
      ],
    },
  ]);
});

// Each test starts from no running call and no open tab, whatever the one before it left.
afterEach(() => resetBetweenTests(browser));
afterAll(() => browser?.close());

interface StoredCall {
  meeting: { code: string };
  endedAt: number | null;
}

async function runningCalls(code: string): Promise<StoredCall[]> {
  const calls = (await storedRecords(browser, 'calls')) as StoredCall[];
  return calls.filter((call) => call.meeting.code === code && call.endedAt === null);
}

async function startCall(page: Page): Promise<OverlayFrame> {
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  await overlay.startCall(PLAN);
  return overlay;
}

async function endRunningCall(overlay: OverlayFrame): Promise<void> {
  await overlay.frame.getByRole('button', { name: 'End call' }).press('Enter');
  await overlay.frame.getByRole('button', { name: `Start call: ${PLAN}` }).waitFor();
}

/** The page sees focus on our host and moves it to an input of its own, "Chat". */
async function pageTakesTheKeyboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const trap = document.createElement('input');
    trap.id = 'trap';
    trap.setAttribute('aria-label', 'Chat');
    document.body.append(trap);
    trap.focus();
  });
}

/** The host's box as the page measures it, once the overlay has settled. */
async function hostBox(overlay: OverlayFrame): Promise<{ width: number; height: number }> {
  await overlay.waitUntilSettled();
  const box = (await overlay.frame.page().locator(OVERLAY_HOST).boundingBox())!;
  return { width: box.width, height: box.height };
}

describe('the overlay host', () => {
  it('is not an element the page can define first: its constructor never runs, and it gets no root or frame', async () => {
    const page = await browser.context.newPage();
    // Runs in the page's main world before any of its scripts, and so before our content script. Playwright runs
    // init scripts in every frame, ours included, which no real page can: the page's own frame only.
    await page.addInitScript(() => {
      if (window !== window.top) return;
      const seen = { constructed: 0, roots: [] as string[], attachFailed: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      customElements.define(
        'ridealong-overlay',
        class extends HTMLElement {
          constructor() {
            super();
            seen.constructed += 1;
            seen.roots.push(String(this.attachInternals().shadowRoot));
          }
        },
      );
      // Whatever element is added, try to take its shadow root, or to make one first.
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) {
            if (!(node instanceof HTMLElement)) continue;
            // The fixture's own chat panel is built with open roots: only what the page didn't make counts.
            if (node.shadowRoot && node.id !== 'chat-panel') seen.roots.push(node.shadowRoot.innerHTML);
            try {
              node.attachShadow({ mode: 'open' });
            } catch {
              seen.attachFailed += 1;
            }
          }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(LINKED);
    const overlay = await startCall(page);

    const seen = await page.evaluate(() => ({
      ...(window as unknown as { seen: { constructed: number; roots: string[]; attachFailed: number } }).seen,
      frames: window.length,
      hostRoot: String(document.querySelector('[data-ridealong]')?.shadowRoot),
    }));
    expect(seen.constructed).toBe(0);
    expect(seen.roots).toEqual([]);
    // The page tried, on our host too: it already had our closed root.
    expect(seen.attachFailed).toBeGreaterThan(0);
    expect(seen.frames).toBe(0);
    expect(seen.hostRoot).toBe('null');
    // And the overlay works: the page did not stop it.
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Pricing');
    await endRunningCall(overlay);
    await page.close();
  });

  it('gets its own style back when the page restyles it, and comes back when the page removes it', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const first = await OverlayFrame.on(page);
    const host = page.locator(OVERLAY_HOST);
    await page.evaluate(() => {
      const element = document.querySelector<HTMLElement>('[data-ridealong]')!;
      element.style.setProperty('display', 'none', 'important');
      element.setAttribute('hidden', '');
    });
    await expect.poll(() => host.isVisible()).toBe(true);
    expect(await host.getAttribute('hidden')).toBeNull();

    await page.evaluate(() => document.querySelector('[data-ridealong]')!.remove());
    // A new frame, with a new token, not the one the page removed.
    await expect.poll(() => overlayFrames(page).map((frame) => frame.url() !== first.frame.url())).toEqual([true]);
    const back = await OverlayFrame.on(page);
    await back.expand();
    await back.frame.getByRole('button', { name: `Start call: ${PLAN}` }).waitFor();
    await page.close();
  });

  it('stops coming back after the page removed it again and again, and the toolbar button says why', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      if (window !== window.top) return;
      new MutationObserver(() => document.querySelector('[data-ridealong]')?.remove()).observe(document, {
        childList: true,
        subtree: true,
      });
    });
    await page.goto(LINKED);
    await page.bringToFront();
    const worker = browser.context.serviceWorkers().at(-1)!;
    const badge = () =>
      worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url, active: true });
        return {
          text: await chrome.action.getBadgeText({ tabId: tab!.id }),
          title: await chrome.action.getTitle({ tabId: tab!.id }),
        };
      }, LINKED);
    await expect.poll(async () => (await badge()).text, { timeout: 10_000 }).toBe('!');
    expect((await badge()).title).toContain('keeps removing the Ridealong overlay');
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
    await page.close();
  });

  it('is unmounted while hidden, so nothing the page does brings the plan back on screen', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const overlay = await startCall(page);
    expect(await overlay.text()).toContain(PLAN);

    await runCommand(browser, page, 'toggle-overlay');
    await waitForNoOverlay(page);
    // The page shows everything it can find, as it would just before the person shares their screen.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>('*')) {
        element.removeAttribute('hidden');
        element.style.setProperty('display', 'block', 'important');
        element.style.setProperty('visibility', 'visible', 'important');
      }
    });
    expect(overlayFrames(page)).toHaveLength(0);
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);

    // Shown again, the call is still running.
    await runCommand(browser, page, 'toggle-overlay');
    const shown = await OverlayFrame.on(page);
    await shown.expand();
    await shown.frame.getByRole('button', { name: 'Next item' }).waitFor();
    await endRunningCall(shown);
    await page.close();
  });

  it('has one collapsed size whatever it shows, and pushing meeting codes reveals nothing', async () => {
    // The linked meeting's overlay was left open, in another tab: a reload there would bring it back open.
    const other = await browser.context.newPage();
    await other.goto(LINKED);
    await (await OverlayFrame.on(other)).expand();
    await other.close();

    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/nop-lann-xyz');
    const nothing = await OverlayFrame.on(page);
    await nothing.frame.getByRole('button', { name: 'Open Ridealong: No plan for this meeting' }).waitFor();
    const noPlan = await hostBox(nothing);

    // The page probes a code with history.pushState: the plan's pill looks the same, and stays closed.
    await page.evaluate(() => history.pushState({}, '', '/hos-tile-abc'));
    await expect
      .poll(() => overlayFrames(page).map((frame) => frame.url().includes('code=hos-tile-abc')))
      .toEqual([true]);
    const probed = await OverlayFrame.on(page);
    await probed.frame.getByRole('button', { name: 'Open Ridealong: Plan ready' }).waitFor();
    expect(await hostBox(probed)).toEqual(noPlan);

    // A pill in a running call is the same size too.
    await probed.expand();
    await probed.startCall(PLAN);
    await probed.frame.getByRole('button', { name: 'Hide Ridealong' }).click();
    await probed.frame.getByRole('button', { name: /^Open Ridealong: Item 1\/3/ }).waitFor();
    expect(await hostBox(probed)).toEqual(noPlan);
    await probed.expand();
    await endRunningCall(probed);
    await page.close();
  });
});

describe('input to the overlay', () => {
  it('ignores a click while a top-layer decoy covers it, says why, and works again once uncovered', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const overlay = await startCall(page);
    const end = overlay.frame.getByRole('button', { name: 'End call' });
    await end.scrollIntoViewIfNeeded();
    const target = (await end.boundingBox())!;
    const host = (await page.locator(OVERLAY_HOST).boundingBox())!;

    // A popover sits in the top layer, above any z-index, and lets clicks through to what is under it.
    await page.evaluate((box) => {
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.setAttribute('popover', 'manual');
      decoy.textContent = 'Join now';
      decoy.style.cssText = `position:fixed;inset:auto;margin:0;left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px;pointer-events:none;background:#1a73e8;color:#fff;border:0`;
      document.body.append(decoy);
      decoy.showPopover();
    }, host);
    // A person reads the decoy before clicking; the browser reports the cover within 100 ms.
    await overlay.frame.locator('html[data-covered]').waitFor({ state: 'attached' });
    await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);

    await overlay.frame
      .getByRole('alert')
      .filter({ hasText: 'something from the meeting page was covering' })
      .waitFor();
    expect(await runningCalls('hos-tile-abc')).toHaveLength(1);
    expect(await overlay.frame.getByRole('button', { name: 'Next item' }).count()).toBe(1);

    // Uncovered, the same click ends the call: a person not under attack never notices the guard.
    await page.evaluate(() => document.getElementById('decoy')!.hidePopover());
    await overlay.frame.locator('html:not([data-covered])').waitFor({ state: 'attached' });
    // The explanation above the controls moved them down: click where End call is now.
    await overlay.waitUntilSettled();
    const now = (await end.boundingBox())!;
    await page.mouse.click(now.x + now.width / 2, now.y + now.height / 2);
    await overlay.frame.getByRole('button', { name: `Start call: ${PLAN}` }).waitFor();
    expect(await runningCalls('hos-tile-abc')).toHaveLength(0);
    await page.close();
  });

  it('ignores a click while the page fades it, and keeps working by keyboard', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const overlay = await startCall(page);
    // The overlay's host can't be restyled, but its parent, the page's root, can be made nearly transparent.
    await page.evaluate(() => document.documentElement.style.setProperty('opacity', '0.1', 'important'));
    await overlay.frame.locator('html[data-covered]').waitFor({ state: 'attached' });
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await overlay.frame
      .getByRole('alert')
      .filter({ hasText: 'something from the meeting page was covering' })
      .waitFor();
    expect(await overlay.currentItem().innerText()).toContain('Open');

    // The page can't type into the frame, so keys still act.
    await overlay.frame.getByRole('button', { name: 'Next item' }).press('Enter');
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Pricing');
    await endRunningCall(overlay);
    await page.close();
  });

  it('says at once when the page takes the keyboard in the middle of a note, and keeps the words', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const overlay = await startCall(page);
    const line = overlay.frame.getByRole('textbox', { name: 'Note', exact: true });
    await line.click();
    await page.keyboard.type('Budget is');

    // The page sees focus on our host and moves it to an input of its own.
    await pageTakesTheKeyboard(page);
    await page.keyboard.type(' 40k');
    await overlay.frame.getByRole('alert').filter({ hasText: 'The keyboard left Ridealong' }).waitFor();
    expect(await line.inputValue()).toBe('Budget is');
    // The words after the theft went to the page: the warning is about something real.
    expect(await page.locator('#trap').inputValue()).toBe(' 40k');

    // Back in the note line, the warning goes and the note is saved whole.
    await line.click();
    await expect.poll(() => overlay.frame.getByRole('alert').count()).toBe(0);
    await line.press('End');
    await page.keyboard.type(' tight');
    await page.keyboard.press('Enter');
    await overlay.frame.getByText('Budget is tight').waitFor();
    await endRunningCall(overlay);
    await page.close();
  });

  it('warns too when the page takes the keyboard from another control of the overlay, the words still in the line', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const overlay = await startCall(page);
    const line = overlay.frame.getByRole('textbox', { name: 'Note', exact: true });
    await line.click();
    await page.keyboard.type('Half a thought');
    // Focus moves within the overlay first (to Save note): the line's own blur is no theft, and nothing is said.
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        overlay.frame.getByRole('button', { name: 'Save note' }).evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    await pageTakesTheKeyboard(page);
    await overlay.frame.getByRole('alert').filter({ hasText: 'The keyboard left Ridealong' }).waitFor();
    expect(await line.inputValue()).toBe('Half a thought');
    await line.click();
    await expect.poll(() => overlay.frame.getByRole('alert').count()).toBe(0);
    await endRunningCall(overlay);
    await page.close();
  });

  it('does not warn when focus moves within the overlay', async () => {
    const page = await browser.context.newPage();
    await page.goto(LINKED);
    const overlay = await startCall(page);
    const line = overlay.frame.getByRole('textbox', { name: 'Note', exact: true });
    await line.click();
    await page.keyboard.type('Half a thought');
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        overlay.frame.getByRole('button', { name: 'Save note' }).evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    expect(await overlay.frame.getByRole('alert').count()).toBe(0);
    await endRunningCall(overlay);
    await page.close();
  });
});
