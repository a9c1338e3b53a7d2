// The agenda the rep pastes into the calendar invite. It is for the customer, so it carries only what the customer
// should see: the title, the purpose in the customer's terms, the items and their times. Never the guardrails,
// the manager's cues or part, the stakes, the step-in signal, or our internal objective and commitment target.
import { planDisplayName, type CallType, type Plan } from './plan';

const DEFAULT_PURPOSE: Record<CallType, string> = {
  discovery: 'Understand your goals and whether we can help.',
  advance: 'Review our proposal against your goals and agree what comes next.',
  close: 'Confirm the final details and agree how we go ahead.',
};

export interface AgendaClock {
  /** "Tue 24 Nov, 10:00". */
  formatDate: (epochMs: number) => string;
  /** "10:05". */
  formatTime: (epochMs: number) => string;
}

export function customerAgendaText(plan: Plan, clock: AgendaClock): string {
  const lines = [planDisplayName(plan), `${clock.formatDate(plan.scheduledStart)} · ${plan.durationMinutes} min`, ''];
  lines.push(`Purpose: ${plan.customerObjective.trim() || DEFAULT_PURPOSE[plan.callType]}`, '', 'Agenda');
  let at = plan.scheduledStart;
  for (const item of plan.agenda) {
    lines.push(`${clock.formatTime(at)}  ${item.title.trim() || 'Agenda item'} (${item.minutes} min)`);
    at += item.minutes * 60_000;
  }
  return lines.join('\n');
}
