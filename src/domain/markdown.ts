// The debrief as Markdown, for a CRM or an email. User text is escaped so it stays text: a note that starts with "#",
// holds "|" pipes or HTML tags can't turn into a heading, break a table or become markup.
import type { Call } from './call';
import { formatClock } from './call-progress';
import { isoDay } from './dates';
import type { Debrief } from './debrief';
import type { Note } from './note';
import { planDisplayName } from './plan';
import type { Timeline } from './timeline';

/** One line of user text, safe anywhere in Markdown: specials escaped, `<` and `>` as entities, newlines as spaces. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      // Every line we write starts with our own prefix ("- ", "**Label:** "), so what can break structure mid-line is
      // emphasis, code, links, pipes, headings and HTML: those characters are escaped, the rest stays readable.
      .replace(/[\\`*_[\]#|~]/g, (character) => `\\${character}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .trim()
      // Text that starts a list item ("- 1. Ask", "- + Ask", "- - Ask") would open a nested list: its marker is escaped.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
  );
}

const RATING_WORDS = { yes: 'yes', partly: 'partly', no: 'no' } as const;

export interface MarkdownClock {
  formatDate: (epochMs: number) => string;
}

export function debriefMarkdown(
  call: Call,
  notes: Note[],
  debrief: Debrief | null,
  timeline: Timeline,
  clock: MarkdownClock,
): string {
  const plan = call.planSnapshot;
  const lines: string[] = [];
  lines.push(`# Debrief: ${escapeMarkdown(planDisplayName(plan))}`, '');
  lines.push(`- **Date:** ${escapeMarkdown(clock.formatDate(call.startedAt))}`);
  if (plan.account.trim()) lines.push(`- **Account:** ${escapeMarkdown(plan.account)}`);
  lines.push(`- **Call type:** ${plan.callType}`);
  if (plan.objective.trim()) lines.push(`- **Objective:** ${escapeMarkdown(plan.objective)}`);
  lines.push('');

  lines.push('## Outcome', '');
  const outcome = debrief?.outcome;
  lines.push(`- **Objective met:** ${outcome?.objectiveMet ? RATING_WORDS[outcome.objectiveMet] : 'not set'}`);
  lines.push(
    `- **Customer’s objective addressed:** ${outcome?.customerObjectiveAddressed ? RATING_WORDS[outcome.customerObjectiveAddressed] : 'not set'}`,
  );
  const secured = outcome?.commitmentSecured.trim();
  lines.push(
    `- **${outcome?.commitmentKind === 'order' ? 'Order' : 'Next step'} secured:** ${secured ? escapeMarkdown(secured) : 'none recorded'}`,
  );
  lines.push('');

  lines.push('## Timeline', '');
  for (const [index, phase] of timeline.actual.entries()) {
    const box = timeline.planned[phase.itemIndex];
    const planned = box ? ` (planned ${formatClock(box.endMs - box.startMs)})` : '';
    lines.push(
      `${index + 1}. ${escapeMarkdown(phase.title)}: ${formatClock(phase.startMs)}–${formatClock(phase.endMs)}, ${formatClock(phase.endMs - phase.startMs)}${planned}`,
    );
  }
  lines.push('');

  lines.push('## Notes', '');
  if (notes.length === 0) lines.push('No notes.');
  for (const entry of timeline.notes) {
    const tag = entry.note.tag ? `**${escapeMarkdown(entry.note.tag)}**` : '';
    const text = entry.note.text.trim() ? escapeMarkdown(entry.note.text) : '';
    const stepIn = entry.note.stepIn ? ' (step-in)' : '';
    lines.push(
      `- ${formatClock(entry.offsetMs)} ${entry.note.author}: ${[tag, text].filter(Boolean).join(': ')}${stepIn}`,
    );
  }
  lines.push('');

  const open = timeline.questions.filter((question) => question.coveredAtMs === null && question.text.trim());
  if (open.length > 0) {
    lines.push('## Questions left open', '');
    for (const question of open) lines.push(`- ${escapeMarkdown(question.text)}`);
    lines.push('');
  }

  lines.push('## Coaching', '', '**Went well**', '');
  const list = (items: string[]) => {
    const kept = items.filter((item) => item.trim());
    if (kept.length === 0) lines.push('- (none yet)');
    for (const item of kept) lines.push(`- ${escapeMarkdown(item)}`);
    lines.push('');
  };
  list(debrief?.coaching.wentWell ?? []);
  lines.push('**Do differently**', '');
  list(debrief?.coaching.doDifferently ?? []);
  const commitment = debrief?.coaching.nextCallCommitment.trim();
  lines.push(`**Next call, the rep will:** ${commitment ? escapeMarkdown(commitment) : 'not set'}`, '');
  if (debrief?.followUp) lines.push(`**Last call’s commitment kept:** ${RATING_WORDS[debrief.followUp]}`, '');
  return lines.join('\n');
}

/**
 * The name the debrief's Markdown and JSON files share: `ridealong-Acme-proposal-review-2026-11-24`. Never throws,
 * even for a call stored with a time no Date can show.
 */
export function debriefFileStem(call: Pick<Call, 'planSnapshot' | 'startedAt'>): string {
  const name = planDisplayName(call.planSnapshot)
    .replace(/[^\w-]+/g, '-')
    .slice(0, 40);
  return `ridealong-${name}-${isoDay(call.startedAt)}`;
}
