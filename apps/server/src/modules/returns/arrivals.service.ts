// The arrival desk (SPEC §6, inbound): movements expected at a reception site, spontaneous arrivals,
// the arrivals list and record, and the assistance given on arrival.
import { sql } from 'kysely';
import { HOME_COUNTRY, newId, type Arrival, type ArrivalAssistanceInput, type ArrivalInput, type ArrivalsQuery, type ExpectedArrivals, type ExpectedArrivalsQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, can, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope, recordInScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { presentSummary, SUMMARY_COLUMNS } from '../registry/people.present';
import { cashOnArrivalXof, MOVEMENT_SCOPE, notInFuture, regionOf, RETURN_SCOPE, today } from './returns.common';
import { activeSite, assertCountry, assertPcode, lockPerson } from './return-cases.validate';
import { handOver } from './handover';
import { loadPassengers, movementScope } from './movements.load';

/** Where arrivals keep the columns row scopes filter on (region: the destination). */
export const ARRIVAL_SCOPE = { organisation: 'a.organisation_id', site: 'a.site_id', pcode: 'a.destination_pcode', owner: 'a.created_by' };

/** Arrivals joined to their person, site and cases (also read by the offline pull). */
export function arrivalQuery(db: Db | Tx) {
  return db
    .selectFrom('arrivals as a')
    .innerJoin('people as p', 'p.id', 'a.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .leftJoin('sites as s', 's.id', 'a.siteId')
    .leftJoin('returnCases as rc', 'rc.id', 'a.returnCaseId')
    .leftJoin('reintegrationCases as ric', 'ric.id', 'a.reintegrationCaseId')
    .select([
      'a.id', 'a.returnCaseId', 'rc.caseNumber', 'a.movementId', 'a.siteId', 's.name as siteName', 'a.arrivedOn', 'a.fromCountry', 'a.destinationPcode',
      'a.vulnerable', 'a.referralNeeds', 'a.note', 'a.reintegrationCaseId', 'ric.caseNumber as reintegrationCaseNumber', 'a.version', 'a.createdAt', 'a.updatedAt', ...SUMMARY_COLUMNS,
    ]);
}
export type ArrivalRow = Awaited<ReturnType<ReturnType<typeof arrivalQuery>['executeTakeFirstOrThrow']>>;

/** Arrival rows with their assistance, as the API returns them. */
export async function presentArrivals(db: Db | Tx, ctx: RequestContext, rows: ArrivalRow[]): Promise<Arrival[]> {
  const ids = rows.map((r) => r.id);
  const help = ids.length > 0 ? await db.selectFrom('arrivalAssistance').selectAll().where('arrivalId', 'in', ids).orderBy('givenOn').orderBy('createdAt').execute() : [];
  const addAssistance = can(ctx, 'returnCase.update');
  return rows.map((r) => ({
    id: r.id,
    person: presentSummary(r),
    returnCaseId: r.returnCaseId,
    caseNumber: r.caseNumber,
    movementId: r.movementId,
    siteId: r.siteId,
    siteName: r.siteName,
    arrivedOn: r.arrivedOn,
    fromCountry: r.fromCountry,
    destinationPcode: r.destinationPcode,
    vulnerable: r.vulnerable,
    referralNeeds: r.referralNeeds as Arrival['referralNeeds'],
    note: r.note,
    assistance: help
      .filter((x) => x.arrivalId === r.id)
      .map((x) => ({ id: x.id, type: x.type as Arrival['assistance'][number]['type'], givenOn: x.givenOn, amountXof: x.amountXof === null ? null : Number(x.amountXof), quantity: x.quantity, note: x.note, createdAt: new Date(x.createdAt).toISOString() })),
    reintegrationCaseId: r.reintegrationCaseId,
    reintegrationCaseNumber: r.reintegrationCaseNumber,
    abilities: { addAssistance },
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

async function loadArrival(db: Db | Tx, ctx: RequestContext, scope: Scope, id: string): Promise<Arrival> {
  const row = await arrivalQuery(db).where('a.id', '=', id).where(inScope(scope, ARRIVAL_SCOPE)).executeTakeFirst();
  if (!row) throw new NotFound('Arrival');
  const [arrival] = await presentArrivals(db, ctx, [row]);
  if (!arrival) throw new NotFound('Arrival');
  return arrival;
}

/** Inbound movements due at a reception site on a date, plus departed ones already overdue. */
export async function expectedArrivals(ctx: RequestContext, query: ExpectedArrivalsQuery): Promise<ExpectedArrivals> {
  const date = query.date ?? today();
  const rows = await ctx.db
    .selectFrom('movements as m')
    .select(['m.id', 'm.reference', 'm.kind', 'm.status', 'm.arrivalDate'])
    .where(inScope(movementScope(ctx, 'returnCase.update'), MOVEMENT_SCOPE))
    .where('m.direction', '=', 'inbound')
    .where('m.receptionSiteId', '=', query.siteId)
    .where((eb) => eb.or([eb.and([eb('m.arrivalDate', '=', date), eb('m.status', '<>', 'cancelled')]), eb.and([eb('m.status', '=', 'departed'), eb('m.arrivalDate', '<', date)])]))
    .orderBy('m.arrivalDate')
    .orderBy('m.reference')
    .execute();
  const passengers = await loadPassengers(ctx.db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      movementId: r.id,
      reference: r.reference,
      kind: r.kind as ExpectedArrivals['items'][number]['kind'],
      status: r.status as ExpectedArrivals['items'][number]['status'],
      arrivalDate: r.arrivalDate,
      overdue: r.status === 'departed' && r.arrivalDate !== null && r.arrivalDate < date,
      passengers: (passengers.get(r.id) ?? []).filter((p) => p.departureStatus !== 'no_show'),
    })),
  };
}

/** Records a spontaneous arrival (a returnee not on any movement) and hands the person over to reintegration. */
export async function recordArrival(ctx: RequestContext, input: ArrivalInput): Promise<Arrival> {
  notInFuture('arrivedOn', input.arrivedOn);
  if (input.fromCountry === HOME_COUNTRY) throw new Invalid({ fromCountry: `must not be ${HOME_COUNTRY}: the country the person returned from` });
  return inTransaction(ctx.db, async (tx) => {
    const scope = scopeFor(ctx, 'returnCase.update');
    if (input.id) {
      // A replay of the same arrival (offline outbox) returns the first one.
      const existing = await tx.selectFrom('arrivals as a').select('a.id').where('a.id', '=', input.id).executeTakeFirst();
      if (existing) return loadArrival(tx, ctx, scope, input.id);
    }
    const person = await lockPerson(tx, ctx, 'personId', input.personId);
    const site = await activeSite(tx, 'siteId', input.siteId);
    if (!recordInScope(scope, { organisationId: site.organisationId, siteId: site.id, pcode: input.destinationPcode, ownerId: ctx.user.id })) throw new Invalid({ siteId: 'is outside the sites where you may record arrivals' });
    await assertCountry(tx, 'fromCountry', input.fromCountry);
    await assertPcode(tx, 'destinationPcode', input.destinationPcode);
    if (input.returnCaseId) {
      const rc = await tx.selectFrom('returnCases as rc').select(['rc.id', 'rc.personId']).where('rc.id', '=', input.returnCaseId).where(inScope(scopeFor(ctx, 'returnCase.read'), RETURN_SCOPE)).executeTakeFirst();
      if (!rc || rc.personId !== person.id) throw new Invalid({ returnCaseId: 'must be a return case of the same person' });
    }
    const id = input.id ?? newId();
    await tx
      .insertInto('arrivals')
      .values({
        id, personId: person.id, returnCaseId: input.returnCaseId ?? null, movementId: null, organisationId: site.organisationId, siteId: site.id, arrivedOn: input.arrivedOn,
        fromCountry: input.fromCountry, destinationPcode: input.destinationPcode, vulnerable: input.vulnerable ?? false, referralNeeds: input.referralNeeds ?? [],
        note: input.note ?? null, reintegrationCaseId: null, createdBy: ctx.user.id, updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'arrival.create', entityType: 'arrival', entityId: id, details: { personId: person.id, siteId: site.id, spontaneous: true, region: regionOf(input.destinationPcode) } });
    await handOver(tx, ctx, { arrivalId: id, personId: person.id, returnCaseId: input.returnCaseId ?? null, destinationPcode: input.destinationPcode, organisationId: site.organisationId, siteId: site.id, arrivedOn: input.arrivedOn });
    return loadArrival(tx, ctx, scope, id);
  });
}

/** Arrivals in scope, latest first. */
export async function listArrivals(ctx: RequestContext, query: ArrivalsQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = arrivalQuery(ctx.db).where(inScope(ctx.scope, ARRIVAL_SCOPE));
  if (query.siteId) q = q.where('a.siteId', '=', query.siteId);
  if (query.from) q = q.where('a.arrivedOn', '>=', query.from);
  if (query.to) q = q.where('a.arrivedOn', '<=', query.to);
  if (query.vulnerable !== undefined) q = q.where('a.vulnerable', '=', query.vulnerable);
  if (after) {
    const [arrivedOn, id] = after.map(String);
    q = q.where(sql<boolean>`(a.arrived_on, a.id) < (${arrivedOn}::date, ${id}::uuid)`);
  }
  const rows = await q.orderBy('a.arrivedOn', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.arrivedOn, r.id], (r) => r);
  return { items: await presentArrivals(ctx.db, ctx, page.items), nextCursor: page.nextCursor };
}

/** An arrival record; reading it is audited. */
export async function getArrival(ctx: RequestContext, id: string): Promise<Arrival> {
  return inTransaction(ctx.db, async (tx) => {
    const arrival = await loadArrival(tx, ctx, ctx.scope, id);
    await appendAudit(tx, actorOf(ctx), { action: 'arrival.read', entityType: 'arrival', entityId: id });
    return arrival;
  });
}

/** Records assistance given on arrival; cash on arrival defaults to the configured amount. */
export async function addArrivalAssistance(ctx: RequestContext, id: string, input: ArrivalAssistanceInput): Promise<Arrival> {
  notInFuture('givenOn', input.givenOn);
  return inTransaction(ctx.db, async (tx) => {
    const arrival = await tx.selectFrom('arrivals as a').select(['a.id', 'a.arrivedOn', 'a.organisationId']).where('a.id', '=', id).where(inScope(ctx.scope, ARRIVAL_SCOPE)).forUpdate().executeTakeFirst();
    if (!arrival) throw new NotFound('Arrival');
    if (input.givenOn < arrival.arrivedOn) throw new Invalid({ givenOn: `must not be before the arrival (${arrival.arrivedOn})` });
    const amountXof = input.amountXof ?? (input.type === 'cash_on_arrival' ? await cashOnArrivalXof(tx) : null);
    const assistanceId = input.id ?? newId();
    await tx
      .insertInto('arrivalAssistance')
      .values({ id: assistanceId, arrivalId: id, organisationId: arrival.organisationId, type: input.type, givenOn: input.givenOn, amountXof, quantity: input.quantity ?? null, note: input.note ?? null, createdBy: ctx.user.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await tx.updateTable('arrivals').set({ updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'arrival.assistance', entityType: 'arrival', entityId: id, details: { type: input.type, amountXof, givenOn: input.givenOn } });
    return loadArrival(tx, ctx, scopeFor(ctx, 'returnCase.update'), id);
  });
}
