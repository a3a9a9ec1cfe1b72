import { useCallback, useEffect, useState } from 'react';

export type Resource<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded value locally (after a delete, for instance) without a new request. */
  update: (change: (current: T | undefined) => T | undefined) => void;
};

/** Loads one value for a component; a change of `key` loads again, stale answers are ignored. */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: unknown; loading: boolean }>({
    key,
    data: undefined,
    error: null,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((current) => ({ key, data: current.key === key ? current.data : undefined, error: null, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
    // `load` is expected to change with `key` only
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const update = useCallback(
    (change: (current: T | undefined) => T | undefined) => setState((current) => ({ ...current, data: change(current.data) })),
    [],
  );
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: key !== null && (!current || state.loading),
    reload,
    update,
  };
}
