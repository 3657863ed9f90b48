// Two-factor sign-in (TOTP, RFC 6238), active sessions and data-subject rights (SPEC §3).
import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common';

/** Roles whose members must use two-factor sign-in unless an administrator sets the flag otherwise. */
export const MFA_REQUIRED_BY_DEFAULT = ['administrator', 'protection_officer'] as const;

/** Whether a role requires two-factor sign-in: its explicit flag, else the built-in default. */
export function roleRequiresMfa(code: string, flag: boolean | null | undefined): boolean {
  return flag ?? (MFA_REQUIRED_BY_DEFAULT as readonly string[]).includes(code);
}

/** A six-digit code from an authenticator app, or a recovery code (xxxx-xxxx-xx). */
export const TotpCode = Type.String({ minLength: 6, maxLength: 20, pattern: '^[0-9A-Za-z -]+$', description: '6-digit authenticator code or a recovery code' });

export const MfaStatus = Type.Object({
  enabled: Type.Boolean({ description: 'two-factor sign-in is on for this account' }),
  required: Type.Boolean({ description: 'one of the user roles requires it' }),
  mustEnrol: Type.Boolean({ description: 'required, not enabled, and enforced: the app opens the enrolment screen first' }),
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
});
export type MfaStatus = Static<typeof MfaStatus>;

/** The answer of POST /auth/login when the password was right and a code is needed next. */
export const MfaChallenge = Type.Object({
  mfaRequired: Type.Literal(true),
  challenge: Type.String({ description: 'one-time token for POST /auth/login/totp, valid five minutes' }),
  expiresAt: Timestamp,
});
export type MfaChallenge = Static<typeof MfaChallenge>;

export const TotpLoginBody = Type.Object({ challenge: Type.String({ minLength: 10, maxLength: 200 }), code: TotpCode }, { additionalProperties: false });
export type TotpLoginBody = Static<typeof TotpLoginBody>;

/** Enrolment start: the secret is shown once, as text and as a QR code (SVG). */
export const MfaEnrolment = Type.Object({
  secret: Type.String({ description: 'base32 secret, shown once' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'the otpauth URI as an SVG QR code' }),
});
export type MfaEnrolment = Static<typeof MfaEnrolment>;

export const MfaConfirmBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$', description: 'the current 6-digit code' }) }, { additionalProperties: false });
export type MfaConfirmBody = Static<typeof MfaConfirmBody>;

export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String(), { description: 'shown once; each works one time' }) });
export type RecoveryCodes = Static<typeof RecoveryCodes>;

export const MfaDisableBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }), code: TotpCode }, { additionalProperties: false });
export type MfaDisableBody = Static<typeof MfaDisableBody>;

export const ActiveSession = Type.Object({
  id: Uuid,
  userAgent: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  current: Type.Boolean(),
});
export type ActiveSession = Static<typeof ActiveSession>;

export const ActiveSessionList = Type.Object({ items: Type.Array(ActiveSession) });
export type ActiveSessionList = Static<typeof ActiveSessionList>;

export const UserSessionParams = Type.Object({ id: Uuid, sessionId: Uuid }, { additionalProperties: false });
export const SessionIdParams = Type.Object({ sessionId: Uuid }, { additionalProperties: false });

export const EraseBody = Type.Object({ reason: Type.String({ minLength: 10, maxLength: 1000, description: 'why the person is erased (kept in the audit)' }) }, { additionalProperties: false });
export type EraseBody = Static<typeof EraseBody>;

/** Erasure takes two people: the first call records the request, a second user's call carries it out. */
export const EraseResult = Type.Object({
  status: Type.Union([Type.Literal('pending'), Type.Literal('erased')]),
  requestId: Uuid,
  requestedBy: Type.String(),
  requestedAt: Timestamp,
  approvedBy: Nullable(Type.String()),
  completedAt: Nullable(Timestamp),
});
export type EraseResult = Static<typeof EraseResult>;

export const ExportQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }, { additionalProperties: false });
export type ExportQuery = Static<typeof ExportQuery>;
