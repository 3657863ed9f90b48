// Typed calls for every API route the web app uses (SPEC §13), one function per route.
import type {
  AdminUnit,
  AuditEntry,
  AuditQuery,
  AuditVerifyResult,
  Country,
  Locale,
  LoginResult,
  Me,
  MfaChallenge,
  Organisation,
  OrganisationInput,
  OrganisationPatch,
  Role,
  RoleInput,
  RolePatch,
  Site,
  SiteInput,
  SitePatch,
  User,
  UserInput,
  UserListQuery,
  UserPatch,
} from '@taama/core';
import { apiRequest } from './client';

/** A page of a list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One permission as GET /permissions describes it. */
export interface PermissionInfo {
  code: string;
  resource: string;
  action: string;
}

export const authApi = {
  /** Signs in; a 401 here is a wrong password, not an ended session. */
  login: (username: string, password: string) =>
    apiRequest<LoginResult | MfaChallenge>('/auth/login', { method: 'POST', body: { username, password }, authProbe: true }),
  /** Second sign-in step when two-factor is on: the challenge and a code; a 401 is a wrong code. */
  loginWithCode: (challenge: string, code: string) =>
    apiRequest<LoginResult>('/auth/login/totp', { method: 'POST', body: { challenge, code }, authProbe: true }),
  logout: () => apiRequest<void>('/auth/logout', { method: 'POST', authProbe: true }),
  /** Who is signed in; `probe` when asking on start-up, where a 401 only means "nobody". */
  me: (probe = false) => apiRequest<Me>('/me', { authProbe: probe }),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiRequest<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
  setLocale: (locale: Locale) => apiRequest<Me>('/me/preferences', { method: 'PATCH', body: { locale } }),
};

export const usersApi = {
  list: (query: UserListQuery) => apiRequest<Page<User>>('/users', { query: { ...query } }),
  get: (id: string) => apiRequest<User>(`/users/${encodeURIComponent(id)}`),
  create: (input: UserInput) => apiRequest<User>('/users', { method: 'POST', body: input }),
  update: (id: string, version: number, patch: UserPatch) =>
    apiRequest<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, version }),
  resetPassword: (id: string, password: string) =>
    apiRequest<void>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: { password } }),
  disable: (id: string) => apiRequest<User>(`/users/${encodeURIComponent(id)}/disable`, { method: 'POST' }),
  enable: (id: string) => apiRequest<User>(`/users/${encodeURIComponent(id)}/enable`, { method: 'POST' }),
};

export const rolesApi = {
  list: () => apiRequest<Page<Role>>('/roles'),
  get: (id: string) => apiRequest<Role>(`/roles/${encodeURIComponent(id)}`),
  create: (input: RoleInput) => apiRequest<Role>('/roles', { method: 'POST', body: input }),
  update: (id: string, version: number, patch: RolePatch) =>
    apiRequest<Role>(`/roles/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, version }),
  permissions: () => apiRequest<{ items: PermissionInfo[] }>('/permissions'),
};

export const organisationsApi = {
  list: (query: { q?: string; limit?: number; cursor?: string }) =>
    apiRequest<Page<Organisation>>('/organisations', { query }),
  get: (id: string) => apiRequest<Organisation>(`/organisations/${encodeURIComponent(id)}`),
  create: (input: OrganisationInput) => apiRequest<Organisation>('/organisations', { method: 'POST', body: input }),
  update: (id: string, version: number, patch: OrganisationPatch) =>
    apiRequest<Organisation>(`/organisations/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, version }),
};

export const sitesApi = {
  list: (query: { q?: string; organisationId?: string; limit?: number; cursor?: string }) =>
    apiRequest<Page<Site>>('/sites', { query }),
  get: (id: string) => apiRequest<Site>(`/sites/${encodeURIComponent(id)}`),
  create: (input: SiteInput) => apiRequest<Site>('/sites', { method: 'POST', body: input }),
  update: (id: string, version: number, patch: SitePatch) =>
    apiRequest<Site>(`/sites/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, version }),
};

export const auditApi = {
  list: (query: AuditQuery) => apiRequest<Page<AuditEntry>>('/audit', { query: { ...query } }),
  verify: () => apiRequest<AuditVerifyResult>('/audit/verify', { method: 'POST' }),
};

export const referenceApi = {
  adminUnits: (query: { level?: number; parent?: string; q?: string; limit?: number }) =>
    apiRequest<Page<AdminUnit>>('/reference/admin-units', { query }),
  countries: () => apiRequest<{ items: Country[] }>('/reference/countries'),
};
