// One write path: a record written anywhere (not only through the worker's requests) is heard by every open surface
// from its commit (storage/commit.ts, platform/commit-announcer.ts). Each test writes from outside the worker and
// waits for the open side panel to show it, with no reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../src/domain/call';
import type { Plan } from '../../src/domain/plan';
import { storedRecords } from './database';
import { type ExtensionBrowser, extensionUrl, sidePanelPathFor, startExtensionBrowser } from './extension-fixture';
import { openMeeting } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';
import { restoreRecords, seededNote, seedPlanForNow, SEEDED_TITLE } from './seed';

const MEETING_URL = 'https://meet.google.com/see-dedp-lan';

let browser: ExtensionBrowser;
let meeting: Page;
let panel: Page;

/** The side panel's page for the meeting tab, as the worker set it, opened in a tab of its own. */
async function openPanelPage(page: Page): Promise<Page> {
  const path = await sidePanelPathFor(browser, page);
  const opened = await browser.context.newPage();
  await opened.goto(extensionUrl(browser.extensionId, path));
  return opened;
}

beforeAll(async () => {
  browser = await startExtensionBrowser();
  await seedPlanForNow(browser);
  let overlay;
  ({ page: meeting, overlay } = await openMeeting(browser, MEETING_URL));
  await overlay.frame.getByRole('radio', { name: 'the rep' }).check();
  await overlay.startCall(SEEDED_TITLE);
  panel = await openPanelPage(meeting);
  await panel.locator('.desk .now-title').waitFor();
});

afterAll(() => browser?.close());

describe('a write made outside the worker', () => {
  it('by a restore: a note it brings to the running call shows in the open side panel', async () => {
    const [call] = (await storedRecords(browser, 'calls')) as Call[];
    const plans = (await storedRecords(browser, 'plans')) as Plan[];
    const note = seededNote(call!, 'rep', 4, 'restored: they want SSO before the pilot', null);
    // A backup holds a note's call and plan too; merged, the records already here stay as they are.
    await restoreRecords(browser, { plans, calls: [call!], notes: [note], debriefs: [] });
    await panel
      .locator('.note', { hasText: 'restored: they want SSO before the pilot' })
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error('The side panel never showed the restored note without a reload');
      });
  });

  it('by the popup, ending a call whose meeting tab is gone: the open side panel says it ended', async () => {
    await meeting.close();
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Debrief this call' }).waitFor();
    await panel
      .getByRole('heading', { name: 'Call ended' })
      .or(panel.getByRole('status').filter({ hasText: 'The call ended.' }))
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error('The side panel kept showing the call running after the popup ended it');
      });
    const calls = (await storedRecords(browser, 'calls')) as Call[];
    expect(calls.map((call) => call.endedAt === null)).toEqual([false]);
    await popup.page.close();
  });

  it('by the popup, deleting the plan: the HUD on its meeting tab no longer offers to start it', async () => {
    const { page, overlay } = await openMeeting(browser, MEETING_URL);
    const start = overlay.frame.getByRole('button', { name: `Start call: ${SEEDED_TITLE}` });
    await start.waitFor();
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: `Edit ${SEEDED_TITLE}`, exact: true }).click();
    await popup.page.getByRole('button', { name: 'Delete plan' }).click();
    await popup.page.getByRole('button', { name: `Edit ${SEEDED_TITLE}`, exact: true }).waitFor({ state: 'detached' });
    await start.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {
      throw new Error('The HUD still offered the plan deleted in the popup');
    });
    await popup.page.close();
    await page.close();
  });
});
