// "Back up everything": one file holding every plan, call, note and debrief on this device, and the rules for
// restoring it. The file is checked whole against one schema before anything is used, like every other import; a
// restore then either lands whole or not at all (src/storage/backup.ts).
import * as v from 'valibot';
import { CallSchema, type Call } from './call';
import { DebriefSchema, type Debrief } from './debrief';
import { NoteSchema, type Note } from './note';
import { PlanSchema, type Plan } from './plan';
import { EpochMsSchema } from './schema-parts';

export const BACKUP_FORMAT = 'ridealong-backup';
export const BACKUP_VERSION = 1;
/** Years of calls with thousands of notes stay well under this; a bigger file is not a Ridealong backup. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
export const BACKUP_FILE_EXTENSION = '.ridealong-backup.json';

export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: EpochMsSchema,
  plans: v.array(PlanSchema),
  calls: v.array(CallSchema),
  notes: v.array(NoteSchema),
  debriefs: v.array(DebriefSchema),
});
export type Backup = v.InferOutput<typeof BackupSchema>;

/** Everything a device stores, as the storage module reads it. */
export interface StoredEverything {
  plans: Plan[];
  calls: Call[];
  notes: Note[];
  debriefs: Debrief[];
}

export function backupOf(everything: StoredEverything, now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, ...everything };
}

export function backupText(backup: Backup): string {
  return `${JSON.stringify(backup)}\n`;
}

/** A file name like `ridealong-backup-2026-11-24.ridealong-backup.json`. */
export function backupFileName(now: number): string {
  return `ridealong-backup-${new Date(now).toISOString().slice(0, 10)}${BACKUP_FILE_EXTENSION}`;
}

const NEWER_BACKUP_MESSAGE = 'This backup was made by a newer version of Ridealong. Update Ridealong, then restore it.';

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; message: string };

/** Reads a backup file's text; `byteLength` is the file's size, checked before the text is parsed. */
export function parseBackup(text: string, byteLength: number): ParsedBackup {
  if (byteLength > MAX_BACKUP_BYTES) {
    return { ok: false, message: 'That file is larger than 100 MB, so it is not a Ridealong backup. Nothing changed.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'That file is not a Ridealong backup (it isn’t JSON). Nothing changed.' };
  }
  const head = parsed as { format?: unknown; version?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT) {
    return { ok: false, message: 'That file is not a Ridealong backup. Nothing changed.' };
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return { ok: false, message: NEWER_BACKUP_MESSAGE };
  }
  const result = v.safeParse(BackupSchema, parsed);
  if (!result.success) {
    return { ok: false, message: 'That backup is damaged or incomplete, so nothing was restored.' };
  }
  const backup = result.output;
  const unique = (ids: string[]) => new Set(ids).size === ids.length;
  if (
    !unique(backup.plans.map((plan) => plan.id)) ||
    !unique(backup.calls.map((call) => call.id)) ||
    !unique(backup.notes.map((note) => note.id)) ||
    !unique(backup.debriefs.map((debrief) => debrief.callId))
  ) {
    return { ok: false, message: 'That backup lists the same record twice, so it was not restored. Nothing changed.' };
  }
  const callIds = new Set(backup.calls.map((call) => call.id));
  if (![...backup.notes, ...backup.debriefs].every((record) => callIds.has(record.callId))) {
    return { ok: false, message: 'That backup has notes or debriefs without their call, so nothing was restored.' };
  }
  return { ok: true, backup };
}

export type RestoreMode =
  /** Keep what is here and add what the backup has; where both have a record, the newer one stays. */
  | 'merge'
  /** Make this device hold exactly what the backup holds. */
  | 'replace';

/**
 * Which copy a merge keeps when both this device and the backup have the record. Ties keep the local copy, so a
 * restore never undoes an edit made here.
 */
export const keepNewer = {
  plans: (local: Plan, backup: Plan) => (backup.revision > local.revision ? backup : local),
  /** A call only grows (transitions, ticks, last seen), so the one seen last holds everything the other has. */
  calls: (local: Call, backup: Call) => (backup.lastSeenAt > local.lastSeenAt ? backup : local),
  /** Notes carry no edit time; the copy on this device is the one its author last saw. */
  notes: (local: Note) => local,
  debriefs: (local: Debrief, backup: Debrief) => (backup.updatedAt > local.updatedAt ? backup : local),
} as const;

export interface RestoreCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export function restoreSummary(counts: RestoreCounts, mode: RestoreMode): string {
  const restored = counts.added + counts.updated + counts.unchanged;
  if (mode === 'replace') {
    return `Restored ${restored} ${restored === 1 ? 'record' : 'records'} from the backup; this device now holds exactly what it holds.`;
  }
  return `Merged the backup: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} already here.`;
}

/** How long without a backup before a gentle reminder, once there are debriefs worth keeping. */
export const BACKUP_REMINDER_AFTER_MS = 30 * 24 * 60 * 60_000;

/**
 * Whether to remind about a backup: there are debriefs, and the last backup (or, with none yet, the oldest debrief)
 * is more than 30 days old. A new user is not nagged on day one.
 */
export function backupReminderDue(lastBackupAt: number | null, oldestDebriefAt: number | null, now: number): boolean {
  if (oldestDebriefAt === null) return false;
  const since = lastBackupAt ?? oldestDebriefAt;
  return now - since > BACKUP_REMINDER_AFTER_MS;
}
