import type { Client } from 'openapi-fetch';
import type { paths } from '../api/schema';
import type { TokenPair, User } from '../api/types';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

export type Fetch = (request: Request) => Promise<Response>;

const STORAGE_KEY = 'inovasi.session';

function read(storage: Storage | null): Session | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in session (tokens in localStorage so a reload keeps it) and its renewal: one refresh at a time
 * (the API rotates refresh tokens, so two concurrent refreshes would revoke each other), then — when the
 * refresh token is dead too — a sign-in dialog over the page (`expired`), whose success resumes the waiting
 * requests. Nothing here touches component state, so a half-filled form survives all of it.
 */
export class SessionStore {
  private current: Session | null;
  private listeners = new Set<() => void>();
  private refreshing: Promise<boolean> | null = null;
  private reauth: { promise: Promise<boolean>; resolve(ok: boolean): void } | null = null;

  constructor(
    private readonly storage: Storage | null,
    private readonly auth: Client<paths>,
  ) {
    this.current = read(storage);
  }

  get session(): Session | null {
    return this.current;
  }

  /** True while the sign-in dialog should be shown. */
  get expired(): boolean {
    return this.reauth !== null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  signedIn(pair: TokenPair): void {
    this.save({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user });
    this.settle(true);
  }

  signOut(): void {
    this.save(null);
    this.settle(false);
  }

  /** The user closed the sign-in dialog: the waiting requests fail with their 401, the page stays. */
  dismiss(): void {
    this.settle(false);
  }

  /** After a 401 to a request sent with `sentToken`: resolves true when a retry may succeed. */
  async renew(sentToken: string): Promise<boolean> {
    if (!this.current) return false;
    if (this.current.accessToken !== sentToken) return true; // another request renewed it meanwhile
    return (await this.refresh()) || this.reauthenticate();
  }

  refresh(): Promise<boolean> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async exchange(): Promise<boolean> {
    const refreshToken = this.current?.refreshToken;
    if (!refreshToken) return false;
    try {
      const { data } = await this.auth.POST('/api/auth/refresh', { body: { refreshToken } });
      if (!data) return false;
      this.signedIn(data);
      return true;
    } catch {
      return false;
    }
  }

  private reauthenticate(): Promise<boolean> {
    if (!this.reauth) {
      let resolve!: (ok: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      this.reauth = { promise, resolve };
      this.emit();
    }
    return this.reauth.promise;
  }

  private settle(ok: boolean): void {
    const pending = this.reauth;
    this.reauth = null;
    pending?.resolve(ok);
    this.emit();
  }

  private save(session: Session | null): void {
    this.current = session;
    try {
      if (session) this.storage?.setItem(STORAGE_KEY, JSON.stringify(session));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      /* storage unavailable: the session lasts for this page */
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

const AUTH_ROUTES = /\/api\/auth\/(login|refresh)$/;

/** fetch with the bearer token; a 401 renews the session (refresh, else the sign-in dialog) and retries once. */
export function createAuthFetch(store: SessionStore, send: Fetch): Fetch {
  return async (request) => {
    const retry = request.clone();
    const token = store.session?.accessToken;
    const res = await send(withBearer(request, token));
    if (res.status !== 401 || !token || AUTH_ROUTES.test(new URL(request.url).pathname)) return res;
    return (await store.renew(token)) ? send(withBearer(retry, store.session?.accessToken)) : res;
  };
}

function withBearer(request: Request, token: string | undefined): Request {
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
}
