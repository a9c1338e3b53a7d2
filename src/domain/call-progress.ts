// Where a running call is, as a pure function of its plan snapshot, its transitions and the time: the current item,
// time used against its box, overruns, and when to ask. Plus the role cues worded from the coaching rules.
import type { Call, Role } from './call';
import type { AgendaItem, Plan } from './plan';

/** The ask cue shows in the last item, or once this little of the planned time is left. */
export const ASK_WINDOW_MS = 5 * 60_000;

export interface CallProgress {
  itemIndex: number;
  item: AgendaItem;
  /** The items still to come, in order. */
  nextItems: AgendaItem[];
  itemElapsedMs: number;
  itemBoxMs: number;
  /** Time left in the current item's box; 0 once it is used up. */
  itemLeftMs: number;
  /** Time left of the planned duration; 0 once it is used up. */
  callLeftMs: number;
  /** How far the current item is past its time box; 0 when within it. */
  itemOverrunMs: number;
  callElapsedMs: number;
  callPlannedMs: number;
  /** How far the call is past its planned duration; 0 when within it. */
  callOverrunMs: number;
  isLastItem: boolean;
  /** Time to ask for the business or secure the next step. */
  askNow: boolean;
}

export function callProgress(call: Call, now: number): CallProgress {
  const agenda = call.planSnapshot.agenda;
  const last = call.transitions.at(-1);
  const itemIndex = Math.min(last?.toItemIndex ?? 0, agenda.length - 1);
  const item = agenda[itemIndex]!;
  const itemStartedAt = last?.at ?? call.startedAt;
  const end = Math.max(call.startedAt, call.endedAt ?? now);
  const itemElapsedMs = Math.max(0, end - itemStartedAt);
  const itemBoxMs = item.minutes * 60_000;
  const callElapsedMs = end - call.startedAt;
  // The call's planned length is its scheduled duration; the time boxes can add up to more, which readiness flags.
  const callPlannedMs = call.planSnapshot.durationMinutes * 60_000;
  const isLastItem = itemIndex === agenda.length - 1;
  return {
    itemIndex,
    item,
    nextItems: agenda.slice(itemIndex + 1),
    itemElapsedMs,
    itemBoxMs,
    itemLeftMs: Math.max(0, itemBoxMs - itemElapsedMs),
    callLeftMs: Math.max(0, callPlannedMs - callElapsedMs),
    itemOverrunMs: Math.max(0, itemElapsedMs - itemBoxMs),
    callElapsedMs,
    callPlannedMs,
    callOverrunMs: Math.max(0, callElapsedMs - callPlannedMs),
    isLastItem,
    askNow: isLastItem || callPlannedMs - callElapsedMs <= ASK_WINDOW_MS,
  };
}

/** Where a time box stands, in words as well as colour: a glance must not depend on telling red from green. */
export type TimeStatus = 'in-time' | 'near-end' | 'over';

/**
 * "Near the end" once a fifth of the box is left (at least the last minute, at most the last five), so the rep
 * sees it coming while there is still time to wrap up.
 */
export function timeStatus(elapsedMs: number, boxMs: number): TimeStatus {
  if (elapsedMs > boxMs) return 'over';
  const warnMs = Math.min(5 * 60_000, Math.max(60_000, boxMs / 5));
  return boxMs - elapsedMs <= warnMs ? 'near-end' : 'in-time';
}

/** The words for a time box: "in time", "1:00 left", "2:30 over". */
export function timeStatusWords(elapsedMs: number, boxMs: number): string {
  const status = timeStatus(elapsedMs, boxMs);
  if (status === 'over') return `${formatClock(elapsedMs - boxMs)} over`;
  if (status === 'near-end') return `${formatClock(boxMs - elapsedMs)} left`;
  return 'in time';
}

/** `12:05`, or `1:02:05` past an hour. Negative durations read as 0. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

export interface RoleCues {
  /** The line for this item: who leads and what this person does now. */
  now: string;
  /** Shown to the manager all the time; empty for the rep. */
  guardrails: string[];
}

export function roleCues(plan: Plan, role: Role, item: AgendaItem): RoleCues {
  if (role === 'rep') return { now: 'You lead: the agenda, the transitions, the ask.', guardrails: [] };
  const part = item.managerCue.trim() || (item.lead === 'manager' ? 'your part of the agenda' : 'stay quiet, observe');
  const guardrails: string[] = [];
  const topics = plan.doNotRaise.map((topic) => topic.trim()).filter((topic) => topic !== '');
  if (topics.length > 0) guardrails.push(`Don’t raise: ${topics.join('; ')}`);
  if (plan.stakes === 'low') {
    guardrails.push('Let them learn: step in only to stop real damage.');
  } else if (plan.stepInWhen.trim() || plan.stepInSignal.trim()) {
    const when = plan.stepInWhen.trim() || 'the rep asks';
    guardrails.push(
      `Step in only if: ${when}${plan.stepInSignal.trim() ? ` — signal: ${plan.stepInSignal.trim()}` : ''}`,
    );
  }
  return { now: `Rep leads. Your part now: ${part}`, guardrails };
}

/** The ask, worded for who sees it: the rep makes it, the manager stays out of it. */
export function askCue(plan: Plan, role: Role): string {
  const target = plan.commitment.text.trim();
  if (role === 'manager') return 'The rep asks now. Stay quiet and let the customer answer.';
  if (plan.commitment.kind === 'order') return `Ask for the business${target ? `: ${target}` : '.'}`;
  return `Secure the next step${target ? `: ${target}` : ': who does what, by when.'}`;
}

/** The questions not ticked yet, in the plan's order. */
export function openQuestions(call: Call): Plan['questions'] {
  const ticked = new Set(call.questionTicks.map((tick) => tick.questionId));
  return call.planSnapshot.questions.filter((question) => !ticked.has(question.id) && question.text.trim() !== '');
}

/**
 * Time spent in each agenda item so far, in agenda order: every visit counts, so an item gone back to adds up.
 * The current item runs until `now` (or the call's end).
 */
export function timeSpentPerItem(call: Call, now: number): number[] {
  const agenda = call.planSnapshot.agenda;
  const spent = agenda.map(() => 0);
  const end = Math.max(call.startedAt, call.endedAt ?? now);
  let index = 0;
  let since = call.startedAt;
  for (const transition of call.transitions) {
    const at = Math.min(Math.max(transition.at, since), end);
    spent[Math.min(index, agenda.length - 1)]! += at - since;
    index = transition.toItemIndex;
    since = at;
  }
  spent[Math.min(index, agenda.length - 1)]! += end - since;
  return spent;
}
