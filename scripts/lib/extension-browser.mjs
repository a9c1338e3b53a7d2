// @ts-check
// Launching Chromium with the built extension, shared by the e2e tests, `npm start` and `npm run screenshots`.
// Meeting sites are never contacted: their URLs are routed to the local fixture pages in tests/e2e/fixtures/.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(PROJECT_ROOT, 'dist');
export const FIXTURES = join(PROJECT_ROOT, 'tests/e2e/fixtures');

/** Where Chrome and Chromium usually live, after CHROME_PATH and Debian's /usr/bin/chromium. */
const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to drive, or null. CHROME_PATH wins when it points at a file. */
export function findBrowser(env = process.env) {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    // A typo would otherwise quietly launch some other browser.
    throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, but there is no file there. Fix it, or unset it.`);
  }
  return BROWSER_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export const INSTALL_BROWSER_HELP = [
  'No Chrome or Chromium was found. Install one, or point CHROME_PATH at it:',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium',
  '  macOS:          brew install --cask chromium   (or install Google Chrome)',
  '  Windows:        install Google Chrome from https://www.google.com/chrome/',
  '  Anywhere:       CHROME_PATH=/path/to/chrome npm start',
].join('\n');

/** The flags every launch uses: quiet, offline-friendly, with our unpacked extension and no other. */
export function extensionArgs(dist = DIST) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
  ];
}

/**
 * The address of one of the extension's own pages.
 * @param {string} extensionId @param {string} path
 */
export function extensionUrl(extensionId, path) {
  return `chrome-extension://${extensionId}/${path}`;
}

export function assertBuilt(dist = DIST) {
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`No built extension in ${dist}. Run "npm run build" first.`);
  }
}

/**
 * A persistent context (extensions need one) with the extension loaded, its id, and meeting URLs routed to fixtures.
 * `extension: false` gives the same browser without Ridealong, for the benchmark's side-by-side runs.
 * @param {{ headless?: boolean, profileDir?: string, executablePath?: string, dist?: string, extension?: boolean,
 *   colorScheme?: 'light' | 'dark', viewport?: { width: number, height: number } | null }} [options]
 */
export async function launchWithExtension(options = {}) {
  const dist = options.dist ?? DIST;
  assertBuilt(dist);
  const executablePath = options.executablePath ?? findBrowser();
  if (!executablePath) throw new Error(INSTALL_BROWSER_HELP);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'ridealong-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: options.headless ?? true,
    args: options.extension === false ? extensionArgs(dist).filter((arg) => !arg.includes(dist)) : extensionArgs(dist),
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
  });
  await routeMeetingSites(context);
  if (options.extension === false) return { context, extensionId: '', profileDir };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, profileDir };
}

export const STRICT_CSP_MEETING_PATH = '/tts-cspx-pge';
export const HEAVY_MEETING_PATH = '/hea-vyca-llx';

/**
 * Which fixture page answers which meeting URL. Anything else on the meeting hosts gets a plain 404 page.
 * @param {string} url
 */
export function fixtureFor(url) {
  const { hostname, pathname } = new URL(url);
  if (hostname === 'meet.google.com') {
    // One meeting code is served with a strict CSP and Trusted Types, like Meet's own pages.
    if (pathname === STRICT_CSP_MEETING_PATH) return 'meet-strict-csp.html';
    // The benchmark's busy call page (npm run bench).
    if (pathname === HEAVY_MEETING_PATH) return 'meet-heavy.html';
    return /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(pathname) ? 'meet-call.html' : 'meet-landing.html';
  }
  // Teams on the web: one app for chat, pre-join and the call screen (tests/e2e/fixtures/teams.html).
  if (['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'].includes(hostname)) return 'teams.html';
  if (pathname === '/wc/home') return 'zoom-home.html';
  if (pathname.startsWith('/wc/')) return 'zoom-call.html';
  return null;
}

/** Strict CSP like Meet's own: nonce scripts, Trusted Types, frames only from the page's origin. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'nonce-ridealong-fixture'",
  "style-src 'self' 'nonce-ridealong-fixture'",
  "frame-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types fixture-policy',
].join('; ');

/** @param {import('playwright-core').BrowserContext} context */
export async function routeMeetingSites(context) {
  const handler = async (/** @type {import('playwright-core').Route} */ route) => {
    const url = route.request().url();
    const fixture = fixtureFor(url);
    if (!fixture) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
    /** @type {Record<string, string>} */
    const headers = fixture === 'meet-strict-csp.html' ? { 'content-security-policy': STRICT_CSP } : {};
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers,
      body: readFileSync(join(FIXTURES, fixture), 'utf8'),
    });
  };
  await context.route('https://meet.google.com/**', handler);
  await context.route('https://*.zoom.us/**', handler);
  await context.route('https://zoom.us/**', handler);
  for (const host of ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'])
    await context.route(`https://${host}/**`, handler);
}

/**
 * The extension's running service workers, as the browser reports them on one CDP session.
 * @param {import('playwright-core').CDPSession} cdp @param {string} extensionId
 * @returns {Promise<{ targetId: string, url: string }[]>}
 */
export async function serviceWorkerTargetsOn(cdp, extensionId) {
  const { targetInfos } = /** @type {{ targetInfos: { targetId: string, type: string, url: string }[] }} */ (
    await cdp.send('Target.getTargets')
  );
  return targetInfos.filter(
    (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
  );
}

/**
 * Stops the extension's service worker the way Chrome does when it idles (Playwright's Worker handle can't tell),
 * and resolves once the browser lists no worker of ours. A worker that is still starting can ignore one close, and
 * a request already on its way can start it again at once, so the close is repeated until a check finds it gone.
 * The repeats are 100 ms apart: on one busy CPU, closes 25 ms apart kept a worker from stopping for over 10 s.
 * @param {import('playwright-core').BrowserContext} context @param {string} extensionId
 */
export async function stopServiceWorker(context, extensionId) {
  const browser = context.browser();
  if (!browser) throw new Error('Stopping the service worker needs a browser-level CDP session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const running = await serviceWorkerTargetsOn(cdp, extensionId);
      if (running.length === 0) return;
      if (Date.now() > deadline) throw new Error('The service worker did not stop');
      for (const target of running)
        await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await cdp.detach();
  }
}
