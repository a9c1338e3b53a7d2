import { useState } from 'preact/hooks';
import type { Call } from '../domain/call';
import { formatClock } from '../domain/call-progress';
import { notesRevealed, type Debrief } from '../domain/debrief';
import type { Note } from '../domain/note';
import { buildTimeline, notesInPhases, type PlacedNote, type Timeline } from '../domain/timeline';
import { TimelineChart, TimelineLegend, type Selection } from './TimelineChart';

/**
 * 2. The call replayed: its timeline, each phase with its notes, the questions and the guardrails. The manager's notes
 * wait until the rep has spoken: ask first, tell second. On the manager's device they are the manager's own; on the
 * rep's device, the manager's notes imported from a package. Either way they open only once the rep has answered
 * "How did it feel?" (or it was skipped), and then on request.
 */
export function Replay({ call, notes, value }: { call: Call; notes: Note[]; value: Debrief }) {
  const [showNotes, setShowNotes] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const revealed = notesRevealed(value);
  const hasManagerNotes = call.role === 'manager' || notes.some((note) => note.author === 'manager');
  const hideManagerNotes = !(revealed && showNotes);
  const visibleNotes = hideManagerNotes ? notes.filter((note) => note.author !== 'manager') : notes;
  const managerNotesName = call.role === 'manager' ? 'my notes' : 'the manager’s notes';
  const timeline = buildTimeline(call, visibleNotes, Date.now());

  return (
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
      <Phases timeline={timeline} selection={selection} onSelect={setSelection} />
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
  );
}

/** The phases as they ran, each against its time box, with the notes taken in it. */
function Phases(props: { timeline: Timeline; selection: Selection; onSelect: (selection: Selection) => void }) {
  const { timeline, selection } = props;
  // Grouped once: filtering every note for every phase is 20 million steps for a call at the limits.
  const notesByPhase = notesInPhases(timeline);
  const selectedPhase = selection?.kind === 'phase' ? selection.index : null;
  return (
    <ol class="phases">
      {timeline.actual.map((phase, index) => {
        const box = timeline.planned[phase.itemIndex];
        const used = phase.endMs - phase.startMs;
        const planned = box ? box.endMs - box.startMs : 0;
        return (
          <li key={index} aria-current={selectedPhase === index ? 'true' : undefined} class="phase">
            <strong>{phase.title}</strong>{' '}
            <span class="muted">
              {formatClock(phase.startMs)}–{formatClock(phase.endMs)} · {formatClock(used)} of {formatClock(planned)}{' '}
              planned
              {used > planned && ' · over its time box'}
            </span>
            <ul class="phase-notes">
              {(notesByPhase[index] ?? []).map((entry) => (
                <PhaseNote key={entry.note.id} entry={entry} selection={selection} onSelect={props.onSelect} />
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function PhaseNote(props: { entry: PlacedNote; selection: Selection; onSelect: (selection: Selection) => void }) {
  const { entry, selection } = props;
  const selected = selection?.kind === 'note' && selection.id === entry.note.id;
  return (
    <li data-note-entry={entry.note.id} aria-current={selected ? 'true' : undefined}>
      <button class="link" onClick={() => props.onSelect({ kind: 'note', id: entry.note.id })}>
        {formatClock(entry.offsetMs)}
      </button>{' '}
      <span class="author">{entry.note.author}</span>
      {entry.note.stepIn && <strong> ▲ step-in</strong>}
      {entry.note.tag && <strong> {entry.note.tag}</strong>}
      {entry.note.tag && entry.note.text && ':'} {entry.note.text}
    </li>
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
