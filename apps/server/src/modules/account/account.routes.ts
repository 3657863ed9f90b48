// Routes: /auth/login, /auth/logout, /me, /me/password, /me/preferences.
import { ChangePasswordBody, ErrorBody, LoginBody, LoginResult, Me, MfaChallenge, PreferencesBody } from '@taama/core';
import { Type } from 'typebox';
import type { App, AppDeps } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { SESSION_ABSOLUTE_SECONDS, SESSION_COOKIE } from '../../platform/auth/sessions';
import { changePassword, login, logout, me, setPreferences } from './account.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** Registers the account routes. */
export async function accountRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post('/auth/login', {
    config: { access: { public: true }, rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['account'], summary: 'Sign in: sets the session cookie and returns a bearer token; with two-factor on, answers a challenge for /auth/login/totp instead', security: [], body: LoginBody, response: { 200: Type.Union([LoginResult, MfaChallenge]), ...errors } },
  }, async (request, reply) => {
    const result = await login(deps.database.db, deps.config.secret, {
      username: request.body.username,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
      mfaEnforced: !deps.config.demo,
    });
    if ('mfaRequired' in result) return result;
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.secureCookies,
      path: '/',
      maxAge: SESSION_ABSOLUTE_SECONDS,
    });
    return { token: result.token, user: result.me };
  });

  app.post('/auth/logout', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true },
    schema: { tags: ['account'], summary: 'Sign out: revokes the session', response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await logout(requireCtx(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/me', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true },
    schema: { tags: ['account'], summary: 'The signed-in user, roles, permissions and visible areas', response: { 200: Me, ...errors } },
  }, async (request) => me(requireCtx(request)));

  app.post('/me/password', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['account'], summary: 'Change my password (other sessions are closed)', body: ChangePasswordBody, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await changePassword(requireCtx(request), request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send(null);
  });

  app.patch('/me/preferences', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true },
    schema: { tags: ['account'], summary: 'Save my language', body: PreferencesBody, response: { 200: Me, ...errors } },
  }, async (request) => setPreferences(requireCtx(request), request.body.locale));
}
