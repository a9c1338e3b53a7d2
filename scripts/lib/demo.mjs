// @ts-check
// The demo that `npm start` opens and `npm run screenshots` photographs: a sample joint-call plan, seeded through the
// extension's own popup and storage code, and a routed Google Meet call page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DebriefPage } from '../../tests/e2e/pages/debrief.mjs';
import { OverlayFrame, waitForOverlay } from '../../tests/e2e/pages/overlay.mjs';
import { PopupPage } from '../../tests/e2e/pages/popup.mjs';
import { extensionUrl } from './extension-browser.mjs';

export const DEMO_MEETING_URL = 'https://meet.google.com/abc-defg-hij';
const DEMO_TEAMS_THREAD = '19:meeting_ZGVtb0RlbW9EZW1vRGVtb0RlbW9EZW1vRGVtbw@thread.v2';

/**
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Frame} Frame
 */

/**
 * Adds the sample plan with the popup's own "Add a sample plan" button, unless plans already exist.
 * @param {BrowserContext} context @param {string} extensionId
 * @returns {Promise<Page>} the popup, opened as a tab
 */
export async function seedSamplePlan(context, extensionId) {
  const popup = await PopupPage.open({ context, extensionId });
  await popup.page.setViewportSize({ width: 420, height: 640 });
  await popup.addSamplePlan();
  return popup.page;
}

/**
 * Opens the demo meeting and waits for the overlay frame.
 * @param {BrowserContext} context
 * @returns {Promise<{ page: Page, overlay: Frame }>}
 */
export async function openDemoMeeting(context) {
  const page = await context.newPage();
  await page.goto(DEMO_MEETING_URL);
  return { page, overlay: await waitForOverlay(page, 15_000) };
}

/**
 * @typedef {object} Shots what each part of the demo photographs with
 * @property {BrowserContext} context
 * @property {string} extensionId
 * @property {(page: Page, name: string, options?: import('playwright-core').PageScreenshotOptions) => Promise<void>} shoot
 * @property {(name: string, size: { width: number, height: number }) => Promise<void>} shootPictureInPicture
 */

/**
 * Photographs every surface of the demo into `directory`, with `suffix` in the file names.
 * @param {BrowserContext} context @param {string} extensionId @param {string} directory @param {string} suffix
 * @returns {Promise<string[]>} the files written
 */
export async function captureSurfaces(context, extensionId, directory, suffix) {
  mkdirSync(directory, { recursive: true });
  /** @type {string[]} */
  const written = [];
  /** @type {Shots} */
  const shots = {
    context,
    extensionId,
    shoot: async (page, name, options = {}) => {
      const path = join(directory, `${name}-${suffix}.png`);
      await page.waitForTimeout(150);
      await page.screenshot({ path, ...options });
      written.push(path);
    },
    shootPictureInPicture: async (name, size) => {
      const path = join(directory, `${name}-${suffix}.png`);
      await shootPictureInPicture(context, path, size);
      written.push(path);
    },
  };
  await capturePopup(shots);
  await captureMeetingHud(shots);
  await captureTeams(shots);
  await captureCompanion(shots);
  await captureDebrief(shots);
  return written;
}

/** The popup: the plans, a share code, an import refused, the settings, the editor and its rules. @param {Shots} shots */
async function capturePopup({ context, extensionId, shoot }) {
  const popup = await seedSamplePlan(context, extensionId);
  await popup.reload();
  await popup.getByRole('region', { name: 'Next call' }).waitFor();
  await shoot(popup, 'popup-plans');
  await popup
    .getByRole('button', { name: /^Share / })
    .first()
    .click();
  await popup.getByLabel(/^Share code for/).waitFor();
  await shoot(popup, 'popup-share-code');
  await popup.getByRole('button', { name: 'Import plan' }).click();
  await popup.getByLabel('Share code', { exact: true }).fill('RA1.damaged');
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  await popup.getByRole('alert').waitFor();
  await shoot(popup, 'popup-import-error');
  await popup.getByRole('button', { name: 'Done' }).click();
  // Settings, with a tag left unnamed: the problem shows beside that tag.
  await popup.getByRole('button', { name: 'Settings' }).click();
  await popup.getByRole('button', { name: 'Add tag' }).click();
  await popup.getByRole('button', { name: 'Save tags' }).click();
  await popup.getByText(/^Tag \d+ has no name/).waitFor();
  await shoot(popup, 'popup-settings', { fullPage: true });
  await popup.getByRole('button', { name: 'Done' }).click();
  await popup
    .getByRole('button', { name: /^Edit / })
    .first()
    .click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await shoot(popup, 'popup-editor', { fullPage: true });
  await popup.getByRole('button', { name: 'Done' }).click();
  await popup.getByRole('button', { name: 'New close plan' }).click();
  await popup.getByLabel('Meeting link', { exact: true }).fill('https://teams.example/not-a-meeting');
  await popup.getByLabel('Item 1 lead').selectOption('manager');
  await popup.locator('.field-problem').first().waitFor();
  await shoot(popup, 'popup-editor-new-close');
  await popup.getByRole('alert').filter({ hasText: 'The rep opens the call' }).scrollIntoViewIfNeeded();
  await shoot(popup, 'popup-editor-rule-refused');
  // The editor saved that unfinished plan as it was typed; the demo has no use for it.
  await popup.getByRole('button', { name: 'Delete plan' }).click();
  await popup.getByRole('button', { name: 'Undo' }).waitFor();
  await popup.close();
}

/**
 * The HUD on the demo Meet call, for the rep and for the manager, in every time state, and beside the side panel.
 * @param {Shots} shots
 */
async function captureMeetingHud({ context, extensionId, shoot }) {
  let { page, overlay } = await openDemoMeeting(context);
  // The meeting as a rep sees it on a laptop: 1280×720.
  await page.setViewportSize({ width: 1280, height: 720 });
  await shoot(page, 'overlay-collapsed');
  await new OverlayFrame(overlay).expand();
  await shoot(page, 'overlay-plan-chooser');
  // An extension page to move the call's clock with: the HUD's time states need minutes to pass.
  const helper = await context.newPage();
  await helper.goto(extensionUrl(extensionId, 'src/popup/popup.html'));
  /** Moves the running call `ms` into the past, then reloads the meeting, as if that much time had gone by. */
  const timePasses = async (/** @type {number} */ ms) => {
    await shiftRunningCall(helper, ms);
    await page.reload();
    overlay = await waitForOverlay(page, 15_000);
    await new OverlayFrame(overlay).expand();
    await overlay.locator('.now-title').waitFor();
  };
  /** Starts the sample plan's call as `role` and moves to its second item (a 5-minute box). */
  const startAndAdvance = async (/** @type {'rep' | 'manager'} */ role) => {
    await overlay.getByRole('radio', { name: `the ${role}` }).check();
    await overlay
      .getByRole('button', { name: /^Start call/ })
      .first()
      .click();
    await overlay.getByRole('button', { name: 'Next item' }).click();
    await overlay.locator('.now-title').filter({ hasText: 'Recap' }).waitFor();
  };
  /** The HUD in time, near the end of the item's box, over it, and at the ask (the last item). */
  const timeStates = async (/** @type {'rep' | 'manager'} */ role) => {
    await timePasses(4 * 60_000 + 15_000);
    await overlay.locator('.time.item.near-end').waitFor();
    await shoot(page, `hud-${role}-near-end`);
    await timePasses(90_000);
    await overlay.locator('.time.item.over').waitFor();
    await shoot(page, `hud-${role}-over`);
    // To the last item, one move at a time: the rep asks now; the manager's Next has nowhere to go.
    for (let item = 3; item <= 6; item++) {
      await overlay.getByRole('button', { name: 'Next item' }).click();
      await overlay
        .locator('.now-title')
        .filter({ hasText: `${item} of 6` })
        .waitFor();
    }
    await shoot(page, `hud-${role}-ask`);
  };
  /** The side panel beside the meeting at 1280×720, as Chrome shows it: the tab narrower, the panel at its right. */
  const besidePanel = async (/** @type {string} */ name) => {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 720 });
    const search = new URLSearchParams({ tab: '0', platform: 'meet', code: 'abc-defg-hij' });
    await panel.goto(extensionUrl(extensionId, `src/sidepanel/sidepanel.html?${search}`));
    await panel.locator('.desk .now-title').waitFor();
    await panel.waitForTimeout(150);
    const panelPng = await panel.screenshot();
    await panel.close();
    await page.bringToFront();
    await page.setViewportSize({ width: 880, height: 720 });
    await page.waitForTimeout(150);
    const meetingPng = await page.screenshot();
    await page.setViewportSize({ width: 1280, height: 720 });
    const sheet = await context.newPage();
    await sheet.setViewportSize({ width: 1280, height: 720 });
    await sheet.setContent(
      `<body style="margin:0;display:flex;background:#888">
         <img style="display:block" src="data:image/png;base64,${meetingPng.toString('base64')}">
         <img style="display:block;border-left:1px solid #888" src="data:image/png;base64,${panelPng.toString('base64')}">
       </body>`,
    );
    await shoot(sheet, name);
    await sheet.close();
  };

  await startAndAdvance('rep');
  await shoot(page, 'hud-rep-in-time');
  await besidePanel('side-panel-rep');
  await timeStates('rep');
  await overlay.getByRole('button', { name: 'End call' }).click();
  // The call as the manager's device shows it: the part for this item, the guardrails and the rescue line.
  await startAndAdvance('manager');
  await overlay.getByRole('region', { name: 'Notes' }).focus();
  for (const [key, text] of /** @type {[string, string][]} */ ([
    ['3', 'asked about the dispatch backlog'],
    ['1', 'Priya mentioned the peak-season deadline'],
    ['9', 'integration question: I would take it'],
  ])) {
    await page.keyboard.press(key);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  // The empty note line says whether the last note is stored: the HUD has no room for the list.
  await overlay.getByPlaceholder(/^✓ Saved/).waitFor();
  await shoot(page, 'hud-manager-in-time');
  await besidePanel('side-panel-manager');
  await timeStates('manager');
  await overlay.locator('details.more summary').click();
  await overlay.getByRole('list', { name: 'Latest notes' }).waitFor();
  await shoot(page, 'hud-manager-more');
  await overlay.getByRole('button', { name: 'End call' }).click();
  await helper.close();
  await page.close();
}

/** Teams on the web, in a call with the HUD: the sample plan found by search. @param {Shots} shots */
async function captureTeams({ context, shoot }) {
  // Teams on the web, in a call with the HUD: the sample plan found by search, as for a meeting it isn't linked to.
  const teams = await context.newPage();
  await teams.setViewportSize({ width: 1280, height: 720 });
  await teams.goto(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(DEMO_TEAMS_THREAD)}/0`);
  await teams.getByRole('button', { name: 'Join now' }).click();
  const overlay = await waitForOverlay(teams, 15_000);
  await new OverlayFrame(overlay).expand();
  await overlay.getByText('Pick another plan').click();
  await overlay.getByRole('searchbox').fill('Acme');
  await overlay.getByRole('button', { name: 'Find' }).click();
  await overlay.getByRole('radio', { name: 'the rep' }).check();
  await overlay
    .getByRole('button', { name: /^Start call/ })
    .last()
    .click();
  await overlay.getByRole('button', { name: 'Next item' }).click();
  await overlay.locator('.now-title').filter({ hasText: 'Recap' }).waitFor();
  await shoot(teams, 'teams-hud-rep');
  await overlay.getByRole('button', { name: 'End call' }).click();
  await teams.close();
}

/** The companion window and its Picture-in-Picture float. @param {Shots} shots */
async function captureCompanion(shots) {
  const { context, extensionId, shoot } = shots;
  // The companion window, for the Zoom or Teams desktop app, and its HUD floating on top (Picture-in-Picture).
  const list = await context.newPage();
  await list.goto(extensionUrl(extensionId, 'src/popup/popup.html'));
  const [companion] = await Promise.all([
    context.waitForEvent('page'),
    list.getByRole('button', { name: 'Run this call in a window' }).click(),
  ]);
  await companion.setViewportSize({ width: 440, height: 760 });
  await companion.getByRole('radio', { name: 'the manager' }).check();
  await companion.getByRole('button', { name: 'Start the call' }).click();
  await companion.getByRole('button', { name: 'Next item', exact: true }).click();
  await companion.locator('.desk .now-title').filter({ hasText: 'Recap' }).waitFor();
  await companion.getByRole('textbox', { name: 'Note' }).fill('Priya asked who owns the rollout');
  await companion.getByRole('textbox', { name: 'Note' }).press('Enter');
  await companion.locator('.note-list .note[data-status="saved"]').first().waitFor();
  await companion.evaluate(() => scrollTo(0, 0));
  await shoot(companion, 'companion-window');
  await companion.getByRole('button', { name: 'Float on top' }).click();
  await companion.getByRole('button', { name: 'Stop floating' }).waitFor();
  await shots.shootPictureInPicture('companion-float-on-top', { width: 360, height: 260 });
  await companion.getByRole('button', { name: 'Stop floating' }).click();
  await companion.getByRole('button', { name: 'End call' }).click();
  await companion.close();
  await list.close();
}

/** The debrief: the history, one call, trends over earlier calls, and backup. @param {Shots} shots */
async function captureDebrief({ context, extensionId, shoot }) {
  const debrief = await DebriefPage.open({ context, extensionId });
  const history = debrief.page;
  await history.setViewportSize({ width: 1000, height: 420 });
  await history.getByRole('table').waitFor();
  await shoot(history, 'debrief-history');
  await history.setViewportSize({ width: 1000, height: 800 });
  // The manager's call from the demo, with the rep's answer first, so the notes open.
  await history.getByRole('link').filter({ hasText: 'Acme' }).first().click();
  await debrief.feeling().fill('Good start; I rushed the proposal when Tom pushed back.');
  await debrief.showNotes('my').click();
  await debrief.rate(/^Was the objective met/, 'partly');
  await debrief.addToCoaching('Went well', 'Clear agenda, agreed up front');
  await debrief.status('Saved').waitFor();
  await shoot(history, 'debrief-call', { fullPage: true });
  await seedPastCalls(history);
  await debrief.goto('#trends');
  await history.getByRole('heading', { name: 'Trends' }).waitFor();
  await history.locator('.trend').first().waitFor();
  await shoot(history, 'debrief-trends');
  await debrief.goto('#backup');
  await history.getByRole('heading', { name: 'Backup and restore' }).waitFor();
  await history.getByText(/^(No backup made|Last backup)/).waitFor();
  await shoot(history, 'debrief-backup');
  await history.close();
}

/**
 * Three earlier months of the demo rep's debriefed calls, copied from the demo call, so the trends page has a
 * direction to show. Written straight into the extension's database from one of its own pages.
 * @param {import('playwright-core').Page} page an extension page
 */
async function seedPastCalls(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction(['calls', 'debriefs'], 'readwrite');
          const calls = transaction.objectStore('calls');
          const debriefs = transaction.objectStore('debriefs');
          // The demo call that was debriefed (the demo also ran one as the rep, with no debrief).
          debriefs.getAll().onsuccess = (event) => {
            const debrief = /** @type {any} */ (event.target).result[0];
            calls.get(debrief.callId).onsuccess = (found) => {
              const template = /** @type {any} */ (found.target).result;
              const DAY = 86_400_000;
              const met = ['no', 'partly', 'partly', 'yes', 'yes', 'yes'];
              for (let index = 0; index < 6; index++) {
                const id = `demo-past-${index}`;
                const startedAt = template.startedAt - (90 - index * 15) * DAY;
                const ticks = template.planSnapshot.questions
                  .slice(0, 1 + Math.floor(index / 2))
                  .map((/** @type {{ id: string }} */ q) => ({ questionId: q.id, at: startedAt + 60_000 }));
                calls.put({
                  ...template,
                  id,
                  startedAt,
                  endedAt: startedAt + (45 - index * 2) * 60_000,
                  lastSeenAt: startedAt,
                  questionTicks: ticks,
                });
                debriefs.put({
                  ...debrief,
                  callId: id,
                  outcome: { ...debrief.outcome, objectiveMet: met[index], customerObjectiveAddressed: 'yes' },
                  coaching: {
                    wentWell: ['Clear agenda'],
                    doDifferently: ['Pause after the price'],
                    nextCallCommitment: 'Ask about budget before pricing',
                  },
                  followUp: index === 0 ? undefined : index < 3 ? 'no' : 'yes',
                  updatedAt: startedAt,
                });
              }
            };
          };
          transaction.oncomplete = () => resolve(undefined);
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

/**
 * Moves the running call (the newest one not ended) `ms` into the past: its start, agenda moves and ticks. It was
 * on screen a moment ago, so it is still running. Written from one of the extension's own pages.
 * @param {Page} page an extension page @param {number} ms
 */
async function shiftRunningCall(page, ms) {
  await page.evaluate(
    (shift) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('calls', 'readwrite');
          const calls = transaction.objectStore('calls');
          calls.getAll().onsuccess = (event) => {
            const running = /** @type {any[]} */ (/** @type {any} */ (event.target).result)
              .filter((call) => call.endedAt === null)
              .sort((a, b) => a.startedAt - b.startedAt)
              .at(-1);
            if (!running) return;
            calls.put({
              ...running,
              startedAt: running.startedAt - shift,
              transitions: running.transitions.map((/** @type {any} */ move) => ({ ...move, at: move.at - shift })),
              questionTicks: running.questionTicks.map((/** @type {any} */ tick) => ({ ...tick, at: tick.at - shift })),
              lastSeenAt: Date.now(),
            });
          };
          transaction.oncomplete = () => resolve(undefined);
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    ms,
  );
}

/**
 * Photographs the Document Picture-in-Picture window, which no Playwright page stands for: through the DevTools
 * protocol, on its own target, clipped to the size the HUD asks for (headless Chromium gives it a full window).
 * @param {BrowserContext} context @param {string} path @param {{ width: number, height: number }} size
 */
async function shootPictureInPicture(context, path, size) {
  const cdp = await /** @type {import('playwright-core').Browser} */ (context.browser()).newBrowserCDPSession();
  try {
    const { targetInfos } =
      /** @type {{ targetInfos: { targetId: string, type: string, url: string, title: string }[] }} */ (
        await cdp.send('Target.getTargets')
      );
    const pip = targetInfos.find(
      (target) => target.type === 'page' && target.url === 'about:blank' && target.title === 'Ridealong',
    );
    if (!pip) throw new Error('No Picture-in-Picture window to photograph');
    const { sessionId } = /** @type {{ sessionId: string }} */ (
      await cdp.send('Target.attachToTarget', { targetId: pip.targetId, flatten: false })
    );
    const shot = new Promise((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message);
        if (message.id === 1) resolve(message.result.data);
      });
    });
    // The window's real size: headless Chromium opens it as large as a tab.
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 2,
        method: 'Emulation.setDeviceMetricsOverride',
        params: { ...size, deviceScaleFactor: 1, mobile: false },
      }),
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Page.captureScreenshot',
        params: { format: 'png', clip: { x: 0, y: 0, ...size, scale: 1 } },
      }),
    });
    writeFileSync(path, Buffer.from(/** @type {string} */ (await shot), 'base64'));
  } finally {
    await cdp.detach();
  }
}
