// Fuzzing every importer: plan share codes, plan files, notes packages (file and code) and full backups. Each input
// either imports whole, or is refused with a message and leaves the database exactly as it was: a dump of every
// store before and after is compared as text. Inputs are valid payloads bent by fast-check: hostile values at random
// places (prototype-pollution keys, huge strings, deep nesting, wrong types, future versions), keys removed or added,
// and the text itself truncated, spliced, or made invalid UTF-8 or base64.
//
// An accepted input must be stored whole: every record it brought is in the database afterwards, and a restore that
// replaces leaves exactly the backup's records. Codes are also packed around JSON bytes that are not UTF-8.
//
// And no input changes a record of a call other than its target (issue 13): the device also holds another call with
// a note and a debrief, inputs are drawn with ids that collide with every local id (calls, notes, plans, debriefs),
// lists grown past their limits (90,000 transitions, 10,001 notes) and times no date can show (1e300, 9e15, 1969);
// after any accepted import, that other call's records are byte-for-byte as they were.
//
// FUZZ_RUNS sets the cases per importer: 125 in `npm test` (800 in all), 2,500 in `npm run fuzz` (16,000).
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { backupOf, backupText, callCopyId, parseBackup, sameCallRecord, type Backup } from '../../src/domain/backup';
import { endCall, MAX_TRANSITIONS, moveToItem, startCall, tickQuestion } from '../../src/domain/call';
import { packCode } from '../../src/domain/compact-code';
import { emptyDebrief } from '../../src/domain/debrief';
import { createNote, DEFAULT_NOTE_TAGS, MAX_NOTES_PER_CALL } from '../../src/domain/note';
import { noteCopyId, notesPackage, parseNotesCode, parseNotesPackage } from '../../src/domain/notes-package';
import { parsePlanFile, planFileText } from '../../src/domain/plan-file';
import { decodeShareCode } from '../../src/domain/share-code';
import { readEverything, restoreBackup } from '../../src/storage/backup';
import { saveCall } from '../../src/storage/calls';
import { importNotesPackage, NotesMergeRefused, saveDebrief } from '../../src/storage/debriefs';
import { saveNote } from '../../src/storage/notes';
import { importPlans, savePlan } from '../../src/storage/plans';
import { PLAN, resetDatabase } from './fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 125);
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const T0 = 1_700_000_000_000;

// What is on the device before each case: a plan, the rep's call of it, a note and a debrief.
const LOCAL_CALL = endCall(
  moveToItem(startCall(PLAN, 'rep', MEETING, T0, 'local-call'), 1, 'rep', T0 + 60_000),
  T0 + 1_800_000,
);
const LOCAL_NOTE = createNote(
  LOCAL_CALL,
  { tag: DEFAULT_NOTE_TAGS[2]!, text: 'Good question', author: 'rep' },
  T0 + 1000,
  'local-note',
);
const LOCAL_DEBRIEF = emptyDebrief('local-call', 'next-step', T0 + 2_000_000);

// Another call on this device, a week earlier: no import into local-call, and no backup merge, may change it.
const OTHER_CALL = endCall(
  startCall(PLAN, 'manager', MEETING, T0 - 7 * 86_400_000, 'other-call'),
  T0 - 7 * 86_400_000 + 60_000,
);
const OTHER_NOTE = createNote(
  OTHER_CALL,
  { tag: null, text: 'the other call’s note', author: 'manager' },
  OTHER_CALL.startedAt + 1000,
  'other-note',
);
const OTHER_DEBRIEF = emptyDebrief('other-call', 'order', T0 - 6 * 86_400_000);
/** Every id on the device: what colliding ids are drawn from. */
const LOCAL_IDS = [
  'plan-1',
  'local-call',
  'local-note',
  'other-call',
  'other-note',
  'partner-1',
  'partner-call',
  'q-1',
];

// The partner's record of the same call: the payload the notes importers get.
const PARTNER_CALL = tickQuestion(
  startCall(PLAN, 'manager', MEETING, T0 + 30_000, 'partner-call'),
  'q-1',
  true,
  T0 + 90_000,
);
const PARTNER_NOTES = [
  createNote(
    PARTNER_CALL,
    { tag: DEFAULT_NOTE_TAGS[0]!, text: 'missed the budget hint', author: 'manager' },
    T0 + 120_000,
    'partner-1',
  ),
  createNote(PARTNER_CALL, { tag: null, text: 'Zoë: “ok” <b>', author: 'manager' }, T0 + 180_000, 'partner-2'),
];
const PARTNER_PACKAGE = notesPackage(
  PARTNER_CALL,
  PARTNER_NOTES,
  emptyDebrief('partner-call', 'next-step', T0),
  T0 + 3_000_000,
);
const INCOMING_PLANS = [
  { ...PLAN, id: 'incoming-1', title: 'Initech: close', revision: 3 },
  { ...PLAN, revision: PLAN.revision + 1, title: 'Acme: newer copy' },
];

async function seed(): Promise<void> {
  await resetDatabase();
  await savePlan(PLAN);
  await saveCall(LOCAL_CALL);
  await saveNote(LOCAL_NOTE);
  await saveDebrief(LOCAL_DEBRIEF);
  await saveCall(OTHER_CALL);
  await saveNote(OTHER_NOTE);
  await saveDebrief(OTHER_DEBRIEF);
}

/**
 * What the importer must leave alone, as text. Plan imports write only plans; notes imports write only their target
 * call, its notes and its debrief; a backup merge never changes another call's records. A replace changes everything.
 */
async function untouchable(importer: string): Promise<string> {
  const all = await readEverything();
  const text = (records: object[]) => records.map((record) => JSON.stringify(record)).sort();
  if (importer.startsWith('plan')) return JSON.stringify([all.calls, all.notes, all.debriefs].map(text));
  if (importer.startsWith('notes'))
    return JSON.stringify([
      text(all.plans),
      text(all.calls.filter((call) => call.id !== 'local-call')),
      text(all.notes.filter((note) => note.callId !== 'local-call')),
      text(all.debriefs.filter((debrief) => debrief.callId !== 'local-call')),
    ]);
  if (importer === 'backup')
    return JSON.stringify([
      text(all.calls.filter((call) => call.id === 'other-call')),
      text(all.notes.filter((note) => note.callId === 'other-call' || note.id === 'other-note')),
      text(all.debriefs.filter((debrief) => debrief.callId === 'other-call')),
    ]);
  return '';
}

/** Every store, as text: two dumps are equal only if every record is byte-for-byte the same. */
async function dump(): Promise<string> {
  const everything = await readEverything();
  const byId = (records: object[]) => records.map((record) => JSON.stringify(record)).sort();
  return JSON.stringify({
    plans: byId(everything.plans),
    calls: byId(everything.calls),
    notes: byId(everything.notes),
    debriefs: byId(everything.debriefs),
  });
}

/** The keys an accepted input brought, per store: each must be stored afterwards ("whole"). */
type Brought = Partial<Record<'plans' | 'calls' | 'notes' | 'debriefs', string[]>>;
/** `exact`: the stores must now hold exactly what was brought, nothing else (a restore that replaces). */
type Outcome = { ok: true; brought: Brought; exact?: boolean } | { ok: false; message: string };

interface Importer {
  name: string;
  /** A valid input's payload, as JSON, before it is wrapped (a code) or written (a file). */
  payload: () => Promise<unknown>;
  /** The payload as the user would bring it. */
  wrap: (json: string) => Promise<string>;
  /** What the app does with the text: parse, check, and write, as the UI does it. */
  run: (text: string) => Promise<Outcome>;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

const IMPORTERS: Importer[] = [
  {
    name: 'plan share code',
    payload: async () => JSON.parse(JSON.stringify({ v: 1, plans: INCOMING_PLANS })),
    wrap: (json) => packCode('RA1.', json),
    run: async (text) => {
      const decoded = await decodeShareCode(text);
      if (!decoded.ok) return decoded;
      await importPlans(decoded.plans);
      return { ok: true, brought: { plans: decoded.plans.map((plan) => plan.id) } };
    },
  },
  {
    name: 'plan file',
    payload: async () => JSON.parse(planFileText(INCOMING_PLANS, T0)),
    wrap: async (json) => json,
    run: async (text) => {
      const parsed = parsePlanFile(text, bytes(text));
      if (!parsed.ok) return parsed;
      await importPlans(parsed.plans);
      return { ok: true, brought: { plans: parsed.plans.map((plan) => plan.id) } };
    },
  },
  {
    name: 'notes package',
    payload: async () => JSON.parse(JSON.stringify(PARTNER_PACKAGE)),
    wrap: async (json) => json,
    run: async (text) => importPackage(parseNotesPackage(text, bytes(text))),
  },
  {
    name: 'notes code',
    payload: async () => JSON.parse(JSON.stringify(PARTNER_PACKAGE)),
    wrap: (json) => packCode('RN1.', json),
    run: async (text) => importPackage(await parseNotesCode(text)),
  },
  {
    name: 'backup',
    payload: async () =>
      JSON.parse(
        backupText(
          backupOf(
            {
              plans: INCOMING_PLANS,
              calls: [PARTNER_CALL],
              notes: PARTNER_NOTES,
              debriefs: [emptyDebrief('partner-call', 'order', T0)],
            },
            T0,
          ),
        ),
      ),
    wrap: async (json) => json,
    run: async (text) => {
      const parsed = parseBackup(text, bytes(text));
      if (!parsed.ok) return parsed;
      const counts = await restoreBackup(parsed.backup, 'merge');
      // A record whose id belongs to another call's record here is stored under its copy id, or left out, counted.
      return { ok: true, brought: await placedKeys(parsed.backup, counts.skipped) };
    },
  },
];

/**
 * The keys under which a merged backup's records are stored now: each call under its own id when that is the same
 * call, else under callCopyId; each note and debrief with its call, a note under its own id or noteCopyId. Exactly
 * `skipped` records may be missing, no more.
 */
async function placedKeys(backup: Backup, skipped: number): Promise<Brought> {
  const stored = await readEverything();
  const calls = new Map(stored.calls.map((call) => [call.id, call]));
  const notes = new Map(stored.notes.map((note) => [note.id, note]));
  const debriefs = new Set(stored.debriefs.map((debrief) => debrief.callId));
  const brought: Required<Brought> = { plans: backup.plans.map((plan) => plan.id), calls: [], notes: [], debriefs: [] };
  const placed = new Map<string, string>();
  let missing = 0;
  for (const call of backup.calls) {
    const id = [call.id, callCopyId(call)].find((key) => {
      const here = calls.get(key);
      return here !== undefined && sameCallRecord(here, call);
    });
    if (id === undefined) missing++;
    else {
      placed.set(call.id, id);
      brought.calls.push(id);
    }
  }
  for (const note of backup.notes) {
    const callId = placed.get(note.callId);
    const id = callId && [note.id, noteCopyId(callId, note.id)].find((key) => notes.get(key)?.callId === callId);
    if (id) brought.notes.push(id);
    else missing++;
  }
  for (const debrief of backup.debriefs) {
    const callId = placed.get(debrief.callId);
    if (callId && debriefs.has(callId)) brought.debriefs.push(callId);
    else missing++;
  }
  expect(missing, 'records of the backup neither stored nor counted as left out').toBe(skipped);
  return brought;
}
// The same backup, restored to replace everything on the device.
IMPORTERS.push({
  ...IMPORTERS.at(-1)!,
  name: 'backup, replacing',
  run: async (text) => {
    const parsed = parseBackup(text, bytes(text));
    if (!parsed.ok) return parsed;
    await restoreBackup(parsed.backup, 'replace');
    return { ok: true, brought: keysOf(parsed.backup), exact: true };
  },
});

function keysOf(records: Awaited<ReturnType<typeof readEverything>>): Required<Brought> {
  return {
    plans: records.plans.map((plan) => plan.id),
    calls: records.calls.map((call) => call.id),
    notes: records.notes.map((note) => note.id),
    debriefs: records.debriefs.map((debrief) => debrief.callId),
  };
}

/** Whole: every record the input brought is stored (and, for a replace, nothing else is). */
async function expectWhole(outcome: Extract<Outcome, { ok: true }>): Promise<void> {
  const stored = keysOf(await readEverything());
  for (const store of ['plans', 'calls', 'notes', 'debriefs'] as const) {
    const brought = outcome.brought[store];
    if (!brought) continue;
    if (outcome.exact) expect(new Set(stored[store]), store).toEqual(new Set(brought));
    else expect(stored[store], store).toEqual(expect.arrayContaining(brought));
  }
}

async function importPackage(parsed: Awaited<ReturnType<typeof parseNotesCode>>): Promise<Outcome> {
  if (!parsed.ok) return parsed;
  let merged: Awaited<ReturnType<typeof importNotesPackage>>;
  try {
    merged = await importNotesPackage('local-call', parsed.pkg);
  } catch (error) {
    // Refused as a whole (the merged call would pass a limit): a message, and nothing written.
    if (error instanceof NotesMergeRefused) return { ok: false, message: error.message };
    throw error;
  }
  // Each note is on the target call, under its own id or its copy id; only notes counted as left out are not.
  const onTarget = new Set(
    (await readEverything()).notes.filter((note) => note.callId === 'local-call').map((note) => note.id),
  );
  const ids = parsed.pkg.notes.map(
    (note) => [note.id, noteCopyId('local-call', note.id)].find((id) => onTarget.has(id)) ?? null,
  );
  expect(ids.filter((id) => id === null).length, 'notes neither stored nor counted as left out').toBeLessThanOrEqual(
    merged.skippedNotes,
  );
  return { ok: true, brought: { notes: ids.filter((id): id is string => id !== null) } };
}

// ---- How inputs are bent. ----

/** Values that have broken importers elsewhere. Built by JSON.parse, so `__proto__` is an own key, as in a file. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    ...[
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      'null',
      '[]',
      '{}',
      'true',
      '""',
      '-1',
      '0.5',
      '1e308',
      '99',
      '"RA1."',
      '"\\u0000\\ud800"',
      '"<img src=x onerror=alert(1)>"',
    ].map((json) => JSON.parse(json) as unknown),
  ),
  fc.constant(null).map(() => 'x'.repeat(2 * 1024 * 1024)),
  fc.integer({ min: 50, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

type Json = unknown;
type Path = (string | number)[];

/** Every place in a JSON value, the root included. */
function pathsOf(value: Json, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (into.length > 4000) return into;
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], into));
  else if (value && typeof value === 'object')
    for (const key of Object.keys(value)) pathsOf((value as Record<string, Json>)[key], [...path, key], into);
  return into;
}

/** A copy of `value` with `change` applied at `path`; own keys only, so `__proto__` stays an ordinary key. */
function changeAt(
  value: Json,
  path: Path,
  change: (old: Json, parent: Json, key: string | number) => Json | typeof DELETE,
): Json {
  const copy = structuredClone(value);
  if (path.length === 0) {
    const replaced = change(copy, undefined, '');
    return replaced === DELETE ? {} : replaced;
  }
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  const replaced = change(parent[last], parent, last);
  if (replaced === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else Object.defineProperty(parent, last, { value: replaced, enumerable: true, writable: true, configurable: true });
  return copy;
}
const DELETE = Symbol('delete');

/** A copy of `value` with every string equal to `from` replaced by `to`. */
function renamed(value: Json, from: Json, to: string): Json {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => renamed(item, from, to));
  if (value && typeof value === 'object') {
    const copy: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value))
      Object.defineProperty(copy, key, {
        value: renamed(item, from, to),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  return value;
}

/** Times no call has: before 2000, after 2100, past what a Date can show, not safe integers. */
const absurdTime = fc.constantFrom(1e300, 9e15, 8.64e15 + 1, -1, 0, 946_684_799_999, 4_102_444_800_001, 1e308, 2 ** 53);

/** A list grown to, or just past, a limit, or to the 90,000 of the report: copies of its first entry. */
const grownLength = fc.constantFrom(
  MAX_TRANSITIONS,
  MAX_TRANSITIONS + 1,
  MAX_NOTES_PER_CALL,
  MAX_NOTES_PER_CALL + 1,
  90_000,
);

const jsonMutation = (payload: Json): fc.Arbitrary<Json> => {
  const paths = pathsOf(payload);
  const at = fc.nat({ max: paths.length - 1 }).map((index) => paths[index]!);
  const idPaths = paths.filter((path) => ['id', 'callId', 'planId', 'questionId'].includes(String(path.at(-1))));
  const timePaths = paths.filter((path) =>
    /^(at|startedAt|lastSeenAt|endedAt|scheduledStart|createdAt|updatedAt|exportedAt|revision|offsetMs)$/.test(
      String(path.at(-1)),
    ),
  );
  const arrayPaths = paths.filter((path) => {
    let value: Json = payload;
    for (const key of path) value = (value as Record<string | number, Json>)[key];
    return Array.isArray(value) && value.length > 0;
  });
  // The ids of the records themselves (a note's, a call's), where a collision would overwrite a record here.
  const recordIdPaths = idPaths.filter(
    (path) => path.length <= 3 && ['notes', 'calls', 'call', 'plans', 'debriefs'].includes(String(path[0])),
  );
  const pick = (list: Path[]) => fc.nat({ max: Math.max(0, list.length - 1) }).map((index) => list[index] ?? []);
  return fc.oneof(
    // A record's own id taken from a record here: drawn often, as the overwrite it provokes is the worst outcome.
    {
      weight: 3,
      arbitrary: fc
        .tuple(pick(recordIdPaths), fc.constantFrom(...LOCAL_IDS))
        .map(([path, id]) => changeAt(payload, path, () => id)),
    },
    // The same, renamed everywhere it is referred to (a call's id in its notes and debrief too), so it still fits.
    {
      weight: 2,
      arbitrary: fc.tuple(pick(recordIdPaths), fc.constantFrom(...LOCAL_IDS)).map(([path, id]) => {
        let old: Json = payload;
        for (const key of path) old = (old as Record<string | number, Json>)[key];
        return renamed(payload, old, id);
      }),
    },
    // Ids that collide with records on the device: another call's, its note's, a plan's (every id at once, or one).
    fc.tuple(pick(idPaths), fc.constantFrom(...LOCAL_IDS)).map(([path, id]) => changeAt(payload, path, () => id)),
    fc
      .constantFrom(...LOCAL_IDS)
      .map((id) =>
        idPaths.filter((path) => path.at(-1) === 'id').reduce((bent, path) => changeAt(bent, path, () => id), payload),
      ),
    // A time no call has, or a revision that would pin a plan.
    fc.tuple(pick(timePaths), absurdTime).map(([path, time]) => changeAt(payload, path, () => time)),
    // A list far longer than any real call makes.
    fc
      .tuple(pick(arrayPaths), grownLength)
      .map(([path, length]) => changeAt(payload, path, (old) => Array.from({ length }, () => (old as Json[])[0]))),
    // A hostile value somewhere.
    fc.tuple(at, hostileValue).map(([path, hostile]) => changeAt(payload, path, () => hostile)),
    // A key or an item gone.
    at.filter((path) => path.length > 0).map((path) => changeAt(payload, path, () => DELETE)),
    // A key nobody asked for, `__proto__` among them, in an object somewhere.
    fc
      .tuple(at, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString'), hostileValue)
      .map(([path, key, hostile]) =>
        changeAt(payload, path, (old) => {
          if (!old || typeof old !== 'object' || Array.isArray(old)) return old;
          const bent = { ...(old as object) };
          Object.defineProperty(bent, key, { value: hostile, enumerable: true, writable: true, configurable: true });
          return bent;
        }),
      ),
    // A version from the future.
    fc
      .constantFrom('v', 'version', 'schemaVersion')
      .map((key) =>
        changeAt(payload, [], (old) =>
          old && typeof old === 'object' && key in old ? { ...(old as object), [key]: 2 } : old,
        ),
      ),
    // Nothing bent: valid inputs must import whole.
    fc.constant(payload),
  );
};

/** A way to bend the text itself, chosen before the text exists (codes are packed asynchronously). */
const textBend: fc.Arbitrary<{ name: string; apply: (text: string) => string }> = fc.oneof(
  fc.constant({ name: 'as is', apply: (text: string) => text }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((share) => ({
    name: `truncated at ${share.toFixed(2)}`,
    apply: (text: string) => text.slice(0, Math.floor(text.length * share)),
  })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }))
    .map(([share, inserted]) => ({
      name: `spliced ${JSON.stringify(inserted)}`,
      apply: (text: string) => {
        const at = Math.floor(text.length * share);
        return text.slice(0, at) + inserted + text.slice(at);
      },
    })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('*', '=', '!', '\uFFFD', 'A', '\u0000'))
    .map(([share, character]) => ({
      name: `one character replaced by ${JSON.stringify(character)}`,
      apply: (text: string) => {
        const at = Math.min(text.length - 1, Math.floor(text.length * share));
        return text.slice(0, at) + character + text.slice(at + 1);
      },
    })),
  // Invalid UTF-8, as a browser reads a file: each bad byte becomes U+FFFD.
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((raw) => ({
    name: 'invalid UTF-8',
    apply: () => new TextDecoder().decode(new Uint8Array([0xff, 0xfe, ...raw])),
  })),
  fc.constant({ name: 'a byte-order mark first', apply: (text: string) => '\uFEFF' + text }),
  // A code from a later version of Ridealong (RA2., RN2.): refused, with a message that says so.
  fc.constant({ name: 'a future code version', apply: (text: string) => text.replace(/^R([AN])1\./, 'R$12.') }),
);

/** Packs raw bytes the way a code is packed, so bytes that are not UTF-8 can be put inside one. */
async function deflateToBase64Url(raw: Uint8Array): Promise<string> {
  const compressed = await new Response(
    new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer();
  return Buffer.from(compressed).toString('base64url');
}

// ---- The property. ----

const figures = { cases: 0, imported: 0, refused: 0 };

afterAll(() => {
  console.log(
    `fuzz: ${figures.cases} inputs over ${IMPORTERS.length} importers: ${figures.imported} imported whole, ` +
      `${figures.refused} refused with the database unchanged, 0 partial writes`,
  );
});

describe('every importer, fuzzed', () => {
  beforeEach(seed);

  for (const importer of IMPORTERS) {
    it(
      `${importer.name}: imports whole, or refuses with a message and changes nothing`,
      { timeout: 600_000 },
      async () => {
        const payload = await importer.payload();
        await fc.assert(
          fc.asyncProperty(jsonMutation(payload), textBend, async (bent, bend) => {
            const text = bend.apply(await importer.wrap(JSON.stringify(bent) ?? 'undefined'));
            await seed();
            const before = await dump();
            const alone = await untouchable(importer.name);
            let outcome: Outcome;
            try {
              outcome = await importer.run(text);
            } catch (error) {
              // A throw past the parser is a failed write: the database must still be as it was.
              expect(await dump(), `threw ${String(error)}`).toBe(before);
              throw new Error(`${importer.name} threw instead of refusing: ${String(error)}`);
            }
            figures.cases += 1;
            if (outcome.ok) {
              figures.imported += 1;
              await expectWhole(outcome);
              expect(await untouchable(importer.name), 'another call’s records changed').toBe(alone);
              // And what is stored now still reads back as a valid backup.
              const after = await readEverything();
              expect(parseBackup(backupText(backupOf(after, T0)), 1).ok).toBe(true);
            } else {
              figures.refused += 1;
              expect(outcome.message.trim().length).toBeGreaterThan(10);
              expect(await dump()).toBe(before);
            }
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          { numRuns: RUNS },
        );
      },
    );
  }

  it('imports the valid inputs themselves (so the property is not refusing everything)', async () => {
    for (const importer of IMPORTERS) {
      await seed();
      const text = await importer.wrap(JSON.stringify(await importer.payload()));
      const outcome = await importer.run(text);
      expect(outcome.ok, importer.name).toBe(true);
      if (outcome.ok) await expectWhole(outcome);
    }
  });

  // Inside a code, the inflated bytes must be UTF-8: a code whose JSON has a bad byte sequence is refused.
  for (const [name, prefix, importer] of [
    ['plan share code', 'RA1.', IMPORTERS[0]!],
    ['notes code', 'RN1.', IMPORTERS[3]!],
  ] as const) {
    it(`${name}: refuses a code whose packed JSON is not valid UTF-8`, { timeout: 120_000 }, async () => {
      const json = new TextEncoder().encode(JSON.stringify(await importer.payload()));
      const invalid = fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: json.length }), invalid, async (at, bad) => {
          const raw = new Uint8Array([...json.subarray(0, at), ...bad, ...json.subarray(at)]);
          const text = prefix + (await deflateToBase64Url(raw));
          await seed();
          const before = await dump();
          const outcome = await importer.run(text);
          figures.cases += 1;
          figures.refused += 1;
          expect(outcome.ok).toBe(false);
          expect(await dump()).toBe(before);
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 5)) },
      );
    });
  }
});
