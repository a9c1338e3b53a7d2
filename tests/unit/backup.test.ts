import { afterEach, describe, expect, it } from 'vitest';
import {
  backupOf,
  backupReminderDue,
  backupText,
  BACKUP_REMINDER_AFTER_MS,
  parseBackup,
  type Backup,
} from '../../src/domain/backup';
import { startCall } from '../../src/domain/call';
import { emptyDebrief } from '../../src/domain/debrief';
import { createNote } from '../../src/domain/note';
import { readEverything, restoreBackup } from '../../src/storage/backup';
import { saveCall } from '../../src/storage/calls';
import { saveDebrief } from '../../src/storage/debriefs';
import { saveNote } from '../../src/storage/notes';
import { getPlan, savePlan } from '../../src/storage/plans';
import { PLAN, resetDatabase, T } from './fixtures';

afterEach(resetDatabase);

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const CALL = { ...startCall(PLAN, 'rep', MEETING, T + 10_000, 'call-1'), lastSeenAt: T + 20_000 };
const NOTE = createNote(
  CALL,
  { tag: { label: 'great question', stepIn: false, guardrail: false }, text: 'Asked about budget', author: 'manager' },
  T + 12_000,
  'n-1',
);
const DEBRIEF = { ...emptyDebrief('call-1', 'next-step', T + 30_000), updatedAt: T + 30_000 };

async function storeSample() {
  await savePlan(PLAN);
  await saveCall(CALL);
  await saveNote(NOTE);
  await saveDebrief(DEBRIEF);
}

const parsed = (backup: unknown) => {
  const text = JSON.stringify(backup);
  return parseBackup(text, new TextEncoder().encode(text).length);
};

describe('a backup file', () => {
  it('holds every record and reads back equal', async () => {
    await storeSample();
    const backup = backupOf(await readEverything(), T + 40_000);
    const text = backupText(backup);
    const read = parseBackup(text, text.length);
    expect(read).toEqual({ ok: true, backup });
    expect(backup.plans).toEqual([PLAN]);
    expect(backup.calls).toEqual([CALL]);
    expect(backup.notes).toEqual([NOTE]);
    expect(backup.debriefs).toEqual([DEBRIEF]);
  });

  const good = backupOf({ plans: [PLAN], calls: [CALL], notes: [NOTE], debriefs: [DEBRIEF] }, T);
  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{"format":', /isn’t JSON/],
    ['another format', { ...good, format: 'ridealong-plans' }, /not a Ridealong backup/],
    ['a newer version', { ...good, version: 2 }, /newer version of Ridealong/],
    ['a record with a wrong type', { ...good, plans: [{ ...PLAN, revision: '2' }] }, /damaged or incomplete/],
    ['an unknown key', { ...good, extra: 1 }, /damaged or incomplete/],
    ['the same note twice', { ...good, notes: [NOTE, NOTE] }, /same record twice/],
    ['a note without its call', { ...good, calls: [], debriefs: [] }, /without their call/],
  ])('refuses %s', (_, input, message) => {
    const result = typeof input === 'string' ? parseBackup(input, input.length) : parsed(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a file over 100 MB before reading it', () => {
    const result = parseBackup('{}', 100 * 1024 * 1024 + 1);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/larger than 100 MB/) });
  });

  it('refuses a __proto__ key', () => {
    const text = backupText(good).replace('"format"', '"__proto__":{"polluted":true},"format"');
    expect(parseBackup(text, text.length).ok).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('restoring a backup', () => {
  const backup: Backup = backupOf({ plans: [PLAN], calls: [CALL], notes: [NOTE], debriefs: [DEBRIEF] }, T);

  it('into an empty device stores everything, and a second merge changes nothing', async () => {
    expect(await restoreBackup(backup, 'merge')).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      removed: 0,
      copied: 0,
      skipped: 0,
    });
    expect(await readEverything()).toEqual({ plans: [PLAN], calls: [CALL], notes: [NOTE], debriefs: [DEBRIEF] });
    expect(await restoreBackup(backup, 'merge')).toEqual({
      added: 0,
      updated: 0,
      unchanged: 4,
      removed: 0,
      copied: 0,
      skipped: 0,
    });
  });

  it('by merging keeps the newer copy of each record and never undoes a local edit', async () => {
    await storeSample();
    const localPlan = { ...PLAN, revision: 5, title: 'Edited here' };
    await savePlan(localPlan);
    const other = { ...PLAN, id: 'plan-2', title: 'Only in the backup' };
    const newerDebrief = {
      ...DEBRIEF,
      updatedAt: T + 50_000,
      coaching: { ...DEBRIEF.coaching, wentWell: ['Clear ask'] },
    };
    const counts = await restoreBackup({ ...backup, plans: [PLAN, other], debriefs: [newerDebrief] }, 'merge');
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 3, removed: 0, copied: 0, skipped: 0 });
    expect(await getPlan(PLAN.id)).toEqual(localPlan);
    expect(await getPlan('plan-2')).toEqual(other);
    expect((await readEverything()).debriefs).toEqual([newerDebrief]);
  });

  it('by replacing leaves exactly what the backup holds', async () => {
    await storeSample();
    await savePlan({ ...PLAN, id: 'local-only' });
    const counts = await restoreBackup({ ...backup, notes: [], debriefs: [] }, 'replace');
    expect(counts).toEqual({ added: 2, updated: 0, unchanged: 0, removed: 5, copied: 0, skipped: 0 });
    expect(await readEverything()).toEqual({ plans: [PLAN], calls: [CALL], notes: [], debriefs: [] });
  });

  it('writes nothing when a record is invalid, even in replace mode', async () => {
    await storeSample();
    const before = await readEverything();
    const broken = { ...backup, notes: [{ ...NOTE, text: 5 }] } as unknown as Backup;
    await expect(restoreBackup(broken, 'replace')).rejects.toThrow();
    expect(await readEverything()).toEqual(before);
  });
});

describe('the backup reminder', () => {
  const DAY = 24 * 60 * 60_000;
  it('stays quiet with no debriefs, and for a new user', () => {
    expect(backupReminderDue(null, null, 100 * DAY)).toBe(false);
    expect(backupReminderDue(null, 90 * DAY, 100 * DAY)).toBe(false);
  });
  it('speaks once the last backup, or the oldest debrief, is more than 30 days old', () => {
    expect(backupReminderDue(null, 0, BACKUP_REMINDER_AFTER_MS + 1)).toBe(true);
    expect(backupReminderDue(10 * DAY, 0, 39 * DAY)).toBe(false);
    expect(backupReminderDue(10 * DAY, 0, 41 * DAY)).toBe(true);
  });
});
