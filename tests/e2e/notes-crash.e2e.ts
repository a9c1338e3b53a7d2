// Crash test: a note shown as saved survives the whole browser being killed with SIGKILL, at different moments after
// the acknowledgement. Chromium is spawned directly (the real binary, not Debian's wrapper script) so the test holds
// its process id, and Playwright connects over CDP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST, extensionArgs, routeMeetingSites } from '../../scripts/lib/extension-browser.mjs';
import { OverlayFrame, PopupPage, type ExtensionBrowser } from './harness';

const REAL_BINARY = ['/usr/lib/chromium/chromium', process.env.CHROME_PATH].find((path) => path && existsSync(path));
const MEETING = 'https://meet.google.com/cra-shte-sts';
const TITLE = 'Oscorp: crash-proof notes';
/** Milliseconds between "saved" showing and the kill, one per round. */
const KILL_DELAYS = [0, 30, 120, 400, 1000];

const profileDir = mkdtempSync(join(tmpdir(), 'ridealong-crash-'));

interface Running {
  child: ChildProcess;
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
}

async function launch(): Promise<Running> {
  const child = spawn(
    REAL_BINARY!,
    [...extensionArgs(DIST), '--headless', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'],
    // Its own process group, so the kill takes every Chromium process at once, as a crash of the whole browser does.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  await routeMeetingSites(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { child, browser, context, extensionId: new URL(worker.url()).host };
}

async function kill(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  process.kill(-running.child.pid!, 'SIGKILL');
  await exited;
  await running.browser.close().catch(() => undefined);
}

async function storedNoteTexts(running: Running): Promise<string[]> {
  const page = await running.context.newPage();
  await page.goto(`chrome-extension://${running.extensionId}/src/debrief/debrief.html`);
  const texts = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('notes').objectStore('notes').getAll();
          read.onsuccess = () => {
            request.result.close();
            resolve((read.result as { text: string }[]).map((note) => note.text));
          };
        };
      }),
  );
  await page.close();
  return texts;
}

// Best effort: a child process that outlived a kill may still be closing files in the profile.
afterAll(() => rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe('a note shown as saved', () => {
  it('has the real Chromium binary to kill (CI installs Debian’s chromium)', () => {
    // Not skipped when it is missing: a crash test that quietly doesn't run proves nothing.
    expect(REAL_BINARY, 'install Debian’s chromium, or set CHROME_PATH to the real binary').toBeTruthy();
  });

  it('survives SIGKILL of the whole browser, five times at different moments', { timeout: 180_000 }, async () => {
    const acknowledged: string[] = [];
    let lost = 0;
    for (const [round, delay] of KILL_DELAYS.entries()) {
      const running = await launch();
      // Everything acknowledged before earlier kills is still there.
      const stored = await storedNoteTexts(running);
      lost += acknowledged.filter((text) => !stored.includes(text)).length;

      if (round === 0) {
        const asHarness = { context: running.context, extensionId: running.extensionId } as ExtensionBrowser;
        const popup = await PopupPage.open(asHarness);
        await popup.createPlan({
          title: TITLE,
          meetingLink: MEETING,
          agenda: [
            ['Open', 5],
            ['Close', 5],
          ],
        });
        await popup.page.close();
      }
      const page = await running.context.newPage();
      await page.goto(MEETING);
      const overlay = await OverlayFrame.on(page);
      await overlay.expand();
      if (round === 0) {
        await overlay.frame.getByRole('radio', { name: 'the manager' }).check();
        await overlay.frame.getByRole('button', { name: `Start call: ${TITLE}` }).click();
      }
      await overlay.frame.getByRole('region', { name: 'Notes' }).focus();
      const text = `Crash round ${round + 1}`;
      await page.keyboard.press('1');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await overlay.frame.getByRole('listitem').filter({ hasText: text }).filter({ hasText: '✓ saved' }).waitFor();
      acknowledged.push(text);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      await kill(running);
    }
    const final = await launch();
    const stored = await storedNoteTexts(final);
    lost += acknowledged.filter((text) => !stored.includes(text)).length;
    await kill(final);
    console.log(`crash test: ${acknowledged.length} notes acknowledged, ${KILL_DELAYS.length} SIGKILLs, ${lost} lost`);
    expect(stored.filter((text) => text.startsWith('Crash round')).sort()).toEqual([...acknowledged].sort());
    expect(lost).toBe(0);
  });
});
