// The crash suite for team sync: the rep's whole browser is killed (SIGKILL) at random moments while it sends a call
// of 2,000 notes to the team's server, and relaunched on the same profile. Nothing acknowledged may be lost: every
// note stays on the rep's device, and once a round completes, a second profile receives every one of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE, notesHere, PASSPHRASE, seedSharedCall, turnOnSync } from '../../scripts/lib/bench-sync.mjs';
import { distGrantingLocalServer, startPouchServer, type TestServer } from '../../scripts/lib/couch-server.mjs';
import { DIST, extensionUrl, launchWithExtension } from '../../scripts/lib/extension-browser.mjs';
import { kill, launchKillable, REAL_BINARY } from './killable-browser';

const NOTES = 2000;
const KILLS = Number(process.env.CRASH_ROUNDS ?? 20) >= 200 ? 20 : 4;
/** Milliseconds between the click that starts a round and the kill: at once, mid-push, and near its end. */
const KILL_DELAYS = [0, 150, 400, 900];

let server: TestServer;
let variant: string;
const profileDir = mkdtempSync(join(tmpdir(), 'ridealong-sync-crash-'));

beforeAll(async () => {
  server = await startPouchServer();
  await fetch(`${server.url}/${DATABASE}`, { method: 'PUT' });
  variant = distGrantingLocalServer(DIST);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (variant) rmSync(variant, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

/** Settings → Team sync: turns it on when it is off (the kill may have come first), else presses Sync now. */
async function startRound(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const turnOn = page.getByRole('button', { name: 'Turn on team sync' });
  const syncNow = page.getByRole('button', { name: 'Sync now' });
  await turnOn.or(syncNow).waitFor();
  if (await turnOn.isVisible()) {
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('Team database').fill(DATABASE);
    await page.getByLabel('Team passphrase').fill(PASSPHRASE);
    await turnOn.click();
  } else await syncNow.click();
}

describe('team sync under crashes', () => {
  it(`loses no note when the browser is killed mid-push ${KILLS} times`, async () => {
    expect(REAL_BINARY, 'install Debian’s chromium, or set CHROME_PATH to the real binary').toBeTruthy();
    let running = await launchKillable(variant, profileDir);
    await seedSharedCall(running.context, running.extensionId, NOTES);
    for (let round = 0; round < KILLS; round++) {
      const page = await running.context.newPage();
      await page.goto(extensionUrl(running.extensionId, 'src/popup/popup.html'));
      await startRound(page);
      const delay = KILL_DELAYS[round % KILL_DELAYS.length]!;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      await kill(running);
      running = await launchKillable(variant, profileDir);
      // Every note the rep's device had is still there after each kill.
      expect(await notesHere(running.context, running.extensionId)).toBeGreaterThanOrEqual(NOTES);
    }
    // Back for good: a round runs to its end while the other profile joins and pulls until it has every note.
    const page = await running.context.newPage();
    await page.goto(extensionUrl(running.extensionId, 'src/popup/popup.html'));
    await startRound(page);
    const manager = await launchWithExtension({ headless: true, dist: variant });
    try {
      await turnOnSync(manager.context, manager.extensionId, server.url);
      const popup = await manager.context.newPage();
      await popup.goto(extensionUrl(manager.extensionId, 'src/popup/popup.html'));
      await popup.getByRole('button', { name: 'Settings' }).click();
      await expect
        .poll(
          async () => {
            const arrived = await notesHere(manager.context, manager.extensionId);
            if (arrived < NOTES) {
              await popup.getByRole('button', { name: 'Sync now' }).click();
              await popup.getByText('Working…').waitFor({ state: 'hidden' });
            }
            return arrived;
          },
          { timeout: 60_000 },
        )
        .toBeGreaterThanOrEqual(NOTES);
      expect(await notesHere(running.context, running.extensionId)).toBeGreaterThanOrEqual(NOTES);
    } finally {
      await manager.context.close();
      rmSync(manager.profileDir, { recursive: true, force: true });
      await kill(running);
    }
  });
});
