// What a pull carries, per record type: which of the caller's rows belong to their offline
// caseload (SQL over the same scope columns the online reads use) and how a row is presented
// (the module's own presenter where it exports one, else the row shaped by the online schema).
import { sql, type RawBuilder } from 'kysely';
import {
  Activity,
  AdminUnit,
  Arrival,
  Community,
  Country,
  FlowPoint,
  Person,
  Referral,
  ReturnCaseSummary,
  Screening,
  Service,
  Site,
  TransitCaseSummary,
  type Permission,
  type SyncPullEntity,
} from '@taama/core';
import type { TSchema } from 'typebox';
import type { Tx } from '../../platform/db/database';
import { can, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { caseQuery, referralQuery, screeningQuery, serviceQuery } from '../protection/protection.queries';
import { presentCaseSummary, presentReferral, presentScreening, presentService } from '../protection/protection.present';
import { CASE_SCOPE } from '../protection/protection.common';
import { returnCaseQuery } from '../returns/returns.queries';
import { presentReturnSummary } from '../returns/returns.present';
import { PERSON_SCOPE, RETURN_SCOPE } from '../returns/returns.common';
import { ARRIVAL_SCOPE, arrivalQuery, presentArrivals } from '../returns/arrivals.service';
import { activityQuery, photosOf, presentActivity } from '../awareness/activities.queries';
import { ACTIVITY_SCOPE } from '../awareness/awareness.common';
import { listPoints } from '../flows/points.service';

type Rec = Record<string, unknown>;

/** A record ready to send: its id, version and body (not yet shaped for the caller). */
export interface Loaded {
  id: string;
  version: number;
  record: Rec;
}

export interface PullSource {
  entity: SyncPullEntity;
  /** The online response schema records are shaped and redacted by. */
  schema: TSchema;
  /** Whether the caller's permissions give them this record type at all. */
  applies(ctx: RequestContext): boolean;
  /** `select id, seq` of the caller's rows of this type (text id, bigint change sequence). */
  scoped(ctx: RequestContext): RawBuilder<unknown>;
  /** The presented records of some ids (ids that vanished meanwhile are simply missing). */
  load(tx: Tx, ctx: RequestContext, ids: string[]): Promise<Loaded[]>;
}

const versionOf = (row: { version?: unknown }): number => (typeof row.version === 'number' ? row.version : 1);

/** Transit cases of the caseload: in the read scope and assigned to the caller or at their site. */
function caseload(ctx: RequestContext): RawBuilder<boolean> {
  if (!can(ctx, 'transitCase.read')) return sql<boolean>`false`;
  return sql<boolean>`(${inScope(scopeFor(ctx, 'transitCase.read'), CASE_SCOPE)} and (tc.assigned_to = ${ctx.user.id} or tc.site_id = ${ctx.user.siteId}))`;
}

/** Return cases of the caller's site (the arrival desk) or counselled by them. */
function returnload(ctx: RequestContext): RawBuilder<boolean> {
  if (!can(ctx, 'returnCase.read')) return sql<boolean>`false`;
  return sql<boolean>`(${inScope(scopeFor(ctx, 'returnCase.read'), RETURN_SCOPE)} and (rc.site_id = ${ctx.user.siteId} or rc.counsellor_id = ${ctx.user.id}))`;
}

/** Arrivals recorded at the caller's site or by them. */
function arrivalload(ctx: RequestContext): RawBuilder<boolean> {
  if (!can(ctx, 'returnCase.update')) return sql<boolean>`false`;
  return sql<boolean>`(${inScope(scopeFor(ctx, 'returnCase.update'), ARRIVAL_SCOPE)} and (a.site_id = ${ctx.user.siteId} or a.created_by = ${ctx.user.id}))`;
}

const hasAny = (ctx: RequestContext, permissions: Permission[]) => permissions.some((p) => can(ctx, p));

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

export const PULL_SOURCES: readonly PullSource[] = [
  {
    entity: 'site',
    schema: Site,
    applies: (ctx) => can(ctx, 'reference.read'),
    scoped: () => sql`select s.id::text as id, s.sync_seq as seq from sites s`,
    load: async (tx, _ctx, ids) => (await tx.selectFrom('sites').selectAll().where('id', 'in', ids).execute()).map((r) => ({ id: r.id, version: r.version, record: { ...r } })),
  },
  {
    entity: 'adminUnit',
    schema: AdminUnit,
    applies: (ctx) => can(ctx, 'reference.read'),
    scoped: () => sql`select u.pcode as id, u.sync_seq as seq from admin_units u`,
    load: async (tx, _ctx, ids) => (await tx.selectFrom('adminUnits').selectAll().where('pcode', 'in', ids).execute()).map((r) => ({ id: r.pcode, version: 1, record: { ...r } })),
  },
  {
    entity: 'country',
    schema: Country,
    applies: (ctx) => can(ctx, 'reference.read'),
    scoped: () => sql`select c.iso3 as id, c.sync_seq as seq from countries c`,
    load: async (tx, _ctx, ids) =>
      (await tx.selectFrom('countries').selectAll().where('iso3', 'in', ids).execute()).map((r) => ({ id: r.iso3, version: 1, record: { ...r, region: r.regionGroup } })),
  },
  {
    entity: 'person',
    schema: Person,
    applies: (ctx) => can(ctx, 'person.read'),
    // The caller's people: registered by them or at their site, or the person of a case they hold.
    scoped: (ctx) => sql`select p.id::text as id, p.sync_seq as seq from people p
      where p.status = 'active' and ${inScope(scopeFor(ctx, 'person.read'), PERSON_SCOPE)} and (
        p.owner_id = ${ctx.user.id} or p.site_id = ${ctx.user.siteId}
        or exists (select 1 from transit_cases tc where tc.person_id = p.id and ${caseload(ctx)})
        or exists (select 1 from return_cases rc where rc.person_id = p.id and ${returnload(ctx)})
        or exists (select 1 from arrivals a where a.person_id = p.id and ${arrivalload(ctx)}))`,
    load: async (tx, _ctx, ids) => {
      const rows = await tx.selectFrom('people as p').leftJoin('sites as psite', 'psite.id', 'p.siteId').selectAll('p').select('psite.name as siteName').where('p.id', 'in', ids).execute();
      // Documents travel with the person: the offline duplicate check compares their numbers.
      const docs = await tx.selectFrom('identityDocuments').select(['id', 'personId', 'type', 'number', 'issuingCountry', 'expiryDate']).where('personId', 'in', ids).orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        version: r.version,
        record: { ...r, documents: docs.filter((d) => d.personId === r.id).map(({ personId: _personId, ...d }) => d) },
      }));
    },
  },
  {
    entity: 'transitCase',
    schema: TransitCaseSummary,
    applies: (ctx) => can(ctx, 'transitCase.read'),
    scoped: (ctx) => sql`select tc.id::text as id, tc.sync_seq as seq from transit_cases tc where ${caseload(ctx)}`,
    load: async (tx, _ctx, ids) =>
      (await caseQuery(tx).where('tc.id', 'in', ids).execute()).map((r) => ({ id: r.id, version: r.version, record: { ...presentCaseSummary(r, 0, 0), personId: r.personId } })),
  },
  {
    entity: 'screening',
    schema: Screening,
    applies: (ctx) => can(ctx, 'transitCase.read'),
    scoped: (ctx) => sql`select sc.id::text as id, sc.sync_seq as seq from screenings sc join transit_cases tc on tc.id = sc.transit_case_id where ${caseload(ctx)}`,
    load: async (tx, ctx, ids) => (await screeningQuery(tx).where('sc.id', 'in', ids).execute()).map((r) => ({ id: r.id, version: 1, record: { ...presentScreening(ctx, r) } })),
  },
  {
    entity: 'service',
    schema: Service,
    applies: (ctx) => can(ctx, 'transitCase.read'),
    scoped: (ctx) => sql`select sv.id::text as id, sv.sync_seq as seq from services sv join transit_cases tc on tc.id = sv.transit_case_id where ${caseload(ctx)}`,
    load: async (tx, _ctx, ids) => (await serviceQuery(tx).where('sv.id', 'in', ids).execute()).map((r) => ({ id: r.id, version: 1, record: { ...presentService(r) } })),
  },
  {
    entity: 'referral',
    schema: Referral,
    applies: (ctx) => can(ctx, 'transitCase.read') && can(ctx, 'referral.manage'),
    scoped: (ctx) => sql`select r.id::text as id, r.sync_seq as seq from referrals r join transit_cases tc on tc.id = r.transit_case_id where ${caseload(ctx)}`,
    load: async (tx, ctx, ids) => (await referralQuery(tx).where('r.id', 'in', ids).execute()).map((r) => ({ id: r.id, version: r.version, record: { ...presentReferral(ctx, r) } })),
  },
  {
    entity: 'returnCase',
    schema: ReturnCaseSummary,
    applies: (ctx) => can(ctx, 'returnCase.read'),
    scoped: (ctx) => sql`select rc.id::text as id, rc.sync_seq as seq from return_cases rc where ${returnload(ctx)}`,
    load: async (tx, _ctx, ids) =>
      (await returnCaseQuery(tx).where('rc.id', 'in', ids).execute()).map((r) => ({ id: r.id, version: versionOf(r), record: { ...presentReturnSummary(r) } })),
  },
  {
    entity: 'arrival',
    schema: Arrival,
    applies: (ctx) => can(ctx, 'returnCase.update'),
    scoped: (ctx) => sql`select a.id::text as id, a.sync_seq as seq from arrivals a where ${arrivalload(ctx)}`,
    load: async (tx, ctx, ids) => {
      const rows = await arrivalQuery(tx).where('a.id', 'in', ids).execute();
      const versions = byId(rows);
      return (await presentArrivals(tx, ctx, rows)).map((r) => ({ id: r.id, version: versions.get(r.id)?.version ?? 1, record: { ...r } }));
    },
  },
  {
    entity: 'flowPoint',
    schema: FlowPoint,
    applies: (ctx) => hasAny(ctx, ['flow.read', 'flow.manage']),
    scoped: () => sql`select f.id::text as id, f.sync_seq as seq from flow_monitoring_points f`,
    load: async (tx, _ctx, ids) => {
      const wanted = new Set(ids);
      return (await listPoints(tx)).items.filter((p) => wanted.has(p.id)).map((p) => ({ id: p.id, version: versionOf(p), record: { ...p } }));
    },
  },
  {
    entity: 'community',
    schema: Community,
    applies: (ctx) => can(ctx, 'awareness.read'),
    scoped: () => sql`select c.id::text as id, c.sync_seq as seq from communities c`,
    load: async (tx, _ctx, ids) =>
      (await tx.selectFrom('communities').selectAll().where('id', 'in', ids).execute()).map((r) => ({ id: r.id, version: r.version, record: { ...r } })),
  },
  {
    entity: 'awarenessActivity',
    schema: Activity,
    applies: (ctx) => can(ctx, 'awareness.read'),
    // Their organisation's activities, within the read scope.
    scoped: (ctx) =>
      sql`select a.id::text as id, a.sync_seq as seq from awareness_activities a where ${inScope(scopeFor(ctx, 'awareness.read'), ACTIVITY_SCOPE)} and a.organisation_id = ${ctx.user.organisationId}`,
    load: async (tx, ctx, ids) => {
      const rows = await activityQuery(tx, { kind: 'all' }).where('a.id', 'in', ids).execute();
      const photos = await photosOf(tx, ids);
      return rows.map((r) => ({ id: r.id, version: r.version, record: { ...presentActivity(ctx, r, photos.get(r.id) ?? []) } }));
    },
  },
];
