// Small per-device settings in chrome.storage.local: readable from the overlay frame, where IndexedDB is denied.
// User data (plans, calls, notes, debriefs) never goes here; it lives in IndexedDB (src/storage/).
import * as v from 'valibot';
import { RoleSchema, type Role } from '../domain/call';
import { browser } from './browser';

/** Every chrome.storage.local key Ridealong uses, in one place so names stay unique. */
export const DEVICE_SETTING_KEYS = {
  defaultRole: 'ridealong.defaultRole',
} as const;

export async function loadDefaultRole(): Promise<Role> {
  const stored = await browser.storage.local.get(DEVICE_SETTING_KEYS.defaultRole);
  const parsed = v.safeParse(RoleSchema, stored[DEVICE_SETTING_KEYS.defaultRole]);
  return parsed.success ? parsed.output : 'rep';
}

export async function saveDefaultRole(role: Role): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.defaultRole]: role });
}
