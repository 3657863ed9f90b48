// Login, session and "who am I" (SPEC §13).
import { Type, type Static } from 'typebox';
import { Codes, Uuid, ScopeKindSchema, SensitivityLevel, sensitive } from './common';
import { PASSWORD_MAX_LENGTH } from '../password-policy';
import { AREAS } from '../areas';
import { MfaStatus } from './security';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: sensitive('personal', Type.Union([Type.String(), Type.Null()])),
  locale: Codes(LOCALES),
  organisation: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  site: Type.Union([Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }), Type.Null()]),
  regionPcode: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  scope: ScopeKindSchema,
  maxSensitivity: SensitivityLevel,
  areas: Type.Array(Codes(AREAS.map((a) => a.code))),
  mustChangePassword: Type.Boolean(),
  mfa: Type.Optional(MfaStatus),
  session: Type.Object({ expiresAt: Type.String(), idleTimeoutSeconds: Type.Integer(), csrfToken: Type.String() }),
});
export type Me = Static<typeof Me>;

export const LoginResult = Type.Object({ token: Type.String(), user: Me });
export type LoginResult = Static<typeof LoginResult>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const PreferencesBody = Type.Object({ locale: Codes(LOCALES) }, { additionalProperties: false });
export type PreferencesBody = Static<typeof PreferencesBody>;
