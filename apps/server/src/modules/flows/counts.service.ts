// Flow counts (FMR records): entry, edit while draft or rejected, submit, validate or reject.
// Every write runs the consistency rules of core and is audited in the same transaction.
import { sql, type Insertable } from 'kysely';
import { canTransition, newId, validateFlowCount, type FieldError, type FlowCount, type FlowCountInput, type FlowCountPatch, type FlowCountQuery, type FlowCountTransition } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, can, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Conflict, Forbidden, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import type { FlowCountTable } from './flows.tables';
import { pointPeriods } from './points.service';

const scopeColumns = { organisation: 'c.organisation_id', owner: 'c.created_by' };

/** Today's date in UTC (Mali's time zone), the latest date a record may carry. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the rules need: points with their periods and the known P-codes. */
export interface RuleData {
  points: Map<string, { from: string; to: string | null }[]>;
  pcodes: Set<string>;
  countries: Set<string>;
}

/** Loads the reference data the rules check against (once per request or import). */
export async function loadRuleData(db: Db | Tx): Promise<RuleData> {
  const [points, pcodes, countries] = await Promise.all([
    pointPeriods(db),
    db.selectFrom('adminUnits').select('pcode').execute(),
    db.selectFrom('countries').select('iso3').execute(),
  ]);
  return { points, pcodes: new Set(pcodes.map((p) => p.pcode)), countries: new Set([...countries.map((c) => c.iso3), 'OOO']) };
}

/** Runs core's rules with the reference data. */
export function countErrors(input: FlowCountInput, data: RuleData): FieldError[] {
  const periods = data.points.get(input.fmpId);
  const errors = validateFlowCount(input, { today: todayUtc(), point: periods ? { activePeriods: periods } : null, pcodeExists: (p) => data.pcodes.has(p) });
  for (const field of ['originCountry', 'nextDestinationCountry', 'finalDestinationCountry'] as const) {
    if (!data.countries.has(input[field])) errors.push({ field, message: `${input[field]} is not a known country code` });
  }
  input.nationalities.forEach((n) => {
    if (!data.countries.has(n.country)) errors.push({ field: 'nationalities', message: `${n.country} is not a known country code` });
  });
  return errors;
}

function asFields(errors: FieldError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) fields[e.field] = fields[e.field] ? `${fields[e.field]}; ${e.message}` : e.message;
  return fields;
}

/** The table row for a valid input. */
export function countRow(input: FlowCountInput, meta: { id: string; status: string; organisationId: string; userId: string | null; importId: string | null; rowKey: string | null }): Insertable<FlowCountTable> {
  return {
    id: meta.id,
    fmpId: input.fmpId,
    date: input.date,
    observationWindow: input.observationWindow,
    windowStart: input.windowStart ?? null,
    windowEnd: input.windowEnd ?? null,
    direction: input.direction,
    originCountry: input.originCountry,
    originPcode: input.originPcode ?? null,
    originLocality: input.originLocality ?? null,
    previousTransitLocality: input.previousTransitLocality ?? null,
    nextDestinationCountry: input.nextDestinationCountry,
    finalDestinationCountry: input.finalDestinationCountry,
    destinationPcode: input.destinationPcode ?? null,
    destinationLocality: input.destinationLocality ?? null,
    transportMode: input.transportMode,
    movementType: input.movementType,
    men: input.men,
    women: input.women,
    boys: input.boys,
    girls: input.girls,
    sexAgeUnknown: input.sexAgeUnknown,
    total: input.total,
    childrenUnder5: input.childrenUnder5,
    unaccompaniedChildren: input.unaccompaniedChildren,
    pregnantWomen: input.pregnantWomen,
    elderly60plus: input.elderly60plus,
    personsWithDisability: input.personsWithDisability,
    nationalities: JSON.stringify(input.nationalities),
    collectionMethod: input.collectionMethod,
    enumeratorId: input.enumeratorId ?? null,
    collectionId: input.collectionId ?? null,
    status: meta.status,
    validatedBy: meta.status === 'validated' ? meta.userId : null,
    validatedAt: meta.status === 'validated' ? new Date() : null,
    rejectionReason: null,
    organisationId: meta.organisationId,
    importId: meta.importId,
    rowKey: meta.rowKey,
    createdBy: meta.userId,
    updatedBy: meta.userId,
  };
}

function query(db: Db | Tx, scope: Scope) {
  return db
    .selectFrom('flowCounts as c')
    .innerJoin('flowMonitoringPoints as p', 'p.id', 'c.fmpId')
    .selectAll('c')
    .select('p.name as fmpName')
    .where(inScope(scope, scopeColumns));
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const iso = (d: Date | string) => new Date(d).toISOString();

function present(r: Row): FlowCount {
  return {
    id: r.id,
    fmpId: r.fmpId,
    fmpName: r.fmpName,
    date: r.date,
    observationWindow: r.observationWindow as FlowCount['observationWindow'],
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    direction: r.direction as FlowCount['direction'],
    originCountry: r.originCountry,
    originPcode: r.originPcode,
    originLocality: r.originLocality,
    previousTransitLocality: r.previousTransitLocality,
    nextDestinationCountry: r.nextDestinationCountry,
    finalDestinationCountry: r.finalDestinationCountry,
    destinationPcode: r.destinationPcode,
    destinationLocality: r.destinationLocality,
    transportMode: r.transportMode as FlowCount['transportMode'],
    movementType: r.movementType as FlowCount['movementType'],
    men: r.men,
    women: r.women,
    boys: r.boys,
    girls: r.girls,
    sexAgeUnknown: r.sexAgeUnknown,
    total: r.total,
    childrenUnder5: r.childrenUnder5,
    unaccompaniedChildren: r.unaccompaniedChildren,
    pregnantWomen: r.pregnantWomen,
    elderly60plus: r.elderly60plus,
    personsWithDisability: r.personsWithDisability,
    nationalities: r.nationalities,
    collectionMethod: r.collectionMethod as FlowCount['collectionMethod'],
    enumeratorId: r.enumeratorId,
    collectionId: r.collectionId,
    status: r.status as FlowCount['status'],
    validatedBy: r.validatedBy,
    validatedAt: r.validatedAt ? iso(r.validatedAt) : null,
    rejectionReason: r.rejectionReason,
    organisationId: r.organisationId,
    importId: r.importId,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

/** A page of counts in scope, newest first. */
export async function listCounts(ctx: RequestContext, q: FlowCountQuery) {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(q.cursor, ['string', 'string']);
  let rows = query(ctx.db, ctx.scope);
  if (q.from) rows = rows.where('c.date', '>=', q.from);
  if (q.to) rows = rows.where('c.date', '<=', q.to);
  if (q.fmpId) rows = rows.where('c.fmpId', '=', q.fmpId);
  if (q.direction) rows = rows.where('c.direction', '=', q.direction);
  if (q.status) rows = rows.where('c.status', '=', q.status);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = rows.where(sql<boolean>`lower(p.name || ' ' || c.fmp_id || ' ' || coalesce(c.enumerator_id, '') || ' ' || c.origin_country || ' ' || coalesce(c.origin_pcode, '') || ' ' || c.final_destination_country) like ${like}`);
  }
  if (after) rows = rows.where(sql<boolean>`(c.date, c.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const found = await rows.orderBy('c.date', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
  return pageOf(found, limit, (r) => [r.date, r.id], present);
}

/** One count in scope. */
export async function getCount(ctx: RequestContext, id: string): Promise<FlowCount> {
  const row = await query(ctx.db, ctx.scope).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Flow count');
  return present(row);
}

/** Records a count (draft or submitted) after checking every rule. */
export async function createCount(ctx: RequestContext, input: FlowCountInput): Promise<FlowCount> {
  const errors = countErrors(input, await loadRuleData(ctx.db));
  if (errors.length > 0) throw new Invalid(asFields(errors), 'The flow count breaks consistency rules');
  return inTransaction(ctx.db, async (tx) => {
    const id = input.id ?? newId();
    await tx.insertInto('flowCounts').values(countRow(input, { id, status: input.status ?? 'draft', organisationId: ctx.user.organisationId, userId: ctx.user.id, importId: null, rowKey: null })).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_count.create', entityType: 'flow_count', entityId: id, details: { fmpId: input.fmpId, date: input.date, total: input.total } });
    return present(await query(tx, { kind: 'all' }).where('c.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** The input a stored count corresponds to (for re-checking after a partial edit). */
function inputOf(c: FlowCount): FlowCountInput {
  return {
    fmpId: c.fmpId,
    date: c.date,
    observationWindow: c.observationWindow,
    windowStart: c.windowStart,
    windowEnd: c.windowEnd,
    direction: c.direction,
    originCountry: c.originCountry,
    originPcode: c.originPcode,
    originLocality: c.originLocality,
    previousTransitLocality: c.previousTransitLocality,
    nextDestinationCountry: c.nextDestinationCountry,
    finalDestinationCountry: c.finalDestinationCountry,
    destinationPcode: c.destinationPcode,
    destinationLocality: c.destinationLocality,
    transportMode: c.transportMode,
    movementType: c.movementType,
    men: c.men,
    women: c.women,
    boys: c.boys,
    girls: c.girls,
    sexAgeUnknown: c.sexAgeUnknown,
    total: c.total,
    childrenUnder5: c.childrenUnder5,
    unaccompaniedChildren: c.unaccompaniedChildren,
    pregnantWomen: c.pregnantWomen,
    elderly60plus: c.elderly60plus,
    personsWithDisability: c.personsWithDisability,
    nationalities: c.nationalities,
    collectionMethod: c.collectionMethod,
    enumeratorId: c.enumeratorId,
    collectionId: c.collectionId,
  };
}

/** Edits a draft or rejected count at the version the caller saw; the whole record is re-checked. */
export async function updateCount(ctx: RequestContext, id: string, version: number, patch: FlowCountPatch): Promise<FlowCount> {
  const data = await loadRuleData(ctx.db);
  return inTransaction(ctx.db, async (tx) => {
    const row = await query(tx, ctx.scope).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
    if (!row) throw new NotFound('Flow count');
    assertVersion(row.version, version);
    if (row.status !== 'draft' && row.status !== 'rejected') {
      throw new Conflict(`A ${row.status} flow count cannot be edited`, 'not_editable', { status: `is ${row.status}; only draft or rejected counts can be edited` });
    }
    const merged = { ...inputOf(present(row)), ...patch };
    const errors = countErrors(merged, data);
    if (errors.length > 0) throw new Invalid(asFields(errors), 'The flow count breaks consistency rules');
    const { nationalities, ...rest } = patch;
    await tx
      .updateTable('flowCounts')
      .set({ ...rest, ...(nationalities ? { nationalities: JSON.stringify(nationalities) } : {}), updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_count.update', entityType: 'flow_count', entityId: id, details: { fields: Object.keys(patch) } });
    return present(await query(tx, { kind: 'all' }).where('c.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Moves a count along draft → submitted → validated | rejected (rejected needs a reason). */
export async function transitionCount(ctx: RequestContext, id: string, body: FlowCountTransition): Promise<FlowCount> {
  if ((body.to === 'validated' || body.to === 'rejected') && !can(ctx, 'flow.validate')) {
    throw new Forbidden('Validating or rejecting flow counts needs the flow.validate permission');
  }
  if (body.to === 'rejected' && !body.reason?.trim()) throw new Invalid({ reason: 'is required to reject a count' });
  return inTransaction(ctx.db, async (tx) => {
    const row = await query(tx, ctx.scope).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
    if (!row) throw new NotFound('Flow count');
    if (!canTransition(row.status, body.to)) {
      throw new RuleViolation(`A ${row.status} flow count cannot become ${body.to}`, 'invalid_transition', { to: `cannot go from ${row.status} to ${body.to}` });
    }
    const validated = body.to === 'validated';
    await tx
      .updateTable('flowCounts')
      .set({
        status: body.to,
        validatedBy: validated || body.to === 'rejected' ? ctx.user.id : null,
        validatedAt: validated || body.to === 'rejected' ? new Date() : null,
        rejectionReason: body.to === 'rejected' ? (body.reason ?? null) : null,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: `flow_count.${body.to}`, entityType: 'flow_count', entityId: id, details: { from: row.status, to: body.to, reason: body.reason ?? null } });
    return present(await query(tx, { kind: 'all' }).where('c.id', '=', id).executeTakeFirstOrThrow());
  });
}

export { asFields };
