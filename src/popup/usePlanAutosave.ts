import { useEffect, useRef } from 'preact/hooks';
import * as v from 'valibot';
import { describePlanIssue } from '../domain/incoming-plans';
import type { Plan } from '../domain/plan';
import { savePlanEdit, StalePlanError } from '../storage/plans';
import { errorText } from '../domain/text';
import { useAutosave, type AutosaveState } from '../ui/useAutosave';

export type SaveState =
  | { status: 'saved' }
  | { status: 'unsaved' }
  | { status: 'saving' }
  | { status: 'failed'; message: string }
  | { status: 'stale'; stored: Plan };

/** A plan's content without the bookkeeping that every save changes. */
function contentOf(plan: Plan): string {
  const { revision, updatedAt, ...content } = plan;
  return JSON.stringify(content);
}

/**
 * Saves the plan a moment after each change (ui/useAutosave.ts). A save based on a copy another window changed since
 * is refused, never silently merged. `stored` is false for a new plan, which is written on its first change, not on
 * opening the editor.
 */
export function usePlanAutosave(plan: Plan, setPlan: (update: (current: Plan) => Plan) => void, stored: boolean) {
  const lastSaved = useRef<string | null>(contentOf(plan));
  const latest = useRef(plan);
  latest.current = plan;
  // The revision the next save builds on. A ref, not state: a save that follows another must see its result at once,
  // before the editor re-renders, or it would look stale to storage.
  const baseRevision = useRef(plan.revision);
  // Whether the plan is in storage yet; a new plan is written on its first change, or when something needs it stored.
  const isStored = useRef(stored);
  // Set when the plan is deleted: a save still waiting must not bring it back.
  const discarded = useRef(false);

  const autosave = useAutosave({
    initial: stored ? 'saved' : 'unsaved',
    write: () => {
      if (discarded.current) return null;
      const toSave = { ...latest.current, revision: baseRevision.current };
      const content = contentOf(toSave);
      if (content === lastSaved.current) return null;
      return savePlanEdit(toSave, Date.now()).then((saved) => {
        isStored.current = true;
        lastSaved.current = content;
        baseRevision.current = saved.revision;
        setPlan((current) => ({ ...current, revision: saved.revision, updatedAt: saved.updatedAt }));
      });
    },
    hasUnsaved: () => contentOf(latest.current) !== lastSaved.current,
  });
  const content = contentOf(plan);
  // An edit on screen that no save has taken yet is never shown as saved: the save is scheduled in an effect, a frame
  // after the edit renders, and "✓ Saved" meanwhile would be a promise the plan doesn't keep (a person closing the
  // popup on it, or a test reading storage).
  const state =
    autosave.state.status === 'saved' && content !== lastSaved.current && !discarded.current
      ? { status: 'unsaved' as const }
      : planSaveState(autosave.state);

  useEffect(() => {
    if (content === lastSaved.current) return;
    if (state.status === 'stale') return;
    autosave.schedule();
  }, [content]);

  /** Saves pending edits now. `force` also writes a new plan nobody changed yet (to open it in a tab, say). */
  const saveNow = async ({ force = false } = {}): Promise<void> => {
    if (force && !isStored.current) lastSaved.current = null;
    await autosave.saveNow();
  };

  /** The plan is being deleted: drop whatever save is waiting, so it can't write the plan back. */
  const discard = () => {
    discarded.current = true;
    autosave.cancel();
  };

  /** Drops local edits in favour of the copy another window saved. */
  const takeStored = (storedPlan: Plan) => {
    lastSaved.current = contentOf(storedPlan);
    baseRevision.current = storedPlan.revision;
    setPlan(() => storedPlan);
    autosave.markSaved();
  };

  /** Keeps local edits and writes them over the other window's copy, which the user chose to do. */
  const overwriteStored = (storedPlan: Plan) => {
    baseRevision.current = storedPlan.revision;
    setPlan((current) => ({ ...current, revision: storedPlan.revision }));
    lastSaved.current = null;
    autosave.schedule(0);
  };

  return { state, saveNow, discard, takeStored, overwriteStored };
}

/** A save refused as stale offers the other window's copy; one refused by the schema names the field. */
function planSaveState(state: AutosaveState): SaveState {
  if (state.status !== 'failed') return state;
  if (state.error instanceof StalePlanError) return { status: 'stale', stored: state.error.stored };
  return { status: 'failed', message: saveProblem(state.error) };
}

/** A save refused by the plan's schema names the field in the editor's words, not the validator's. */
function saveProblem(error: unknown): string {
  if (v.isValiError(error) && error.issues[0]) return `${upperFirst(describePlanIssue(error.issues[0]))}.`;
  return errorText(error);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
