// The after-call review of one call, keyed by the call. The rep speaks first ("so how did that feel?"), then the call
// is replayed, then the outcome is set and the coaching agreed. Coaching ends when the rep knows what went well and
// what to do differently, so a debrief is complete only with both, and with the outcome.
import * as v from 'valibot';
import { COMMITMENT_KINDS } from './plan';
import { EpochMsSchema, IdSchema } from './schema-parts';

export const DEBRIEF_SCHEMA_VERSION = 1;
/** Focus beats volume: at most three items in each coaching list. */
export const MAX_COACHING_ITEMS = 3;

export const RATINGS = ['yes', 'partly', 'no'] as const;
export type Rating = (typeof RATINGS)[number];

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const DebriefSchema = v.strictObject({
  schemaVersion: v.literal(DEBRIEF_SCHEMA_VERSION),
  callId: IdSchema,
  /** The rep's own view, asked first. */
  selfAssessment: v.strictObject({
    feel: text(1000),
    wentWell: text(1000),
    doDifferently: text(1000),
    /** Skipped on purpose: the manager's notes open without it. */
    skipped: v.boolean(),
  }),
  outcome: v.strictObject({
    objectiveMet: v.nullable(v.picklist(RATINGS)),
    commitmentKind: v.picklist(COMMITMENT_KINDS),
    /** The order or the next step actually secured. */
    commitmentSecured: text(500),
    customerObjectiveAddressed: v.nullable(v.picklist(RATINGS)),
  }),
  coaching: v.strictObject({
    wentWell: v.pipe(v.array(text(300)), v.maxLength(MAX_COACHING_ITEMS)),
    doDifferently: v.pipe(v.array(text(300)), v.maxLength(MAX_COACHING_ITEMS)),
    /** One thing the rep commits to on the next call. */
    nextCallCommitment: text(300),
  }),
  /**
   * Whether the rep kept the commitment made in the debrief of their previous call; absent when there was none to
   * follow up, or it was not rated yet.
   */
  followUp: v.optional(v.nullable(v.picklist(RATINGS))),
  updatedAt: EpochMsSchema,
});
export type Debrief = v.InferOutput<typeof DebriefSchema>;

export type DebriefStatus = 'not-started' | 'in-progress' | 'complete';

export function emptyDebrief(
  callId: string,
  commitmentKind: Debrief['outcome']['commitmentKind'],
  now: number,
): Debrief {
  return {
    schemaVersion: DEBRIEF_SCHEMA_VERSION,
    callId,
    selfAssessment: { feel: '', wentWell: '', doDifferently: '', skipped: false },
    outcome: { objectiveMet: null, commitmentKind, commitmentSecured: '', customerObjectiveAddressed: null },
    coaching: { wentWell: [], doDifferently: [], nextCallCommitment: '' },
    updatedAt: now,
  };
}

const filled = (value: string) => value.trim() !== '';

/** The manager's notes open once the rep has spoken first, or the self-assessment was skipped on purpose. */
export function notesRevealed(debrief: Debrief): boolean {
  const self = debrief.selfAssessment;
  return self.skipped || filled(self.feel) || filled(self.wentWell) || filled(self.doDifferently);
}

/** What the debrief still needs to be complete, in the order the conversation gets there. */
export function missingForComplete(debrief: Debrief): string[] {
  const missing: string[] = [];
  if (!notesRevealed(debrief)) missing.push('Ask the rep first: how did that feel? (or skip it on purpose)');
  if (debrief.outcome.objectiveMet === null) missing.push('Say whether the call met its objective.');
  if (debrief.outcome.customerObjectiveAddressed === null)
    missing.push('Say whether the customer’s objective was addressed.');
  if (!debrief.coaching.wentWell.some(filled)) missing.push('Name at least one thing that went well.');
  if (!debrief.coaching.doDifferently.some(filled)) missing.push('Name at least one thing to do differently.');
  return missing;
}

export function debriefStatus(debrief: Debrief | null | undefined): DebriefStatus {
  if (!debrief) return 'not-started';
  if (missingForComplete(debrief).length === 0) return 'complete';
  const empty = emptyDebrief(debrief.callId, debrief.outcome.commitmentKind, debrief.updatedAt);
  const comparable = { ...debrief, updatedAt: 0, followUp: debrief.followUp ?? undefined };
  return JSON.stringify(comparable) === JSON.stringify({ ...empty, updatedAt: 0 }) ? 'not-started' : 'in-progress';
}

export interface PreviousCommitment {
  callId: string;
  /** The earlier call's name and start, to say where the commitment came from. */
  callName: string;
  startedAt: number;
  text: string;
}

/**
 * The commitment to follow up in this call's debrief: from the same rep's most recent earlier call whose debrief
 * named one. `earlier` holds that rep's calls before this one, each with its debrief, in any order.
 */
export function previousCommitment(
  earlier: { callId: string; callName: string; startedAt: number; debrief: Debrief | null }[],
): PreviousCommitment | null {
  const withCommitment = earlier
    .filter((entry) => filled(entry.debrief?.coaching.nextCallCommitment ?? ''))
    .sort((a, b) => b.startedAt - a.startedAt)[0];
  if (!withCommitment) return null;
  const { callId, callName, startedAt, debrief } = withCommitment;
  return { callId, callName, startedAt, text: debrief!.coaching.nextCallCommitment.trim() };
}
