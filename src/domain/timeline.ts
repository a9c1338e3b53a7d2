// The replay of a call: planned time boxes against the phases as they happened, notes placed at their moments and
// grouped by phase, step-ins, questions covered and open, guardrails crossed. Pure, so the SVG is only drawing.
import { callEndedAt, type Call, type Transition } from './call';
import { isGuardrailNote, type Note } from './note';

export interface PlannedBox {
  itemIndex: number;
  title: string;
  startMs: number;
  endMs: number;
}

export interface ActualPhase {
  itemIndex: number;
  title: string;
  startMs: number;
  endMs: number;
  /** Whose transitions the phases come from: the rep's when there are any, else the manager's observations. */
  source: Transition['by'];
}

export interface PlacedNote {
  note: Note;
  /** Index into `actual`: the phase the note was taken in. */
  phaseIndex: number;
  offsetMs: number;
}

export interface Timeline {
  /** The longer of the planned and the actual length, so both fit one axis. */
  spanMs: number;
  planned: PlannedBox[];
  actual: ActualPhase[];
  notes: PlacedNote[];
  stepIns: PlacedNote[];
  guardrailsCrossed: PlacedNote[];
  questions: { id: string; text: string; coveredAtMs: number | null }[];
}

/**
 * The transitions that tell the story. On a joint call the rep runs the agenda, so the rep's transitions win; the
 * manager's observed ones count only when the rep's device recorded none (the rep didn't run Ridealong).
 */
export function authoritativeTransitions(call: Pick<Call, 'transitions'>): Transition[] {
  const reps = call.transitions.filter((transition) => transition.by === 'rep');
  const chosen = reps.length > 0 ? reps : call.transitions.filter((transition) => transition.by === 'manager');
  return [...chosen].sort((a, b) => a.at - b.at);
}

/** How long the call ran: to its end, or to the last thing recorded when it never formally ended. */
export function callLengthMs(call: Call, notes: Note[], now: number): number {
  const ended = callEndedAt(call, now);
  const lastSeen = Math.max(call.lastSeenAt, ...notes.map((note) => note.at), ...call.transitions.map((t) => t.at));
  return Math.max(0, (ended ?? lastSeen) - call.startedAt);
}

export function buildTimeline(call: Call, notes: Note[], now: number): Timeline {
  const agenda = call.planSnapshot.agenda;
  const title = (index: number) => agenda[index]?.title ?? `Item ${index + 1}`;
  const planned: PlannedBox[] = [];
  let plannedAt = 0;
  for (const [itemIndex, item] of agenda.entries()) {
    planned.push({ itemIndex, title: item.title, startMs: plannedAt, endMs: plannedAt + item.minutes * 60_000 });
    plannedAt += item.minutes * 60_000;
  }

  const lengthMs = callLengthMs(call, notes, now);
  const transitions = authoritativeTransitions(call);
  const source = transitions[0]?.by ?? call.role;
  const actual: ActualPhase[] = [];
  let current = { itemIndex: 0, startMs: 0 };
  for (const transition of transitions) {
    const at = Math.min(Math.max(0, transition.at - call.startedAt), lengthMs);
    if (at > current.startMs) actual.push({ ...current, title: title(current.itemIndex), endMs: at, source });
    current = { itemIndex: transition.toItemIndex, startMs: at };
  }
  actual.push({ ...current, title: title(current.itemIndex), endMs: Math.max(lengthMs, current.startMs), source });

  const placed = [...notes]
    .sort((a, b) => a.at - b.at)
    .map((note) => {
      const offsetMs = Math.max(0, note.at - call.startedAt);
      return { note, phaseIndex: phaseAt(actual, offsetMs), offsetMs };
    });

  const ticks = new Map(call.questionTicks.map((tick) => [tick.questionId, tick.at]));
  return {
    spanMs: Math.max(plannedAt, lengthMs, 1),
    planned,
    actual,
    notes: placed,
    stepIns: placed.filter((entry) => entry.note.stepIn),
    guardrailsCrossed: placed.filter((entry) => isGuardrailNote(entry.note)),
    questions: call.planSnapshot.questions.map((question) => {
      const at = ticks.get(question.id);
      return {
        id: question.id,
        text: question.text,
        coveredAtMs: at === undefined ? null : Math.max(0, at - call.startedAt),
      };
    }),
  };
}

/**
 * The phase a moment falls in: the first whose span holds it, else the last. Phases are in time order, so this is a
 * binary search; a call at the limits (2,000 moves, 10,000 notes) places every note in milliseconds.
 */
function phaseAt(actual: ActualPhase[], offsetMs: number): number {
  // The first phase that ends after the moment; empty phases (start = end) never hold one.
  let low = 0;
  let high = actual.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (actual[middle]!.endMs > offsetMs) high = middle;
    else low = middle + 1;
  }
  for (let index = low; index < actual.length; index++) {
    const phase = actual[index]!;
    if (offsetMs >= phase.startMs && offsetMs < phase.endMs) return index;
    if (phase.startMs > offsetMs) break;
  }
  return actual.length - 1;
}

/** The placed notes of each phase, in one pass: `result[i]` holds the notes of `timeline.actual[i]`, in time order. */
export function notesInPhases(timeline: Pick<Timeline, 'actual' | 'notes'>): PlacedNote[][] {
  const phases: PlacedNote[][] = timeline.actual.map(() => []);
  for (const entry of timeline.notes) phases[entry.phaseIndex]?.push(entry);
  return phases;
}
