// What no import may do, whatever it carries (issue 13, "Imports"): change a record of a call other than its target;
// store more entries than any real call makes, or times no date can show; read a file before its size is checked;
// keep characters that make a name read other than it is stored. Each importer is tried: plan code and file, notes
// package and code, backup merge.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupOf, backupText, callCopyId, parseBackup, type Backup } from '../../src/domain/backup';
import { endCall, MAX_TRANSITIONS, moveToItem, startCall, type Call } from '../../src/domain/call';
import { packCode } from '../../src/domain/compact-code';
import { emptyDebrief } from '../../src/domain/debrief';
import { debriefFileStem, debriefMarkdown } from '../../src/domain/markdown';
import { createNote, DEFAULT_NOTE_TAGS, MAX_NOTES_PER_CALL, type Note } from '../../src/domain/note';
import {
  noteCopyId,
  notesCode,
  notesPackage,
  parseNotesCode,
  parseNotesPackage,
  type NotesPackage,
} from '../../src/domain/notes-package';
import { parsePlanFile, planFileText } from '../../src/domain/plan-file';
import { MAX_REVISION, withoutInvisibleControls } from '../../src/domain/schema-parts';
import { decodeShareCode } from '../../src/domain/share-code';
import { buildTimeline } from '../../src/domain/timeline';
import { readEverything, restoreBackup } from '../../src/storage/backup';
import { saveCall } from '../../src/storage/calls';
import { importNotesPackage, NotesMergeRefused, saveDebrief } from '../../src/storage/debriefs';
import { saveNote } from '../../src/storage/notes';
import { importPlans, savePlan, savePlanEdit } from '../../src/storage/plans';
import { formatDateTime } from '../../src/ui/format';
import { readFileText } from '../../src/ui/files';
import { PLAN, resetDatabase, T } from './fixtures';

afterEach(resetDatabase);

const MINUTE = 60_000;
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const OTHER_PLAN = { ...PLAN, id: 'plan-2', title: 'Initech: close', meetingLink: '', meetingKey: null };

/** This device: an earlier call (A) of another plan, with a note and a debrief; and today's call (B) of PLAN. */
const CALL_A = endCall(
  startCall(OTHER_PLAN, 'rep', MEETING, T - 7 * 24 * 60 * MINUTE, 'call-a'),
  T - 6 * 24 * 60 * MINUTE,
);
const NOTE_A = createNote(
  CALL_A,
  { tag: null, text: 'A’s own note', author: 'rep' },
  CALL_A.startedAt + MINUTE,
  'shared-id',
);
const DEBRIEF_A = {
  ...emptyDebrief('call-a', 'order', CALL_A.endedAt! + MINUTE),
  coaching: { wentWell: ['A went well'], doDifferently: [], nextCallCommitment: '' },
};
const CALL_B = endCall(
  moveToItem(startCall(PLAN, 'rep', MEETING, T, 'call-b'), 1, 'rep', T + 5 * MINUTE),
  T + 30 * MINUTE,
);

async function seed(): Promise<void> {
  await savePlan(PLAN);
  await savePlan(OTHER_PLAN);
  await saveCall(CALL_A);
  await saveNote(NOTE_A);
  await saveDebrief(DEBRIEF_A);
  await saveCall(CALL_B);
}

/** Everything stored for call A, as text: it must not change, whatever is imported into call B. */
async function callARecords(): Promise<string> {
  const everything = await readEverything();
  return JSON.stringify({
    call: everything.calls.find((call) => call.id === 'call-a'),
    notes: everything.notes.filter((note) => note.callId === 'call-a'),
    debrief: everything.debriefs.find((debrief) => debrief.callId === 'call-a'),
  });
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The partner's record of call B, whose notes reuse the id of call A's note, and one id more. */
function partnerPackage(): NotesPackage {
  const partner = startCall(PLAN, 'manager', MEETING, T + 20_000, 'partner-b');
  const notes = [
    createNote(
      partner,
      { tag: DEFAULT_NOTE_TAGS[0]!, text: 'missed the budget hint', author: 'manager' },
      T + 2 * MINUTE,
      'shared-id',
    ),
    createNote(partner, { tag: null, text: 'good pause', author: 'manager' }, T + 3 * MINUTE, 'partner-2'),
  ];
  return notesPackage(partner, notes, emptyDebrief('partner-b', 'next-step', T + 40 * MINUTE), T + 50 * MINUTE);
}

describe('an import never changes a record of a call other than its target', () => {
  for (const via of ['file', 'code'] as const) {
    it(`notes package (${via}): a note id of another call is stored as a copy on the target, and once only`, async () => {
      await seed();
      const before = await callARecords();
      const pkg = partnerPackage();
      const text = via === 'file' ? JSON.stringify(pkg) : ((await notesCode(pkg)) ?? '');
      const parsed = via === 'file' ? parseNotesPackage(text, bytes(text)) : await parseNotesCode(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;

      const first = await importNotesPackage('call-b', parsed.pkg);
      expect(first).toMatchObject({ copiedNotes: 1, skippedNotes: 0 });
      expect(await callARecords()).toBe(before);
      const onB = (await readEverything()).notes.filter((note) => note.callId === 'call-b');
      expect(onB.map((note) => [note.id, note.text]).sort()).toEqual(
        [
          [noteCopyId('call-b', 'shared-id'), 'missed the budget hint'],
          ['partner-2', 'good pause'],
        ].sort(),
      );

      // Importing it again is idempotent: the copy is found, nothing is added, nothing of A moves.
      const again = await importNotesPackage('call-b', parsed.pkg);
      expect(again.newNotes).toEqual([]);
      expect(await callARecords()).toBe(before);
      expect((await readEverything()).notes).toHaveLength(3);
    });
  }

  it('notes package: an honest “Merge anyway” of my own call A’s package into call B leaves A’s notes on A', async () => {
    await seed();
    const mine = notesPackage(CALL_A, [NOTE_A], DEBRIEF_A, T);
    const before = await callARecords();
    const merged = await importNotesPackage('call-b', mine);
    expect(merged.copiedNotes).toBe(1);
    expect(await callARecords()).toBe(before);
    const onB = (await readEverything()).notes.filter((note) => note.callId === 'call-b');
    expect(onB.map((note) => note.text)).toEqual(['A’s own note']);
    expect((await importNotesPackage('call-b', mine)).newNotes).toEqual([]);
  });

  it('notes package: a note whose copy id is taken by yet another call is left out and counted, not written over', async () => {
    await seed();
    const blocker = createNote(
      CALL_A,
      { tag: null, text: 'blocks the copy id', author: 'rep' },
      CALL_A.startedAt + 2 * MINUTE,
      noteCopyId('call-b', 'shared-id'),
    );
    await saveNote(blocker);
    const before = await callARecords();
    const merged = await importNotesPackage('call-b', partnerPackage());
    expect(merged).toMatchObject({ copiedNotes: 0, skippedNotes: 1 });
    expect(merged.newNotes.map((note) => note.id)).toEqual(['partner-2']);
    expect(await callARecords()).toBe(before);
  });

  it('backup merge: a different call under a local call’s id is stored apart, with its notes and debrief', async () => {
    await seed();
    const before = await callARecords();
    // Another device's call that happens to carry the id "call-a", with a note id and a debrief key to match.
    const foreign = endCall(startCall(PLAN, 'manager', MEETING, T + 60 * MINUTE, 'call-a'), T + 90 * MINUTE);
    const foreignNote = createNote(
      foreign,
      { tag: null, text: 'foreign note', author: 'manager' },
      T + 61 * MINUTE,
      'shared-id',
    );
    const foreignDebrief = { ...emptyDebrief('call-a', 'next-step', T + 100 * MINUTE), updatedAt: T + 100 * MINUTE };
    const backup: Backup = backupOf(
      { plans: [], calls: [foreign], notes: [foreignNote], debriefs: [foreignDebrief] },
      T + 2 * 60 * MINUTE,
    );
    const text = backupText(backup);
    const parsed = parseBackup(text, bytes(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;

    const counts = await restoreBackup(parsed.backup, 'merge');
    expect(counts).toMatchObject({ added: 3, updated: 0, copied: 2, skipped: 0 });
    expect(await callARecords()).toBe(before);
    const copyId = callCopyId(foreign);
    const everything = await readEverything();
    expect(everything.calls.find((call) => call.id === copyId)).toEqual({ ...foreign, id: copyId });
    expect(everything.notes.filter((note) => note.callId === copyId).map((note) => note.text)).toEqual([
      'foreign note',
    ]);
    expect(everything.debriefs.find((debrief) => debrief.callId === copyId)).toEqual({
      ...foreignDebrief,
      callId: copyId,
    });

    // Merging the same backup again finds everything where the first merge put it.
    expect(await restoreBackup(parsed.backup, 'merge')).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await callARecords()).toBe(before);
  });

  it('backup merge: a note of a new call that reuses a local note’s id is stored as a copy; A’s note stays', async () => {
    await seed();
    const before = await callARecords();
    const other = endCall(startCall(PLAN, 'rep', MEETING, T + 3 * 60 * MINUTE, 'call-c'), T + 4 * 60 * MINUTE);
    const note = createNote(
      other,
      { tag: null, text: 'C’s note', author: 'rep' },
      other.startedAt + MINUTE,
      'shared-id',
    );
    const counts = await restoreBackup(
      backupOf({ plans: [], calls: [other], notes: [note], debriefs: [] }, T),
      'merge',
    );
    expect(counts).toMatchObject({ added: 2, copied: 1 });
    expect(await callARecords()).toBe(before);
    const stored = (await readEverything()).notes.find((n) => n.callId === 'call-c');
    expect(stored).toEqual({ ...note, id: noteCopyId('call-c', 'shared-id') });
  });

  it('backup merge: this device’s own backup merges back onto the same calls, changing nothing', async () => {
    await seed();
    const before = JSON.stringify(await readEverything());
    const own = backupOf(await readEverything(), T);
    expect(await restoreBackup(own, 'merge')).toMatchObject({ added: 0, updated: 0, copied: 0, skipped: 0 });
    expect(JSON.stringify(await readEverything())).toBe(before);
  });

  for (const via of ['code', 'file'] as const) {
    it(`plan ${via}: plans whose ids are a call’s, a note’s and a debrief’s touch only the plans`, async () => {
      await seed();
      const everything = await readEverything();
      const others = JSON.stringify({
        calls: everything.calls,
        notes: everything.notes,
        debriefs: everything.debriefs,
      });
      const plans = ['call-a', 'shared-id', 'call-b'].map((id, index) => ({
        ...PLAN,
        id,
        title: `Colliding ${index}`,
      }));
      const text = via === 'code' ? await packCode('RA1.', JSON.stringify({ v: 1, plans })) : planFileText(plans, T);
      const decoded = via === 'code' ? await decodeShareCode(text) : parsePlanFile(text, bytes(text));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      await importPlans(decoded.plans);
      const after = await readEverything();
      expect(JSON.stringify({ calls: after.calls, notes: after.notes, debriefs: after.debriefs })).toBe(others);
      // The calls keep the plan as it was agreed when they started, whatever plan arrives under that id later.
      await importPlans([{ ...PLAN, revision: 9, title: 'Changed later' }]);
      expect((await readEverything()).calls.find((call) => call.id === 'call-b')?.planSnapshot).toEqual(PLAN);
    });
  }
});

describe('every list an import fills is bounded, and the refusal says which and why', () => {
  const call = startCall(PLAN, 'rep', MEETING, T, 'call-b');
  const manyMoves = (count: number): Call => ({
    ...call,
    transitions: Array.from({ length: count }, (_, index) => ({
      at: T + index,
      toItemIndex: index % 3,
      by: 'rep' as const,
    })),
  });

  it('a notes package with 90,000 transitions is refused, naming the transitions', () => {
    const text = JSON.stringify(notesPackage(manyMoves(90_000), [], null, T));
    const parsed = parseNotesPackage(text, bytes(text));
    expect(parsed).toEqual({
      ok: false,
      message: expect.stringMatching(
        /the call, transitions: more than 2000 agenda moves, more than any real call makes/,
      ),
    });
  });

  it(`a notes package with more than ${MAX_NOTES_PER_CALL} notes is refused, and one at the limit is not`, () => {
    const note = (index: number): Note => ({
      ...createNote(call, { tag: null, text: '', author: 'rep' }, T + index, `n-${index}`),
    });
    const over = JSON.stringify(
      notesPackage(
        call,
        Array.from({ length: MAX_NOTES_PER_CALL + 1 }, (_, i) => note(i)),
        null,
        T,
      ),
    );
    expect(parseNotesPackage(over, 1)).toEqual({
      ok: false,
      message: expect.stringMatching(/the list of notes: more than 10000 notes, more than any real call holds/),
    });
    const at = JSON.stringify(
      notesPackage(
        call,
        Array.from({ length: MAX_NOTES_PER_CALL }, (_, i) => note(i)),
        null,
        T,
      ),
    );
    expect(parseNotesPackage(at, 1).ok).toBe(true);
  });

  it('an agenda move to an item no agenda has is refused', () => {
    const text = JSON.stringify(
      notesPackage({ ...call, transitions: [{ at: T, toItemIndex: 1e9, by: 'rep' }] }, [], null, T),
    );
    expect(parseNotesPackage(text, 1)).toEqual({
      ok: false,
      message: expect.stringMatching(/toItemIndex: must be at most 29, as an agenda has at most 30 items/),
    });
  });

  it('a merge that would give one call more than the limit is refused whole, with the count', async () => {
    await saveCall(manyMoves(MAX_TRANSITIONS - 1));
    const partner = { ...manyMoves(MAX_TRANSITIONS), id: 'partner', role: 'manager' as const };
    partner.transitions = partner.transitions.map((move) => ({ ...move, at: move.at + 1, by: 'manager' as const }));
    const before = JSON.stringify(await readEverything());
    const refused = importNotesPackage('call-b', notesPackage(partner, [], null, T));
    await expect(refused).rejects.toBeInstanceOf(NotesMergeRefused);
    await expect(refused).rejects.toThrow(/transitions: more than 2000 agenda moves/);
    expect(JSON.stringify(await readEverything())).toBe(before);
  });

  it('a backup is refused for a call with too many moves, or too many notes on one call, saying which', () => {
    const moves = backupText(
      backupOf({ plans: [], calls: [manyMoves(MAX_TRANSITIONS + 1)], notes: [], debriefs: [] }, T),
    );
    expect(parseBackup(moves, 1)).toEqual({
      ok: false,
      message: expect.stringMatching(/call 1, transitions: more than 2000 agenda moves/),
    });
    const notes = Array.from({ length: MAX_NOTES_PER_CALL + 1 }, (_, index) =>
      createNote(call, { tag: null, text: '', author: 'rep' }, T + index, `n-${index}`),
    );
    const crowded = backupText(backupOf({ plans: [], calls: [call], notes, debriefs: [] }, T));
    expect(parseBackup(crowded, 1)).toEqual({
      ok: false,
      message: expect.stringMatching(/one call 10001 notes, more than the 10000 any real call holds/),
    });
  });

  it('the worst accepted call still builds its timeline quickly (the bench draws it: scripts/bench.mjs)', () => {
    const worst = { ...manyMoves(MAX_TRANSITIONS), endedAt: T + 8 * 60 * MINUTE };
    const notes = Array.from({ length: MAX_NOTES_PER_CALL }, (_, index) =>
      createNote(worst, { tag: null, text: 'x', author: 'manager' }, T + index * 2_000, `n-${index}`),
    );
    const started = performance.now();
    const timeline = buildTimeline(worst, notes, T + 9 * 60 * MINUTE);
    expect(timeline.notes).toHaveLength(MAX_NOTES_PER_CALL);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('times outside 2000–2100 and revisions past the limit are refused', () => {
  it.each([
    ['scheduledStart: 1e300', { scheduledStart: 1e300 }, /the start time: must be a time before 2100/],
    ['scheduledStart: -1', { scheduledStart: -1 }, /the start time: must be a time in 2000 or later/],
    ['createdAt in 1970', { createdAt: 500 }, /the time it was created: must be a time in 2000 or later/],
    ['revision: 1e308', { revision: 1e308 }, /its revision: must be at most 1000000000/],
    ['revision past the safe integers', { revision: 2 ** 53 + 2 }, /its revision: must be at most/],
  ])('a plan code with %s', async (_, change, message) => {
    const code = await packCode('RA1.', JSON.stringify({ v: 1, plans: [{ ...PLAN, ...change }] }));
    expect(await decodeShareCode(code)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('a notes package whose call started at 9e15 is refused', () => {
    const text = JSON.stringify(
      notesPackage({ ...startCall(PLAN, 'rep', MEETING, T, 'c'), startedAt: 9e15 }, [], null, T),
    );
    expect(parseNotesPackage(text, 1)).toEqual({
      ok: false,
      message: expect.stringMatching(/the call, startedAt: must be a time before 2100/),
    });
  });

  it('a plan imported at the highest revision stays editable', async () => {
    await importPlans([{ ...PLAN, revision: MAX_REVISION }]);
    const edited = await savePlanEdit({ ...PLAN, revision: MAX_REVISION, title: 'Still mine' }, T + MINUTE);
    expect(edited).toMatchObject({ title: 'Still mine', revision: MAX_REVISION });
  });

  it('no export throws on a record stored before these checks, with an impossible time', () => {
    const stored = { ...startCall(PLAN, 'rep', MEETING, T, 'old'), startedAt: 9e15, lastSeenAt: 9e15 };
    expect(() => new Date(9e15).toISOString()).toThrow(RangeError);
    expect(debriefFileStem(stored)).toBe('ridealong-Acme-proposal-review-undated');
    expect(debriefFileStem({ ...stored, startedAt: 1e300 })).toBe('ridealong-Acme-proposal-review-undated');
    expect(formatDateTime(1e300)).toBe('an unknown date');
    const markdown = debriefMarkdown(stored, [], null, buildTimeline(stored, [], T), { formatDate: formatDateTime });
    expect(markdown).toContain('- **Date:** an unknown date');
    expect(backupText(backupOf({ plans: [], calls: [stored], notes: [], debriefs: [] }, T))).toContain(
      '"startedAt":9000000000000000',
    );
  });
});

describe('every file picker checks the size before it reads', () => {
  it('reads nothing of a file over the limit', async () => {
    let reads = 0;
    const huge = { size: 300 * 1024 * 1024, text: async () => (reads++, 'x') };
    expect(await readFileText(huge, 100 * 1024 * 1024)).toBeNull();
    expect(reads).toBe(0);
    expect(await readFileText({ size: 1, text: async () => (reads++, '{}') }, 100)).toBe('{}');
  });

  it('no picker reads a file any other way', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const direct = sources('src')
      .filter((path) => path !== join('src', 'ui', 'files.tsx'))
      .filter((path) => /\bfile\.(text|arrayBuffer|stream|slice)\(|FileReader/.test(readFileSync(path, 'utf8')));
    expect(direct).toEqual([]);
  });
});

describe('names and titles are stored as a person reads them', () => {
  const REVERSED = 'Acme \u202Egnicirp\u202C renewal';

  it('strips bidi controls and zero-width characters, but keeps emoji and script joiners', () => {
    expect(withoutInvisibleControls(REVERSED)).toBe('Acme gnicirp renewal');
    expect(withoutInvisibleControls('\u2066Pri\u200Bya\u2069 \u200ESh\uFEFFah\u2060')).toBe('Priya Shah');
    expect(withoutInvisibleControls('\u200DSam\u200C')).toBe('Sam');
    expect(withoutInvisibleControls('Dev team 👩\u200D💻')).toBe('Dev team 👩\u200D💻');
    expect(withoutInvisibleControls('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('in plan codes and files: the title, account, people and agenda items', async () => {
    const crafted = {
      ...PLAN,
      title: REVERSED,
      account: '\u202DAcme\u202C',
      repName: 'S\u200Bam',
      attendees: [{ id: 'att-1', name: 'Pri\u2067ya', role: 'VP\u200F' }],
      agenda: PLAN.agenda.map((item) => ({ ...item, title: `\u202E${item.title}` })),
    };
    const code = await packCode('RA1.', JSON.stringify({ v: 1, plans: [crafted] }));
    const file = planFileText([crafted], T);
    for (const decoded of [await decodeShareCode(code), parsePlanFile(file, bytes(file))]) {
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const [plan] = decoded.plans;
      expect(plan).toMatchObject({ title: 'Acme gnicirp renewal', account: 'Acme', repName: 'Sam' });
      expect(plan!.attendees[0]).toMatchObject({ name: 'Priya', role: 'VP' });
      expect(plan!.agenda.map((item) => item.title)).toEqual(PLAN.agenda.map((item) => item.title));
    }
  });

  it('in notes packages (the call’s plan and the notes’ tags) and backups', async () => {
    const call = startCall({ ...PLAN, title: REVERSED }, 'rep', MEETING, T, 'call-b');
    const note = {
      ...createNote(call, { tag: null, text: 'x', author: 'rep' }, T + 1, 'n-1'),
      tag: '\u202EGreat question',
    };
    const text = JSON.stringify(notesPackage(call, [note], null, T));
    const parsed = parseNotesPackage(text, bytes(text));
    expect(parsed.ok && [parsed.pkg.call.planSnapshot.title, parsed.pkg.notes[0]!.tag]).toEqual([
      'Acme gnicirp renewal',
      'Great question',
    ]);
    const backup = backupText(
      backupOf({ plans: [{ ...PLAN, title: REVERSED }], calls: [call], notes: [note], debriefs: [] }, T),
    );
    const restored = parseBackup(backup, bytes(backup));
    expect(restored.ok && restored.backup.plans[0]!.title).toBe('Acme gnicirp renewal');
  });
});
