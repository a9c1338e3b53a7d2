import { useRef, useState } from 'preact/hooks';
import {
  draftFromPlan,
  emptyPlanDraft,
  type Plan,
  type PlanDraft,
  type PlanField,
  type PlanProblem,
} from '../domain/plan';

interface Props {
  plan?: Plan;
  /** Resolves with the problems to show, or an empty list once the plan is stored. */
  onSave: (draft: PlanDraft, previous?: Plan) => Promise<PlanProblem[]>;
  onCancel: () => void;
}

/** The minimal plan form: title, time, meeting link, agenda with time boxes. The full editor is the plan issue's. */
export function PlanForm({ plan, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<PlanDraft>(() => (plan ? draftFromPlan(plan) : emptyPlanDraft(Date.now())));
  const [problems, setProblems] = useState<PlanProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const problemFor = (field: PlanField) => problems.find((problem) => problem.field === field);
  const fieldProps = (field: PlanField) => {
    const problem = problemFor(field);
    return problem ? { 'aria-invalid': true, 'aria-describedby': `problem-${field}` } : {};
  };
  const problemText = (field: PlanField) => {
    const problem = problemFor(field);
    return problem ? (
      <span class="field-problem" id={`problem-${field}`}>
        {problem.message}
      </span>
    ) : null;
  };
  const setRow = (index: number, change: Partial<PlanDraft['agenda'][number]>) =>
    setDraft({ ...draft, agenda: draft.agenda.map((row, i) => (i === index ? { ...row, ...change } : row)) });

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      const found = await onSave(draft, plan);
      setProblems(found);
      if (found.length > 0) {
        // Takes the keyboard to the first thing to fix.
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }
    } catch (error) {
      setSaveError(`The plan was not saved: ${String(error)}. Your text is still here; try again.`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} class="plan-form" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{plan ? 'Edit plan' : 'New plan'}</h1>
      <label>
        Title
        <input
          value={draft.title}
          placeholder="Acme Logistics: proposal review"
          onInput={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
          {...fieldProps('title')}
        />
        {problemText('title')}
      </label>
      <label>
        Starts
        <input
          type="datetime-local"
          value={draft.scheduledStartLocal}
          onInput={(event) => setDraft({ ...draft, scheduledStartLocal: event.currentTarget.value })}
          {...fieldProps('scheduledStart')}
        />
        {problemText('scheduledStart')}
      </label>
      <label>
        Meeting link
        <input
          type="url"
          value={draft.meetingLink}
          placeholder="https://meet.google.com/abc-defg-hij"
          onInput={(event) => setDraft({ ...draft, meetingLink: event.currentTarget.value })}
          {...fieldProps('meetingLink')}
        />
        {problemText('meetingLink')}
      </label>
      <fieldset class="agenda-rows">
        <legend>Agenda</legend>
        {problemText('agenda')}
        {draft.agenda.map((row, index) => (
          <div class="agenda-row" key={index}>
            <label class="agenda-title">
              <span class="visually-hidden">Item {index + 1} title</span>
              <input
                value={row.title}
                placeholder={index === 0 ? 'Open and agree the agenda' : `Item ${index + 1}`}
                onInput={(event) => setRow(index, { title: event.currentTarget.value })}
                {...fieldProps(`agenda.${index}.title`)}
              />
            </label>
            <label class="agenda-minutes">
              <span class="visually-hidden">Item {index + 1} minutes</span>
              <input
                inputMode="numeric"
                value={row.minutes}
                placeholder="min"
                onInput={(event) => setRow(index, { minutes: event.currentTarget.value })}
                {...fieldProps(`agenda.${index}.minutes`)}
              />
            </label>
            <button
              type="button"
              aria-label={`Remove item ${index + 1}`}
              disabled={draft.agenda.length === 1}
              onClick={() => setDraft({ ...draft, agenda: draft.agenda.filter((_, i) => i !== index) })}
            >
              ✕
            </button>
            {problemText(`agenda.${index}.title`)}
            {problemText(`agenda.${index}.minutes`)}
          </div>
        ))}
        <button
          type="button"
          onClick={() => setDraft({ ...draft, agenda: [...draft.agenda, { title: '', minutes: '' }] })}
        >
          Add item
        </button>
      </fieldset>
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div class="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          Save plan
        </button>
      </div>
    </form>
  );
}
