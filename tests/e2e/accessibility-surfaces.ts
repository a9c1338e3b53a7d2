// The surfaces the accessibility suite checks beyond the popup and the debrief pages: the overlay's states on a
// meeting tab, and the side panel. Each entry opens a surface in the browser given and returns the page or frame to
// check, in the state named; tests/e2e/accessibility.e2e.ts checks each one in light and dark.
//
// They run in order on one meeting tab per browser, as a call goes: the pill, the plan chooser, the rep's HUD, the
// ask, then the manager's HUD, its More fold, the side panel, and the companion window showing the same call.
import type { Frame, Page } from 'playwright-core';
import { type ExtensionBrowser, extensionUrl } from './extension-fixture';
import { storedRecords } from './database';
import { OverlayFrame } from './pages/overlay.mjs';

export interface Surface {
  /** Shown in the test's name and its failure message, e.g. "the HUD, rep, near the end". */
  name: string;
  /** Opens the surface in its state and returns what axe runs on. */
  open(browser: ExtensionBrowser): Promise<Page | Frame>;
}

/** The meeting of the plan the accessibility suite creates ("Globex: discovery"). */
const MEETING_URL = 'https://meet.google.com/glo-bexd-isc';
const PLAN_TITLE = 'Globex: discovery';

const tabs = new WeakMap<ExtensionBrowser, { page: Page; overlay: OverlayFrame }>();

async function meetingTab(browser: ExtensionBrowser): Promise<{ page: Page; overlay: OverlayFrame }> {
  let tab = tabs.get(browser);
  if (!tab) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(MEETING_URL);
    tab = { page, overlay: await OverlayFrame.on(page) };
    tabs.set(browser, tab);
  }
  await tab.page.bringToFront();
  return tab;
}

async function startAs(overlay: OverlayFrame, role: 'rep' | 'manager'): Promise<void> {
  const end = overlay.frame.getByRole('button', { name: 'End call' });
  if ((await end.count()) > 0) await end.click();
  await overlay.frame.getByRole('radio', { name: `the ${role}` }).check();
  await overlay.frame.getByRole('button', { name: `Start call: ${PLAN_TITLE}` }).click();
  await overlay.currentItem().waitFor();
}

/** The in-call surfaces: the overlay's states on a meeting tab, and the side panel. */
export function inCallSurfaces(): Surface[] {
  return [
    {
      name: 'the overlay’s pill on a meeting with a plan',
      async open(browser) {
        const { overlay } = await meetingTab(browser);
        await overlay.frame.getByRole('button', { name: 'Open Ridealong: Plan ready' }).waitFor();
        return overlay.frame;
      },
    },
    {
      name: 'the overlay’s plan chooser',
      async open(browser) {
        const { overlay } = await meetingTab(browser);
        await overlay.expand();
        await overlay.frame.getByRole('button', { name: `Start call: ${PLAN_TITLE}` }).waitFor();
        return overlay.frame;
      },
    },
    {
      name: 'the HUD, rep, in time',
      async open(browser) {
        const { overlay } = await meetingTab(browser);
        await startAs(overlay, 'rep');
        return overlay.frame;
      },
    },
    {
      name: 'the HUD, rep, at the ask',
      async open(browser) {
        const { overlay } = await meetingTab(browser);
        for (const step of ['2 of 3', '3 of 3']) {
          await overlay.frame.getByRole('button', { name: 'Next item' }).click();
          await overlay.currentItem().filter({ hasText: step }).waitFor();
        }
        await overlay.frame.locator('.ask').waitFor();
        return overlay.frame;
      },
    },
    {
      name: 'the HUD, manager, with the guardrails and a note saved',
      async open(browser) {
        const { overlay } = await meetingTab(browser);
        await startAs(overlay, 'manager');
        await overlay.frame.getByRole('textbox', { name: 'Note' }).fill('Asked about the budget');
        await overlay.frame.getByRole('textbox', { name: 'Note' }).press('Enter');
        await overlay.frame.getByPlaceholder(/^✓ Saved/).waitFor();
        await overlay.frame.getByRole('list', { name: 'Guardrails' }).waitFor();
        return overlay.frame;
      },
    },
    {
      name: 'the HUD, manager, with More open',
      async open(browser) {
        const { overlay } = await meetingTab(browser);
        await overlay.more();
        await overlay.frame.getByRole('list', { name: 'Latest notes' }).waitFor();
        return overlay.frame;
      },
    },
    {
      name: 'the side panel of the manager’s call',
      async open(browser) {
        const { page } = await meetingTab(browser);
        const path = await browser.context
          .serviceWorkers()
          .at(-1)!
          .evaluate(async (url) => {
            const [tab] = await chrome.tabs.query({ url });
            return (await chrome.sidePanel.getOptions({ tabId: tab!.id })).path!;
          }, page.url());
        const panel = await browser.context.newPage();
        await panel.setViewportSize({ width: 400, height: 720 });
        await panel.goto(extensionUrl(browser.extensionId, path));
        await panel.getByRole('list', { name: 'Notes on this call' }).waitFor();
        return panel;
      },
    },
    {
      name: 'the companion window, with the call running',
      async open(browser) {
        const plans = (await storedRecords(browser, 'plans')) as { id: string; title: string }[];
        const plan = plans.find((candidate) => candidate.title === PLAN_TITLE)!;
        const companion = await browser.context.newPage();
        await companion.setViewportSize({ width: 440, height: 760 });
        await companion.goto(
          extensionUrl(browser.extensionId, `src/companion/companion.html?plan=${encodeURIComponent(plan.id)}`),
        );
        // The same call as on the meeting tab: one live call per plan.
        await companion.getByRole('list', { name: 'Notes on this call' }).waitFor();
        await companion.getByRole('button', { name: 'Float on top' }).waitFor();
        return companion;
      },
    },
  ];
}
