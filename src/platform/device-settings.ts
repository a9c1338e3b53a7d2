// Small per-device settings in chrome.storage.local: readable from the overlay frame, where IndexedDB is denied, and
// from the content script. User data (plans, calls, notes, debriefs) never goes here; it lives in IndexedDB.
import * as v from 'valibot';
import { RoleSchema, type Role } from '../domain/call';
import { browser } from './browser';

/** Every chrome.storage.local key Ridealong uses, in one place so names stay unique. */
export const DEVICE_SETTING_KEYS = {
  defaultRole: 'ridealong.defaultRole',
  /** Written and read by the content script, which can't import this module; see src/content/content-script.ts. */
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
  /** A prefix: one key per note waiting for storage; see note-outbox.ts. */
  pendingNotePrefix: 'ridealong.pendingNote.',
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

const DismissedSchema = v.record(v.pipe(v.string(), v.maxLength(64)), v.number());
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
