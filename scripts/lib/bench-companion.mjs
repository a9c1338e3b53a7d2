// @ts-check
// The companion window in `npm run bench`: its page from navigation start to interactive (with the plan's call
// running, and with none), and "Float on top" from the click to the HUD shown in the Document Picture-in-Picture
// window, for each role.

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

/** The companion window's size, as the popup opens it (src/popup/PlanRows.tsx). */
const COMPANION_SIZE = { width: 440, height: 760 };

/**
 * The id of the sample plan (the seeded plan; never one of the bench's own `bench-plan-…` copies), read from the
 * extension's database in one of its pages.
 * @param {BrowserContext} context @param {string} extensionId
 */
export async function samplePlanId(context, extensionId) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/src/debrief/debrief.html`);
    return await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('ridealong');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const read = request.result.transaction('plans').objectStore('plans').getAll();
            read.onerror = () => reject(read.error);
            read.onsuccess = () => {
              request.result.close();
              const plan = /** @type {{ id: string }[]} */ (read.result).find((p) => !p.id.startsWith('bench-plan-'));
              if (plan) resolve(plan.id);
              else reject(new Error('No sample plan stored'));
            };
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/**
 * Companion window open to interactive, over `runs` warm loads after one warm-up load of the same page (the worker
 * and the extension's process are running already). From the page's navigation start (its performance.now()) to
 * the moment it is interactive: `call`, for a plan whose call runs, shows the call's `.desk .now-title` with its Note
 * line enabled; `start`, for a plan with no call, shows its "Start the call" button enabled. `dom`: the DOM holds it
 * (a MutationObserver from the document's start); `frame`: the next animation frame after that, the one that draws it.
 * @param {Page} page a page with `installReadyTimer` run on it @param {string} url @param {'call' | 'start'} state
 * @param {number} runs
 */
async function openTimes(page, url, state, runs) {
  /** @type {{ dom: number, frame: number }[]} */
  const loads = [];
  for (let load = 0; load <= runs; load++) {
    await page.goto(url);
    const handle = await page.waitForFunction((s) => /** @type {any} */ (window).benchCompanionReady?.[s], state, {
      timeout: 30_000,
    });
    loads.push(/** @type {{ dom: number, frame: number }} */ (await handle.jsonValue()));
  }
  const [warmUp, ...warm] = loads;
  return {
    warmUp: /** @type {{ dom: number, frame: number }} */ (warmUp),
    dom: warm.map((l) => l.dom),
    frame: warm.map((l) => l.frame),
  };
}

/** Records, on every load of `page`, when the companion first shows each interactive state. @param {Page} page */
async function installReadyTimer(page) {
  await page.addInitScript(() => {
    const win = /** @type {any} */ (window);
    /** @type {Record<string, { dom: number, frame: number } | undefined>} */
    const ready = {};
    win.benchCompanionReady = ready;
    /** @type {Record<string, () => boolean>} */
    const checks = {
      call: () => {
        const note = /** @type {HTMLInputElement | null} */ (
          document.querySelector('.desk input[aria-label="Note"]') ?? document.querySelector('input[aria-label="Note"]')
        );
        return document.querySelector('.desk .now-title') !== null && note !== null && !note.disabled;
      },
      start: () =>
        [...document.querySelectorAll('button')].some(
          (button) => button.textContent?.trim() === 'Start the call' && !button.disabled,
        ),
    };
    const observer = new MutationObserver(() => {
      for (const [state, check] of Object.entries(checks)) {
        if (ready[state] || !check()) continue;
        const dom = performance.now();
        const entry = { dom, frame: NaN };
        requestAnimationFrame(() => {
          entry.frame = performance.now();
          ready[state] = entry;
        });
        // Seen: a later mutation doesn't time the same state again.
        checks[state] = () => false;
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/**
 * Installs the floating HUD's timer in the companion page (which renders into the PiP window: the PiP document has
 * no script of its own). The click: `performance.now()` in a capture-phase click listener on the window, the first
 * of the page's listeners to hear a click on "Float on top" (also the input event's own timeStamp, from before the
 * page's main thread picked it up). Shown: the PiP document holds `section.pip .now-title` and is styled (the
 * `.time-track`'s computed display is `block` in the PiP window): `dom` the moment a MutationObserver on the PiP
 * document sees it (attached as `requestWindow`'s promise resolves, before the page's own code goes on), `frame` the
 * PiP window's next animation frame after that, the one that draws it.
 * @param {Page} page the companion page, with a call running
 */
async function installFloatTimer(page) {
  await page.evaluate(() => {
    const win = /** @type {any} */ (window);
    /** @type {{ clickAt: number, inputAt: number, dom: number, frame: number }[]} */
    const opens = [];
    win.benchFloats = opens;
    window.addEventListener(
      'click',
      (event) => {
        const button = /** @type {HTMLElement | null} */ (event.target)?.closest?.('button');
        if (button?.textContent?.trim() === 'Float on top')
          opens.push({ clickAt: performance.now(), inputAt: event.timeStamp, dom: NaN, frame: NaN });
      },
      true,
    );
    const api = win.documentPictureInPicture;
    const requestWindow = api.requestWindow.bind(api);
    api.requestWindow = (/** @type {unknown} */ options) =>
      requestWindow(options).then((/** @type {Window} */ pip) => {
        const open = opens.at(-1);
        if (!open) return pip;
        const shown = () => {
          const track = pip.document.querySelector('section.pip .time-track');
          return (
            pip.document.querySelector('section.pip .now-title') !== null &&
            track !== null &&
            pip.getComputedStyle(track).display === 'block'
          );
        };
        const done = () => {
          open.dom = performance.now();
          pip.requestAnimationFrame(() => {
            open.frame = performance.now();
          });
        };
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          done();
        });
        observer.observe(pip.document, { subtree: true, childList: true, attributes: true, characterData: true });
        return pip;
      });
  });
}

/**
 * "Float on top", `runs` times after one warm-up: a real click on the button (the browser opens a PiP window only in
 * answer to a user gesture), until the HUD is shown in the PiP window (see installFloatTimer); then the PiP window is
 * closed from the page and the button waited for again.
 * @param {Page} page @param {number} runs
 */
async function floatTimes(page, runs) {
  await installFloatTimer(page);
  const float = page.getByRole('button', { name: 'Float on top', exact: true });
  for (let open = 0; open <= runs; open++) {
    await float.click();
    await page.waitForFunction(
      (n) => {
        const opens = /** @type {any} */ (window).benchFloats;
        return opens.length === n && Number.isFinite(opens[n - 1].frame);
      },
      open + 1,
      { timeout: 30_000 },
    );
    await page.getByRole('button', { name: 'Stop floating', exact: true }).waitFor();
    await page.evaluate(() => /** @type {any} */ (window).documentPictureInPicture.window?.close());
    await float.waitFor();
  }
  /** @type {{ clickAt: number, inputAt: number, dom: number, frame: number }[]} */
  const opens = await page.evaluate(() => /** @type {any} */ (window).benchFloats);
  const [warmUp, ...warm] = opens.map((o) => ({
    domMs: o.dom - o.clickAt,
    frameMs: o.frame - o.clickAt,
    inputToClickMs: o.clickAt - o.inputAt,
  }));
  return {
    warmUp: /** @type {{ domMs: number, frameMs: number, inputToClickMs: number }} */ (warmUp),
    dom: warm.map((o) => o.domMs),
    frame: warm.map((o) => o.frameMs),
    inputToClick: warm.map((o) => o.inputToClickMs),
  };
}

/** Picks `role` and starts the plan's call in the companion page. @param {Page} page @param {'rep' | 'manager'} role */
async function startIn(page, role) {
  await page.getByRole('radio', { name: `the ${role}`, exact: true }).check();
  await page.getByRole('button', { name: /^Start (the|another) call$/ }).click();
  await page.locator('.desk .now-title').waitFor();
}

/** Ends the running call from the companion page, and waits for its Start button. @param {Page} page */
async function endIn(page) {
  await page.locator('.desk').getByRole('button', { name: 'End call', exact: true }).click();
  await page.getByRole('button', { name: /^Start (the|another) call$/ }).waitFor();
}

/**
 * The companion window's figures for the sample plan: its page opened with no call (to "Start the call" enabled),
 * then, with the rep's call running, opened to the call shown; then Float on top for the rep's call and for the
 * manager's (their PiP windows differ: the rep's has Back/Next, the manager's the note line). Each call is ended.
 * Its page is a tab at the companion window's size, as `page.goto` opens it (the popup opens the same page in a
 * popup window of that size).
 * @param {BrowserContext} context @param {string} extensionId @param {{ loads: number, floats: number }} counts
 */
export async function companionFigures(context, extensionId, counts) {
  const planId = await samplePlanId(context, extensionId);
  const url = `chrome-extension://${extensionId}/src/companion/companion.html?plan=${encodeURIComponent(planId)}`;
  const page = await context.newPage();
  await page.setViewportSize(COMPANION_SIZE);
  await installReadyTimer(page);
  const openNoCall = await openTimes(page, url, 'start', counts.loads);
  await startIn(page, 'rep');
  const openWithCall = await openTimes(page, url, 'call', counts.loads);
  await page.close();

  // Float on top in a page of its own, without the load timer.
  const floating = await context.newPage();
  await floating.setViewportSize(COMPANION_SIZE);
  await floating.goto(url);
  await floating.locator('.desk .now-title').waitFor();
  const rep = await floatTimes(floating, counts.floats);
  await endIn(floating);
  await startIn(floating, 'manager');
  const manager = await floatTimes(floating, counts.floats);
  await endIn(floating);
  await floating.close();
  return { planId, open: { noCall: openNoCall, withCall: openWithCall }, float: { rep, manager } };
}
