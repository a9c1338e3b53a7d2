import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endCall, moveToItem, startCall, tickQuestion, type Call } from '../../src/domain/call';
import { debriefStatus, emptyDebrief, missingForComplete, notesRevealed, type Debrief } from '../../src/domain/debrief';
import { debriefMarkdown, escapeMarkdown } from '../../src/domain/markdown';
import { createNote, DEFAULT_NOTE_TAGS, type Note } from '../../src/domain/note';
import {
  candidateCalls,
  mergeDebriefs,
  mergeNotesPackage,
  notesCode,
  notesPackage,
  parseNotesCode,
  parseNotesPackage,
} from '../../src/domain/notes-package';
import { notesMergeSummary } from '../../src/domain/notes-merge-summary';
import { packCode } from '../../src/domain/compact-code';
import { authoritativeTransitions, buildTimeline } from '../../src/domain/timeline';
import { PLAN } from './fixtures';

const MINUTE = 60_000;
const T0 = 1_700_000_000_000;
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const tag = (label: string) => DEFAULT_NOTE_TAGS.find((t) => t.label === label)!;

// PLAN: Open 5 (rep), Proposal 20 (manager), Next step 5 (rep); one question "Why now?".
function repCall(): Call {
  let call = startCall(PLAN, 'rep', MEETING, T0, 'rep-call');
  call = moveToItem(call, 1, 'rep', T0 + 7 * MINUTE);
  call = moveToItem(call, 2, 'rep', T0 + 25 * MINUTE);
  return endCall(call, T0 + 31 * MINUTE);
}

function managerCall(): { call: Call; notes: Note[] } {
  let call = startCall(PLAN, 'manager', MEETING, T0 + MINUTE, 'manager-call');
  call = moveToItem(call, 1, 'manager', T0 + 6 * MINUTE);
  call = tickQuestion(call, 'q-1', true, T0 + 12 * MINUTE);
  const notes = [
    createNote(
      call,
      { tag: tag('Great question'), text: 'asked about peak season', author: 'manager' },
      T0 + 3 * MINUTE,
      'm-1',
    ),
    createNote(
      call,
      { tag: tag('I stepped in'), text: 'took the integration question', author: 'manager' },
      T0 + 15 * MINUTE,
      'm-2',
    ),
    createNote(call, { tag: tag('Guardrail crossed'), text: '', author: 'manager' }, T0 + 26 * MINUTE, 'm-3'),
  ];
  return { call: endCall(call, T0 + 31 * MINUTE), notes };
}

/** Compares with a golden file in tests/unit/golden; UPDATE_GOLDEN=1 rewrites it (read the diff before committing). */
function expectGolden(name: string, markdown: string): void {
  const golden = join(__dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, markdown);
  expect(markdown).toBe(readFileSync(golden, 'utf8'));
}

describe('the debrief', () => {
  it('keeps the manager’s notes folded until the rep has spoken first or skipped it', () => {
    const debrief = emptyDebrief('rep-call', 'next-step', T0);
    expect(notesRevealed(debrief)).toBe(false);
    expect(
      notesRevealed({ ...debrief, selfAssessment: { ...debrief.selfAssessment, feel: 'Rushed at the end' } }),
    ).toBe(true);
    expect(notesRevealed({ ...debrief, selfAssessment: { ...debrief.selfAssessment, skipped: true } })).toBe(true);
  });

  it('is complete only with the outcome and both coaching lists, and says what is missing', () => {
    const empty = emptyDebrief('rep-call', 'next-step', T0);
    expect(debriefStatus(null)).toBe('not-started');
    expect(debriefStatus(empty)).toBe('not-started');
    expect(missingForComplete(empty)).toHaveLength(5);
    const partway: Debrief = { ...empty, outcome: { ...empty.outcome, objectiveMet: 'partly' } };
    expect(debriefStatus(partway)).toBe('in-progress');
    const done: Debrief = {
      ...partway,
      selfAssessment: { ...empty.selfAssessment, skipped: true },
      outcome: { ...partway.outcome, customerObjectiveAddressed: 'yes' },
      coaching: { wentWell: ['Clear opening'], doDifferently: ['  '], nextCallCommitment: '' },
    };
    expect(missingForComplete(done)).toEqual(['Name at least one thing to do differently.']);
    expect(debriefStatus({ ...done, coaching: { ...done.coaching, doDifferently: ['Ask before pitching'] } })).toBe(
      'complete',
    );
  });
});

describe('the timeline', () => {
  it('sets planned boxes against the actual phases from the transitions, and places notes in their phase', () => {
    const call = repCall();
    const timeline = buildTimeline(call, managerCall().notes, T0 + 60 * MINUTE);
    expect(timeline.planned.map((box) => [box.startMs / MINUTE, box.endMs / MINUTE])).toEqual([
      [0, 5],
      [5, 25],
      [25, 30],
    ]);
    expect(timeline.actual.map((phase) => [phase.itemIndex, phase.startMs / MINUTE, phase.endMs / MINUTE])).toEqual([
      [0, 0, 7],
      [1, 7, 25],
      [2, 25, 31],
    ]);
    expect(timeline.spanMs).toBe(31 * MINUTE);
    expect(timeline.notes.map((entry) => [entry.note.id, entry.phaseIndex])).toEqual([
      ['m-1', 0],
      ['m-2', 1],
      ['m-3', 2],
    ]);
    expect(timeline.stepIns.map((entry) => entry.note.id)).toEqual(['m-2']);
    expect(timeline.guardrailsCrossed.map((entry) => entry.note.id)).toEqual(['m-3']);
    expect(timeline.questions).toEqual([{ id: 'q-1', text: 'Why now?', coveredAtMs: null }]);
  });

  it('shows a question covered at the moment it was ticked, and open again once unticked', () => {
    const ticked = tickQuestion(repCall(), 'q-1', true, T0 + 12 * MINUTE);
    expect(buildTimeline(ticked, [], T0 + 60 * MINUTE).questions).toEqual([
      { id: 'q-1', text: 'Why now?', coveredAtMs: 12 * MINUTE },
    ]);
    const unticked = tickQuestion(ticked, 'q-1', false, T0 + 14 * MINUTE);
    expect(buildTimeline(unticked, [], T0 + 60 * MINUTE).questions[0]!.coveredAtMs).toBeNull();
  });

  it('lets the rep’s transitions win over the manager’s observed ones, which count only when there are no others', () => {
    const merged = { ...repCall(), transitions: [...repCall().transitions, ...managerCall().call.transitions] };
    expect(authoritativeTransitions(merged).every((t) => t.by === 'rep')).toBe(true);
    expect(authoritativeTransitions(managerCall().call).map((t) => t.by)).toEqual(['manager']);
  });
});

describe('merging the partner’s notes package', () => {
  it('finds the same call by plan and time, adds transitions, ticks and notes once, and changes nothing the second time', () => {
    const manager = managerCall();
    const pkg = notesPackage(manager.call, manager.notes, null, T0 + 40 * MINUTE);
    const parsed = parseNotesPackage(JSON.stringify(pkg), 1000);
    expect(parsed.ok).toBe(true);
    const local = repCall();
    expect(candidateCalls(manager.call, [local, { ...local, id: 'other-plan', planId: 'x' }]).map((c) => c.id)).toEqual(
      ['rep-call'],
    );
    const first = mergeNotesPackage(local, [], pkg);
    expect(first.newNotes.map((note) => [note.id, note.callId, note.offsetMs / MINUTE])).toEqual([
      ['m-1', 'rep-call', 3],
      ['m-2', 'rep-call', 15],
      ['m-3', 'rep-call', 26],
    ]);
    expect(first.call.transitions.map((t) => t.by)).toEqual(['manager', 'rep', 'rep']);
    expect(first.call.questionTicks).toEqual([{ questionId: 'q-1', at: T0 + 12 * MINUTE }]);
    expect(first.call.role).toBe('rep');
    const second = mergeNotesPackage(first.call, first.newNotes, pkg);
    expect(second.newNotes).toEqual([]);
    expect(second.addedTransitions).toBe(0);
    expect(second.call).toEqual(first.call);
  });

  it('refuses what is not a notes package, a damaged one, and one from a newer version', () => {
    const manager = managerCall();
    const pkg = notesPackage(manager.call, manager.notes, null, T0);
    const refusal = (value: unknown) => {
      const text = JSON.stringify(value);
      const result = parseNotesPackage(text, text.length);
      return result.ok ? 'accepted' : result.message;
    };
    expect(refusal({ format: 'ridealong-plans' })).toMatch(/not a Ridealong notes package/);
    expect(refusal({ ...pkg, version: 2 })).toMatch(/newer version/);
    // A damaged package says where: which note, which field, and what is wrong with it.
    expect(refusal({ ...pkg, notes: [manager.notes[0], { ...manager.notes[1], text: 42 }] })).toBe(
      'That notes package is damaged (note 2, text: it has the wrong kind of value), so nothing was imported.',
    );
    expect(refusal({ ...pkg, notes: [{ ...manager.notes[0], text: 'x'.repeat(5000) }] })).toMatch(
      /^That notes package is damaged \(note 1 \(“x+…”\), text: longer than \d+ characters\)/,
    );
    expect(refusal({ ...pkg, call: { ...pkg.call, startedAt: 'yesterday' } })).toMatch(
      /damaged \(the call, startedAt: it has the wrong kind of value\)/,
    );
    expect(refusal({ ...pkg, sneaky: 1 })).toMatch(/damaged \(it has a field Ridealong doesn’t know, “sneaky”\)/);
    expect(refusal({ ...pkg, notes: [{ ...manager.notes[0], callId: 'someone-else' }] })).toMatch(/different calls/);
    expect(parseNotesPackage('{', 1).ok).toBe(false);
    expect(parseNotesPackage('{}', 6 * 1024 * 1024)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/5 MB/),
    });
  });
});

describe('Markdown export', () => {
  it('escapes user text so it can’t become structure', () => {
    expect(escapeMarkdown('# heading | pipe <b>bold</b> *star* [link](x) `code`\nnext')).toBe(
      '\\# heading \\| pipe &lt;b&gt;bold&lt;/b&gt; \\*star\\* \\[link\\](x) \\`code\\` next',
    );
  });

  it('escapes a leading list marker, so an item can’t open a nested list or a rule', () => {
    expect(['1. first', '2) second', '- dash', '+ plus', '---', '=== title', '-5% off'].map(escapeMarkdown)).toEqual([
      '1\\. first',
      '2\\) second',
      '\\- dash',
      '\\+ plus',
      '\\---',
      '\\=== title',
      '\\-5% off',
    ]);
    expect(escapeMarkdown('Q3 1. plan')).toBe('Q3 1. plan');
  });

  it('matches the hostile golden file: every user field holds structure-breaking text', () => {
    const hostile = (label: string) => `${label} # h | a | b | <img src=x onerror=alert(1)> *x* [l](javascript:x)`;
    const plan = {
      ...PLAN,
      title: '# Acme | <b>Q3</b>',
      account: '- Acme',
      objective: '1. Agree | pilot',
      questions: [{ id: 'q-open', text: '> quoted? <script>' }],
    };
    let call = startCall(plan, 'rep', MEETING, T0, 'hostile-call');
    call = endCall(call, T0 + 20 * MINUTE);
    const notes = [
      createNote(
        call,
        { tag: { label: '## tag', stepIn: true, guardrail: false }, text: hostile('note'), author: 'manager' },
        T0 + MINUTE,
        'h-1',
      ),
      createNote(call, { tag: null, text: '- a list?\n# and a heading', author: 'rep' }, T0 + 2 * MINUTE, 'h-2'),
    ];
    const debrief: Debrief = {
      ...emptyDebrief(call.id, 'order', T0),
      outcome: {
        objectiveMet: 'no',
        commitmentKind: 'order',
        commitmentSecured: hostile('order'),
        customerObjectiveAddressed: 'partly',
      },
      coaching: {
        wentWell: ['1. numbered', '---', hostile('well')],
        doDifferently: ['+ plus', '<!-- comment -->'],
        nextCallCommitment: '```code fence```',
      },
      followUp: 'partly',
    };
    const markdown = debriefMarkdown(call, notes, debrief, buildTimeline(call, notes, T0 + 60 * MINUTE), {
      formatDate: () => '24 Nov 2026, 10:00',
    });
    expectGolden('debrief-hostile.md', markdown);
    // Structure comes from us only: every line is empty, ours, or a list item we started.
    for (const line of markdown.split('\n')) {
      expect(line).toMatch(/^$|^# Debrief: |^## [A-Z]|^- |^\d+\. |^\*\*[A-Z][^*]*\*\*/);
    }
    expect(markdown).not.toMatch(/<(img|script|b|!--)/);
  });

  it('matches the golden file, hostile text included', () => {
    const manager = managerCall();
    const hostile: Note = {
      ...manager.notes[0]!,
      id: 'm-4',
      text: '# not a heading | col | <script>alert(1)</script>',
      at: T0 + 4 * MINUTE,
    };
    const call = mergeNotesPackage(
      repCall(),
      [],
      notesPackage(manager.call, [...manager.notes, hostile], null, T0),
    ).call;
    const notes = mergeNotesPackage(
      repCall(),
      [],
      notesPackage(manager.call, [...manager.notes, hostile], null, T0),
    ).newNotes;
    const debrief: Debrief = {
      ...emptyDebrief(call.id, 'next-step', T0),
      selfAssessment: { feel: 'Good until pricing', wentWell: '', doDifferently: '', skipped: false },
      outcome: {
        objectiveMet: 'partly',
        commitmentKind: 'next-step',
        commitmentSecured: 'Pilot kickoff Friday | Tom',
        customerObjectiveAddressed: 'yes',
      },
      coaching: {
        wentWell: ['Clear *opening*'],
        doDifferently: ['Ask before pitching'],
        nextCallCommitment: 'Let silence work after the ask',
      },
    };
    const markdown = debriefMarkdown(call, notes, debrief, buildTimeline(call, notes, T0 + 60 * MINUTE), {
      formatDate: () => '24 Nov 2026, 10:00',
    });
    expectGolden('debrief.md', markdown);
  });
});

describe('merging, further rules', () => {
  it('files the partner’s notes under the item the rep’s transitions say was current', () => {
    const manager = managerCall();
    // The manager never moved to "Next step"; the rep did, at 25 minutes. The note at 26 minutes belongs there.
    expect(manager.notes.map((note) => note.itemIndex)).toEqual([0, 1, 1]);
    const merged = mergeNotesPackage(repCall(), [], notesPackage(manager.call, manager.notes, null, T0));
    expect(merged.newNotes.map((note) => note.itemIndex)).toEqual([0, 1, 2]);
  });

  it('matches calls whose times overlap, even when one started long before, and not the same plan another day', () => {
    const manager = managerCall().call;
    const longCall = { ...repCall(), id: 'long', startedAt: T0 - 3 * 60 * MINUTE };
    const nextDay = { ...repCall(), id: 'next-day', startedAt: T0 + 24 * 60 * MINUTE, endedAt: T0 + 1470 * MINUTE };
    const joinedLate = { ...repCall(), id: 'late', startedAt: T0 + 40 * MINUTE, endedAt: T0 + 60 * MINUTE };
    expect(candidateCalls(manager, [nextDay, longCall, joinedLate]).map((call) => call.id)).toEqual(['long', 'late']);
    // The closest overlap comes first.
    expect(candidateCalls(manager, [joinedLate, repCall()]).map((call) => call.id)).toEqual(['rep-call', 'late']);
  });

  it('brings in the partner’s debrief: empty fields filled, the rep’s own self-assessment kept, the newer outcome', () => {
    const base = emptyDebrief('rep-call', 'next-step', T0);
    const repDebrief: Debrief = {
      ...base,
      selfAssessment: { feel: 'Rushed', wentWell: 'The opening', doDifferently: '', skipped: false },
      outcome: { ...base.outcome, objectiveMet: 'partly' },
      updatedAt: T0 + 50 * MINUTE,
    };
    const managerDebrief: Debrief = {
      ...base,
      callId: 'manager-call',
      selfAssessment: { feel: 'The manager’s guess', wentWell: '', doDifferently: 'Slow down', skipped: false },
      outcome: { ...base.outcome, objectiveMet: 'yes', commitmentSecured: 'Pilot kickoff on Friday' },
      coaching: { wentWell: ['Clear agenda'], doDifferently: ['Pause after the price'], nextCallCommitment: '' },
      updatedAt: T0 + 60 * MINUTE,
    };
    const manager = managerCall();
    const merged = mergeNotesPackage(
      repCall(),
      [],
      notesPackage(manager.call, manager.notes, managerDebrief, T0),
      repDebrief,
    );
    expect(merged.debriefChanged).toBe(true);
    expect(merged.debrief).toEqual({
      ...base,
      callId: 'rep-call',
      // The rep's own words stay, and only they: the manager's guess at them stays on the manager's device.
      selfAssessment: { feel: 'Rushed', wentWell: 'The opening', doDifferently: '', skipped: false },
      // Agreed together: the more recent debrief (the manager's) wins where both wrote something.
      outcome: { ...base.outcome, objectiveMet: 'yes', commitmentSecured: 'Pilot kickoff on Friday' },
      coaching: { wentWell: ['Clear agenda'], doDifferently: ['Pause after the price'], nextCallCommitment: '' },
      updatedAt: T0 + 60 * MINUTE,
    });
    // Merging the same package again changes nothing.
    const again = mergeNotesPackage(
      merged.call,
      merged.newNotes,
      notesPackage(manager.call, manager.notes, managerDebrief, T0),
      merged.debrief,
    );
    expect(again.debriefChanged).toBe(false);
    expect(again.debrief).toEqual(merged.debrief);
  });

  it('on the manager’s device, takes the rep’s self-assessment over the manager’s', () => {
    const base = emptyDebrief('manager-call', 'next-step', T0);
    const local = { ...base, selfAssessment: { ...base.selfAssessment, feel: 'Typed by the manager' } };
    const fromRep = { ...base, callId: 'rep-call', selfAssessment: { ...base.selfAssessment, feel: 'Rushed' } };
    expect(mergeDebriefs(local, { id: 'manager-call', role: 'manager' }, fromRep, 'rep')?.selfAssessment.feel).toBe(
      'Rushed',
    );
    expect(mergeDebriefs(null, { id: 'manager-call', role: 'manager' }, fromRep, 'rep')?.callId).toBe('manager-call');
    expect(mergeDebriefs(local, { id: 'manager-call', role: 'manager' }, null, 'rep')).toBe(local);
  });

  describe('on the rep’s device, the manager’s notes stay folded until the rep answers or skips', () => {
    const managerBase = emptyDebrief('manager-call', 'next-step', T0);
    const fromManager = (selfAssessment: Partial<Debrief['selfAssessment']>): Debrief => ({
      ...managerBase,
      selfAssessment: { ...managerBase.selfAssessment, ...selfAssessment },
      outcome: { ...managerBase.outcome, objectiveMet: 'yes' },
      updatedAt: T0 + 60 * MINUTE,
    });
    const importOnRepDevice = (local: Debrief | null, managerDebrief: Debrief) => {
      const manager = managerCall();
      return mergeNotesPackage(repCall(), [], notesPackage(manager.call, manager.notes, managerDebrief, T0), local)
        .debrief!;
    };

    it.each([
      ['skipped the self-assessment', { skipped: true }],
      ['typed the rep’s answer', { feel: 'Seemed rushed', wentWell: 'The opening', doDifferently: 'Slow down' }],
    ])('with no debrief here yet, when the manager %s', (_, selfAssessment) => {
      const merged = importOnRepDevice(null, fromManager(selfAssessment));
      expect(notesRevealed(merged)).toBe(false);
      expect(merged.selfAssessment).toEqual(emptyDebrief('rep-call', 'next-step', T0).selfAssessment);
      // The rest of the manager's debrief still comes in, keyed by the rep's call.
      expect(merged.outcome.objectiveMet).toBe('yes');
      expect(merged.callId).toBe('rep-call');
    });

    it('and a manager’s debrief with nothing but a self-assessment changes nothing to tell', () => {
      const manager = managerCall();
      const onlySkipped = { ...fromManager({ skipped: true }), outcome: managerBase.outcome };
      const merged = mergeNotesPackage(repCall(), [], notesPackage(manager.call, manager.notes, onlySkipped, T0));
      expect(merged.debriefChanged).toBe(false);
      expect(notesMergeSummary(merged, 'manager', onlySkipped)).toBe(
        'Merged 3 notes and 1 transition from the manager.',
      );
    });

    it('with an untouched debrief here, when the manager skipped or typed an answer', () => {
      const untouched = emptyDebrief('rep-call', 'next-step', T0 + 40 * MINUTE);
      expect(notesRevealed(importOnRepDevice(untouched, fromManager({ skipped: true })))).toBe(false);
      expect(notesRevealed(importOnRepDevice(untouched, fromManager({ feel: 'Seemed rushed' })))).toBe(false);
    });

    it('keeps the rep’s own skip when the manager did not skip', () => {
      const base = emptyDebrief('rep-call', 'next-step', T0 + 40 * MINUTE);
      const skipped = { ...base, selfAssessment: { ...base.selfAssessment, skipped: true } };
      const merged = importOnRepDevice(skipped, fromManager({}));
      expect(merged.selfAssessment.skipped).toBe(true);
      expect(notesRevealed(merged)).toBe(true);
    });

    it('while a package from the rep’s own other device brings its answer', () => {
      const fromRep = { ...fromManager({ feel: 'Rushed' }), callId: 'other-rep-call' };
      const merged = mergeDebriefs(null, { id: 'rep-call', role: 'rep' }, fromRep, 'rep')!;
      expect(merged.selfAssessment.feel).toBe('Rushed');
    });
  });
});

describe('notes codes', () => {
  it('carry a package in one line and read back to the same package', async () => {
    const manager = managerCall();
    const pkg = notesPackage(manager.call, manager.notes, null, T0);
    const code = await notesCode(pkg);
    expect(code).toMatch(/^RN1\.[A-Za-z0-9_-]+$/);
    expect(await parseNotesCode(`  ${code}\n`)).toEqual({ ok: true, pkg });
  });

  it('are not offered when the package is too long to paste in a chat', async () => {
    const manager = managerCall();
    const many = Array.from({ length: 400 }, (_, index) => ({
      ...manager.notes[0]!,
      id: `n-${index}`,
      text: `${index} ${crypto.randomUUID()} ${crypto.randomUUID()}`,
    }));
    expect(await notesCode(notesPackage(manager.call, many, null, T0))).toBeNull();
  });

  it('are refused cleanly when they are not notes codes, damaged, or hostile', async () => {
    const message = async (text: string) => {
      const parsed = await parseNotesCode(text);
      return parsed.ok ? 'accepted' : parsed.message;
    };
    expect(await message('')).toMatch(/Paste your partner’s notes code/);
    expect(await message('RA1.abcd')).toMatch(/plan’s share code/);
    expect(await message('hello')).toMatch(/not a Ridealong notes code/);
    expect(await message('RN2.abcd')).toMatch(/newer version/);
    const manager = managerCall();
    const code = (await notesCode(notesPackage(manager.call, manager.notes, null, T0)))!;
    expect(await message(code.slice(0, -10))).toMatch(/damaged or incomplete/);
    const hostile = await packCode(
      'RN1.',
      JSON.stringify({ ...notesPackage(manager.call, manager.notes, null, T0), __proto__: 1 }).replace(
        '"format"',
        '"__proto__":{"x":1},"format"',
      ),
    );
    expect(await message(hostile)).toMatch(/damaged \(it has a field Ridealong doesn’t know, “__proto__”\)/);
    const bomb = await packCode('RN1.', ' '.repeat(6 * 1024 * 1024));
    expect(await message(bomb)).toMatch(/more than 5 MB/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
