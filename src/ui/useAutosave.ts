import { useEffect, useRef, useState } from 'preact/hooks';

export type AutosaveState =
  | { status: 'saved' }
  /** An edit waits for the typing to pause. */
  | { status: 'unsaved' }
  | { status: 'saving' }
  | { status: 'failed'; error: unknown };

export interface AutosaveOptions {
  /**
   * Starts writing what waits to be saved, or returns null when nothing does. Rejects when it could not be written;
   * whatever it took from the waiting edits it puts back first, so it is written next time.
   */
  write: () => Promise<unknown> | null;
  /** Whether an edit still waits once a write has landed (one typed while it ran, say). */
  hasUnsaved: () => boolean;
  /** How the page opens: `unsaved` for a new plan, which is written on its first change. */
  initial?: 'saved' | 'unsaved';
  /** After a failed save, it is tried again on its own this long after. Without it, it waits for the next edit. */
  retryMs?: number;
}

const SAVE_DELAY_MS = 300;

/**
 * The save engine of a page that saves as you type, with no Save button to forget: an edit is written a moment after
 * the typing pauses, and at once when the page is hidden, left or closed. The saved state shows only once IndexedDB
 * has committed. What is saved, and how, is the page's: the plan editor (popup/usePlanAutosave.ts) and the debrief
 * (debrief/useDebriefAutosave.ts) each give their own `write`.
 */
export function useAutosave(options: AutosaveOptions) {
  const [state, setState] = useState<AutosaveState>({ status: options.initial ?? 'saved' });
  // The listeners set up on the first render call the latest options, not the first ones.
  const latest = useRef(options);
  latest.current = options;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  /** Drops the save that waits for its time, if any. */
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /**
   * Writes what waits now, after the write under way. Resolves false when it could not be written. A `quiet` write
   * (the retry after a failure) leaves the failure shown until it succeeds, so "Try saving again" doesn't flicker away.
   */
  const saveNow = async ({ quiet = false } = {}): Promise<boolean> => {
    cancel();
    if (inFlight.current) await inFlight.current;
    const writing = latest.current.write();
    if (!writing) return true;
    if (!quiet) setState({ status: 'saving' });
    inFlight.current = writing.then(
      () => {
        setState(latest.current.hasUnsaved() ? { status: 'unsaved' } : { status: 'saved' });
        return true;
      },
      (error: unknown) => {
        setState({ status: 'failed', error });
        const { retryMs } = latest.current;
        // Unless a newer edit already waits for its own time.
        if (retryMs !== undefined) timer.current ??= setTimeout(() => void saveNow({ quiet: true }), retryMs);
        return false;
      },
    );
    const saved = await inFlight.current;
    inFlight.current = null;
    return saved;
  };

  /** Something changed: it is written once the typing pauses (or after `delayMs`). */
  const schedule = (delayMs = SAVE_DELAY_MS) => {
    setState({ status: 'unsaved' });
    cancel();
    timer.current = setTimeout(() => void saveNow(), delayMs);
  };

  // The popup closes the moment focus leaves it, and a tab can close with an edit waiting: save it right away.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && timer.current) void saveNow();
    };
    const onPageHide = () => {
      if (timer.current) void saveNow();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // The page closed with an edit still waiting: write it rather than lose it.
      if (timer.current) void saveNow();
    };
  }, []);

  /** The page took a stored copy as it is: nothing waits. */
  const markSaved = () => setState({ status: 'saved' });

  return { state, saveNow, schedule, cancel, markSaved };
}
