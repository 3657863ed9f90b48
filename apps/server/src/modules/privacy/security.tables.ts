// Table types of two-factor sign-in and erasure requests, merged into Database (platform/db/schema.ts).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface UserMfaTable {
  userId: string;
  secretEnc: string;
  confirmedAt: NullableTimestamp;
  /** bigint comes back as a string from the driver. */
  lastStep: ColumnType<string | null, number | null | undefined, number | null>;
  createdAt: Generated<Date>;
}

export interface MfaRecoveryCodeTable {
  id: string;
  userId: string;
  codeHash: string;
  usedAt: NullableTimestamp;
  createdAt: Generated<Date>;
}

export interface MfaChallengeTable {
  id: string;
  tokenHash: string;
  userId: string;
  expiresAt: Timestamp;
  failedCount: Generated<number>;
  usedAt: NullableTimestamp;
  ip: string | null;
  userAgent: string | null;
  createdAt: Generated<Date>;
}

export interface ErasureRequestTable {
  id: string;
  personId: string;
  reason: string;
  status: Generated<string>;
  requestedBy: string;
  requestedAt: Generated<Date>;
  approvedBy: string | null;
  completedAt: NullableTimestamp;
}

export interface SecurityTables {
  userMfa: UserMfaTable;
  mfaRecoveryCodes: MfaRecoveryCodeTable;
  mfaChallenges: MfaChallengeTable;
  erasureRequests: ErasureRequestTable;
}

declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends SecurityTables {}
  interface RoleTable {
    /** null: the built-in default (roleRequiresMfa in core). */
    requiresMfa: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  }
}
