// @ts-check
// The call's two surfaces in `npm run bench`: the in-call HUD on the meeting tab (its box for each role) and the side
// panel (from opening to interactive, and how soon a change made in one shows in the other). Also the overlay helpers
// the bench's other measurements share.
import { OVERLAY_HOST, OverlayFrame, waitForOverlay } from '../../tests/e2e/pages/overlay.mjs';
import { companionFigures } from './bench-companion.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Frame} Frame */

/** Starts the sample plan's call in the overlay; says what the overlay shows if it doesn't start. @param {Frame} overlay */
export async function startSampleCall(overlay) {
  // A DOM click: the frame grows leftwards while its content settles, so a click at computed coordinates can land
  // beside the button on this busy page. The bench measures the call, not the aim.
  await overlay
    .getByRole('button', { name: /^Start call/ })
    .first()
    .dispatchEvent('click');
  try {
    await overlay.locator('.now-title').waitFor({ timeout: 15_000 });
  } catch (error) {
    throw new Error(`The call did not start. The overlay shows:\n${await overlay.locator('body').innerText()}`, {
      cause: error,
    });
  }
}

/** Expands the overlay, picks `role` and starts the sample plan's call. @param {Frame} overlay @param {'rep' | 'manager'} role */
async function startAs(overlay, role) {
  await new OverlayFrame(overlay).expand();
  await overlay.getByRole('radio', { name: `the ${role}` }).dispatchEvent('click');
  await startSampleCall(overlay);
}

/** Ends the running call from the HUD, and waits for the plan chooser. @param {Frame} overlay */
async function endCallIn(overlay) {
  await overlay.getByRole('button', { name: 'End call', exact: true }).dispatchEvent('click');
  await overlay
    .getByRole('button', { name: /^Start call/ })
    .first()
    .waitFor();
}

/**
 * "3 of 6 · …" → [3, 6].
 * @param {Frame | Page} surface @param {string} selector @returns {Promise<[number, number]>}
 */
async function itemOf(surface, selector) {
  const text = await surface.locator(selector).innerText();
  const match = /^(\d+) of (\d+)/.exec(text.trim());
  if (!match) throw new Error(`No "n of m" in ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2])];
}

/** The overlay host's box once it has kept the same box for three reads 50 ms apart. @param {Page} page */
async function settledBox(page) {
  const host = page.locator(OVERLAY_HOST);
  let previous = '';
  let same = 0;
  for (let attempt = 0; attempt < 80; attempt++) {
    const box = await host.boundingBox();
    const key = JSON.stringify(box);
    same = key === previous ? same + 1 : 0;
    if (box && same >= 2) return box;
    previous = key;
    await page.waitForTimeout(50);
  }
  throw new Error(`The overlay's box never settled (last ${previous})`);
}

/**
 * The HUD's box in CSS px for each role, on a 1280×720 meeting tab: the overlay host's bounding box (the frame is
 * sized to its content), with More closed as in the moment, on every item of the sample plan's agenda (the rep's
 * last item shows the ask, the fullest the rep's HUD gets). Reports the largest width and height over the agenda.
 * @param {BrowserContext} context @param {string} meetingUrl
 */
export async function hudBoxes(context, meetingUrl) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(meetingUrl);
  /** @type {Record<'rep' | 'manager', { width: number, height: number, tallestItem: number, items: { item: number, width: number, height: number }[] }>} */
  const boxes = /** @type {any} */ ({});
  for (const role of /** @type {const} */ (['rep', 'manager'])) {
    const overlay = await waitForOverlay(page);
    await startAs(overlay, role);
    const fold = overlay.locator('details.more[open]');
    if ((await fold.count()) > 0) await fold.locator('summary').dispatchEvent('click');
    await overlay.locator('details.more:not([open])').waitFor({ state: 'attached' });
    const [, count] = await itemOf(overlay, '.now-title');
    const items = [];
    for (let item = 1; item <= count; item++) {
      await overlay
        .locator('.now-title')
        .filter({ hasText: new RegExp(`^${item} of ${count} `) })
        .waitFor();
      if (role === 'rep' && item === count) await overlay.getByRole('status').filter({ hasText: 'Ask now' }).waitFor();
      const box = await settledBox(page);
      items.push({ item, width: box.width, height: box.height });
      if (item < count)
        await overlay
          .locator('button[aria-disabled="false"]')
          .and(overlay.getByRole('button', { name: 'Next item', exact: true }))
          .dispatchEvent('click');
    }
    const tallest = items.reduce((a, b) => (b.height > a.height ? b : a));
    boxes[role] = {
      width: Math.max(...items.map((i) => i.width)),
      height: tallest.height,
      tallestItem: tallest.item,
      items,
    };
    await endCallIn(overlay);
  }
  await page.close();
  return boxes;
}

/**
 * The side panel's page for the meeting in `meeting`, as the worker enabled it for that tab. Asked from an extension
 * page, not through Playwright's handle on the worker: that handle goes stale once the worker has been stopped.
 * @param {BrowserContext} context @param {string} extensionId @param {Page} meeting
 */
export async function panelPathFor(context, extensionId, meeting) {
  const helper = await context.newPage();
  try {
    // The panel's page without a meeting: it only says so, and has chrome.tabs and chrome.sidePanel.
    await helper.goto(`chrome-extension://${extensionId}/src/sidepanel/sidepanel.html`);
    return await helper.evaluate(async (url) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const [tab] = await chrome.tabs.query({ url });
        const options = tab?.id === undefined ? null : await chrome.sidePanel.getOptions({ tabId: tab.id });
        if (options?.enabled && options.path) return options.path;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No side panel enabled for ${url}`);
    }, meeting.url());
  } finally {
    await helper.close();
  }
}

/**
 * Side panel open to interactive: the panel's page for a running call, opened in a tab (400×720, the panel's size
 * beside a 1280×720 meeting) as Chrome opens it in the panel, from its navigation start to the moment it shows the
 * call and its Note line is enabled. `dom`: the DOM holds both (a MutationObserver from the document's start);
 * `frame`: the next animation frame after that, the frame that draws it. The first load warms up (the worker and
 * the extension's process are running already, the meeting's overlay talks to them); `runs` warm loads follow.
 * @param {BrowserContext} context @param {string} panelUrl @param {number} runs
 */
export async function panelOpenTimes(context, panelUrl, runs) {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.addInitScript(() => {
    const win = /** @type {any} */ (window);
    win.benchPanelReady = null;
    const ready = () => {
      const note = /** @type {HTMLInputElement | null} */ (document.querySelector('input[aria-label="Note"]'));
      return document.querySelector('.desk .now-title') !== null && note !== null && !note.disabled;
    };
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        win.benchPanelReady = { dom, frame: performance.now() };
      });
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
  /** @type {{ dom: number, frame: number }[]} */
  const loads = [];
  for (let load = 0; load <= runs; load++) {
    await panel.goto(panelUrl);
    const handle = await panel.waitForFunction(() => /** @type {any} */ (window).benchPanelReady, undefined, {
      timeout: 30_000,
    });
    loads.push(/** @type {{ dom: number, frame: number }} */ (await handle.jsonValue()));
  }
  await panel.close();
  const [warmUp, ...warm] = loads;
  return {
    warmUp: /** @type {{ dom: number, frame: number }} */ (warmUp),
    dom: warm.map((l) => l.dom),
    frame: warm.map((l) => l.frame),
  };
}

/**
 * In the panel: when it shows a new item, when it hears a call change, and when its Note line sends.
 * @param {Page} panel
 */
async function watchPanel(panel) {
  await panel.evaluate(() => {
    const win = /** @type {any} */ (window);
    /** @type {{ shown: { text: string, at: number }[], heard: { at: number, wroteAt: number }[], noteSent: { text: string, at: number }[] }} */
    const bench = { shown: [], heard: [], noteSent: [] };
    win.bench = bench;
    let last = document.querySelector('.desk .now-title')?.textContent ?? '';
    new MutationObserver(() => {
      const text = document.querySelector('.desk .now-title')?.textContent ?? '';
      if (text === last) return;
      last = text;
      bench.shown.push({ text, at: Date.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'changed/call')
        bench.heard.push({ at: Date.now(), wroteAt: message.call.transitions.at(-1)?.at ?? null });
      return undefined;
    });
    window.addEventListener(
      'keydown',
      (event) => {
        const target = /** @type {HTMLElement | null} */ (event.target);
        if (event.key === 'Enter' && target?.getAttribute('aria-label') === 'Note')
          bench.noteSent.push({ text: /** @type {HTMLInputElement} */ (target).value, at: Date.now() });
      },
      true,
    );
  });
}

/**
 * In the HUD: its clicks, the items it shows, the bench notes it lists, and the note changes it hears.
 * @param {Frame} overlay
 */
async function watchHud(overlay) {
  await overlay.evaluate(() => {
    const win = /** @type {any} */ (window);
    /** @type {{ clicks: number[], shown: { text: string, at: number }[], listed: { text: string, at: number }[], heardNotes: { text: string, at: number, loggedAt: number }[] }} */
    const bench = { clicks: [], shown: [], listed: [], heardNotes: [] };
    win.bench = bench;
    let last = document.querySelector('.now-title')?.textContent ?? '';
    const seen = new Set();
    new MutationObserver(() => {
      const text = document.querySelector('.now-title')?.textContent ?? '';
      if (text !== last) {
        last = text;
        bench.shown.push({ text, at: Date.now() });
      }
      for (const row of document.querySelectorAll('.note-list .note .note-text')) {
        const note = row.textContent ?? '';
        if (note.startsWith('bench sync ') && !seen.has(note)) {
          seen.add(note);
          bench.listed.push({ text: note, at: Date.now() });
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    window.addEventListener('click', () => bench.clicks.push(Date.now()), true);
    chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'changed/note' && String(message.note.text).startsWith('bench sync '))
        bench.heardNotes.push({ text: message.note.text, at: Date.now(), loggedAt: message.note.at });
      return undefined;
    });
  });
}

/**
 * HUD ↔ panel sync, both open on one running call. Times are Date.now() in each context (one machine clock; the HUD
 * frame and the panel's page are both extension pages). Each change is also split where it passes the worker: a
 * move's stored record carries the worker's clock at the write (its last transition's `at`), a note carries the
 * panel's clock at Enter; the moment each surface's listener hears the worker's change is recorded beside it.
 *
 * - moves: a Next or Back clicked in the HUD (the click's dispatch), until the panel's `.desk .now-title` shows the
 *   new item (a MutationObserver in the panel). Forth to the last item and back, `moves` times.
 * - notes: Enter in the panel's Note line (its keydown), until the HUD's notes list holds that note (a
 *   MutationObserver in the HUD frame; the list is in the DOM under More, folded or not).
 * @param {Frame} overlay @param {Page} panel @param {{ moves: number, notes: number }} counts
 */
export async function syncDelays(overlay, panel, counts) {
  await panel.locator('.desk .now-title').waitFor();
  await watchPanel(panel);
  await watchHud(overlay);
  const count = (/** @type {Frame | Page} */ surface, /** @type {string} */ key) =>
    surface.evaluate((k) => /** @type {any} */ (window).bench[k].length, key);

  // Moves: from item 1 forth to the last and back again.
  const [startItem, items] = await itemOf(overlay, '.now-title');
  let item = startItem;
  let forward = true;
  for (let move = 0; move < counts.moves; move++) {
    if (item === items) forward = false;
    if (item === 1) forward = true;
    const name = forward ? 'Next item' : 'Back';
    item += forward ? 1 : -1;
    const before = await count(panel, 'shown');
    // Not while the HUD's previous move is still on its way: the HUD ignores a press then.
    await overlay
      .locator('button[aria-disabled="false"]')
      .and(overlay.getByRole('button', { name, exact: true }))
      .dispatchEvent('click');
    await panel.waitForFunction((n) => /** @type {any} */ (window).bench.shown.length > n, before);
    await overlay
      .locator('.now-title')
      .filter({ hasText: new RegExp(`^${item} of ${items} `) })
      .waitFor();
  }
  const hud = await overlay.evaluate(() => /** @type {any} */ (window).bench);
  const side = await panel.evaluate(() => /** @type {any} */ (window).bench);
  if (hud.clicks.length !== counts.moves || side.shown.length !== counts.moves || side.heard.length < counts.moves)
    throw new Error(
      `Moves out of step: ${hud.clicks.length} clicks, ${side.shown.length} shown in the panel, ${side.heard.length} heard`,
    );
  /** @type {{ totalMs: number, toWorkerMs: number, toPanelMs: number, drawnMs: number, hudMs: number }[]} */
  const moves = hud.clicks.map((/** @type {number} */ clickAt, /** @type {number} */ index) => {
    const heard = side.heard[index];
    return {
      totalMs: side.shown[index].at - clickAt,
      toWorkerMs: heard.wroteAt - clickAt,
      toPanelMs: heard.at - heard.wroteAt,
      drawnMs: side.shown[index].at - heard.at,
      hudMs: (hud.shown[index]?.at ?? NaN) - clickAt,
    };
  });

  // Notes: typed in the panel, Enter, until the HUD lists it.
  const line = panel.getByRole('textbox', { name: 'Note', exact: true });
  for (let index = 0; index < counts.notes; index++) {
    const before = await count(overlay, 'listed');
    await line.fill(`bench sync ${index}`);
    await line.press('Enter');
    await overlay.waitForFunction((n) => /** @type {any} */ (window).bench.listed.length > n, before);
  }
  const hudAfter = await overlay.evaluate(() => /** @type {any} */ (window).bench);
  const sideAfter = await panel.evaluate(() => /** @type {any} */ (window).bench);
  /** @type {{ totalMs: number, toHudMs: number, drawnMs: number }[]} */
  const notes = sideAfter.noteSent.map((/** @type {{ text: string, at: number }} */ sent) => {
    const listed = hudAfter.listed.find((/** @type {{ text: string }} */ l) => l.text === sent.text);
    const heard = hudAfter.heardNotes.find((/** @type {{ text: string }} */ h) => h.text === sent.text);
    if (!listed) throw new Error(`The HUD never listed ${JSON.stringify(sent.text)}`);
    return {
      totalMs: listed.at - sent.at,
      toHudMs: heard ? heard.at - sent.at : NaN,
      drawnMs: heard ? listed.at - heard.at : NaN,
    };
  });
  if (notes.length !== counts.notes) throw new Error(`${notes.length} notes sent of ${counts.notes}`);
  return { moves, notes };
}

/**
 * The side panel's figures. Opening: the sample plan's call started as the rep on `meetings.plain` (the Meet call
 * fixture, 1280×720: the panel's own cost, as the popup and the debrief are timed), then again beside
 * `meetings.heavy` (the busy call page keeps both cores busy: what a real call leaves the panel), unbudgeted. Sync:
 * HUD and panel on the heavy page's call, as the HUD's own transitions are timed. Each call is ended afterwards.
 * @param {BrowserContext} context @param {string} extensionId @param {{ plain: string, heavy: string }} meetings
 * @param {{ loads: number, moves: number, notes: number }} counts
 */
export async function sidePanelFigures(context, extensionId, meetings, counts) {
  /** @param {string} url */
  const meetingWithCall = async (url) => {
    const meeting = await context.newPage();
    await meeting.setViewportSize({ width: 1280, height: 720 });
    await meeting.goto(url);
    const overlay = await waitForOverlay(meeting);
    await startAs(overlay, 'rep');
    const panelUrl = `chrome-extension://${extensionId}/${await panelPathFor(context, extensionId, meeting)}`;
    return { meeting, overlay, panelUrl };
  };
  const plain = await meetingWithCall(meetings.plain);
  const open = await panelOpenTimes(context, plain.panelUrl, counts.loads);
  await endCallIn(plain.overlay);
  await plain.meeting.close();

  const heavy = await meetingWithCall(meetings.heavy);
  const openBesideHeavy = await panelOpenTimes(context, heavy.panelUrl, counts.loads);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.goto(heavy.panelUrl);
  const sync = await syncDelays(heavy.overlay, panel, counts);
  await panel.close();
  await endCallIn(heavy.overlay);
  await heavy.meeting.close();
  return { open, openBesideHeavy, sync };
}

/**
 * The HUD's box for each role, the side panel's figures (opening to interactive, and HUD ↔ panel sync), and the
 * companion window's (its page to interactive, and Float on top to the HUD shown in the PiP window).
 * @param {BrowserContext} context @param {string} extensionId @param {{ plain: string, heavy: string }} meetings
 * @param {{ panelLoads: number, syncChanges: number, companionLoads: number, floats: number }} counts
 */
export async function callSurfaceFigures(context, extensionId, meetings, counts) {
  console.error('the HUD’s box for each role at 1280×720…');
  const hudBox = await hudBoxes(context, meetings.plain);
  console.error('side panel: open to interactive, and sync with the HUD…');
  const sidePanel = await sidePanelFigures(context, extensionId, meetings, {
    loads: counts.panelLoads,
    moves: counts.syncChanges,
    notes: counts.syncChanges,
  });
  console.error('companion window: open to interactive, and Float on top…');
  const companion = await companionFigures(context, extensionId, {
    loads: counts.companionLoads,
    floats: counts.floats,
  });
  return { hudBox, sidePanel, companion };
}
