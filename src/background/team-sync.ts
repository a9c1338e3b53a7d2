// When team sync runs from the worker: on a schedule (chrome.alarms, every 5 minutes while sync is on), soon after a
// write (an alarm reset by each write, so a burst of notes is one round), and when a page asks (it opened, or the
// person pressed Sync now). Alarms survive the worker being stopped; nothing is kept in memory.
import { browser } from '../platform/browser';
import { loadTeamSync, type SyncStatus } from '../platform/team-sync-settings';
import { syncWithTeam } from '../sync/run';

export const TEAM_SYNC_ALARM = 'team-sync';
export const TEAM_SYNC_SOON_ALARM = 'team-sync-soon';
const PERIOD_MINUTES = 5;
/** Chrome's shortest alarm delay. */
const SOON_MINUTES = 0.5;

/** A round now; keeps the schedule in step with whether sync is on. */
export async function syncNow(): Promise<SyncStatus | null> {
  const settings = await loadTeamSync();
  if (!settings?.on) {
    await browser.alarms.clear(TEAM_SYNC_ALARM);
    return null;
  }
  if (!(await browser.alarms.get(TEAM_SYNC_ALARM)))
    await browser.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES });
  return syncWithTeam();
}

/** A round half a minute after the last write; each write moves it on. */
export async function syncSoon(): Promise<void> {
  if ((await loadTeamSync())?.on) await browser.alarms.create(TEAM_SYNC_SOON_ALARM, { delayInMinutes: SOON_MINUTES });
}

/** Registered at the worker's top level, so an alarm that wakes a stopped worker is heard. */
export function listenForSyncAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_SYNC_ALARM || alarm.name === TEAM_SYNC_SOON_ALARM) void syncNow();
  });
}
