// Table types for Kysely (camelCase here; CamelCasePlugin maps them to the snake_case columns).
import type { ColumnType, Generated } from 'kysely';
import type { RegistryTables } from '../../modules/registry/registry.tables';
import type { ProtectionTables } from '../../modules/protection/protection.tables';
import type { ResultsTables } from '../../modules/results/results.tables';
import type {} from '../../modules/flows/flows.tables'; // the flows tables join Database by module augmentation there
import type {} from '../../modules/awareness/awareness.tables'; // awareness and free-movement tables, by module augmentation
import type {} from '../../modules/reintegration/reintegration.tables'; // and the reintegration tables
import type {} from '../../modules/returns/returns.tables'; // the returns tables join Database there too
import type {} from '../../modules/sync/sync.tables'; // and the sync tables
import type {} from '../../modules/privacy/security.tables'; // two-factor sign-in, erasure requests, roles.requiresMfa

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;

interface Stamped {
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface AdminUnitTable {
  pcode: string;
  name: string;
  level: number;
  parentPcode: string | null;
  lon: number | null;
  lat: number | null;
}

export interface CountryTable {
  iso3: string;
  iso2: string | null;
  m49: string | null;
  nameFr: string;
  nameEn: string;
  ecowasStatus: string | null;
  aesMember: boolean;
  bordersMali: boolean;
  regionGroup: string | null;
}

export interface FlowMonitoringPointTable {
  id: string;
  name: string;
  countryIso3: string;
  lat: number | null;
  lon: number | null;
  coordQuality: string | null;
  adm1Pcode: string | null;
  adm2Pcode: string | null;
  adm3Pcode: string | null;
  fmpType: string;
  activeFrom: string;
  activeTo: string | null;
  fmrPeriod: string | null;
  fmsPeriod: string | null;
  note: string | null;
}

export interface OrganisationTable extends Stamped {
  id: string;
  code: string;
  name: string;
  kind: string;
  countryCode: string | null;
  active: Generated<boolean>;
}

export interface SiteTable extends Stamped {
  id: string;
  code: string;
  name: string;
  kind: string;
  organisationId: string;
  pcode: string | null;
  countryCode: string;
  capacity: number | null;
  caseCodePrefix: string;
  active: Generated<boolean>;
}

export interface RoleTable extends Stamped {
  id: string;
  code: string;
  name: string;
  description: Generated<string>;
  scope: string;
  maxSensitivity: string;
  permissions: string[];
  builtin: Generated<boolean>;
}

export interface UserTable extends Stamped {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: Generated<string>;
  passwordHash: string;
  organisationId: string;
  siteId: string | null;
  regionPcode: string | null;
  disabledAt: Timestamp | null;
  mustChangePassword: Generated<boolean>;
  failedLoginCount: Generated<number>;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  passwordChangedAt: Generated<Date>;
}

export interface UserRoleTable {
  userId: string;
  roleId: string;
}

export interface SessionTable {
  id: string;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Generated<Date>;
  lastSeenAt: Generated<Date>;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  seq: Generated<string>;
  id: string;
  at: Timestamp;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Json;
  prevHash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: Generated<boolean>;
  prevSeq: string;
  prevHash: string;
  seq: string;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: Json;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface Database extends RegistryTables, ProtectionTables, ResultsTables {
  adminUnits: AdminUnitTable;
  countries: CountryTable;
  flowMonitoringPoints: FlowMonitoringPointTable;
  organisations: OrganisationTable;
  sites: SiteTable;
  roles: RoleTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  auditChainHead: AuditChainHeadTable;
  settings: SettingTable;
}
