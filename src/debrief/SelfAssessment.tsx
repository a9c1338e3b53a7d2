import { notesRevealed } from '../domain/debrief';
import { DebriefText } from './fields';
import type { DebriefSectionProps } from './useDebriefAutosave';

const SELF_QUESTIONS = [
  ['feel', 'How did it feel?'],
  ['wentWell', 'What went well?'],
  ['doDifferently', 'What would you do differently?'],
] as const;

/** 1. The rep answers first, before any notes are shared: ask first, tell second. */
export function SelfAssessment({ value, update }: DebriefSectionProps) {
  return (
    <section aria-labelledby="rep-first">
      <h2 id="rep-first">1. The rep first: so how did that feel?</h2>
      <p class="muted">Ask first, tell second. Let the rep answer before any notes are shared.</p>
      {SELF_QUESTIONS.map(([field, label]) => (
        <DebriefText
          key={field}
          {...{ value, update }}
          label={label}
          part="selfAssessment"
          field={field}
          maxLength={1000}
          rows={2}
        />
      ))}
      {!notesRevealed(value) && (
        <button onClick={() => update((d) => ({ ...d, selfAssessment: { ...d.selfAssessment, skipped: true } }))}>
          Skip the self-assessment
        </button>
      )}
    </section>
  );
}
