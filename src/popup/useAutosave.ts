import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { describePlanIssue } from '../domain/incoming-plans';
import type { Plan } from '../domain/plan';
import { savePlanEdit, StalePlanError } from '../storage/plans';
import { errorText } from '../domain/text';

export type SaveState =
  | { status: 'saved' }
  | { status: 'unsaved' }
  | { status: 'saving' }
  | { status: 'failed'; message: string }
  | { status: 'stale'; stored: Plan };

const SAVE_DELAY_MS = 300;

/** A plan's content without the bookkeeping that every save changes. */
function contentOf(plan: Plan): string {
  const { revision, updatedAt, ...content } = plan;
  return JSON.stringify(content);
}

/**
 * Saves the plan a moment after each change, with no Save button to forget. The saved state shows only once
 * IndexedDB has committed. A save based on a copy another window changed since is refused, never silently merged.
 * `stored` is false for a new plan, which is written on its first change, not on opening the editor.
 */
export function useAutosave(plan: Plan, setPlan: (update: (current: Plan) => Plan) => void, stored: boolean) {
  const [state, setState] = useState<SaveState>({ status: stored ? 'saved' : 'unsaved' });
  const lastSaved = useRef<string | null>(contentOf(plan));
  const latest = useRef(plan);
  latest.current = plan;
  // The revision the next save builds on. A ref, not state: a save that follows another must see its result at once,
  // before the editor re-renders, or it would look stale to storage.
  const baseRevision = useRef(plan.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  // Whether the plan is in storage yet; a new plan is written on its first change, or when something needs it stored.
  const isStored = useRef(stored);
  // Set when the plan is deleted: a save still waiting must not bring it back.
  const discarded = useRef(false);

  /** Saves pending edits now. `force` also writes a new plan nobody changed yet (to open it in a tab, say). */
  const saveNow = async ({ force = false } = {}): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    if (discarded.current) return;
    const toSave = { ...latest.current, revision: baseRevision.current };
    const content = contentOf(toSave);
    if (content === lastSaved.current && (isStored.current || !force)) return;
    setState({ status: 'saving' });
    inFlight.current = savePlanEdit(toSave, Date.now()).then(
      (saved) => {
        isStored.current = true;
        lastSaved.current = content;
        baseRevision.current = saved.revision;
        setPlan((current) => ({ ...current, revision: saved.revision, updatedAt: saved.updatedAt }));
        setState(contentOf(latest.current) === content ? { status: 'saved' } : { status: 'unsaved' });
      },
      (error: unknown) => {
        setState(
          error instanceof StalePlanError
            ? { status: 'stale', stored: error.stored }
            : { status: 'failed', message: saveProblem(error) },
        );
      },
    );
    await inFlight.current;
    inFlight.current = null;
  };

  const content = contentOf(plan);
  useEffect(() => {
    if (content === lastSaved.current) return;
    if (state.status === 'stale') return;
    setState({ status: 'unsaved' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  }, [content]);

  // The popup closes the moment focus leaves it: save what is pending right away.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden' && timer.current) void saveNow();
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
      // The editor closed with an edit still waiting: write it rather than lose it (unless the plan was deleted).
      if (timer.current) void saveNow();
    };
  }, []);

  /** The plan is being deleted: drop whatever save is waiting, so it can't write the plan back. */
  const discard = () => {
    discarded.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Drops local edits in favour of the copy another window saved. */
  const takeStored = (storedPlan: Plan) => {
    lastSaved.current = contentOf(storedPlan);
    baseRevision.current = storedPlan.revision;
    setPlan(() => storedPlan);
    setState({ status: 'saved' });
  };

  /** Keeps local edits and writes them over the other window's copy, which the user chose to do. */
  const overwriteStored = (storedPlan: Plan) => {
    baseRevision.current = storedPlan.revision;
    setPlan((current) => ({ ...current, revision: storedPlan.revision }));
    setState({ status: 'unsaved' });
    lastSaved.current = null;
    timer.current = setTimeout(() => void saveNow(), 0);
  };

  return { state, saveNow, discard, takeStored, overwriteStored };
}

/** A save refused by the plan's schema names the field in the editor's words, not the validator's. */
function saveProblem(error: unknown): string {
  if (v.isValiError(error) && error.issues[0]) return `${upperFirst(describePlanIssue(error.issues[0]))}.`;
  return errorText(error);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
