// Every chrome.storage key Ridealong uses comes from one registry (DEVICE_SETTING_KEYS), so names stay unique: two
// features sharing a key would overwrite each other's data, and a setting whose key began with the outbox's prefix
// would be read back as a waiting note.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import * as settings from '../../src/platform/device-settings';
import { saveNoteTags } from '../../src/platform/note-tags';
import { fakeBrowser } from './fake-browser';

const KEYS = Object.values(settings.DEVICE_SETTING_KEYS);
const NOW = 1_900_000_000_000;
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the storage keys', () => {
  it('are unique, all under ridealong., and none begins another', () => {
    expect(new Set(KEYS).size).toBe(KEYS.length);
    for (const key of KEYS) expect(key).toMatch(/^ridealong\./);
    for (const key of KEYS)
      for (const other of KEYS) if (key !== other) expect(other.startsWith(key), `${other} begins ${key}`).toBe(false);
  });

  it('are the only ones written: every setting lands under a key of its own', async () => {
    await settings.saveDefaultRole('manager');
    await settings.saveAutoStart(true);
    await settings.setMeetingDismissed('meet:abc-defg-hij', true, NOW);
    await settings.setOverlayExpandedFor('meet:abc-defg-hij', true, NOW);
    await settings.saveLastBackupAt(NOW);
    await settings.recordDataLoss(NOW);
    await settings.saveOverlayPosition({ top: 72, right: 16 });
    await saveNoteTags(DEFAULT_NOTE_TAGS);
    const written = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(written).toHaveLength(8);
    expect(KEYS).toEqual(expect.arrayContaining(written));
  });

  it('are named nowhere else in src/: a new key goes into the registry', () => {
    const registry = join(SRC, 'platform', 'device-settings.ts');
    const strays = sourceFiles(SRC)
      .filter((file) => file !== registry)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/['"`]ridealong\.[\w.]*['"`]?/g)].map(
          (found) => `${relative(SRC, file)}: ${found[0]}`,
        ),
      );
    expect(strays).toEqual([]);
  });
});
