import { useState } from 'preact/hooks';

/**
 * What the plan editor says about fields that don't hold a valid value: the message, keyed by field, and the text
 * typed into number and date fields that is not a valid value yet, so it isn't snapped back.
 */
export function useFieldProblems() {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});

  const setProblem = (key: string, message: string | null) =>
    setProblems((current) => {
      const next = { ...current };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });
  const setDraft = (key: string, value: string | null) =>
    setDrafts((current) => {
      const next = { ...current };
      if (value === null) delete next[key];
      else next[key] = value;
      return next;
    });

  /** A whole-number field: valid input updates the plan; anything else stays visible with a message. */
  const numberInput = (key: string, value: number, min: number, max: number, apply: (value: number) => void) => ({
    type: 'number' as const,
    inputMode: 'numeric' as const,
    min,
    max,
    value: drafts[key] ?? String(value),
    'aria-invalid': problems[key] ? true : undefined,
    'aria-describedby': problems[key] ? `problem-${key}` : undefined,
    onInput: (event: Event) => {
      const text = (event.currentTarget as HTMLInputElement).value;
      const parsed = Number(text);
      if (/^\d+$/.test(text.trim()) && parsed >= min && parsed <= max) {
        setDraft(key, null);
        setProblem(key, null);
        apply(parsed);
      } else {
        setDraft(key, text);
        setProblem(key, `Enter ${min} to ${max} whole minutes.`);
      }
    },
  });

  /** The field's message, for its aria-describedby; nothing while the field is fine. */
  const problemText = (key: string) =>
    problems[key] ? (
      <span class="field-problem" id={`problem-${key}`} role="alert">
        {problems[key]}
      </span>
    ) : null;

  return { drafts, problems, setProblem, setDraft, numberInput, problemText };
}

export type FieldProblems = ReturnType<typeof useFieldProblems>;
