import { useEffect, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A small history-API router: the server answers every page path with index.html (SPA fallback). */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Pages holding unsaved input: each returns the question to ask before leaving, or null to let go. */
const leaveGuards = new Set<() => string | null>();

/** True when no guard holds the page, or the user agreed to leave anyway. */
function mayLeave(): boolean {
  for (const guard of leaveGuards) {
    const question = guard();
    if (question && !window.confirm(question)) return false;
  }
  return true;
}

let shownUrl = typeof location === 'undefined' ? '' : location.pathname + location.search;
if (typeof window !== 'undefined')
  window.addEventListener('popstate', (e) => {
    // Back/forward already moved the URL: put it back when the page must not be left yet.
    if (!mayLeave()) {
      e.stopImmediatePropagation();
      history.pushState(null, '', shownUrl);
      return;
    }
    shownUrl = location.pathname + location.search;
  });

/**
 * While `question` is set, leaving the page asks it first: links and `navigate` in the app (confirm dialog),
 * back/forward, and closing or reloading the tab (the browser's own `beforeunload` dialog).
 */
export function useLeaveGuard(question: string | null): void {
  useEffect(() => {
    if (!question) return;
    const guard = () => question;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = question;
      return question;
    };
    leaveGuards.add(guard);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      leaveGuards.delete(guard);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [question]);
}

export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): void {
  if (!options.force && !mayLeave()) return;
  shownUrl = to;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** The query string's parameters (`?version=2`), current after every navigation. */
export function useQuery(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => location.search);
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** `path?k=v…`, leaving out the parameters that are empty, false or missing. */
export function withQuery(path: string, params: Record<string, string | number | false | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== false && v !== '') query.set(k, String(v));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** `/opd/innovations/:id` against a path: the params, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}
