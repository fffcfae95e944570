import { useCallback, useEffect, useState } from 'react';
import { asApiError } from '../api/errors';
import { getOperation, newOperationId, type Operation } from '../api/operations';

const POLL_MS = 500;
const key = (scope: string) => `inovasi.operation.${scope}`;

function stored(scope: string): string | null {
  try {
    return sessionStorage.getItem(key(scope));
  } catch {
    return null;
  }
}
function remember(scope: string, id: string | null): void {
  try {
    if (id) sessionStorage.setItem(key(scope), id);
    else sessionStorage.removeItem(key(scope));
  } catch {
    /* private mode: progress is shown, but not after a reload */
  }
}

export interface OperationTracker {
  /** A new operation id for the request about to be sent (X-Operation-Id); kept in sessionStorage until it ends. */
  begin(): string;
  /** The request has answered: the page shows its own result. */
  end(): void;
  /** The operation's last state read from GET /api/operations/{id} (null before the first read). */
  operation: Operation | null;
  /** An operation of this scope is running (sent from here, or found after a page reload). */
  active: boolean;
  /** The operation was found in sessionStorage after a reload: no answer will come, only its final state. */
  resumed: boolean;
  dismiss(): void;
}

/**
 * Follows the long operation of one action of a page (`scope`, e.g. `publish:<competition id>`): the page sends
 * the id from `begin()` with its request and keeps working meanwhile; the tracker polls the operation's state,
 * and after a reload picks the id up from sessionStorage and follows it to its end.
 */
export function useOperation(scope: string): OperationTracker {
  const [id, setId] = useState<string | null>(() => stored(scope));
  const [resumed, setResumed] = useState(() => stored(scope) !== null);
  const [operation, setOperation] = useState<Operation | null>(null);

  useEffect(() => {
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const op = await getOperation(id);
        if (stopped) return;
        setOperation(op);
        if (op.state !== 'running') {
          remember(scope, null);
          return;
        }
      } catch (err) {
        if (stopped) return;
        // A request on its way has no row yet; a remembered id the server never saw is forgotten.
        if (resumed && asApiError(err).status === 404) {
          remember(scope, null);
          setId(null);
          return;
        }
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, scope, resumed]);

  const begin = useCallback(() => {
    const next = newOperationId();
    remember(scope, next);
    setOperation(null);
    setResumed(false);
    setId(next);
    return next;
  }, [scope]);
  const dismiss = useCallback(() => {
    remember(scope, null);
    setId(null);
    setOperation(null);
    setResumed(false);
  }, [scope]);

  return { begin, end: dismiss, dismiss, operation, resumed, active: id !== null && (operation === null || operation.state === 'running') };
}
