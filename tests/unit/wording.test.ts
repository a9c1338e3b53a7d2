// Messages built with counts: each count takes the form of its noun ("1 call", "2 calls"), and a merge mentions the
// debrief only when the partner filled some of it in.
import { describe, expect, it } from 'vitest';
import { backupContentsSummary, restoreSummary, NO_RESTORE_COUNTS } from '../../src/domain/backup';
import { countOf, countsOf } from '../../src/domain/counts';
import { emptyDebrief } from '../../src/domain/debrief';
import { notesMergeSummary } from '../../src/domain/notes-merge-summary';

const T0 = 1_700_000_000_000;

describe('counts in words', () => {
  it('says "1 call" and "0 calls", "2 calls"', () => {
    expect(countOf(1, 'call')).toBe('1 call');
    expect(countOf(0, 'call')).toBe('0 calls');
    expect(countOf(2, 'call')).toBe('2 calls');
    expect(countOf(1, 'note was', 'notes were')).toBe('1 note was');
    expect(
      countsOf([
        [1, 'plan'],
        [1, 'debrief'],
        [3, 'note'],
      ]),
    ).toBe('1 plan, 1 debrief, 3 notes');
  });

  it('lists a backup’s contents with each count in its own form', () => {
    const one = [{}] as never[];
    expect(backupContentsSummary({ plans: one, calls: one, notes: [], debriefs: one })).toBe(
      '1 plan, 1 call, 0 notes, 1 debrief',
    );
  });

  it('says "1 record" after a replace, and one left-out record in the singular', () => {
    expect(restoreSummary({ ...NO_RESTORE_COUNTS, added: 1 }, 'replace')).toMatch(/^Restored 1 record from/);
    expect(restoreSummary({ ...NO_RESTORE_COUNTS, skipped: 1 }, 'merge')).toContain(
      ' 1 record was left out: its id belongs',
    );
    expect(restoreSummary({ ...NO_RESTORE_COUNTS, copied: 1, added: 1 }, 'merge')).toContain('stored as a copy');
  });
});

describe('the notes merge message', () => {
  const result = {
    newNotes: [{}] as never[],
    addedTransitions: 1,
    debriefChanged: true,
    copiedNotes: 0,
    skippedNotes: 0,
  };

  it('counts in the singular and names the debrief fields the partner filled in', () => {
    const filled = {
      ...emptyDebrief('c', 'next-step', T0),
      selfAssessment: { feel: 'Good', wentWell: '', doDifferently: '', skipped: false },
    };
    expect(notesMergeSummary(result, 'manager', filled)).toBe(
      'Merged 1 note and 1 transition from the manager, and the debrief fields they filled in.',
    );
  });

  it('leaves the debrief out when the partner filled in nothing', () => {
    expect(notesMergeSummary(result, 'manager', emptyDebrief('c', 'next-step', T0))).toBe(
      'Merged 1 note and 1 transition from the manager.',
    );
    expect(notesMergeSummary({ ...result, newNotes: [] as never[], addedTransitions: 2 }, 'rep', null)).toBe(
      'Merged 0 notes and 2 transitions from the rep.',
    );
    expect(
      notesMergeSummary({ ...result, newNotes: [], addedTransitions: 0 }, 'rep', emptyDebrief('c', 'order', T0)),
    ).toBe('Already merged: nothing new in that package.');
  });

  it('says how many notes were copied or left out, in the right form', () => {
    expect(notesMergeSummary({ ...result, copiedNotes: 1, skippedNotes: 2 }, 'rep', null)).toBe(
      'Merged 1 note and 1 transition from the rep. 1 of those notes carried the id of a note on another call here, so it was stored as a copy and that call keeps its own. 2 notes were left out: their ids belong to notes of other calls here, which stay as they are.',
    );
  });
});
