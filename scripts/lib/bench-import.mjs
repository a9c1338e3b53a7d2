// @ts-check
// Restoring a backup in `npm run bench`: from picking the file to "restored".
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/**
 * Restoring a 5 MB backup, from picking the file to "restored": read, parse, validate whole, write in one
 * transaction. The file is this device's own backup, grown with more notes until it reaches 5 MB.
 * @param {BrowserContext} context @param {string} extensionId @param {{ bytes: number, runs: number }} options
 */
export async function importTimes(context, extensionId, { bytes: size, runs }) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/debrief/debrief.html#backup`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Back up everything' }).click(),
  ]);
  const backup = JSON.parse(readFileSync(/** @type {string} */ (await download.path()), 'utf8'));
  // The runs above left 5,000 plans and thousands of notes: the file keeps 50 plans, and is filled to 5 MB with notes.
  backup.plans = backup.plans.slice(0, 50);
  const template = backup.notes[0];
  const noteBytes = JSON.stringify(template).length + 1;
  // Spread over calls, as years of calls are: one call holds at most 10,000 notes (MAX_NOTES_PER_CALL), so the
  // file gets a call for every 2,000 notes (copies of the last call, a day apart).
  const lastCall = backup.calls.at(-1);
  const fill = (/** @type {number} */ count) => {
    backup.calls = backup.calls.filter((/** @type {{ id: string }} */ call) => !call.id.startsWith('import-call-'));
    for (let index = 0; index < Math.ceil(count / 2000); index++) {
      const startedAt = lastCall.startedAt - (index + 1) * 86_400_000;
      backup.calls.push({
        ...lastCall,
        id: `import-call-${index}`,
        startedAt,
        lastSeenAt: startedAt + 1_800_000,
        endedAt: startedAt + 1_800_000,
      });
    }
    return Array.from({ length: count }, (_, index) => ({
      ...template,
      id: `import-${String(index).padStart(7, '0')}`,
      callId: `import-call-${Math.floor(index / 2000)}`,
    }));
  };
  backup.notes = fill(Math.floor((size - JSON.stringify({ ...backup, notes: [] }).length) / noteBytes));
  // Pretty-printed files are bigger per note: top up until the file really holds 5 MB.
  while (Buffer.byteLength(JSON.stringify(backup)) < size) backup.notes = fill(backup.notes.length + 200);
  const file = join(tmpdir(), `ridealong-bench-${Date.now()}.ridealong-backup.json`);
  const text = JSON.stringify(backup);
  writeFileSync(file, text);
  /** @type {number[]} */
  const times = [];
  for (let run = 0; run < runs; run++) {
    await page.reload();
    const started = Date.now();
    await page.getByLabel('Backup file').setInputFiles(file);
    await page.getByRole('radio', { name: /^Replace/ }).check();
    await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await page.getByRole('status').filter({ hasText: /^✓/ }).waitFor({ timeout: 60_000 });
    times.push(Date.now() - started);
  }
  rmSync(file, { force: true });
  await page.close();
  return { bytes: Buffer.byteLength(text), times };
}
