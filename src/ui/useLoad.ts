// Something a surface reads before it can show it, in the one shape every surface uses: loading, failed (with the
// error, for the surface to put in its own words) or ready.
import { useEffect, useRef, useState, type Inputs } from 'preact/hooks';

export type Loadable<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; value: T };

export interface Load<T> {
  loaded: Loadable<T>;
  /** Loads again from "Loading…": Try again after a failure, Check again. */
  retry: () => Promise<void>;
  /** Loads again while what is shown stays on screen until the new value is there (a list after an edit). */
  refresh: () => Promise<void>;
  /** Changes the value shown; nothing while it is loading or failed. */
  update: (change: (value: T) => T) => void;
}

/**
 * Runs `load` when `deps` change, and whenever asked again. A load started later wins: the answer of an earlier one
 * that arrives after it is dropped. `early` shows a first part while the rest is on its way (the first page of a long
 * list), but only while nothing is shown yet: a refresh never swaps a full list for a short one.
 */
export function useLoad<T>(load: (early: (part: T) => void) => Promise<T>, deps: Inputs): Load<T> {
  const [loaded, setLoaded] = useState<Loadable<T>>({ status: 'loading' });
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const runs = useRef(0);

  const run = async (fromLoading: boolean) => {
    const thisRun = ++runs.current;
    const current = () => thisRun === runs.current;
    if (fromLoading) setLoaded((shown) => (shown.status === 'loading' ? shown : { status: 'loading' }));
    const early = (part: T) => {
      if (current()) setLoaded((shown) => (shown.status === 'ready' ? shown : { status: 'ready', value: part }));
    };
    try {
      const value = await latestLoad.current(early);
      if (current()) setLoaded({ status: 'ready', value });
    } catch (error) {
      if (current()) setLoaded({ status: 'failed', error });
    }
  };

  useEffect(() => void run(true), deps);

  return {
    loaded,
    retry: () => run(true),
    refresh: () => run(false),
    update: (change) =>
      setLoaded((shown) => {
        if (shown.status !== 'ready') return shown;
        const value = change(shown.value);
        return value === shown.value ? shown : { status: 'ready', value };
      }),
  };
}
