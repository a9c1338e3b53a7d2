// How each rep is doing across calls: reps improve with every call when each one is a lesson, so this is how the
// lessons show. Pure: the page passes in calls, their debriefs and their notes.
import { callEndedAt, type Call } from './call';
import type { Debrief, Rating } from './debrief';
import type { Note } from './note';
import { fold } from './text';
import { isoMonth } from './dates';
import { candidateCalls } from './notes-package';

export interface CallRecord {
  call: Call;
  debrief: Debrief | null;
  notes: Note[];
}

export interface RepTrend {
  rep: string;
  calls: number;
  objectiveMet: Record<Rating, number>;
  /** Calls whose debrief has not set the outcome yet. */
  objectiveUnknown: number;
  /** Average time past the planned duration, over calls that ended; 0 when none ran over. */
  averageOverrunMs: number;
  /** Share of the plans' questions ticked during the calls, 0 to 1; null when the plans had none. */
  questionsCovered: number | null;
  topTags: { tag: string; count: number }[];
  /** Commitments from a previous debrief rated in the next one: kept (yes), out of all rated. */
  commitmentsFollowedUp: { followed: number; of: number };
  /** The same figures month by month, oldest first: the direction the rep is taking. */
  byMonth: MonthTrend[];
}

export interface MonthTrend {
  /** As given by `monthOf`, e.g. "2026-11". */
  month: string;
  calls: number;
  /** Share of the month's calls with an outcome set whose objective was met; null when none had one. */
  objectiveMetShare: number | null;
  averageOverrunMs: number;
  questionsCovered: number | null;
  /** The month's most frequent tag; null when no note had one. */
  topTag: { tag: string; count: number } | null;
}

/** The calendar month of a moment, in UTC unless the page passes its own (local) one. */
export const utcMonth = (epochMs: number) => isoMonth(epochMs);

/** Which rep a call is, whatever the spelling's case or accents: "Zoë Müller" and "zoe muller" are one rep. */
export function repKey(repName: string): string {
  return fold(repName.trim());
}

/**
 * One record per joint call. With team sync (or a notes package) a device holds both records of a call: the rep's
 * and the manager's, the same plan at overlapping times. The call counts once, as the rep's record (the rep's
 * debrief has taken the manager's in); a manager's record counts only when no rep's record of that call is here.
 */
export function oneRecordPerCall(records: CallRecord[]): CallRecord[] {
  const repCalls = records.filter((record) => record.call.role === 'rep').map((record) => record.call);
  return records.filter(
    (record) =>
      record.call.role === 'rep' ||
      candidateCalls(
        record.call,
        repCalls.filter((call) => call.id !== record.call.id),
      ).length === 0,
  );
}

export function repTrends(
  records: CallRecord[],
  now: number,
  monthOf: (epochMs: number) => string = utcMonth,
): RepTrend[] {
  const byRep = new Map<string, CallRecord[]>();
  for (const record of oneRecordPerCall(records)) {
    const key = repKey(record.call.planSnapshot.repName);
    byRep.set(key, [...(byRep.get(key) ?? []), record]);
  }
  return [...byRep.values()]
    .map((list) => {
      const ordered = [...list].sort((a, b) => a.call.startedAt - b.call.startedAt);
      // Shown as the rep's name was last written.
      const rep = ordered.at(-1)!.call.planSnapshot.repName.trim() || 'Rep not named';
      const months = new Map<string, CallRecord[]>();
      for (const record of ordered) {
        const month = monthOf(record.call.startedAt);
        months.set(month, [...(months.get(month) ?? []), record]);
      }
      const rated = ordered.map((record) => record.debrief?.followUp ?? null).filter((rating) => rating !== null);
      return {
        rep,
        ...figures(ordered, now),
        commitmentsFollowedUp: { followed: rated.filter((rating) => rating === 'yes').length, of: rated.length },
        byMonth: [...months.entries()].map(([month, inMonth]) => {
          const summary = figures(inMonth, now);
          const withOutcome = inMonth.length - summary.objectiveUnknown;
          return {
            month,
            calls: inMonth.length,
            objectiveMetShare: withOutcome === 0 ? null : summary.objectiveMet.yes / withOutcome,
            averageOverrunMs: summary.averageOverrunMs,
            questionsCovered: summary.questionsCovered,
            topTag: summary.topTags[0] ?? null,
          };
        }),
      };
    })
    .sort((a, b) => a.rep.localeCompare(b.rep));
}

/** The figures over some calls, all of one rep. */
function figures(
  records: CallRecord[],
  now: number,
): Pick<RepTrend, 'calls' | 'objectiveMet' | 'objectiveUnknown' | 'averageOverrunMs' | 'questionsCovered' | 'topTags'> {
  const objectiveMet: Record<Rating, number> = { yes: 0, partly: 0, no: 0 };
  let objectiveUnknown = 0;
  let overrunTotal = 0;
  let ended = 0;
  let questions = 0;
  let ticked = 0;
  const tags = new Map<string, number>();
  for (const { call, debrief, notes } of records) {
    const met = debrief?.outcome.objectiveMet ?? null;
    if (met) objectiveMet[met] += 1;
    else objectiveUnknown += 1;
    const end = callEndedAt(call, now);
    if (end !== null) {
      ended += 1;
      overrunTotal += Math.max(0, end - call.startedAt - call.planSnapshot.durationMinutes * 60_000);
    }
    const ids = new Set(call.planSnapshot.questions.map((question) => question.id));
    questions += ids.size;
    ticked += call.questionTicks.filter((tick) => ids.has(tick.questionId)).length;
    for (const note of notes) if (note.tag) tags.set(note.tag, (tags.get(note.tag) ?? 0) + 1);
  }
  return {
    calls: records.length,
    objectiveMet,
    objectiveUnknown,
    averageOverrunMs: ended === 0 ? 0 : overrunTotal / ended,
    questionsCovered: questions === 0 ? null : ticked / questions,
    topTags: [...tags.entries()]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .slice(0, 5),
  };
}
