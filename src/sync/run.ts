// One team sync round on this device, from the worker's schedule or a page's "Sync now": the settings and the key
// are read from storage, the round runs under a lock (so an alarm and a click never sync at once, from any context),
// and how it went is stored for the settings and the popup. Keeps nothing in memory.
import { countOf } from '../domain/counts';
import { errorText } from '../domain/text';
import { loadTeamSync, saveSyncStatus, storageSyncState, type SyncStatus } from '../platform/team-sync-settings';
import { loadTeamKey } from '../storage/team-key';
import { couchClient } from './couch';
import { SyncProblem } from './problem';
import { syncOnce, type SyncReport } from './replicate';

const SYNC_LOCK = 'ridealong-team-sync';

/** Runs a round if team sync is on; null when it is off. */
export async function syncWithTeam(now: () => number = Date.now): Promise<SyncStatus | null> {
  const settings = await loadTeamSync();
  if (!settings?.on) return null;
  return navigator.locks.request(SYNC_LOCK, async () => {
    let status: SyncStatus;
    const key = await loadTeamKey();
    if (!key) {
      status = {
        at: now(),
        ok: false,
        message: 'This device no longer has the team key. Turn team sync off and on again, with the team passphrase.',
        skipped: [],
      };
    } else {
      try {
        const report = await syncOnce({ client: couchClient(settings), key, state: storageSyncState() });
        status = { at: now(), ok: true, message: reportText(report), skipped: report.skipped.slice(0, 50) };
      } catch (error) {
        const message = error instanceof SyncProblem ? error.message : `Sync stopped: ${errorText(error)}`;
        status = { at: now(), ok: false, message, skipped: [] };
      }
    }
    await saveSyncStatus(status);
    return status;
  });
}

/** A round's result in words. */
export function reportText(report: SyncReport): string {
  const parts = [`${countOf(report.pulled, 'change')} in, ${countOf(report.pushed, 'change')} out`];
  if (report.conflictsResolved > 0)
    parts.push(`${countOf(report.conflictsResolved, 'conflict')} on the server merged and written back`);
  if (report.planCopies > 0)
    parts.push(
      `${countOf(report.planCopies, 'plan')} changed on two devices: the other version is kept as a “(conflicting copy)”`,
    );
  if (report.skipped.length > 0)
    parts.push(
      `${countOf(report.skipped.length, 'server document')} skipped: broken, or not sealed with your team key`,
    );
  if (report.more) parts.push('more to take in, which the next round goes on with');
  return `Synced: ${parts.join('; ')}.`;
}
