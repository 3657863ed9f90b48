// One pushed change through its online service: permission, per-change validation, the guard on
// forged organisation/site anchors, and for updates the field merge with newer server edits.
import {
  decideMerge,
  isUuid,
  parseChangeType,
  type SyncChange,
  type SyncChangeResult,
  type SyncUpdateEntity,
} from '@taama/core';
import { can, scopeFor, type RequestContext } from '../../platform/auth/context';
import { recordInScope, type Scope } from '../../platform/access/scope';
import { StaleVersion } from '../../platform/errors';
import { CREATE_APPLIERS, UPDATE_APPLIERS } from './sync.appliers';
import { shapeRecord, toJson } from './sync.present';
import { recordErrors } from './sync.validate';

type Rec = Record<string, unknown>;

/** A rejected change's result. */
export function rejected(idempotencyKey: string, code: string, message: string, fields?: Record<string, string>): SyncChangeResult {
  return { idempotencyKey, status: 'rejected', error: { code, message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } };
}

const forbidden = (key: string, message = 'You do not have permission to do this') => rejected(key, 'forbidden', message);

/** The context a service sees for this change: the scope of the permission the online route requires. */
function withScope(ctx: RequestContext, scope: Scope): RequestContext {
  return { ...ctx, scope };
}

/**
 * Refuses a record that names an organisation or a site outside the caller's scope (a forged
 * anchor) before any service runs; the service's own checks still apply afterwards.
 */
async function forgedAnchor(ctx: RequestContext, scope: Scope, record: Rec): Promise<string | undefined> {
  if (typeof record.organisationId === 'string' && scope.kind !== 'all' && record.organisationId !== ctx.user.organisationId) return 'organisationId';
  if (typeof record.siteId === 'string' && isUuid(record.siteId)) {
    const site = await ctx.db.selectFrom('sites').select(['id', 'organisationId', 'pcode']).where('id', '=', record.siteId).executeTakeFirst();
    if (site && !recordInScope(scope, { organisationId: site.organisationId, siteId: site.id, pcode: site.pcode, ownerId: ctx.user.id })) return 'siteId';
  }
  return undefined;
}

function versionOf(record: Rec): number | undefined {
  return typeof record.version === 'number' ? record.version : undefined;
}

/** Applies a `<entity>.create` through the entity's online service. */
export async function applyCreate(ctx: RequestContext, change: SyncChange): Promise<SyncChangeResult> {
  const key = change.idempotencyKey;
  const { entity } = parseChangeType(change.type);
  const applier = CREATE_APPLIERS[entity];
  if (!can(ctx, applier.permission)) return forbidden(key);
  const input: Rec = { ...change.record };
  let parentId = '';
  if (applier.parent) {
    const value = input[applier.parent];
    delete input[applier.parent];
    if (typeof value !== 'string' || !isUuid(value)) return rejected(key, 'invalid_input', 'The change has invalid fields', { [`record.${applier.parent}`]: 'is required (a UUID)' });
    parentId = value;
  }
  const fields = recordErrors(applier.input, input);
  if (!('record.id' in fields) && (typeof input.id !== 'string')) fields['record.id'] = 'is required: the client-generated UUIDv7 of the new record';
  if (Object.keys(fields).length > 0) return rejected(key, 'invalid_input', 'The change has invalid fields', fields);
  const scope = scopeFor(ctx, applier.permission);
  const forged = await forgedAnchor(ctx, scope, input);
  if (forged) return rejected(key, 'forbidden', `The ${forged} is outside your scope`, { [`record.${forged}`]: 'is outside your scope' });
  const created = (await applier.run(withScope(ctx, scope), input as never, parentId)) as Rec;
  const record = shapeRecord(applier.response, created, ctx.maxSensitivity);
  // Added assistance answers with its arrival; the change's own id is the assistance's.
  const id = entity === 'arrivalAssistance' ? (input.id as string) : (created.id as string);
  const version = versionOf(created);
  return { idempotencyKey: key, status: 'applied', id, ...(version === undefined ? {} : { version }), record };
}

const MERGE_ATTEMPTS = 3;

/**
 * Applies a `<entity>.update`: the device's changed fields go on top of the server's current
 * version when nobody else changed them since `baseVersion`; overlapping edits come back as a
 * conflict with both sides and change nothing.
 */
export async function applyUpdate(ctx: RequestContext, change: SyncChange): Promise<SyncChangeResult> {
  const key = change.idempotencyKey;
  const entity = parseChangeType(change.type).entity as SyncUpdateEntity;
  const applier = UPDATE_APPLIERS[entity];
  if (!can(ctx, applier.permission)) return forbidden(key);
  const { id, ...patch } = change.record;
  const fields = recordErrors(applier.patch, patch);
  if (typeof id !== 'string' || !isUuid(id)) fields['record.id'] = 'is required (the UUID of the record edited)';
  if (change.baseVersion === undefined) fields.baseVersion = 'is required for an update';
  if (Object.keys(fields).length > 0 || typeof id !== 'string' || change.baseVersion === undefined) {
    return rejected(key, 'invalid_input', 'The change has invalid fields', fields);
  }
  const forged = await forgedAnchor(ctx, scopeFor(ctx, applier.permission), patch);
  if (forged) return rejected(key, 'forbidden', `The ${forged} is outside your scope`, { [`record.${forged}`]: 'is outside your scope' });
  const readCtx = withScope(ctx, scopeFor(ctx, applier.readPermission));
  const writeCtx = withScope(ctx, scopeFor(ctx, applier.permission));
  for (let attempt = 1; ; attempt++) {
    const current = toJson((await applier.read(readCtx, id)) as Rec);
    const currentVersion = versionOf(current) ?? 1;
    const decision = decideMerge({ mine: patch, base: change.base, baseVersion: change.baseVersion, theirs: current, theirsVersion: currentVersion });
    const serverRecord = shapeRecord(applier.response, current, ctx.maxSensitivity);
    switch (decision.kind) {
      case 'invalid_base':
        return rejected(key, 'invalid_input', 'The change is based on a version this record never had', { baseVersion: `must be at most ${currentVersion}` });
      case 'conflict':
        return {
          idempotencyKey: key,
          status: 'conflict',
          id,
          version: currentVersion,
          conflict: {
            // "theirs" as the caller may see it: a field above their ceiling never leaks this way.
            fields: decision.fields.map((f) => ({ ...f, theirs: serverRecord[f.field] ?? null })),
            serverRecord,
          },
        };
      case 'apply':
        break;
    }
    if (Object.keys(decision.patch).length === 0) {
      return { idempotencyKey: key, status: 'applied', id, version: currentVersion, record: serverRecord };
    }
    try {
      const updated = (await applier.update(writeCtx, id, currentVersion, decision.patch as never)) as Rec;
      return { idempotencyKey: key, status: 'applied', id, version: versionOf(updated) ?? currentVersion, record: shapeRecord(applier.response, updated, ctx.maxSensitivity) };
    } catch (error) {
      // Someone saved between our read and our write: merge again against what they saved.
      if (!(error instanceof StaleVersion) || attempt >= MERGE_ATTEMPTS) throw error;
    }
  }
}
