// Table types of the sync module, merged into the Database interface (platform/db/schema.ts).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns come back as strings from the driver (they may exceed 2^53). */
type BigIntColumn = ColumnType<string, string | number | bigint, string | number | bigint>;

export interface SyncDeviceTable {
  id: string;
  deviceId: string;
  userId: string;
  label: string | null;
  registeredAt: Generated<Date>;
  lastSeenAt: NullableTimestamp;
  batch: ColumnType<string, string | number | undefined, string | number>;
  wipeRequestedAt: NullableTimestamp;
  wipeRequestedBy: string | null;
  wipedAt: NullableTimestamp;
}

export interface SyncDeviceRecordTable {
  deviceId: string;
  entity: string;
  recordId: string;
  seq: BigIntColumn;
  batch: BigIntColumn;
  removed: Generated<boolean>;
}

export interface SyncChangeTable {
  userId: string;
  idempotencyKey: string;
  requestHash: string;
  deviceId: string | null;
  status: 'pending' | 'done';
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  createdAt: Generated<Date>;
  completedAt: NullableTimestamp;
}

/** The sync tables, keyed as Kysely sees them. */
export interface SyncTables {
  syncDevices: SyncDeviceTable;
  syncDeviceRecords: SyncDeviceRecordTable;
  syncChanges: SyncChangeTable;
}

export type { Timestamp as SyncTimestamp };

declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends SyncTables {}
}
