// How each rep is doing across calls: reps improve with every call when each one is a lesson, so this is how the
// lessons show. Pure: the page passes in calls, their debriefs and their notes.
import { callEndedAt, type Call } from './call';
import { debriefStatus, type Debrief, type Rating } from './debrief';
import type { Note } from './note';

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
  /** Coaching commitments whose next call by the same rep was debriefed in turn, out of those that have a next call. */
  commitmentsFollowedUp: { followed: number; of: number };
}

export function repTrends(records: CallRecord[], now: number): RepTrend[] {
  const byRep = new Map<string, CallRecord[]>();
  for (const record of records) {
    const rep = record.call.planSnapshot.repName.trim() || 'Rep not named';
    byRep.set(rep, [...(byRep.get(rep) ?? []), record]);
  }
  return [...byRep.entries()]
    .map(([rep, list]) => {
      const ordered = [...list].sort((a, b) => a.call.startedAt - b.call.startedAt);
      const objectiveMet: Record<Rating, number> = { yes: 0, partly: 0, no: 0 };
      let objectiveUnknown = 0;
      let overrunTotal = 0;
      let ended = 0;
      let questions = 0;
      let ticked = 0;
      const tags = new Map<string, number>();
      for (const { call, debrief, notes } of ordered) {
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
      let followed = 0;
      let of = 0;
      ordered.forEach(({ debrief }, index) => {
        const next = ordered[index + 1];
        if (!debrief?.coaching.nextCallCommitment.trim() || !next) return;
        of += 1;
        if (debriefStatus(next.debrief) !== 'not-started') followed += 1;
      });
      return {
        rep,
        calls: ordered.length,
        objectiveMet,
        objectiveUnknown,
        averageOverrunMs: ended === 0 ? 0 : overrunTotal / ended,
        questionsCovered: questions === 0 ? null : ticked / questions,
        topTags: [...tags.entries()]
          .map(([tag, count]) => ({ tag, count }))
          .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
          .slice(0, 5),
        commitmentsFollowedUp: { followed, of },
      };
    })
    .sort((a, b) => a.rep.localeCompare(b.rep));
}
