// Routes: the code step of sign-in, two-factor enrolment and recovery codes, active sessions.
import { ActiveSessionList, ErrorBody, IdParams, LoginResult, MfaConfirmBody, MfaDisableBody, MfaEnrolment, MfaStatus, RecoveryCodes, SessionIdParams, TotpCode, TotpLoginBody, UserSessionParams } from '@taama/core';
import { Type } from 'typebox';
import type { App, AppDeps } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { mfaStatus } from '../../platform/auth/mfa';
import { SESSION_ABSOLUTE_SECONDS, SESSION_COOKIE } from '../../platform/auth/sessions';
import { describeUser, LOCKOUT_SECONDS, MAX_FAILED_LOGINS } from './account.service';
import { confirmEnrolment, disableMfa, loginWithCode, regenerateRecoveryCodes, resetUserMfa, startEnrolment } from './mfa.service';
import { mySessions, revokeMySession, revokeUserSession, userSessions } from './sessions.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const tags = ['account'];

/** Registers two-factor and session routes. */
export async function securityRoutes(app: App, deps: AppDeps): Promise<void> {
  const secret = deps.config.secret;
  const enforced = !deps.config.demo;

  app.post('/auth/login/totp', {
    config: { access: { public: true }, rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Sign-in step 2: the challenge from /auth/login and a code (authenticator or recovery); same answer as /auth/login', security: [], body: TotpLoginBody, response: { 200: LoginResult, ...errors } },
  }, async (request, reply) => {
    const result = await loginWithCode(
      deps.database.db,
      secret,
      { challenge: request.body.challenge, code: request.body.code, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id, maxFailedLogins: MAX_FAILED_LOGINS, lockoutSeconds: LOCKOUT_SECONDS },
      (userId, session) => describeUser(deps.database.db, userId, session, enforced),
    );
    reply.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies, path: '/', maxAge: SESSION_ABSOLUTE_SECONDS });
    return { token: result.token, user: result.me };
  });

  app.get('/me/mfa', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true },
    schema: { tags, summary: 'My two-factor status', response: { 200: MfaStatus, ...errors } },
  }, async (request) => {
    const ctx = requireCtx(request);
    return mfaStatus(ctx.db, ctx.user.id, enforced);
  });

  app.post('/me/mfa/enrol', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Start two-factor enrolment: a new secret and its QR code, shown once', response: { 200: MfaEnrolment, ...errors } },
  }, async (request) => startEnrolment(requireCtx(request), secret));

  app.post('/me/mfa/confirm', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Confirm enrolment with the current code; returns the recovery codes (shown once)', body: MfaConfirmBody, response: { 200: RecoveryCodes, ...errors } },
  }, async (request) => confirmEnrolment(requireCtx(request), secret, request.body.code));

  app.post('/me/mfa/recovery-codes', {
    config: { access: { authenticated: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Replace my recovery codes (proven with a current code)', body: Type.Object({ code: TotpCode }, { additionalProperties: false }), response: { 200: RecoveryCodes, ...errors } },
  }, async (request) => regenerateRecoveryCodes(requireCtx(request), secret, request.body.code));

  app.post('/me/mfa/disable', {
    config: { access: { authenticated: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Turn two-factor sign-in off (not allowed when a role requires it)', body: MfaDisableBody, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    const status = await mfaStatus(ctx.db, ctx.user.id, enforced);
    await disableMfa(ctx, secret, request.body.password, request.body.code, status.required);
    return reply.status(204).send(null);
  });

  app.post('/users/:id/mfa/reset', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags: ['admin'], summary: "Clear a user's second factor (lost device): they enrol again at next sign-in", params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await resetUserMfa(requireCtx(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/me/sessions', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true },
    schema: { tags, summary: 'My open sessions (device, address, created, last seen, current)', response: { 200: ActiveSessionList, ...errors } },
  }, async (request) => mySessions(requireCtx(request)));

  app.delete('/me/sessions/:sessionId', {
    config: { access: { authenticated: true }, beforeMfaEnrolment: true },
    schema: { tags, summary: 'Close one of my sessions', params: SessionIdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await revokeMySession(requireCtx(request), request.params.sessionId);
    return reply.status(204).send(null);
  });

  app.get('/users/:id/sessions', {
    config: { access: { permission: 'user.read' } },
    schema: { tags: ['admin'], summary: "A user's open sessions", params: IdParams, response: { 200: ActiveSessionList, ...errors } },
  }, async (request) => userSessions(requireCtx(request), request.params.id));

  app.delete('/users/:id/sessions/:sessionId', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags: ['admin'], summary: "Close one of a user's sessions", params: UserSessionParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await revokeUserSession(requireCtx(request), request.params.id, request.params.sessionId);
    return reply.status(204).send(null);
  });
}
