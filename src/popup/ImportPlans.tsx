import { useState } from 'preact/hooks';
import type { Plan } from '../domain/plan';
import { decodeShareCode } from '../domain/share-code';
import { importPlans, type ImportOutcome } from '../storage/plans';

interface Props {
  onDone: () => void;
  onImported: () => Promise<void>;
}

function outcomeText({ decision, plan }: ImportOutcome): string {
  switch (decision) {
    case 'new':
      return `Imported “${plan.title}”.`;
    case 'update':
      return `Updated “${plan.title}” to the shared version.`;
    case 'up-to-date':
      return `“${plan.title}” is already up to date.`;
    case 'local-changed':
      return `“${plan.title}” was changed here since it was shared.`;
  }
}

/** Paste a share code; see what it did to each plan; decide about plans that were changed here since. */
export function ImportPlans({ onDone, onImported }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<string[]>([]);
  const [conflicts, setConflicts] = useState<Plan[]>([]);

  const importCode = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setResults([]);
    const decoded = await decodeShareCode(code);
    if (!decoded.ok) {
      setError(decoded.message);
      return;
    }
    try {
      const outcomes = await importPlans(decoded.plans);
      setResults(outcomes.filter((outcome) => outcome.decision !== 'local-changed').map(outcomeText));
      setConflicts(outcomes.filter((outcome) => outcome.decision === 'local-changed').map((outcome) => outcome.plan));
      await onImported();
    } catch (failure) {
      setError(`Nothing was imported: ${String(failure)}`);
    }
  };

  const resolve = async (plan: Plan, replace: boolean) => {
    if (replace) await importPlans([plan], new Set([plan.id]));
    setConflicts(conflicts.filter((conflict) => conflict.id !== plan.id));
    setResults([
      ...results,
      replace ? `Replaced “${plan.title}” with the shared version.` : `Kept your version of “${plan.title}”.`,
    ]);
    await onImported();
  };

  return (
    <form class="plan-form" onSubmit={(event) => void importCode(event)}>
      <h1>Import a plan</h1>
      <label>
        Share code
        <textarea
          rows={4}
          value={code}
          placeholder="RA1.…"
          spellcheck={false}
          onInput={(event) => setCode(event.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'import-error' : undefined}
        />
      </label>
      {error && (
        <p class="error" id="import-error" role="alert">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <ul class="import-results" role="status">
          {results.map((result) => (
            <li key={result}>{result}</li>
          ))}
        </ul>
      )}
      {conflicts.map((plan) => (
        <div class="conflict" key={plan.id} role="group" aria-label={`Conflict: ${plan.title}`}>
          <p>“{plan.title}” was changed in this browser since it was shared. Replace it with the shared version?</p>
          <button type="button" onClick={() => void resolve(plan, true)}>
            Replace mine
          </button>{' '}
          <button type="button" onClick={() => void resolve(plan, false)}>
            Keep mine
          </button>
        </div>
      ))}
      <div class="form-actions">
        <button type="button" onClick={onDone}>
          Done
        </button>
        <button type="submit" class="primary">
          Import
        </button>
      </div>
    </form>
  );
}
