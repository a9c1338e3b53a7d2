// Every write Ridealong acknowledges ("saved", "imported", "restored") is committed with strict durability: the
// browser flushes it to disk before reporting success, so a power cut right after "saved" loses nothing. The
// in-memory test database ignores the option, so this checks that each writer asks for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupOf } from '../../src/domain/backup';
import { startCall } from '../../src/domain/call';
import { emptyDebrief } from '../../src/domain/debrief';
import { createNote } from '../../src/domain/note';
import { notesPackage } from '../../src/domain/notes-package';
import { restoreBackup } from '../../src/storage/backup';
import { saveCall, updateCall } from '../../src/storage/calls';
import { importNotesPackage, saveDebrief } from '../../src/storage/debriefs';
import { deleteNote, saveNote } from '../../src/storage/notes';
import { deletePlan, importPlans, markPlansShared, savePlan, savePlanEdit } from '../../src/storage/plans';
import { PLAN, resetDatabase, T } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const CALL = startCall(PLAN, 'rep', MEETING, T + 10_000, 'call-1');
const NOTE = createNote(
  CALL,
  { tag: { label: 'great question', stepIn: false, guardrail: false }, text: 'Asked about budget', author: 'manager' },
  T + 12_000,
  'n-1',
);

interface Opened {
  stores: string[];
  mode: string | undefined;
  durability: string | undefined;
}
let opened: Opened[] = [];
const original = IDBDatabase.prototype.transaction;

beforeEach(() => {
  opened = [];
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
    const [stores, mode, options] = args;
    opened.push({ stores: typeof stores === 'string' ? [stores] : [...stores], mode, durability: options?.durability });
    return original.apply(this, args);
  } as typeof original;
});

afterEach(async () => {
  IDBDatabase.prototype.transaction = original;
  await resetDatabase();
});

describe('every acknowledged write', () => {
  it('asks for strict durability, in every store', async () => {
    await savePlan(PLAN);
    await savePlanEdit({ ...PLAN, objective: 'Agree a paid pilot' }, T + 2_000);
    await importPlans([{ ...PLAN, id: 'plan-2' }]);
    await markPlansShared([{ id: 'plan-2', revision: 1 }]);
    await saveCall(CALL);
    await updateCall(CALL.id, (call) => ({ ...call, lastSeenAt: T + 11_000 }));
    await saveNote(NOTE);
    await saveDebrief(emptyDebrief(CALL.id, 'next-step', T + 30_000));
    const partnerNote = { ...NOTE, id: 'n-2', author: 'rep' as const };
    await importNotesPackage(CALL.id, notesPackage(CALL, [partnerNote], null, T + 40_000));
    await deleteNote(NOTE.callId, NOTE.id);
    await deletePlan('plan-2');
    await restoreBackup(backupOf({ plans: [PLAN], calls: [CALL], notes: [NOTE], debriefs: [] }, T + 50_000), 'merge');

    const writes = opened.filter((transaction) => transaction.mode === 'readwrite');
    expect(new Set(writes.flatMap((transaction) => transaction.stores))).toEqual(
      new Set(['plans', 'calls', 'notePages', 'debriefs', 'changes']),
    );
    // Every write logged its change in the same transaction: none wrote a record store without the log.
    expect(writes.filter((transaction) => !transaction.stores.includes('changes'))).toEqual([]);
    expect(writes.length).toBeGreaterThanOrEqual(12);
    expect(writes.filter((transaction) => transaction.durability !== 'strict')).toEqual([]);
  });
});
