import { useEffect, useRef, useState } from 'preact/hooks';
import type { Call } from '../domain/call';
import { formatClock } from '../domain/call-progress';
import {
  emptyDebrief,
  debriefStatus,
  MAX_COACHING_ITEMS,
  missingForComplete,
  notesRevealed,
  previousCommitment,
  type PreviousCommitment,
  RATINGS,
  type Debrief,
  type Rating,
} from '../domain/debrief';
import { debriefFileStem, debriefMarkdown } from '../domain/markdown';
import type { Note } from '../domain/note';
import { notesMergeSummary } from '../domain/notes-merge-summary';
import {
  candidateCalls,
  MAX_PACKAGE_BYTES,
  notesCode,
  notesPackage,
  parseNotesCode,
  parseNotesPackage,
  type ParsedPackage,
} from '../domain/notes-package';
import { planDisplayName } from '../domain/plan';
import { buildTimeline, notesInPhases, type Timeline } from '../domain/timeline';
import { getCall, listCallsForPlan } from '../storage/calls';
import { earlierCallsOfRep, getDebrief, importNotesPackage, NotesMergeRefused, saveDebrief } from '../storage/debriefs';
import { listNotesForCall } from '../storage/notes';
import { downloadFile, JsonFileInput, readFileText } from '../ui/files';
import { ListEditor } from '../ui/ListEditor';
import { formatDateTime } from '../ui/format';
import { StorageProblem } from '../ui/storage-problem';
import { TimelineChart, TimelineLegend, type Selection } from './TimelineChart';
import { debriefStatusText } from '../ui/labels';
import { debriefHash } from '../ui/pages';

const SAVE_DELAY_MS = 300;
/** After a failed save, it is tried again on its own this long after, and at once on "Try saving again". */
const SAVE_RETRY_MS = 5_000;

type Loaded =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; call: Call; notes: Note[] };

const fileStem = debriefFileStem;

/** One call's debrief: the rep first, then the replay, the outcome and the coaching. Saved as you type. */
export function CallDebrief({ callId }: { callId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [showNotes, setShowNotes] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  /** The last outcome; `field` ties a refused import to the input it came from. */
  const [message, setMessage] = useState<{ text: string; error: boolean; field?: 'file' | 'code' } | null>(null);
  const [pendingImport, setPendingImport] = useState<ParsedPackage | null>(null);
  /** Other calls on this device the pending package could belong to, most likely first. */
  const [otherCandidates, setOtherCandidates] = useState<Call[]>([]);
  const [myCode, setMyCode] = useState<string | null>(null);
  /** The commitment from the rep's previous debriefed call, to follow up here; null when there is none. */
  const [lastCommitment, setLastCommitment] = useState<PreviousCommitment | null>(null);
  const [partnerCode, setPartnerCode] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = async () => {
    try {
      const call = await getCall(callId);
      if (!call) {
        setLoaded({ status: 'missing' });
        return;
      }
      const [notes, stored, earlier] = await Promise.all([
        listNotesForCall(callId),
        getDebrief(callId),
        earlierCallsOfRep(call),
      ]);
      setLastCommitment(previousCommitment(earlier));
      setLoaded({ status: 'ready', call, notes });
      setDebrief((current) => current ?? stored ?? emptyDebrief(callId, call.planSnapshot.commitment.kind, Date.now()));
    } catch (error) {
      setLoaded({ status: 'failed', error });
    }
  };

  useEffect(() => {
    void load();
  }, [callId]);

  const pending = useRef<Debrief | null>(null);
  /** While a partner's package is being merged: the edits typed meanwhile, as changes to replay afterwards. */
  const typedDuringMerge = useRef<((current: Debrief) => Debrief)[] | null>(null);
  /** The debrief as shown, for code that runs after an await. */
  const shownDebrief = useRef(debrief);
  shownDebrief.current = debrief;
  /** Saves the pending edit now; resolves false when it could not be saved (it stays pending, and is retried). */
  const flush = async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return true;
    return saveDebrief(next).then(
      () => {
        setSaveState((state) => (pending.current ? state : 'saved'));
        return true;
      },
      () => {
        // Kept, unless a newer edit already replaced it: "Try again" and leaving the page both save it then.
        pending.current ??= next;
        setSaveState('failed');
        timer.current ??= setTimeout(() => void flush(), SAVE_RETRY_MS);
        return false;
      },
    );
  };
  const update = (change: (current: Debrief) => Debrief) => {
    if (!debrief) return;
    if (typedDuringMerge.current) {
      // Shown at once, saved once the merge has landed (see merge).
      typedDuringMerge.current.push(change);
      setDebrief((shown) => shown && { ...change(shown), updatedAt: Date.now() });
      return;
    }
    const next = { ...change(debrief), updatedAt: Date.now() };
    setDebrief(next);
    pending.current = next;
    setSaveState('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  // Leaving the page saves what is pending at once.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, []);

  if (loaded.status === 'loading' || (loaded.status === 'ready' && !debrief))
    return <p class="muted">Loading the call…</p>;
  if (loaded.status === 'missing') {
    return (
      <p>
        That call is not stored on this device. <a href="#">Back to the call history</a>
      </p>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <StorageProblem
        error={loaded.error}
        onRetry={() => void load()}
        onRestore={() => {
          location.hash = debriefHash({ name: 'backup' });
        }}
      />
    );
  }
  const { call, notes } = loaded;
  const current = debrief!;
  const plan = call.planSnapshot;
  const revealed = notesRevealed(current);
  // The manager's notes wait until the rep has spoken: ask first, tell second. On the manager's device they are the
  // manager's own; on the rep's device, the manager's notes imported from a package. Either way they open only once
  // the rep has answered "How did it feel?" (or it was skipped), and then on request.
  const hasManagerNotes = call.role === 'manager' || notes.some((note) => note.author === 'manager');
  const hideManagerNotes = !(revealed && showNotes);
  const visibleNotes = hideManagerNotes ? notes.filter((note) => note.author !== 'manager') : notes;
  const managerNotesName = call.role === 'manager' ? 'my notes' : 'the manager’s notes';
  const timeline = buildTimeline(call, visibleNotes, Date.now());
  // Grouped once: filtering every note for every phase is 20 million steps for a call at the limits.
  const notesByPhase = notesInPhases(timeline);
  const missing = missingForComplete(current);
  const status = debriefStatus(current);
  const selectedNote = selection?.kind === 'note' ? selection.id : null;
  const selectedPhase = selection?.kind === 'phase' ? selection.index : null;

  const setSelf = (field: 'feel' | 'wentWell' | 'doDifferently', value: string) =>
    update((d) => ({ ...d, selfAssessment: { ...d.selfAssessment, [field]: value } }));
  const setList = (list: 'wentWell' | 'doDifferently', items: string[]) =>
    update((d) => ({ ...d, coaching: { ...d.coaching, [list]: items } }));

  const importFile = async (file: File) =>
    importParsed(parseNotesPackage((await readFileText(file, MAX_PACKAGE_BYTES)) ?? '', file.size), 'file');

  const importParsed = async (parsed: ParsedPackage, from: 'file' | 'code') => {
    setMessage(null);
    if (!parsed.ok) {
      setMessage({ text: parsed.message, error: true, field: from });
      return;
    }
    // Every call on this device that could be the package's: this one, or another run of the same plan (a call
    // ended and restarted, say). Only a clear single match, this call, merges without asking.
    const sameCall = candidateCalls(parsed.pkg.call, [call]).length > 0;
    const others = candidateCalls(
      parsed.pkg.call,
      (await listCallsForPlan(parsed.pkg.call.planId).catch(() => [])).filter((local) => local.id !== call.id),
    );
    if (!sameCall || others.length > 0) {
      setOtherCandidates(others);
      setPendingImport(parsed);
      return;
    }
    await merge(parsed);
  };

  const copyNotesCode = async () => {
    const code = await notesCode(notesPackage(call, notes, current, Date.now()));
    if (!code) {
      setMyCode(null);
      setMessage({
        text: 'Your notes are too long for a code to paste in a chat. Use “Export my notes” and send the file.',
        error: true,
      });
      return;
    }
    setMyCode(code);
    try {
      await navigator.clipboard.writeText(code);
      setMessage({ text: 'Notes code copied. Your partner pastes it under “Paste a notes code”.', error: false });
    } catch {
      setMessage({ text: 'Copy the notes code below and send it to your partner.', error: false });
    }
  };

  const merge = async (parsed: ParsedPackage) => {
    if (!parsed.ok) return;
    setPendingImport(null);
    try {
      // Edits typed a moment ago are stored first, so the merge builds on them; unsaved, they would be merged over.
      if (!(await flush())) {
        setMessage({
          text: 'Nothing was merged yet: your latest debrief edits are not saved. Save them (Try saving again), then import.',
          error: true,
        });
        return;
      }
      typedDuringMerge.current = [];
      let result: Awaited<ReturnType<typeof importNotesPackage>> | undefined;
      try {
        result = await importNotesPackage(call.id, parsed.pkg);
      } finally {
        // Edits typed while the merge ran are replayed on top of the merged debrief, so neither is lost.
        const typed = typedDuringMerge.current;
        typedDuringMerge.current = null;
        const base = result?.debrief ?? shownDebrief.current;
        if (base && typed.length > 0) {
          const next = typed.reduce((debrief, change) => ({ ...change(debrief), updatedAt: Date.now() }), base);
          pending.current = next;
          setDebrief(next);
          void flush();
        } else if (result?.debrief) setDebrief(result.debrief);
      }
      setMessage({
        text: notesMergeSummary(result, parsed.pkg.call.role, parsed.pkg.debrief),
        error: false,
      });
      await load();
    } catch (error) {
      setMessage({
        text: error instanceof NotesMergeRefused ? error.message : `Nothing was merged: ${String(error)}`,
        error: true,
      });
    }
  };

  return (
    <article class="debrief">
      <p class="no-print">
        <a href="#">← Call history</a>
      </p>
      <header class="debrief-header">
        <h1>{planDisplayName(plan)}</h1>
        <p class="muted">
          {formatDateTime(call.startedAt)} · {plan.callType} call · this device: the {call.role}
          {plan.repName && ` · rep ${plan.repName}`}
          {plan.managerName && ` · manager ${plan.managerName}`}
        </p>
        <p class="debrief-status">
          <strong>{debriefStatusText(status, true)}</strong>{' '}
          <span class={saveState === 'failed' ? 'error' : 'muted'} role="status">
            {saveState === 'saved' ? 'Saved' : saveState === 'saving' ? 'Saving…' : 'Not saved yet.'}
          </span>
          {saveState === 'failed' && (
            <button
              type="button"
              onClick={() => {
                setSaveState('saving');
                void flush();
              }}
            >
              Try saving again
            </button>
          )}
        </p>
        {missing.length > 0 && (
          <ul class="missing" aria-label="Still missing">
            {missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </header>

      <section aria-labelledby="rep-first">
        <h2 id="rep-first">1. The rep first: so how did that feel?</h2>
        <p class="muted">Ask first, tell second. Let the rep answer before any notes are shared.</p>
        <label>
          How did it feel?
          <textarea
            rows={2}
            maxLength={1000}
            value={current.selfAssessment.feel}
            onInput={(e) => setSelf('feel', e.currentTarget.value)}
          />
        </label>
        <label>
          What went well?
          <textarea
            rows={2}
            maxLength={1000}
            value={current.selfAssessment.wentWell}
            onInput={(e) => setSelf('wentWell', e.currentTarget.value)}
          />
        </label>
        <label>
          What would you do differently?
          <textarea
            rows={2}
            maxLength={1000}
            value={current.selfAssessment.doDifferently}
            onInput={(e) => setSelf('doDifferently', e.currentTarget.value)}
          />
        </label>
        {!revealed && (
          <button onClick={() => update((d) => ({ ...d, selfAssessment: { ...d.selfAssessment, skipped: true } }))}>
            Skip the self-assessment
          </button>
        )}
      </section>

      <section aria-labelledby="replay">
        <h2 id="replay">2. Replay the call</h2>
        {hasManagerNotes && (
          <p>
            {revealed ? (
              <button aria-expanded={showNotes} onClick={() => setShowNotes(!showNotes)}>
                {showNotes ? `Hide ${managerNotesName}` : `Show ${managerNotesName}`}
              </button>
            ) : call.role === 'manager' ? (
              <span class="muted">Your notes open once the rep has answered, or the self-assessment is skipped.</span>
            ) : (
              <span class="muted">
                The manager’s notes open once you have answered “How did it feel?”, or skipped the self-assessment.
              </span>
            )}
          </p>
        )}
        <TimelineChart
          timeline={timeline}
          selection={selection}
          onSelect={(chosen) => {
            setSelection(chosen);
            // The chosen phase or note is brought into view in the list below, where its full text is.
            requestAnimationFrame(() => {
              const selector =
                chosen?.kind === 'note'
                  ? `[data-note-entry="${CSS.escape(chosen.id)}"]`
                  : chosen?.kind === 'phase'
                    ? `.phases > li:nth-child(${chosen.index + 1})`
                    : null;
              if (selector) document.querySelector(selector)?.scrollIntoView({ block: 'nearest' });
            });
          }}
        />
        <p class="visually-hidden" role="status">
          {selectionText(timeline, selection)}
        </p>
        <TimelineLegend />
        <ol class="phases">
          {timeline.actual.map((phase, index) => {
            const box = timeline.planned[phase.itemIndex];
            const used = phase.endMs - phase.startMs;
            const planned = box ? box.endMs - box.startMs : 0;
            return (
              <li key={index} aria-current={selectedPhase === index ? 'true' : undefined} class="phase">
                <strong>{phase.title}</strong>{' '}
                <span class="muted">
                  {formatClock(phase.startMs)}–{formatClock(phase.endMs)} · {formatClock(used)} of{' '}
                  {formatClock(planned)} planned
                  {used > planned && ' · over its time box'}
                </span>
                <ul class="phase-notes">
                  {(notesByPhase[index] ?? []).map((entry) => (
                    <li
                      key={entry.note.id}
                      data-note-entry={entry.note.id}
                      aria-current={selectedNote === entry.note.id ? 'true' : undefined}
                    >
                      <button class="link" onClick={() => setSelection({ kind: 'note', id: entry.note.id })}>
                        {formatClock(entry.offsetMs)}
                      </button>{' '}
                      <span class="author">{entry.note.author}</span>
                      {entry.note.stepIn && <strong> ▲ step-in</strong>}
                      {entry.note.tag && <strong> {entry.note.tag}</strong>}
                      {entry.note.tag && entry.note.text && ':'} {entry.note.text}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
        <h3>Questions</h3>
        <ul class="questions-covered">
          {timeline.questions.map((question) => (
            <li key={question.id}>
              {question.coveredAtMs === null ? '○ open: ' : `✓ covered at ${formatClock(question.coveredAtMs)}: `}
              {question.text}
            </li>
          ))}
        </ul>
        {timeline.guardrailsCrossed.length > 0 && (
          <p class="guardrail-summary">
            ! Guardrails crossed: {timeline.guardrailsCrossed.map((entry) => formatClock(entry.offsetMs)).join(', ')}
          </p>
        )}
      </section>

      <section aria-labelledby="outcome">
        <h2 id="outcome">3. Outcome</h2>
        <RatingGroup
          legend={`Was the objective met?${plan.objective.trim() ? ` (${plan.objective})` : ''}`}
          name="objective-met"
          value={current.outcome.objectiveMet}
          onChange={(objectiveMet) => update((d) => ({ ...d, outcome: { ...d.outcome, objectiveMet } }))}
        />
        <label>
          {current.outcome.commitmentKind === 'order' ? 'The order secured' : 'The next step secured'}
          <input
            maxLength={500}
            value={current.outcome.commitmentSecured}
            onInput={(e) =>
              update((d) => ({ ...d, outcome: { ...d.outcome, commitmentSecured: e.currentTarget.value } }))
            }
          />
        </label>
        <RatingGroup
          legend="Was the customer’s objective addressed?"
          name="customer-objective"
          value={current.outcome.customerObjectiveAddressed}
          onChange={(customerObjectiveAddressed) =>
            update((d) => ({ ...d, outcome: { ...d.outcome, customerObjectiveAddressed } }))
          }
        />
      </section>

      <section aria-labelledby="coaching">
        <h2 id="coaching">4. Coaching</h2>
        {lastCommitment && (
          <div class="follow-up">
            <p>
              Last time ({lastCommitment.callName}, {formatDateTime(lastCommitment.startedAt)}),{' '}
              {call.planSnapshot.repName.trim() || 'the rep'} committed to: “{lastCommitment.text}”
            </p>
            <RatingGroup
              legend="Was that commitment kept on this call?"
              name="follow-up"
              value={current.followUp ?? null}
              onChange={(followUp) => update((d) => ({ ...d, followUp }))}
            />
          </div>
        )}
        <CoachingList
          label="Went well"
          items={current.coaching.wentWell}
          onChange={(items) => setList('wentWell', items)}
        />
        <CoachingList
          label="Do differently"
          items={current.coaching.doDifferently}
          onChange={(items) => setList('doDifferently', items)}
        />
        <label>
          One commitment for the rep’s next call
          <input
            maxLength={300}
            value={current.coaching.nextCallCommitment}
            onInput={(e) =>
              update((d) => ({ ...d, coaching: { ...d.coaching, nextCallCommitment: e.currentTarget.value } }))
            }
          />
        </label>
      </section>

      <section aria-labelledby="share" class="no-print">
        <h2 id="share">Share and export</h2>
        <div class="actions">
          <button
            onClick={() =>
              downloadFile(
                `${fileStem(call)}-notes-${call.role}.json`,
                'application/json',
                JSON.stringify(notesPackage(call, notes, current, Date.now())),
              )
            }
          >
            Export my notes
          </button>
          <button onClick={() => void copyNotesCode()}>Copy my notes as a code</button>
          <label class="file">
            Import partner’s notes
            <JsonFileInput
              onFile={(file) => void importFile(file)}
              problemId={message?.field === 'file' ? 'debrief-message' : undefined}
            />
          </label>
          <button
            onClick={() =>
              downloadFile(
                `${fileStem(call)}.md`,
                'text/markdown',
                debriefMarkdown(call, notes, current, buildTimeline(call, notes, Date.now()), {
                  formatDate: formatDateTime,
                }),
              )
            }
          >
            Download Markdown
          </button>
          <button
            onClick={() =>
              downloadFile(
                `${fileStem(call)}.json`,
                'application/json',
                JSON.stringify({ call, notes, debrief: current }, null, 2),
              )
            }
          >
            Download JSON
          </button>
          <button onClick={() => window.print()}>Print</button>
        </div>
        {myCode && (
          <label class="share-code">
            Your notes code
            <textarea readOnly rows={3} value={myCode} onFocus={(event) => event.currentTarget.select()} />
          </label>
        )}
        <form
          class="paste-code"
          onSubmit={(event) => {
            event.preventDefault();
            void parseNotesCode(partnerCode).then((parsed) => importParsed(parsed, 'code'));
          }}
        >
          <label>
            Paste a notes code
            <textarea
              rows={2}
              placeholder="RN1.…"
              value={partnerCode}
              onInput={(event) => setPartnerCode(event.currentTarget.value)}
              aria-invalid={message?.field === 'code' ? true : undefined}
              aria-describedby={message?.field === 'code' ? 'debrief-message' : undefined}
            />
          </label>
          <button type="submit">Import the code</button>
        </form>
        {pendingImport?.ok && (
          <div class="conflict" role="group" aria-label="Merge a package from another call?">
            <p>
              That package is from “{planDisplayName(pendingImport.pkg.call.planSnapshot)}” on{' '}
              {formatDateTime(pendingImport.pkg.call.startedAt)},{' '}
              {otherCandidates.length > 0
                ? 'and more than one call on this device could be it. Merge it into this call?'
                : 'which doesn’t look like this call. Merge it anyway?'}
            </p>
            {otherCandidates.length > 0 && (
              <ul aria-label="Other calls it could belong to">
                {otherCandidates.map((other) => (
                  <li key={other.id}>
                    <a href={debriefHash({ name: 'call', callId: other.id })} onClick={() => setPendingImport(null)}>
                      Open the call of {formatDateTime(other.startedAt)} instead
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <button onClick={() => void merge(pendingImport)}>
              {otherCandidates.length > 0 ? 'Merge into this call' : 'Merge anyway'}
            </button>{' '}
            <button onClick={() => setPendingImport(null)}>Cancel</button>
          </div>
        )}
        {message && (
          <p id="debrief-message" class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </section>
    </article>
  );
}

/** Read out when a phase or a note is chosen on the timeline, so a screen reader hears what was selected. */
function selectionText(timeline: Timeline, selection: Selection): string {
  if (selection?.kind === 'phase') {
    const phase = timeline.actual[selection.index];
    return phase ? `Selected phase ${selection.index + 1}: ${phase.title}` : '';
  }
  if (selection?.kind === 'note') {
    const entry = timeline.notes.find((candidate) => candidate.note.id === selection.id);
    if (!entry) return '';
    const words = [entry.note.tag, entry.note.text].filter(Boolean).join(': ');
    return `Selected note at ${formatClock(entry.offsetMs)} by the ${entry.note.author}, in ${
      timeline.actual[entry.phaseIndex]?.title ?? 'the call'
    }: ${words}`;
  }
  return '';
}

function RatingGroup(props: { legend: string; name: string; value: Rating | null; onChange: (value: Rating) => void }) {
  return (
    <fieldset class="rating">
      <legend>{props.legend}</legend>
      {RATINGS.map((rating) => (
        <label key={rating}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === rating}
            onChange={() => props.onChange(rating)}
          />
          {rating}
        </label>
      ))}
    </fieldset>
  );
}

/** One of the coaching lists: a few short points, each its own line, at most MAX_COACHING_ITEMS. */
function CoachingList(props: { label: string; items: string[]; onChange: (items: string[]) => void }) {
  return (
    <ListEditor
      class="coaching-list"
      legend={`${props.label} (at most ${MAX_COACHING_ITEMS}: focus beats volume)`}
      items={props.items.map((text, index) => ({ id: String(index), text }))}
      onChange={(items) => props.onChange(items.map((item) => item.text))}
      create={() => ({ id: String(props.items.length), text: '' })}
      render={(item, index, change) => (
        <input
          aria-label={`${props.label} ${index + 1}`}
          maxLength={300}
          value={item.text}
          onInput={(e) => change({ ...item, text: e.currentTarget.value })}
        />
      )}
      itemName={(_, index) => `${props.label.toLowerCase()} ${index + 1}`}
      addLabel={`Add to “${props.label}”`}
      max={MAX_COACHING_ITEMS}
    />
  );
}
