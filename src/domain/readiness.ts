// What is missing before the call, most important first, each with the coaching reason behind it.
// The call type sets how deep the plan goes: a first call needs less than a proposal or a closing call.
import { meetingLinkProblem, plannedMinutes, type Plan } from './plan';

export type ReadinessKey =
  | 'objective'
  | 'customer-objective'
  | 'commitment'
  | 'over-time'
  | 'guardrails'
  | 'step-in-signal'
  | 'meeting-link'
  | 'agenda-sent'
  | 'reviewed-together';

export interface ReadinessGap {
  key: ReadinessKey;
  /** What to do, as an instruction. */
  message: string;
  /** Why it matters, from the coaching rules. */
  reason: string;
}

export function readiness(plan: Plan): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  const thorough = plan.callType !== 'discovery';
  if (plan.objective.trim() === '') {
    gaps.push({
      key: 'objective',
      message: 'Write our objective for this call.',
      reason: 'Every call needs a clear objective, or nobody can say afterwards whether it worked.',
    });
  }
  if (plan.customerObjective.trim() === '') {
    gaps.push({
      key: 'customer-objective',
      message: 'Write the customer’s objective for this call.',
      reason: 'Our objective has to match what the customer wants from the call.',
    });
  }
  if (plan.commitment.text.trim() === '') {
    gaps.push({
      key: 'commitment',
      message:
        plan.commitment.kind === 'order'
          ? 'Say what the order is: what, how much, from when.'
          : 'Name the next step: who does what, by when.',
      reason: 'A call should end with a commitment, not with “we’ll be in touch”.',
    });
  }
  const planned = plannedMinutes(plan);
  if (planned > plan.durationMinutes) {
    gaps.push({
      key: 'over-time',
      message: `The time boxes add up to ${planned} min, over the ${plan.durationMinutes} min planned.`,
      reason: 'An overfull agenda gets rushed at the end, which is where the ask is.',
    });
  }
  if (thorough && plan.doNotRaise.every((topic) => topic.trim() === '') && plan.stepInWhen.trim() === '') {
    gaps.push({
      key: 'guardrails',
      message: 'Agree what the manager must not raise, and when the manager may step in.',
      reason: 'A manager who pitches what the customer doesn’t want can lose the deal in one sentence.',
    });
  }
  if (thorough && plan.stakes !== 'low' && plan.stepInSignal.trim() === '') {
    gaps.push({
      key: 'step-in-signal',
      message: 'Agree the signal for the manager to step in.',
      reason: 'The rep runs the call; the manager steps in only when the rep asks, with a signal you agreed.',
    });
  }
  if (plan.meetingLink.trim() === '' || meetingLinkProblem(plan.meetingLink) !== null) {
    gaps.push({
      key: 'meeting-link',
      message: 'Add the link of the call (Meet, Zoom or Teams), or run it in a window.',
      reason:
        'The overlay finds this plan on the call by its meeting link; a call in a desktop app or in person runs in the companion window.',
    });
  }
  if (plan.agendaSentAt === null) {
    gaps.push({
      key: 'agenda-sent',
      message: 'Send the agenda to the customer.',
      reason: 'The agenda is agreed in advance, with the customer too.',
    });
  }
  if (plan.reviewedTogetherAt === null) {
    gaps.push({
      key: 'reviewed-together',
      message: 'Review the plan together, rep and manager.',
      reason: 'Most joint calls fail before they start, because rep and manager never sync.',
    });
  }
  return gaps;
}
