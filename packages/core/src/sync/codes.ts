// Codes of the offline sync protocol (SPEC §12): what a device may push and what a pull carries.

/** Entities a device may create offline (each maps to the online route that creates it). */
export const SYNC_CREATE_ENTITIES = [
  'person',
  'transitCase',
  'screening',
  'service',
  'referral',
  'arrival',
  'arrivalAssistance',
  'flowCount',
  'awarenessActivity',
] as const;
export type SyncCreateEntity = (typeof SYNC_CREATE_ENTITIES)[number];

/** Entities a device may edit offline: the ones whose online route is a versioned PATCH. */
export const SYNC_UPDATE_ENTITIES = ['person', 'transitCase', 'flowCount', 'awarenessActivity'] as const;
export type SyncUpdateEntity = (typeof SYNC_UPDATE_ENTITIES)[number];

export const SYNC_CHANGE_TYPES = [
  ...SYNC_CREATE_ENTITIES.map((entity) => `${entity}.create` as const),
  ...SYNC_UPDATE_ENTITIES.map((entity) => `${entity}.update` as const),
] as const;
export type SyncChangeType = `${SyncCreateEntity}.create` | `${SyncUpdateEntity}.update`;

/** Record types a pull carries: the caseload and the reference data needed offline. */
export const SYNC_PULL_ENTITIES = [
  'site',
  'adminUnit',
  'country',
  'person',
  'transitCase',
  'screening',
  'service',
  'referral',
  'returnCase',
  'arrival',
  'flowPoint',
  'community',
  'awarenessActivity',
] as const;
export type SyncPullEntity = (typeof SYNC_PULL_ENTITIES)[number];

export const SYNC_CHANGE_STATUSES = ['applied', 'duplicate', 'conflict', 'rejected'] as const;

/** Error codes a rejected change carries (besides any code the online route itself answers with). */
export const SYNC_REJECTION_CODES = [
  'idempotency_mismatch',
  'device_wiped',
  'invalid_input',
  'forbidden',
  'not_found',
  'in_progress',
  'internal_error',
] as const;

/** At most this many changes in one push (SPEC §12 contract). */
export const SYNC_MAX_CHANGES = 500;
/** At most this many bytes in one push body. */
export const SYNC_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** At most this many records in one pull page. */
export const SYNC_PULL_MAX_LIMIT = 1000;

/** Splits a change type into its entity and operation. */
export function parseChangeType(type: SyncChangeType): { entity: SyncCreateEntity; op: 'create' | 'update' } {
  const [entity, op] = type.split('.') as [SyncCreateEntity, 'create' | 'update'];
  return { entity, op };
}
