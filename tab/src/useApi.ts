import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DependencyList,
  type Dispatch,
  type SetStateAction,
} from "react";

// How a page loads what it shows from the service: the answer, or the service's words for why
// not, and loading again after a change.

export interface Loaded<T> {
  /** The last answer; kept on screen while a reload is under way. */
  data: T | undefined;
  /** Why the last load failed, in the service's words; cleared by the next that succeeds. */
  error: string | null;
  /** Nothing to show yet: the first answer has not come. */
  loading: boolean;
  /** Loads again; failures end up in `error`, so it never rejects. */
  reload: () => Promise<void>;
  /** Loads with another call (signing in as someone else), as reload does. */
  run: (load: () => Promise<T>) => Promise<void>;
  /** Shows an answer a change returned (or one made from the answer shown), or nothing until the next load. */
  setData: Dispatch<SetStateAction<T | undefined>>;
}

/** Calls `load` now and whenever `deps` change. */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  // Only the latest call's answer is shown, and none once the page has closed.
  const latest = useRef(0);

  const run = useCallback(async (call: () => Promise<T>) => {
    const mine = ++latest.current;
    try {
      const answer = await call();
      if (mine !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (e) {
      if (mine === latest.current) setError((e as Error).message);
    }
  }, []);

  // The caller's dependencies stand for what `load` reads, as with useCallback.
  const current = useCallback(load, deps);
  useEffect(() => {
    void run(current);
    return () => {
      latest.current++;
    };
  }, [run, current]);
  const reload = useCallback(() => run(current), [run, current]);

  return { data, error, loading: data === undefined && error === null, reload, run, setData };
}
