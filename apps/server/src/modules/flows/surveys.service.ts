// Flow surveys (FMS interviews): microdata, readable only with flowSurvey.read and never public.
// A refused or repeated interview is stored with consent, point and date only.
import { sql, type Insertable } from 'kysely';
import { newId, stripEndedSurvey, validateFlowSurvey, type FieldError, type FlowSurvey, type FlowSurveyInput, type FlowSurveyQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import type { FlowSurveyTable } from './flows.tables';
import { asFields, loadRuleData, todayUtc, type RuleData } from './counts.service';

const scopeColumns = { organisation: 's.organisation_id', owner: 's.created_by' };
const COUNTRY_FIELDS = ['nationality', 'birthCountry', 'departureCountry', 'lastTransitCountry', 'nextCountry', 'finalDestinationCountry'] as const;

/** Runs core's survey rules with the reference data. */
export function surveyErrors(input: FlowSurveyInput, data: RuleData): FieldError[] {
  const periods = data.points.get(input.fmpId);
  const errors = validateFlowSurvey(input, { today: todayUtc(), point: periods ? { activePeriods: periods } : null, pcodeExists: (p) => data.pcodes.has(p) });
  for (const field of COUNTRY_FIELDS) {
    const value = input[field];
    if (typeof value === 'string' && !data.countries.has(value)) errors.push({ field, message: `${value} is not a known country code` });
  }
  return errors;
}

const list = (v: string[] | undefined) => (v === undefined ? null : JSON.stringify(v));

/** The table row of a valid survey (answers of an ended interview are dropped first). */
export function surveyRow(raw: FlowSurveyInput, meta: { id: string; organisationId: string; userId: string | null; importId: string | null; rowKey: string | null }): Insertable<FlowSurveyTable> {
  const s = stripEndedSurvey(raw);
  return {
    id: meta.id,
    fmpId: s.fmpId,
    date: s.date,
    enumeratorId: s.enumeratorId ?? null,
    collectionId: s.collectionId ?? null,
    consent: s.consent,
    alreadySurveyed: s.alreadySurveyed ?? false,
    sex: s.sex ?? null,
    age: s.age ?? null,
    nationality: s.nationality ?? null,
    birthCountry: s.birthCountry ?? null,
    maritalStatus: s.maritalStatus ?? null,
    education: s.education ?? null,
    employmentBefore: s.employmentBefore ?? null,
    occupationSector: s.occupationSector ?? null,
    departureCountry: s.departureCountry ?? null,
    departurePcode: s.departurePcode ?? null,
    departureLocality: s.departureLocality ?? null,
    timeSinceDeparture: s.timeSinceDeparture ?? null,
    previousAttempt: s.previousAttempt ?? null,
    forciblyDisplaced: s.forciblyDisplaced ?? null,
    reasons: list(s.reasons),
    lastTransitCountry: s.lastTransitCountry ?? null,
    lastTransitLocality: s.lastTransitLocality ?? null,
    transportModes: list(s.transportModes),
    travelGroup: s.travelGroup ?? null,
    groupSize: s.groupSize ?? null,
    fundingSources: list(s.fundingSources),
    nextCountry: s.nextCountry ?? null,
    finalDestinationCountry: s.finalDestinationCountry ?? null,
    destinationReasons: list(s.destinationReasons),
    plannedStay: s.plannedStay ?? null,
    intendsReturn: s.intendsReturn ?? null,
    journeyDifficulties: list(s.journeyDifficulties),
    informationNeeds: list(s.informationNeeds),
    referredTo: list(s.referredTo),
    freeText: s.freeText ?? null,
    organisationId: meta.organisationId,
    importId: meta.importId,
    rowKey: meta.rowKey,
    createdBy: meta.userId,
    updatedBy: meta.userId,
  };
}

function query(db: Db | Tx, scope: Scope) {
  return db.selectFrom('flowSurveys as s').selectAll('s').where(inScope(scope, scopeColumns));
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function present(r: Row): FlowSurvey {
  const codes = <T>(v: string[] | null) => v as T | null;
  return {
    id: r.id,
    fmpId: r.fmpId,
    date: r.date,
    enumeratorId: r.enumeratorId,
    collectionId: r.collectionId,
    consent: r.consent,
    alreadySurveyed: r.alreadySurveyed,
    sex: r.sex as FlowSurvey['sex'],
    age: r.age,
    nationality: r.nationality,
    birthCountry: r.birthCountry,
    maritalStatus: r.maritalStatus as FlowSurvey['maritalStatus'],
    education: r.education as FlowSurvey['education'],
    employmentBefore: r.employmentBefore as FlowSurvey['employmentBefore'],
    occupationSector: r.occupationSector as FlowSurvey['occupationSector'],
    departureCountry: r.departureCountry,
    departurePcode: r.departurePcode,
    departureLocality: r.departureLocality,
    timeSinceDeparture: r.timeSinceDeparture as FlowSurvey['timeSinceDeparture'],
    previousAttempt: r.previousAttempt,
    forciblyDisplaced: r.forciblyDisplaced,
    reasons: codes<NonNullable<FlowSurvey['reasons']>>(r.reasons),
    lastTransitCountry: r.lastTransitCountry,
    lastTransitLocality: r.lastTransitLocality,
    transportModes: codes<NonNullable<FlowSurvey['transportModes']>>(r.transportModes),
    travelGroup: r.travelGroup as FlowSurvey['travelGroup'],
    groupSize: r.groupSize,
    fundingSources: codes<NonNullable<FlowSurvey['fundingSources']>>(r.fundingSources),
    nextCountry: r.nextCountry,
    finalDestinationCountry: r.finalDestinationCountry,
    destinationReasons: codes<NonNullable<FlowSurvey['destinationReasons']>>(r.destinationReasons),
    plannedStay: r.plannedStay as FlowSurvey['plannedStay'],
    intendsReturn: r.intendsReturn as FlowSurvey['intendsReturn'],
    journeyDifficulties: codes<NonNullable<FlowSurvey['journeyDifficulties']>>(r.journeyDifficulties),
    informationNeeds: codes<NonNullable<FlowSurvey['informationNeeds']>>(r.informationNeeds),
    referredTo: codes<NonNullable<FlowSurvey['referredTo']>>(r.referredTo),
    freeText: r.freeText,
    organisationId: r.organisationId,
    importId: r.importId,
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** A page of surveys in scope, newest first. */
export async function listSurveys(ctx: RequestContext, q: FlowSurveyQuery) {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(q.cursor, ['string', 'string']);
  let rows = query(ctx.db, ctx.scope);
  if (q.from) rows = rows.where('s.date', '>=', q.from);
  if (q.to) rows = rows.where('s.date', '<=', q.to);
  if (q.fmpId) rows = rows.where('s.fmpId', '=', q.fmpId);
  if (q.nationality) rows = rows.where('s.nationality', '=', q.nationality);
  if (q.consent !== undefined) rows = rows.where('s.consent', '=', q.consent);
  if (after) rows = rows.where(sql<boolean>`(s.date, s.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const found = await rows.orderBy('s.date', 'desc').orderBy('s.id', 'desc').limit(limit + 1).execute();
  return pageOf(found, limit, (r) => [r.date, r.id], present);
}

/** One survey in scope. */
export async function getSurvey(ctx: RequestContext, id: string): Promise<FlowSurvey> {
  const row = await query(ctx.db, ctx.scope).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Flow survey');
  return present(row);
}

/** Records an interview after checking every rule. */
export async function createSurvey(ctx: RequestContext, input: FlowSurveyInput): Promise<FlowSurvey> {
  const errors = surveyErrors(input, await loadRuleData(ctx.db));
  if (errors.length > 0) throw new Invalid(asFields(errors), 'The flow survey breaks consistency rules');
  return inTransaction(ctx.db, async (tx) => {
    const id = newId();
    await tx.insertInto('flowSurveys').values(surveyRow(input, { id, organisationId: ctx.user.organisationId, userId: ctx.user.id, importId: null, rowKey: null })).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_survey.create', entityType: 'flow_survey', entityId: id, details: { fmpId: input.fmpId, date: input.date, consent: input.consent } });
    return present(await query(tx, { kind: 'all' }).where('s.id', '=', id).executeTakeFirstOrThrow());
  });
}
