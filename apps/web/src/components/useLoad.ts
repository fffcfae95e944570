import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { asApiError, type ApiError } from '../api/errors';

const changeListeners = new Set<() => void>();

/** Tell the data that follows every change (the "waiting on you" counts) to load again. */
export function notifyChanged(): void {
  for (const l of changeListeners) l();
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

/** Loads on mount and when `deps` change; `followChanges` also reloads after notifyChanged(). */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, options: { followChanges?: boolean } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (!options.followChanges) return;
    changeListeners.add(reload);
    return () => void changeListeners.delete(reload);
  }, [options.followChanges, reload]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (value) => live && (setData(value), setError(null), setLoading(false)),
      (err: unknown) => live && (setError(asApiError(err)), setLoading(false)),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure each render: `deps` says when what it loads changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  return { data, error, loading, reload, setData };
}
