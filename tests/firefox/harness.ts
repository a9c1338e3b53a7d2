// Real Firefox (Debian's firefox-esr) with the Firefox build of Ridealong (dist-firefox/), driven over WebDriver BiDi
// by puppeteer-core, which installs the extension temporarily. No browser is downloaded. Meeting sites are never
// contacted: every page routes their URLs to the same local fixtures as the Chromium e2e tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { FIXTURES, PROJECT_ROOT, fixtureFor } from '../../scripts/lib/extension-browser.mjs';
import { GECKO_ID } from '../../scripts/lib/manifest-targets.mjs';

export const DIST_FIREFOX = join(PROJECT_ROOT, 'dist-firefox');

/**
 * Firefox gives each installation a random moz-extension:// host. The test profile pins it, so the tests can name
 * the extension's pages.
 */
const EXTENSION_HOST = '6c0f1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(env = process.env): string {
  if (env.FIREFOX_PATH) return env.FIREFOX_PATH;
  const found = FIREFOX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error('No Firefox found: install it with "apt-get install -y firefox-esr", or set FIREFOX_PATH.');
  return found;
}

export function extensionPageUrl(path: string): string {
  return `moz-extension://${EXTENSION_HOST}/${path}`;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** A new tab whose requests to the meeting sites are answered by the fixtures, and every other request refused. */
  newTab(): Promise<Page>;
  /** A new tab showing one of Ridealong's own pages, as from the toolbar button. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxWithExtension> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${DIST_FIREFOX}. Run "npx vite build --mode firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_HOST }) },
  });
  await browser.installExtension(DIST_FIREFOX);

  const newTab = async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return void request.continue();
      const fixture = fixtureFor(url.href);
      if (!fixture) return void request.respond({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
      return void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(join(FIXTURES, fixture), 'utf8'),
      });
    });
    return page;
  };

  const openExtensionPage = async (path: string) => {
    // WebDriver BiDi may not navigate a tab to moz-extension:// itself. The overlay page is web-accessible, so a
    // meeting page may go there; from there, the extension's own origin goes on to the page asked for.
    const page = await newTab();
    await page.goto('https://meet.google.com/');
    await page.evaluate((url) => void (location.href = url), extensionPageUrl('src/overlay/overlay.html'));
    await page.waitForFunction(() => location.protocol === 'moz-extension:', { polling: 100 });
    await page.evaluate((url) => void (location.href = url), extensionPageUrl(path));
    await page.waitForFunction(
      (url) => location.href === url && document.readyState === 'complete',
      {},
      extensionPageUrl(path),
    );
    return page;
  };

  return { browser, newTab, openExtensionPage, close: () => browser.close() };
}

/** The overlay's frame on a meeting tab: the one frame of Ridealong's own origin. */
export async function overlayFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const protocol = await frame.evaluate(() => location.protocol).catch(() => null);
      if (protocol === 'moz-extension:') return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No Ridealong overlay appeared on the meeting tab.');
}

/** Waits until the page or frame shows this text. */
export async function waitForText(target: Page | Frame, text: string, timeoutMs = 15_000): Promise<void> {
  await target.waitForFunction(
    (wanted) => document.body?.innerText.includes(wanted),
    { timeout: timeoutMs, polling: 100 },
    text,
  );
}

/** Clicks the button or link with exactly this accessible name. */
export async function click(target: Page | Frame, name: string): Promise<void> {
  const element = await target.waitForSelector(`::-p-aria(${name})`, { timeout: 15_000 });
  await element!.click();
}
