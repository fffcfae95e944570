import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/errors';

/**
 * Runs one action at a time (a second click before React re-renders is ignored, so nothing is sent twice),
 * with `busy` naming the running action for the buttons and `error` holding the API's answer when it fails.
 */
export function useAction<K extends string = 'run'>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const run = useCallback(async (kind: K, action: () => Promise<unknown>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(kind);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return { busy, error, run };
}
