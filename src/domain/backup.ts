// "Back up everything": one file holding every plan, call, note and debrief on this device, and the rules for
// restoring it. The file is checked whole against one schema before anything is used, like every other import; a
// restore then either lands whole or not at all (src/storage/backup.ts).
import * as v from 'valibot';
import { CallSchema, type Call } from './call';
import { countOf, countsOf } from './counts';
import { isoDay } from './dates';
import { DebriefSchema, type Debrief } from './debrief';
import { derivedId } from './derived-id';
import { MAX_NOTES_PER_CALL, NoteSchema, type Note } from './note';
import { noteCopyId } from './notes-package';
import { PlanSchema, type Plan } from './plan';
import { problemOf, type Issue } from './schema-issues';
import { EpochMsSchema } from './schema-parts';
import { openEnvelope } from './file-envelope';

export const BACKUP_FORMAT = 'ridealong-backup';
export const BACKUP_VERSION = 1;
/** Years of calls with thousands of notes stay well under this; a bigger file is not a Ridealong backup. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
export const BACKUP_FILE_EXTENSION = '.ridealong-backup.json';
/** A call every working day for a century is 25,000 calls; plans and debriefs come one per call at most, or so. */
export const MAX_BACKUP_PLANS = 50_000;
export const MAX_BACKUP_CALLS = 50_000;
export const MAX_BACKUP_DEBRIEFS = MAX_BACKUP_CALLS;
/** Far more notes than years of calls hold; each call's own notes are bounded too (MAX_NOTES_PER_CALL). */
export const MAX_BACKUP_NOTES = 1_000_000;

const records = <T extends v.GenericSchema>(schema: T, max: number, what: string) =>
  v.pipe(v.array(schema), v.maxLength(max, `More than ${max} ${what}, more than years of real calls hold`));

export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: EpochMsSchema,
  plans: records(PlanSchema, MAX_BACKUP_PLANS, 'plans'),
  calls: records(CallSchema, MAX_BACKUP_CALLS, 'calls'),
  notes: records(NoteSchema, MAX_BACKUP_NOTES, 'notes'),
  debriefs: records(DebriefSchema, MAX_BACKUP_DEBRIEFS, 'debriefs'),
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
  return `ridealong-backup-${isoDay(now)}${BACKUP_FILE_EXTENSION}`;
}

const NEWER_BACKUP_MESSAGE = 'This backup was made by a newer version of Ridealong. Update Ridealong, then restore it.';

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; message: string };

/** Reads a backup file's text; `byteLength` is the file's size, checked before the text is parsed. */
export function parseBackup(text: string, byteLength: number): ParsedBackup {
  const opened = openEnvelope(text, byteLength, {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    maxBytes: MAX_BACKUP_BYTES,
    messages: {
      tooLarge: 'That file is larger than 100 MB, so it is not a Ridealong backup. Nothing changed.',
      notJson: 'That file is not a Ridealong backup (it isn’t JSON). Nothing changed.',
      notThisFormat: 'That file is not a Ridealong backup. Nothing changed.',
      newer: NEWER_BACKUP_MESSAGE,
    },
  });
  if (!opened.ok) return opened;
  const result = v.safeParse(BackupSchema, opened.parsed);
  if (!result.success) {
    const where = describeBackupIssue(result.issues[0]);
    return { ok: false, message: `That backup is damaged or incomplete (${where}), so nothing was restored.` };
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
  const notesPerCall = new Map<string, number>();
  for (const note of backup.notes) notesPerCall.set(note.callId, (notesPerCall.get(note.callId) ?? 0) + 1);
  const crowded = [...notesPerCall].find(([, count]) => count > MAX_NOTES_PER_CALL);
  if (crowded) {
    return {
      ok: false,
      message: `That backup gives one call ${crowded[1]} notes, more than the ${MAX_NOTES_PER_CALL} any real call holds, so nothing was restored.`,
    };
  }
  return { ok: true, backup };
}

const STORE_ITEMS = { plans: 'plan', calls: 'call', notes: 'note', debriefs: 'debrief' } as const;

/** Where a backup breaks the schema, and how: "call 3, transitions: more than 2000 agenda moves, …". */
export function describeBackupIssue(issue: Issue | undefined): string {
  if (!issue) return 'it could not be read';
  const keys = (issue.path ?? []).map((step) => step.key);
  const [store, index, ...inside] = keys;
  const where: string[] = [];
  if (typeof store === 'string' && store in STORE_ITEMS) {
    const item = STORE_ITEMS[store as keyof typeof STORE_ITEMS];
    where.push(typeof index === 'number' ? `${item} ${index + 1}` : `the list of ${store}`);
    const unknownField = issue.type === 'strict_object' && issue.expected === 'never';
    const fields = inside.filter((key): key is string => typeof key === 'string').slice(0, 2);
    if (fields.length > 0 && !(unknownField && inside.length === 1)) where.push(fields.join(' '));
  } else if (typeof store === 'string' && keys.length === 1 && !(issue.type === 'strict_object')) {
    where.push(store);
  }
  const problem = problemOf(issue, keys.at(-1), keys.length <= 1 ? 'a backup' : 'in the shape Ridealong writes');
  return (where.length > 0 ? `${where.join(', ')}: ` : '') + problem;
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
  /**
   * Of `added`, the backup's calls and notes whose id belongs to a different call (or another call's note) here:
   * stored under an id of their own, so the record here stays as it is.
   */
  copied: number;
  /** Left out, with their notes and debrief, because their own id and their copy's id are both taken here. */
  skipped: number;
}

export const NO_RESTORE_COUNTS: RestoreCounts = {
  added: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  copied: 0,
  skipped: 0,
};

export function restoreSummary(counts: RestoreCounts, mode: RestoreMode): string {
  const restored = counts.added + counts.updated + counts.unchanged;
  if (mode === 'replace') {
    return `Restored ${countOf(restored, 'record')} from the backup; this device now holds exactly what it holds.`;
  }
  const copied =
    counts.copied === 1
      ? ' 1 of the added records had the id of a different call’s record here, so it was stored as a copy and nothing here changed.'
      : counts.copied > 1
        ? ` ${counts.copied} of the added records had the id of a different call’s record here, so they were stored as copies and nothing here changed.`
        : '';
  const skipped =
    counts.skipped === 1
      ? ' 1 record was left out: its id belongs to another call’s record here, which stays as it is.'
      : counts.skipped > 1
        ? ` ${counts.skipped} records were left out: their ids belong to other calls’ records here, which stay as they are.`
        : '';
  return `Merged the backup: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} already here.${copied}${skipped}`;
}

/** What a backup holds, store by store: "1 plan, 2 calls, 5 notes, 1 debrief". */
export function backupContentsSummary(backup: Pick<Backup, 'plans' | 'calls' | 'notes' | 'debriefs'>): string {
  return countsOf([
    [backup.plans.length, 'plan'],
    [backup.calls.length, 'call'],
    [backup.notes.length, 'note'],
    [backup.debriefs.length, 'debrief'],
  ]);
}

/** Two records of one call: the same plan, started at the same moment, on the same meeting, from the same seat. */
export function sameCallRecord(a: Call, b: Call): boolean {
  return (
    a.planId === b.planId &&
    a.startedAt === b.startedAt &&
    a.role === b.role &&
    a.meeting.platform === b.meeting.platform &&
    a.meeting.code === b.meeting.code
  );
}

/** The id a backup's call takes when its own id belongs to a different call here: stable, so a second merge finds it. */
export function callCopyId(call: Call): string {
  return derivedId('call', `${call.planId}\u0000${call.startedAt}\u0000${call.role}`, call.id);
}

/** What a restore writes, store by store, and what it counts. */
export interface RestoreWrites {
  writes: StoredEverything;
  counts: RestoreCounts;
}

/**
 * Decides a restore in memory. `here` is everything stored now (empty for a replace, which clears first). Plans keep
 * their id across browsers, so a plan id is one plan: the newer revision stays. A call, though, is only the same call
 * when sameCallRecord says so: a different call under the same id never changes the call here. It is stored under
 * callCopyId, with its notes and debrief following it. A note whose id belongs to another call's note here is stored
 * under noteCopyId, the id a notes package would give it too. Whatever can't be placed without changing a record
 * of another call is left out and counted.
 */
export function planRestore(here: StoredEverything, backup: Backup): RestoreWrites {
  const counts: RestoreCounts = { ...NO_RESTORE_COUNTS };
  const writes: StoredEverything = { plans: [], calls: [], notes: [], debriefs: [] };

  const plansHere = new Map(here.plans.map((plan) => [plan.id, plan]));
  for (const plan of backup.plans) {
    const local = plansHere.get(plan.id);
    if (!local) {
      counts.added++;
      writes.plans.push(plan);
    } else keep(local, keepNewer.plans(local, plan), writes.plans);
  }

  // Calls: where each of the backup's calls goes (its id here), or nowhere when it can't be placed.
  const callsHere = new Map(here.calls.map((call) => [call.id, call]));
  const placedCall = new Map<string, string>();
  const taken = new Set<string>();
  const renamed: Call[] = [];
  for (const call of backup.calls) {
    const local = callsHere.get(call.id);
    if (local && !sameCallRecord(local, call)) {
      renamed.push(call);
      continue;
    }
    placeCall(call, call.id, local);
  }
  for (const call of renamed) {
    const id = callCopyId(call);
    const local = callsHere.get(id);
    if (taken.has(id) || (local && !sameCallRecord(local, call))) {
      counts.skipped++;
      continue;
    }
    if (!local) counts.copied++;
    placeCall({ ...call, id }, call.id, local);
  }

  const notesHere = new Map(here.notes.map((note) => [note.id, note]));
  const takenNotes = new Set<string>();
  for (const note of backup.notes) {
    const callId = placedCall.get(note.callId);
    if (callId === undefined) {
      counts.skipped++;
      continue;
    }
    let id = note.id;
    let local = notesHere.get(id);
    let copy = false;
    if ((local && local.callId !== callId) || takenNotes.has(id)) {
      id = noteCopyId(callId, note.id);
      local = notesHere.get(id);
      copy = true;
      if ((local && local.callId !== callId) || takenNotes.has(id)) {
        counts.skipped++;
        continue;
      }
    }
    takenNotes.add(id);
    if (local) {
      keep(local, keepNewer.notes(local), writes.notes);
      continue;
    }
    counts.added++;
    if (copy) counts.copied++;
    writes.notes.push(id === note.id && callId === note.callId ? note : { ...note, id, callId });
  }

  const debriefsHere = new Map(here.debriefs.map((debrief) => [debrief.callId, debrief]));
  for (const debrief of backup.debriefs) {
    const callId = placedCall.get(debrief.callId);
    if (callId === undefined) {
      counts.skipped++;
      continue;
    }
    const placed = callId === debrief.callId ? debrief : { ...debrief, callId };
    const local = debriefsHere.get(callId);
    if (!local) {
      counts.added++;
      writes.debriefs.push(placed);
    } else keep(local, keepNewer.debriefs(local, placed), writes.debriefs);
  }
  return { writes, counts };

  function placeCall(call: Call, originalId: string, local: Call | undefined): void {
    placedCall.set(originalId, call.id);
    taken.add(call.id);
    if (!local) {
      counts.added++;
      writes.calls.push(call);
    } else keep(local, keepNewer.calls(local, call), writes.calls);
  }

  function keep<T>(local: T, kept: T, into: T[]): void {
    if (kept === local) counts.unchanged++;
    else {
      counts.updated++;
      into.push(kept);
    }
  }
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
