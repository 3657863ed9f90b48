// Who is signed in: the session probe on start-up, sign-in and sign-out, and what happens when the
// server says the session ended (401) in the middle of work.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Me, MfaChallenge } from '@taama/core';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { authApi } from '../api/endpoints';
import { applyLocale } from './i18n';

/** Why the sign-in page is shown, when there is something to say about it. */
export type AuthNotice = 'session_expired' | 'logged_out';

export type AuthState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'anonymous'; notice?: AuthNotice }
  | { status: 'authenticated'; me: Me };

export interface AuthContextValue {
  state: AuthState;
  /** The signed-in user, or null. */
  me: Me | null;
  /** Signs in; throws the ApiError (wrong password, lockout…) for the form to show. With two-factor on, returns the challenge for the code step. */
  login: (username: string, password: string) => Promise<Me | MfaChallenge>;
  /** Second sign-in step: the challenge and a code from the authenticator app (or a recovery code). */
  loginWithCode: (challenge: string, code: string) => Promise<Me>;
  /** Signs out here and on the server (best effort). Returns false when the server did not confirm. */
  logout: () => Promise<boolean>;
  /** Reloads GET /me (after a password change, for example). */
  refresh: () => Promise<void>;
  /** Replaces the signed-in user's description with a fresher one from the server. */
  updateMe: (me: Me) => void;
  /** Tells whether the signed-in user holds a permission. */
  can: (permission: string) => boolean;
  /** Retries the start-up probe after the server could not be reached. */
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** The authentication state and actions. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe needs a signed-in user');
  return me;
}

interface AuthProviderProps {
  children: ReactNode;
  /** Skips the start-up probe (tests that start signed in). */
  initialState?: AuthState;
}

/** Provides the authentication state to the app. */
export function AuthProvider({ children, initialState }: AuthProviderProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>(initialState ?? { status: 'loading' });
  const [probe, setProbe] = useState(0);

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.session.csrfToken);
    setState({ status: 'authenticated', me });
    void applyLocale(me.locale);
  }, []);

  const signedOut = useCallback(
    (notice?: AuthNotice) => {
      setCsrfToken(null);
      queryClient.clear();
      setState(notice ? { status: 'anonymous', notice } : { status: 'anonymous' });
    },
    [queryClient],
  );

  // Start-up: is there a session already (cookie)?
  useEffect(() => {
    if (initialState && probe === 0) {
      if (initialState.status === 'authenticated') setCsrfToken(initialState.me.session.csrfToken);
      return;
    }
    let cancelled = false;
    authApi
      .me(true)
      .then((me) => {
        if (!cancelled) signedIn(me);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) {
          signedOut(error.code === 'session_expired' ? 'session_expired' : undefined);
        } else {
          setState({ status: 'unavailable', error });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [probe, initialState, signedIn, signedOut]);

  // Later: any 401 means the session ended (expired, revoked, signed out elsewhere).
  useEffect(() => {
    setUnauthorizedHandler(() => signedOut('session_expired'));
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await authApi.login(username, password);
      if ('mfaRequired' in result) return result;
      queryClient.clear();
      signedIn(result.user);
      return result.user;
    },
    [queryClient, signedIn],
  );

  const loginWithCode = useCallback(
    async (challenge: string, code: string) => {
      const result = await authApi.loginWithCode(challenge, code);
      queryClient.clear();
      signedIn(result.user);
      return result.user;
    },
    [queryClient, signedIn],
  );

  const logout = useCallback(async () => {
    let confirmed = true;
    try {
      await authApi.logout();
    } catch {
      confirmed = false;
    }
    signedOut('logged_out');
    return confirmed;
  }, [signedOut]);

  const refresh = useCallback(async () => {
    signedIn(await authApi.me());
  }, [signedIn]);

  const updateMe = useCallback((me: Me) => signedIn(me), [signedIn]);

  const me = state.status === 'authenticated' ? state.me : null;
  const can = useCallback((permission: string) => me?.permissions.includes(permission) ?? false, [me]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setProbe((n) => n + 1);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ state, me, login, loginWithCode, logout, refresh, updateMe, can, retry }),
    [state, me, login, loginWithCode, logout, refresh, updateMe, can, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
