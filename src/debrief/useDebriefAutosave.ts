import { useRef, useState } from 'preact/hooks';
import type { Debrief } from '../domain/debrief';
import { saveDebrief } from '../storage/debriefs';
import { useAutosave } from '../ui/useAutosave';

/** After a failed save, it is tried again on its own this long after, and at once on "Try saving again". */
const SAVE_RETRY_MS = 5_000;

/** An edit to the debrief, as a change to whatever is current when it lands. */
export type DebriefChange = (current: Debrief) => Debrief;

/**
 * The debrief as shown, saved a moment after each edit (ui/useAutosave.ts). A failed save is kept and tried again.
 * `merge` runs a write of the stored debrief (a partner's package) without losing edits typed around it.
 */
export function useDebriefAutosave() {
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  /** The newest edit not written yet. */
  const pending = useRef<Debrief | null>(null);
  /** While a partner's package is being merged: the edits typed meanwhile, as changes to replay afterwards. */
  const typedDuringMerge = useRef<DebriefChange[] | null>(null);
  /** The debrief as shown, for code that runs after an await. */
  const shownDebrief = useRef(debrief);
  shownDebrief.current = debrief;

  const autosave = useAutosave({
    write: () => {
      const next = pending.current;
      pending.current = null;
      if (!next) return null;
      return saveDebrief(next).catch((error: unknown) => {
        // Kept, unless a newer edit already replaced it: "Try again" and leaving the page both save it then.
        pending.current ??= next;
        throw error;
      });
    },
    hasUnsaved: () => pending.current !== null,
    retryMs: SAVE_RETRY_MS,
  });

  /** Shows the debrief read from storage, unless one is shown already (edits made since must not be lost). */
  const showLoaded = (loaded: Debrief) => setDebrief((current) => current ?? loaded);

  const update = (change: DebriefChange) => {
    if (!debrief) return;
    if (typedDuringMerge.current) {
      // Shown at once, saved once the merge has landed (see merge).
      typedDuringMerge.current.push(change);
      setDebrief((shown) => shown && { ...change(shown), updatedAt: Date.now() });
      return;
    }
    const next = { ...change(debrief), updatedAt: Date.now() };
    setDebrief(next);
    pending.current = next;
    autosave.schedule();
  };

  /**
   * Runs `write`, which rewrites the stored debrief. Edits typed a moment ago are stored first, so the merge builds on
   * them (unsaved, they would be merged over); resolves 'unsaved', having run nothing, when they could not be.
   */
  const merge = async <R extends { debrief: Debrief | null }>(write: () => Promise<R>): Promise<R | 'unsaved'> => {
    if (!(await autosave.saveNow())) return 'unsaved';
    typedDuringMerge.current = [];
    let result: R | undefined;
    try {
      result = await write();
    } finally {
      // Edits typed while the merge ran are replayed on top of the merged debrief, so neither is lost.
      const typed = typedDuringMerge.current;
      typedDuringMerge.current = null;
      const base = result?.debrief ?? shownDebrief.current;
      if (base && typed.length > 0) {
        const next = typed.reduce((debrief, change) => ({ ...change(debrief), updatedAt: Date.now() }), base);
        pending.current = next;
        setDebrief(next);
        void autosave.saveNow();
      } else if (result?.debrief) setDebrief(result.debrief);
    }
    return result;
  };

  return { debrief, state: autosave.state, update, saveNow: autosave.saveNow, showLoaded, merge };
}

/** What each section of the debrief page gets: the debrief as shown, and the one way to change it. */
export interface DebriefSectionProps {
  value: Debrief;
  update: (change: DebriefChange) => void;
}
