// The free-movement incident log (SPEC §10): what happened where, which agency, what was demanded.
// The reporter's name and phone are sensitive: the response schema labels them, and reading them
// is audited.
import { sql } from 'kysely';
import { newId, type Incident, type IncidentInput, type IncidentPatch, type IncidentQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { INCIDENT_SCOPE, borderPostRef, country, isoOf, maliPlace, mobilityAbilities, notInFuture } from './mobility.common';

/** Incidents in a scope with their border post's name. */
export function incidentQuery(db: Db | Tx, scope: Scope) {
  return db.selectFrom('mobilityIncidents as i').leftJoin('borderPosts as b', 'b.id', 'i.borderPostId').selectAll('i').select('b.name as borderPostName').where(inScope(scope, INCIDENT_SCOPE));
}
type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentQuery>['execute']>>[number];

function present(ctx: RequestContext, row: IncidentRow): Incident {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    borderPostId: row.borderPostId,
    borderPostName: row.borderPostName,
    place: row.placeName === null ? null : { name: row.placeName, pcode: row.placePcode },
    corridor: row.corridor as Incident['corridor'],
    agency: row.agency as Incident['agency'],
    types: row.types as Incident['types'],
    amountDemandedXof: row.amountDemandedXof === null ? null : Number(row.amountDemandedXof),
    documentsPresented: row.documentsPresented as Incident['documentsPresented'],
    victimNationality: row.victimNationality,
    victimSex: row.victimSex as Incident['victimSex'],
    victimsCount: row.victimsCount,
    // The redaction hook drops name and phone for callers below `sensitive`.
    reporter: { anonymous: row.reporterAnonymous, name: row.reporterName, phone: row.reporterPhone },
    followUp: row.followUp,
    description: row.description,
    organisationId: row.organisationId,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: mobilityAbilities(ctx),
  };
}

/** Whether the caller sees reporter identities (then reading them is audited). */
function seesReporter(ctx: RequestContext): boolean {
  return ctx.maxSensitivity === 'sensitive';
}

async function load(tx: Tx, ctx: RequestContext, id: string, scope: Scope = ctx.scope): Promise<Incident> {
  const row = await incidentQuery(tx, scope).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Incident');
  return present(ctx, row);
}

interface PlaceFields {
  borderPostId?: string | null | undefined;
  place?: { name: string; pcode?: string | null | undefined } | undefined;
}

async function placeColumns(tx: Tx, input: PlaceFields) {
  const hasPost = Boolean(input.borderPostId);
  if (hasPost === Boolean(input.place)) throw new Invalid({ borderPostId: 'give exactly one of borderPostId or place' });
  if (hasPost) {
    await borderPostRef(tx, 'borderPostId', input.borderPostId);
    return { borderPostId: input.borderPostId ?? null, placeName: null, placePcode: null };
  }
  if (input.place?.pcode) await maliPlace(tx, 'place.pcode', input.place.pcode);
  return { borderPostId: null, placeName: input.place?.name ?? null, placePcode: input.place?.pcode ?? null };
}

function reporterColumns(reporter: IncidentInput['reporter']) {
  if (reporter.anonymous && (reporter.name !== undefined || reporter.phone !== undefined)) {
    throw new Invalid({ [reporter.name !== undefined ? 'reporter.name' : 'reporter.phone']: 'must be empty for an anonymous report' });
  }
  return { reporterAnonymous: reporter.anonymous, reporterName: reporter.name ?? null, reporterPhone: reporter.phone ?? null };
}

/** Incidents in scope, newest first. */
export async function listIncidents(ctx: RequestContext, query: IncidentQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = incidentQuery(ctx.db, ctx.scope);
  if (query.from) q = q.where('i.occurredOn', '>=', query.from);
  if (query.to) q = q.where('i.occurredOn', '<=', query.to);
  if (query.type) q = q.where(sql<boolean>`i.types ? ${query.type}`);
  if (query.corridor) q = q.where('i.corridor', '=', query.corridor);
  if (query.borderPostId) q = q.where('i.borderPostId', '=', query.borderPostId);
  if (query.agency) q = q.where('i.agency', '=', query.agency);
  if (after) q = q.where(sql<boolean>`(i.occurred_on::text, i.id::text) < (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('i.occurredOn', 'desc').orderBy('i.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.occurredOn, r.id], (r) => present(ctx, r));
  const named = page.items.filter((i) => !i.reporter.anonymous);
  if (seesReporter(ctx) && named.length > 0) {
    await inTransaction(ctx.db, (tx) => appendAudit(tx, actorOf(ctx), { action: 'incident.list_read', entityType: 'mobility_incident', details: { ids: named.map((i) => i.id) } }));
  }
  return page;
}

/** Logs an incident for the caller's organisation. */
export async function createIncident(ctx: RequestContext, input: IncidentInput): Promise<Incident> {
  notInFuture('occurredOn', input.occurredOn);
  const reporter = reporterColumns(input.reporter);
  return inTransaction(ctx.db, async (tx) => {
    const place = await placeColumns(tx, input);
    if (input.victimNationality) await country(tx, 'victimNationality', input.victimNationality);
    const id = input.id ?? newId();
    await tx
      .insertInto('mobilityIncidents')
      .values({
        id,
        occurredOn: input.occurredOn,
        ...place,
        corridor: input.corridor,
        agency: input.agency,
        types: JSON.stringify(input.types),
        amountDemandedXof: input.amountDemandedXof ?? null,
        documentsPresented: JSON.stringify(input.documentsPresented),
        victimNationality: input.victimNationality ?? null,
        victimSex: input.victimSex ?? null,
        victimsCount: input.victimsCount,
        ...reporter,
        followUp: input.followUp ?? null,
        description: input.description ?? null,
        organisationId: ctx.user.organisationId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'incident.create', entityType: 'mobility_incident', entityId: id, details: { corridor: input.corridor, types: input.types } });
    return load(tx, ctx, id, { kind: 'all' });
  });
}

/** An incident in scope; reading a named reporter is audited. */
export async function getIncident(ctx: RequestContext, id: string): Promise<Incident> {
  return inTransaction(ctx.db, async (tx) => {
    const incident = await load(tx, ctx, id);
    if (seesReporter(ctx) && !incident.reporter.anonymous) await appendAudit(tx, actorOf(ctx), { action: 'incident.read', entityType: 'mobility_incident', entityId: id });
    return incident;
  });
}

/** Edits an incident in scope (If-Match). */
export async function updateIncident(ctx: RequestContext, id: string, version: number, patch: IncidentPatch): Promise<Incident> {
  notInFuture('occurredOn', patch.occurredOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('mobilityIncidents as i').selectAll('i').where('i.id', '=', id).where(inScope(ctx.scope, INCIDENT_SCOPE)).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Incident');
    assertVersion(row.version, version);
    const placeGiven = patch.borderPostId !== undefined || patch.place !== undefined;
    const place = placeGiven ? await placeColumns(tx, patch) : {};
    const reporter = patch.reporter ? reporterColumns(patch.reporter) : {};
    if (patch.victimNationality) await country(tx, 'victimNationality', patch.victimNationality);
    const { borderPostId: _post, place: _place, reporter: _reporter, types, documentsPresented, ...plain } = patch;
    await tx
      .updateTable('mobilityIncidents')
      .set({
        ...plain,
        ...place,
        ...reporter,
        ...(types !== undefined ? { types: JSON.stringify(types) } : {}),
        ...(documentsPresented !== undefined ? { documentsPresented: JSON.stringify(documentsPresented) } : {}),
        version: row.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'incident.update', entityType: 'mobility_incident', entityId: id, details: { fields: Object.keys(patch) } });
    return load(tx, ctx, id);
  });
}
