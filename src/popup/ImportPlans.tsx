import { useState } from 'preact/hooks';
import type { IncomingPlans } from '../domain/incoming-plans';
import { planDisplayName, type Plan } from '../domain/plan';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, PLAN_FILE_EXTENSION } from '../domain/plan-file';
import { decodeShareCode } from '../domain/share-code';
import { importPlans, type ImportOutcome } from '../storage/plans';
import { JsonFileInput, readFileText } from '../ui/files';

interface Props {
  onDone: () => void;
  onImported: () => Promise<void>;
}

function outcomeText({ decision, plan }: ImportOutcome): string {
  const name = planDisplayName(plan);
  switch (decision) {
    case 'new':
      return `Imported “${name}”.`;
    case 'update':
      return `Updated “${name}” to the shared version.`;
    case 'up-to-date':
      return `“${name}” is already up to date.`;
    case 'older':
      return `You already have a newer version of “${name}”, so this older copy changed nothing.`;
    case 'local-changed':
      return `“${name}” was changed here since it was shared.`;
  }
}

/** Paste a share code or pick a plan file; see what it did to each plan; decide about plans changed here since. */
export function ImportPlans({ onDone, onImported }: Props) {
  const [code, setCode] = useState('');
  /** The refusal, and which input it is about, so the message is tied to that field. */
  const [error, setError] = useState<{ text: string; from: 'code' | 'file' } | null>(null);
  const [results, setResults] = useState<string[]>([]);
  const [conflicts, setConflicts] = useState<Plan[]>([]);

  const importIncoming = async (incoming: IncomingPlans, from: 'code' | 'file') => {
    setError(null);
    setResults([]);
    setConflicts([]);
    if (!incoming.ok) {
      setError({ text: incoming.message, from });
      return;
    }
    try {
      const outcomes = await importPlans(incoming.plans);
      setResults(outcomes.filter((outcome) => outcome.decision !== 'local-changed').map(outcomeText));
      setConflicts(outcomes.filter((outcome) => outcome.decision === 'local-changed').map((outcome) => outcome.plan));
      await onImported();
    } catch (failure) {
      setError({ text: `Nothing was imported: ${String(failure)}`, from });
    }
  };

  const importFile = async (file: File) => {
    // The size is checked before the file is read, so a huge file is never loaded.
    await importIncoming(parsePlanFile((await readFileText(file, MAX_PLAN_FILE_BYTES)) ?? '', file.size), 'file');
  };

  const resolve = async (plan: Plan, replace: boolean) => {
    if (replace) await importPlans([plan], new Set([plan.id]));
    const name = planDisplayName(plan);
    setConflicts(conflicts.filter((conflict) => conflict.id !== plan.id));
    setResults([
      ...results,
      replace ? `Replaced “${name}” with the shared version.` : `Kept your version of “${name}”.`,
    ]);
    await onImported();
  };

  return (
    <form
      class="plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        void decodeShareCode(code).then((incoming) => importIncoming(incoming, 'code'));
      }}
    >
      <h1>Import a plan</h1>
      <label>
        Share code
        <textarea
          rows={4}
          value={code}
          placeholder="RA1.…"
          spellcheck={false}
          onInput={(event) => setCode(event.currentTarget.value)}
          aria-invalid={error?.from === 'code' ? true : undefined}
          aria-describedby={error?.from === 'code' ? 'import-error' : undefined}
        />
      </label>
      <label>
        Or a plan file ({PLAN_FILE_EXTENSION})
        <JsonFileInput
          onFile={(file) => void importFile(file)}
          problemId={error?.from === 'file' ? 'import-error' : undefined}
        />
      </label>
      {error && (
        <p class="error" id="import-error" role="alert">
          {error.text}
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
        <div class="conflict" key={plan.id} role="group" aria-label={`Conflict: ${planDisplayName(plan)}`}>
          <p>
            “{planDisplayName(plan)}” was changed in this browser since it was shared. Replace it with the shared
            version?
          </p>
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
