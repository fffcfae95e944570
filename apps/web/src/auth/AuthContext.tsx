import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { session as store } from '../api/client';
import * as endpoints from '../api/endpoints';
import type { Session } from './session';

interface Auth {
  session: Session | null;
  /** The refresh token is dead too: the sign-in dialog is shown over the page. */
  expired: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  dismiss(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(store.subscribe, () => store.session);
  const expired = useSyncExternalStore(store.subscribe, () => store.expired);
  const value = useMemo<Auth>(
    () => ({
      session,
      expired,
      signIn: async (email, password) => store.signedIn(await endpoints.signIn(email, password)),
      signOut: async () => {
        await endpoints.signOut().catch(() => undefined); // revoking is best effort: the tokens are dropped anyway
        store.signOut();
      },
      dismiss: () => store.dismiss(),
    }),
    [session, expired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}
