// Who is signed in: the session probe on start-up, sign-in and sign-out, and what happens when the
// server says the session ended (401) in the middle of work.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Me, MfaChallenge } from '@taama/core';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { authApi } from '../api/endpoints';
import { applyLocale } from './i18n';
import { getOfflineStatus, hasOfflineCopy } from '../offline/status';

// The offline engine (SPEC §12) is loaded only after sign-in, never with the sign-in page.
const offlineSession = () => import('../offline/session');

/** Why the sign-in page is shown, when there is something to say about it. */
export type AuthNotice = 'session_expired' | 'logged_out' | 'offline';

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
      // The key leaves memory with the session; the next sign-in derives it again.
      if (getOfflineStatus().unlocked) void offlineSession().then((m) => m.lock());
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
        } else if (error instanceof ApiError && error.isNetwork && hasOfflineCopy()) {
          // No network, but this device holds an offline copy: sign in offline.
          setState({ status: 'anonymous', notice: 'offline' });
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

  // Between the password and the code of a two-step sign-in: the device key needs the password.
  const pendingPassword = useRef<string | null>(null);

  const finishOnline = useCallback(
    async (user: Me, password: string | null) => {
      queryClient.clear();
      // The device key is derived from the password now, while it is at hand (SPEC §12).
      if (password && user.permissions.includes('sync.use')) await (await offlineSession()).startOnline(user, password).catch(() => undefined);
      signedIn(user);
      return user;
    },
    [queryClient, signedIn],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await authApi.login(username, password).catch(async (error: unknown) => {
        if (!(error instanceof ApiError && error.isNetwork && hasOfflineCopy())) throw error;
        // Offline sign-in: the password must open this user's encrypted copy on the device.
        return { offlineUser: await (await offlineSession()).startOffline(username, password) };
      });
      if ('offlineUser' in result) {
        queryClient.clear();
        setState({ status: 'authenticated', me: result.offlineUser });
        void applyLocale(result.offlineUser.locale);
        return result.offlineUser;
      }
      if ('mfaRequired' in result) {
        pendingPassword.current = password;
        return result;
      }
      return finishOnline(result.user, password);
    },
    [queryClient, finishOnline],
  );

  const loginWithCode = useCallback(
    async (challenge: string, code: string) => {
      const result = await authApi.loginWithCode(challenge, code);
      const password = pendingPassword.current;
      pendingPassword.current = null;
      return finishOnline(result.user, password);
    },
    [finishOnline],
  );

  const logout = useCallback(async () => {
    let confirmed = true;
    try {
      await authApi.logout();
    } catch {
      confirmed = false;
    }
    // Signing out purges the caseload held on the device.
    const username = state.status === 'authenticated' ? state.me.username : null;
    if (username && (getOfflineStatus().unlocked || hasOfflineCopy())) await (await offlineSession()).purgeOnLogout(username).catch(() => undefined);
    signedOut('logged_out');
    return confirmed;
  }, [signedOut, state]);

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
