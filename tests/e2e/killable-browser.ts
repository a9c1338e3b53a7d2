// A Chromium the crash tests can kill whole: the real binary (not Debian's wrapper script) spawned in its own process
// group, with the extension loaded and a profile that outlives it, and Playwright connected over CDP. SIGKILL of the
// group takes every Chromium process at once, as a crash of the whole browser does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { extensionArgs, routeMeetingSites } from '../../scripts/lib/extension-browser.mjs';

export const REAL_BINARY = ['/usr/lib/chromium/chromium', process.env.CHROME_PATH].find(
  (path) => path && existsSync(path),
);

export interface Running {
  child: ChildProcess;
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
}

export async function launchKillable(dist: string, profileDir: string): Promise<Running> {
  const child = spawn(
    REAL_BINARY!,
    [...extensionArgs(dist), '--headless', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'],
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

export async function kill(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  process.kill(-running.child.pid!, 'SIGKILL');
  await exited;
  await running.browser.close().catch(() => undefined);
}
