import { formatClock } from '../domain/call-progress';
import { noteIcon, tagIconLegend } from '../domain/note';
import type { Timeline } from '../domain/timeline';

export type Selection = { kind: 'phase'; index: number } | { kind: 'note'; id: string } | null;

const WIDTH = 900;
const LEFT = 70;
const ROW = { planned: 28, actual: 68, notes: 112 } as const;
/** Notes closer than this share a moment: they stack in lanes instead of covering each other. */
const MARK_GAP = 20;
const LANES = 3;
const LANE_HEIGHT = 20;
const HEIGHT = ROW.notes + LANES * LANE_HEIGHT + 14;
const BAR = 24;

/**
 * The replay, drawn in SVG: planned time boxes over the phases as they happened, and every note at its moment.
 * Shapes and icons carry the meaning, not colour alone: a circle is the manager's note, a square the rep's, and the
 * icon inside says which tag (▲ a step-in, ! a guardrail crossed, ? a great question…), as the legend spells out.
 * Every phase is a keyboard-focusable button that selects it. The notes are one tab stop, however many there are:
 * the arrow keys move between them (Home and End to the first and last), so a call with 2,000 notes is still quick
 * to get past by keyboard.
 */
export function TimelineChart(props: {
  timeline: Timeline;
  selection: Selection;
  onSelect: (selection: Selection) => void;
}) {
  const { timeline } = props;
  const x = (ms: number) => LEFT + (ms / timeline.spanMs) * (WIDTH - LEFT - 10);
  const activate = activator(
    props.onSelect,
    timeline.notes.map((entry) => entry.note.id),
  );
  const selectedPhase = props.selection?.kind === 'phase' ? props.selection.index : null;

  return (
    <svg class="timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="Timeline of the call">
      <Axis timeline={timeline} x={x} />
      {timeline.actual.map((phase, index) => {
        const over =
          (timeline.planned[phase.itemIndex]?.endMs ?? 0) - (timeline.planned[phase.itemIndex]?.startMs ?? 0);
        const label = `Phase ${index + 1}: ${phase.title}, ${formatClock(phase.startMs)} to ${formatClock(phase.endMs)}${
          phase.endMs - phase.startMs > over ? ', over its time box' : ''
        }`;
        return (
          <g
            key={`a${index}`}
            class={`actual${selectedPhase === index ? ' selected' : ''}`}
            aria-label={label}
            {...activate({ kind: 'phase', index })}
          >
            <title>{label}</title>
            <rect
              x={x(phase.startMs)}
              y={ROW.actual}
              width={Math.max(2, x(phase.endMs) - x(phase.startMs))}
              height={BAR}
            />
            <text x={x(phase.startMs) + 4} y={ROW.actual + 16}>
              {phase.itemIndex + 1}
            </text>
          </g>
        );
      })}
      <NoteMarks timeline={timeline} x={x} selection={props.selection} activate={activate} />
    </svg>
  );
}

type Activate = ReturnType<typeof activator>;

/**
 * What makes a phase or a note mark a button: Enter or Space selects it, and on a note the arrow keys step to the
 * next or previous note, which is selected and takes the focus (Home and End to the first and last).
 */
function activator(onSelect: (selection: Selection) => void, noteIds: string[]) {
  const moveAmongNotes = (event: KeyboardEvent, fromId: string) => {
    const at = noteIds.indexOf(fromId);
    const to =
      { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0 }[event.key] ??
      (event.key === 'End' ? noteIds.length - 1 : null);
    if (to === null || to < 0 || to >= noteIds.length) return;
    event.preventDefault();
    const id = noteIds[to]!;
    onSelect({ kind: 'note', id });
    const svg = (event.currentTarget as SVGGraphicsElement).ownerSVGElement;
    requestAnimationFrame(() => svg?.querySelector<SVGGElement>(`[data-note-id="${CSS.escape(id)}"]`)?.focus());
  };
  return (selection: Selection, tabbable = true) => ({
    role: 'button' as const,
    // Lowercase: on SVG elements attribute names are case-sensitive, and only `tabindex` makes them focusable.
    tabindex: tabbable ? 0 : -1,
    onClick: () => onSelect(selection),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(selection);
      } else if (selection?.kind === 'note') moveAmongNotes(event, selection.id);
    },
  });
}

/** The rows' names, the clock ticks, and the planned time boxes. */
function Axis({ timeline, x }: { timeline: Timeline; x: (ms: number) => number }) {
  const ticks: number[] = [];
  const step = timeline.spanMs > 60 * 60_000 ? 15 * 60_000 : 5 * 60_000;
  for (let at = 0; at <= timeline.spanMs; at += step) ticks.push(at);
  return (
    <>
      <text x="4" y={ROW.planned + 16} class="row-label">
        Planned
      </text>
      <text x="4" y={ROW.actual + 16} class="row-label">
        Actual
      </text>
      <text x="4" y={ROW.notes + 4} class="row-label">
        Notes
      </text>
      {ticks.map((at) => (
        <g key={at} class="tick">
          <line x1={x(at)} x2={x(at)} y1="20" y2={HEIGHT - 14} />
          <text x={x(at)} y={HEIGHT - 2} text-anchor="middle">
            {formatClock(at)}
          </text>
        </g>
      ))}
      {timeline.planned.map((box) => (
        <g key={`p${box.itemIndex}`} class="planned">
          <title>{`Planned: ${box.title}, ${formatClock(box.endMs - box.startMs)}`}</title>
          <rect x={x(box.startMs)} y={ROW.planned} width={Math.max(1, x(box.endMs) - x(box.startMs))} height={BAR} />
          <text x={x(box.startMs) + 4} y={ROW.planned + 16}>
            {box.itemIndex + 1}
          </text>
        </g>
      ))}
    </>
  );
}

/** Every note at its moment, in lanes where notes crowd; one tab stop for all of them. */
function NoteMarks(props: { timeline: Timeline; x: (ms: number) => number; selection: Selection; activate: Activate }) {
  const { timeline, x } = props;
  const noteIds = timeline.notes.map((entry) => entry.note.id);
  const laneEnds: number[] = Array(LANES).fill(-Infinity);
  /** The first lane whose last mark is far enough to the left; when all are busy, the marks overlap, in turn. */
  const laneFor = (cx: number, index: number) => {
    const free = laneEnds.findIndex((end) => cx - end >= MARK_GAP);
    const lane = free === -1 ? index % LANES : free;
    laneEnds[lane] = cx;
    return lane;
  };
  const selectedNote = props.selection?.kind === 'note' ? props.selection.id : null;
  /** The one note mark in the tab order: the selected one, or the first. */
  const tabbableNote = selectedNote !== null && noteIds.includes(selectedNote) ? selectedNote : noteIds[0];
  return (
    <>
      {timeline.notes.map((entry, index) => {
        const cx = x(entry.offsetMs);
        const lane = laneFor(cx, index);
        const cy = ROW.notes + lane * LANE_HEIGHT;
        const guardrail = timeline.guardrailsCrossed.includes(entry);
        const mark = noteIcon(entry.note);
        const label = `Note at ${formatClock(entry.offsetMs)} by the ${entry.note.author}: ${[
          entry.note.tag,
          entry.note.text,
        ]
          .filter(Boolean)
          .join(': ')}${entry.note.stepIn ? ' (step-in)' : ''}`;
        return (
          <g
            key={entry.note.id}
            class={`note-mark ${entry.note.author}${entry.note.stepIn ? ' step-in' : ''}${guardrail ? ' guardrail' : ''}${
              selectedNote === entry.note.id ? ' selected' : ''
            }`}
            aria-label={label}
            data-note-id={entry.note.id}
            {...props.activate({ kind: 'note', id: entry.note.id }, entry.note.id === tabbableNote)}
          >
            <title>{label}</title>
            {entry.note.author === 'rep' ? (
              <rect x={cx - 9} y={cy - 9} width="18" height="18" rx="2" />
            ) : (
              <circle cx={cx} cy={cy} r="9" />
            )}
            <text x={cx} y={cy + 4} text-anchor="middle">
              {mark}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** What the timeline's shapes and icons mean, in words. */
export function TimelineLegend() {
  return (
    <p class="timeline-legend muted">
      ● the manager’s note · ■ the rep’s note ·{' '}
      {tagIconLegend()
        .map((entry) => `${entry.icon} ${entry.label}`)
        .join(' · ')}
    </p>
  );
}
