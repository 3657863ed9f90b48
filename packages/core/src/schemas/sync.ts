// Offline sync wire format (SPEC §12, §13): push of queued changes, incremental pull, devices.
import { Type, type Static } from 'typebox';
import { Codes, ErrorBody, Nullable, Timestamp, Uuid } from './common';
import {
  SYNC_CHANGE_STATUSES,
  SYNC_CHANGE_TYPES,
  SYNC_MAX_CHANGES,
  SYNC_PULL_ENTITIES,
  SYNC_PULL_MAX_LIMIT,
} from '../sync/codes';

/** One queued change from a device's outbox. */
export const SyncChange = Type.Object(
  {
    idempotencyKey: Uuid,
    type: Codes(SYNC_CHANGE_TYPES, { description: '<entity>.create | <entity>.update' }),
    // The body of the online route (creates carry the client-generated UUIDv7 `id`; updates carry
    // `id` and only the fields the device changed). Validated per change by the entity's schema,
    // so one malformed record is rejected alone instead of failing the batch.
    record: Type.Record(Type.String(), Type.Unknown()),
    baseVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'updates: the version the device edited' })),
    base: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "updates: the edited fields' values at baseVersion, used to merge with newer server edits",
      }),
    ),
    recordedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type SyncChange = Static<typeof SyncChange>;

export const SyncPushBody = Type.Object(
  {
    deviceId: Uuid,
    changes: Type.Array(SyncChange, { maxItems: SYNC_MAX_CHANGES }),
  },
  { additionalProperties: false },
);
export type SyncPushBody = Static<typeof SyncPushBody>;

/** One field both sides changed since the device's base version. */
export const SyncConflictField = Type.Object({
  field: Type.String(),
  base: Type.Unknown(),
  mine: Type.Unknown(),
  theirs: Type.Unknown(),
});
export type SyncConflictField = Static<typeof SyncConflictField>;

export const SyncChangeStatus = Codes(SYNC_CHANGE_STATUSES);
export type SyncChangeStatus = Static<typeof SyncChangeStatus>;

/** The outcome of one change, stored against its idempotency key and returned again on replay. */
export const SyncChangeResult = Type.Object({
  idempotencyKey: Uuid,
  status: SyncChangeStatus,
  id: Type.Optional(Uuid),
  version: Type.Optional(Type.Integer()),
  record: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  conflict: Type.Optional(
    Type.Object({
      fields: Type.Array(SyncConflictField),
      serverRecord: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  error: Type.Optional(ErrorBody.properties.error),
});
export type SyncChangeResult = Static<typeof SyncChangeResult>;

export const SyncPushResponse = Type.Object({ results: Type.Array(SyncChangeResult), wipe: Type.Boolean() });
export type SyncPushResponse = Static<typeof SyncPushResponse>;

export const SyncPullQuery = Type.Object(
  {
    deviceId: Uuid,
    cursor: Type.Optional(Type.String({ maxLength: 100, description: 'opaque; absent on the first (full) pull' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SYNC_PULL_MAX_LIMIT, default: 500 })),
  },
  { additionalProperties: false },
);
export type SyncPullQuery = Static<typeof SyncPullQuery>;

/** One record the device must store (`upsert`) or forget (`remove`). */
export const SyncPulledChange = Type.Object({
  type: Codes(SYNC_PULL_ENTITIES),
  op: Type.Union([Type.Literal('upsert'), Type.Literal('remove')]),
  id: Type.String(),
  version: Type.Integer(),
  record: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type SyncPulledChange = Static<typeof SyncPulledChange>;

export const SyncPullResponse = Type.Object({
  changes: Type.Array(SyncPulledChange),
  cursor: Type.String({ description: 'send back on the next pull; it acknowledges what this page carried' }),
  hasMore: Type.Boolean(),
  wipe: Type.Boolean({ description: 'true: purge everything held on the device and stop' }),
});
export type SyncPullResponse = Static<typeof SyncPullResponse>;

export const SyncDeviceInput = Type.Object(
  {
    deviceId: Uuid,
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false },
);
export type SyncDeviceInput = Static<typeof SyncDeviceInput>;

/** A device as its owner and administrators see it. */
export const SyncDevice = Type.Object({
  id: Uuid,
  deviceId: Uuid,
  userId: Uuid,
  username: Type.String(),
  label: Nullable(Type.String()),
  registeredAt: Timestamp,
  lastSeenAt: Nullable(Timestamp),
  wipeRequestedAt: Nullable(Timestamp),
  wipedAt: Nullable(Timestamp),
});
export type SyncDevice = Static<typeof SyncDevice>;
