// Team sync's settings on this device, in chrome.storage.local: which server and database, as whom, and whether sync
// is on. The team passphrase is never stored: only the key derived from it, non-extractable, in IndexedDB
// (storage/team-key.ts). The CouchDB password is kept so the session can be renewed when the server ends it.
import * as v from 'valibot';
import { browser } from './browser';
import { DEVICE_SETTING_KEYS } from './device-settings';
import type { SyncStateStore } from '../sync/replicate';

export const TeamSyncSettingsSchema = v.strictObject({
  server: v.pipe(v.string(), v.maxLength(2048)),
  database: v.pipe(v.string(), v.maxLength(238)),
  user: v.pipe(v.string(), v.maxLength(200)),
  password: v.pipe(v.string(), v.maxLength(1000)),
  on: v.boolean(),
});
export type TeamSyncSettings = v.InferOutput<typeof TeamSyncSettingsSchema>;

export const SyncStatusSchema = v.strictObject({
  at: v.number(),
  ok: v.boolean(),
  /** In words: what was synced, or what is wrong. */
  message: v.pipe(v.string(), v.maxLength(2000)),
  /** Server documents that could not be used, with the reason, so the person can tell the team. */
  skipped: v.pipe(v.array(v.strictObject({ id: v.string(), reason: v.string() })), v.maxLength(50)),
});
export type SyncStatus = v.InferOutput<typeof SyncStatusSchema>;

export async function loadTeamSync(): Promise<TeamSyncSettings | null> {
  const stored = await browser.storage.local.get(DEVICE_SETTING_KEYS.teamSync);
  const parsed = v.safeParse(TeamSyncSettingsSchema, stored[DEVICE_SETTING_KEYS.teamSync]);
  return parsed.success ? parsed.output : null;
}

export async function saveTeamSync(settings: TeamSyncSettings): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.teamSync]: v.parse(TeamSyncSettingsSchema, settings) });
}

/**
 * Leaving sync: the settings, the status and sync's own state go; every record stays on this device. A later
 * connection starts a fresh round that merges, so nothing is lost either way.
 */
export async function forgetTeamSync(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const syncKeys = Object.keys(all).filter((key) => key.startsWith(DEVICE_SETTING_KEYS.syncStatePrefix));
  await browser.storage.local.remove([DEVICE_SETTING_KEYS.teamSync, DEVICE_SETTING_KEYS.teamSyncStatus, ...syncKeys]);
}

export async function loadSyncStatus(): Promise<SyncStatus | null> {
  const stored = await browser.storage.local.get(DEVICE_SETTING_KEYS.teamSyncStatus);
  const parsed = v.safeParse(SyncStatusSchema, stored[DEVICE_SETTING_KEYS.teamSyncStatus]);
  return parsed.success ? parsed.output : null;
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.teamSyncStatus]: status });
}

/** Sync's state between rounds, in chrome.storage.local, so a stopped worker resumes where it was. */
export function storageSyncState(): SyncStateStore {
  return {
    get: (keys) => browser.storage.local.get(keys),
    set: (items) => browser.storage.local.set(items),
  };
}

/** The host permission team sync needs: the server's origin, and nothing else. */
export function serverOriginPattern(server: string): string | null {
  try {
    const url = new URL(server.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.origin}/*` : null;
  } catch {
    return null;
  }
}
