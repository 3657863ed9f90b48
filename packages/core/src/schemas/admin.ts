// Administration: organisations, sites, users and roles (SPEC §3).
import { Type, type Static } from 'typebox';
import { PERMISSIONS } from '../permissions';
import { Code, Codes, CountryCode, Pcode, RecordStamp, ScopeKindSchema, SensitivityLevel, ShortText, Uuid, sensitive, PageQuery, Page } from './common';
import { LOCALES } from './auth';

export const ORGANISATION_KINDS = ['international_organisation', 'government', 'ngo', 'donor', 'un_agency', 'other'] as const;
export const SITE_KINDS = ['transit_centre', 'office', 'reception_centre', 'flow_monitoring_point', 'border_post'] as const;

export const Organisation = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Codes(ORGANISATION_KINDS),
  countryCode: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  ...RecordStamp,
});
export type Organisation = Static<typeof Organisation>;

export const OrganisationInput = Type.Object(
  {
    code: Code,
    name: ShortText,
    kind: Codes(ORGANISATION_KINDS),
    countryCode: Type.Optional(Type.Union([CountryCode, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OrganisationInput = Static<typeof OrganisationInput>;
export const OrganisationPatch = Type.Partial(OrganisationInput, { additionalProperties: false });
export type OrganisationPatch = Static<typeof OrganisationPatch>;

export const Site = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Codes(SITE_KINDS),
  organisationId: Uuid,
  pcode: Type.Union([Type.String(), Type.Null()]),
  countryCode: Type.String(),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  caseCodePrefix: Type.String({ description: 'site part of human case numbers, e.g. GAO' }),
  active: Type.Boolean(),
  ...RecordStamp,
});
export type Site = Static<typeof Site>;

export const SiteInput = Type.Object(
  {
    code: Code,
    name: ShortText,
    kind: Codes(SITE_KINDS),
    organisationId: Uuid,
    pcode: Type.Optional(Type.Union([Pcode, Type.Null()])),
    countryCode: Type.Optional(CountryCode),
    capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100000 }), Type.Null()])),
    caseCodePrefix: Type.String({ pattern: '^[A-Z]{2,5}$' }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SiteInput = Static<typeof SiteInput>;
export const SitePatch = Type.Partial(SiteInput, { additionalProperties: false });
export type SitePatch = Static<typeof SitePatch>;

export const Role = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  scope: ScopeKindSchema,
  maxSensitivity: SensitivityLevel,
  permissions: Type.Array(Type.String()),
  builtin: Type.Boolean(),
  /** Members must use two-step verification (the role's flag, or the built-in default). */
  requiresMfa: Type.Optional(Type.Boolean()),
  userCount: Type.Integer(),
  ...RecordStamp,
});
export type Role = Static<typeof Role>;

export const RoleInput = Type.Object(
  {
    code: Code,
    name: ShortText,
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    scope: ScopeKindSchema,
    maxSensitivity: SensitivityLevel,
    permissions: Type.Array(Codes(PERMISSIONS), { uniqueItems: true, maxItems: PERMISSIONS.length }),
    /** true/false, or null for the built-in default (required for administrator and protection_officer). */
    requiresMfa: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type RoleInput = Static<typeof RoleInput>;
export const RolePatch = Type.Partial(RoleInput, { additionalProperties: false });
export type RolePatch = Static<typeof RolePatch>;

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: sensitive('personal', Type.Union([Type.String(), Type.Null()])),
  phone: sensitive('personal', Type.Union([Type.String(), Type.Null()])),
  locale: Codes(LOCALES),
  organisationId: Uuid,
  siteId: Type.Union([Uuid, Type.Null()]),
  regionPcode: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  ...RecordStamp,
});
export type User = Static<typeof User>;

const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,49}$', description: 'lower-case letters, digits, . _ -; 3 to 50' });

export const UserInput = Type.Object(
  {
    username: Username,
    displayName: ShortText,
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }), Type.Null()])),
    locale: Type.Optional(Codes(LOCALES)),
    organisationId: Uuid,
    siteId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    regionPcode: Type.Optional(Type.Union([Pcode, Type.Null()])),
    roles: Type.Array(Code, { minItems: 1, maxItems: 20, uniqueItems: true }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type UserInput = Static<typeof UserInput>;

export const UserPatch = Type.Partial(Type.Omit(UserInput, ['username', 'password']), { additionalProperties: false });
export type UserPatch = Static<typeof UserPatch>;

export const ResetPasswordBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(Code),
    organisationId: Type.Optional(Uuid),
    siteId: Type.Optional(Uuid),
    disabled: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;
export const UserPage = Page(User);

export const PermissionInfo = Type.Object({ code: Type.String(), resource: Type.String(), action: Type.String() });
