import { notesRevealed } from '../domain/debrief';
import type { DebriefSectionProps } from './useDebriefAutosave';

/** 1. The rep answers first, before any notes are shared: ask first, tell second. */
export function SelfAssessment({ value, update }: DebriefSectionProps) {
  const setSelf = (field: 'feel' | 'wentWell' | 'doDifferently', text: string) =>
    update((d) => ({ ...d, selfAssessment: { ...d.selfAssessment, [field]: text } }));
  return (
    <section aria-labelledby="rep-first">
      <h2 id="rep-first">1. The rep first: so how did that feel?</h2>
      <p class="muted">Ask first, tell second. Let the rep answer before any notes are shared.</p>
      <label>
        How did it feel?
        <textarea
          rows={2}
          maxLength={1000}
          value={value.selfAssessment.feel}
          onInput={(e) => setSelf('feel', e.currentTarget.value)}
        />
      </label>
      <label>
        What went well?
        <textarea
          rows={2}
          maxLength={1000}
          value={value.selfAssessment.wentWell}
          onInput={(e) => setSelf('wentWell', e.currentTarget.value)}
        />
      </label>
      <label>
        What would you do differently?
        <textarea
          rows={2}
          maxLength={1000}
          value={value.selfAssessment.doDifferently}
          onInput={(e) => setSelf('doDifferently', e.currentTarget.value)}
        />
      </label>
      {!notesRevealed(value) && (
        <button onClick={() => update((d) => ({ ...d, selfAssessment: { ...d.selfAssessment, skipped: true } }))}>
          Skip the self-assessment
        </button>
      )}
    </section>
  );
}
