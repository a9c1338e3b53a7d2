// Small per-device settings in chrome.storage.local: readable from the overlay frame, where IndexedDB is denied, but
// not from the content script (see closeStorageToContentScripts). User data (plans, calls, notes, debriefs) never goes
// here; it lives in IndexedDB. Notes wait here only until stored (note-outbox.ts).
import * as v from 'valibot';
import { RoleSchema, type Role } from '../domain/call';
import { browser } from './browser';

/** Every chrome.storage.local key Ridealong uses, in one place so names stay unique. */
export const DEVICE_SETTING_KEYS = {
  defaultRole: 'ridealong.defaultRole',
  /** Where the overlay was dragged to; the frame stores it for the content script, which has no storage. */
  overlayPosition: 'ridealong.overlayPosition',
  autoStart: 'ridealong.autoStartLinkedCalls',
  dismissedMeetings: 'ridealong.dismissedMeetings',
  /** Meetings whose overlay was left open, so a reload brings the panel back as it was. */
  expandedMeetings: 'ridealong.expandedMeetings',
  noteTags: 'ridealong.noteTags',
  /** When "Back up everything" last wrote a file on this device, for the gentle reminder. */
  lastBackupAt: 'ridealong.lastBackupAt',
  /** When the browser reported Ridealong's database lost (damaged and reset); cleared once the person has seen it. */
  dataLossAt: 'ridealong.dataLossAt',
  /** In chrome.storage.session: the tabs Ridealong was asked onto, with their origin; see on-demand.ts. */
  onDemandTabs: 'ridealong.onDemandTabs',
  /** A prefix: one key per note waiting for storage; see note-outbox.ts. */
  pendingNotePrefix: 'ridealong.pendingNote.',
  /** Team sync's server, database, user and password, and whether it is on; see team-sync-settings.ts. */
  teamSync: 'ridealong.teamSync',
  /** How the last team sync went, for the settings and the popup. */
  teamSyncStatus: 'ridealong.lastTeamSync',
  /** A prefix: team sync's own state between rounds (checkpoint, what was pushed); see sync/replicate.ts. */
  syncStatePrefix: 'ridealong.sync:',
} as const;

/** Reads one setting, falling back when it is missing or not the expected shape. */
async function load<T>(key: string, schema: v.GenericSchema<unknown, T>, fallback: T): Promise<T> {
  const stored = await browser.storage.local.get(key);
  const parsed = v.safeParse(schema, stored[key]);
  return parsed.success ? parsed.output : fallback;
}

export function loadDefaultRole(): Promise<Role> {
  return load(DEVICE_SETTING_KEYS.defaultRole, RoleSchema, 'rep');
}

export async function saveDefaultRole(role: Role): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.defaultRole]: role });
}

/** Off by default: Meet's lobby and the call share one URL, so normally a person decides when the clock starts. */
export function loadAutoStart(): Promise<boolean> {
  return load(DEVICE_SETTING_KEYS.autoStart, v.boolean(), false);
}

export async function saveAutoStart(on: boolean): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.autoStart]: on });
}

/** Meeting keys as plans store them: a Teams meeting's thread makes keys of about 80 characters. */
const DismissedSchema = v.record(v.pipe(v.string(), v.maxLength(256)), v.number());
/** Meetings whose plan offer was dismissed are kept this long, so the list never grows without bound. */
const DISMISSAL_KEPT_MS = 7 * 24 * 60 * 60_000;

export async function isMeetingDismissed(meetingKey: string): Promise<boolean> {
  const dismissed = await load(DEVICE_SETTING_KEYS.dismissedMeetings, DismissedSchema, {});
  return meetingKey in dismissed;
}

export function setMeetingDismissed(meetingKey: string, dismissedNow: boolean, now: number): Promise<void> {
  return setMeetingFlag(DEVICE_SETTING_KEYS.dismissedMeetings, meetingKey, dismissedNow, now);
}

/**
 * Whether this meeting's overlay was left open on this device. A meeting not seen before starts as the small pill;
 * one the person opened comes back open after a reload, as they left it.
 */
export async function isOverlayExpandedFor(meetingKey: string): Promise<boolean> {
  const expanded = await load(DEVICE_SETTING_KEYS.expandedMeetings, DismissedSchema, {});
  return meetingKey in expanded;
}

export function setOverlayExpandedFor(meetingKey: string, expanded: boolean, now: number): Promise<void> {
  return setMeetingFlag(DEVICE_SETTING_KEYS.expandedMeetings, meetingKey, expanded, now);
}

/** A per-meeting on/off flag, kept a week so the list never grows without bound. */
async function setMeetingFlag(key: string, meetingKey: string, on: boolean, now: number): Promise<void> {
  const flags = await load(key, DismissedSchema, {});
  const kept = Object.fromEntries(Object.entries(flags).filter(([, at]) => now - at < DISMISSAL_KEPT_MS));
  if (on) kept[meetingKey] = now;
  else delete kept[meetingKey];
  await browser.storage.local.set({ [key]: kept });
}

export function loadLastBackupAt(): Promise<number | null> {
  return load(DEVICE_SETTING_KEYS.lastBackupAt, v.nullable(v.number()), null);
}

export async function saveLastBackupAt(at: number): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.lastBackupAt]: at });
}

/** Remembers that the browser lost the database, so whichever page opens next can tell the person. */
export async function recordDataLoss(at: number): Promise<void> {
  await browser.storage.local.set({ [DEVICE_SETTING_KEYS.dataLossAt]: at });
}

export function loadDataLossAt(): Promise<number | null> {
  return load(DEVICE_SETTING_KEYS.dataLossAt, v.nullable(v.number()), null);
}

export async function clearDataLoss(): Promise<void> {
  await browser.storage.local.remove(DEVICE_SETTING_KEYS.dataLossAt);
}

/** Distance of the overlay from the tab's top and right edges, in CSS pixels. */
const OverlayPositionSchema = v.object({
  top: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000)),
  right: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000)),
});
export type OverlayPosition = v.InferOutput<typeof OverlayPositionSchema>;

export function loadOverlayPosition(): Promise<OverlayPosition | null> {
  return load(DEVICE_SETTING_KEYS.overlayPosition, v.nullable(OverlayPositionSchema), null);
}

/** Stores a position reported by the content script; anything but two sane numbers is ignored. */
export async function saveOverlayPosition(position: unknown): Promise<void> {
  const parsed = v.safeParse(OverlayPositionSchema, position);
  if (parsed.success) await browser.storage.local.set({ [DEVICE_SETTING_KEYS.overlayPosition]: parsed.output });
}

/**
 * Chrome lets content scripts read and write chrome.storage.local by default. Ours runs inside the meeting page's
 * process, where pending note text waits in this storage, so only Ridealong's own pages and worker may use it. The
 * browser keeps the setting; the worker sets it again each time it starts, in case an update reset it.
 */
export async function closeStorageToContentScripts(): Promise<void> {
  // A Chrome too old to set this for the local area refuses; the content script uses no storage either way.
  await chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
