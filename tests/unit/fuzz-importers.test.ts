// Fuzzing every importer: plan share codes, plan files, notes packages (file and code) and full backups. Each input
// either imports whole, or is refused with a message and leaves the database exactly as it was: a dump of every
// store before and after is compared as text. Inputs are valid payloads bent by fast-check: hostile values at random
// places (prototype-pollution keys, huge strings, deep nesting, wrong types, future versions), keys removed or added,
// and the text itself truncated, spliced, or made invalid UTF-8 or base64.
//
// An accepted input must be stored whole: every record it brought is in the database afterwards, and a restore that
// replaces leaves exactly the backup's records. Codes are also packed around JSON bytes that are not UTF-8.
//
// FUZZ_RUNS sets the cases per importer: 125 in `npm test` (800 in all), 2,500 in `npm run fuzz` (16,000).
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { backupOf, backupText, parseBackup } from '../../src/domain/backup';
import { endCall, moveToItem, startCall, tickQuestion } from '../../src/domain/call';
import { packCode } from '../../src/domain/compact-code';
import { emptyDebrief } from '../../src/domain/debrief';
import { createNote, DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import { notesPackage, parseNotesCode, parseNotesPackage } from '../../src/domain/notes-package';
import { parsePlanFile, planFileText } from '../../src/domain/plan-file';
import { decodeShareCode } from '../../src/domain/share-code';
import { readEverything, restoreBackup } from '../../src/storage/backup';
import { saveCall } from '../../src/storage/calls';
import { importNotesPackage, saveDebrief } from '../../src/storage/debriefs';
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
      await restoreBackup(parsed.backup, 'merge');
      return { ok: true, brought: keysOf(parsed.backup) };
    },
  },
];
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
  await importNotesPackage('local-call', parsed.pkg);
  return { ok: true, brought: { notes: parsed.pkg.notes.map((note) => note.id) } };
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

const jsonMutation = (payload: Json): fc.Arbitrary<Json> => {
  const paths = pathsOf(payload);
  const at = fc.nat({ max: paths.length - 1 }).map((index) => paths[index]!);
  return fc.oneof(
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
