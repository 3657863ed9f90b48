// The returns dashboard (SPEC §6): cases by status, direction and destination, departures by month,
// arrivals by region, expiring documents and the vulnerable among open cases — all within scope.
import { sql } from 'kysely';
import { RETURN_DIRECTIONS, RETURN_STATUSES, type ReturnsDashboard, type ReturnsDashboardQuery } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Invalid } from '../../platform/errors';
import { RETURN_SCOPE, today } from './returns.common';
import { ARRIVAL_SCOPE } from './arrivals.service';
import { CHILD_AT_REQUEST, MEDICAL_CASE, OPEN_CASE } from './return-cases.filters';

/** Aggregates over the cases requested in [from, to] (departures and arrivals by their own dates). */
export async function returnsDashboard(ctx: RequestContext, query: ReturnsDashboardQuery): Promise<ReturnsDashboard> {
  if (query.from && query.to && query.to < query.from) throw new Invalid({ to: 'must not be before from' });
  const db = ctx.db;
  const cases = () => {
    let q = db.selectFrom('returnCases as rc').innerJoin('people as p', 'p.id', 'rc.personId').where(inScope(ctx.scope, RETURN_SCOPE));
    if (query.from) q = q.where('rc.requestedOn', '>=', query.from);
    if (query.to) q = q.where('rc.requestedOn', '<=', query.to);
    return q;
  };
  const byStatus = await cases().select(['rc.status', sql<number>`count(*)`.as('n')]).groupBy('rc.status').execute();
  const byDirection = await cases().select(['rc.direction', sql<number>`count(*)`.as('n')]).groupBy('rc.direction').execute();
  const byCountry = await cases().select(['rc.destinationCountry', sql<number>`count(*)`.as('n')]).groupBy('rc.destinationCountry').orderBy(sql`count(*)`, 'desc').orderBy('rc.destinationCountry').execute();
  // Departures are the departure events of cases in scope, counted in the month they happened.
  let departures = db
    .selectFrom('returnCaseEvents as e')
    .innerJoin('returnCases as rc', 'rc.id', 'e.returnCaseId')
    .where(inScope(ctx.scope, RETURN_SCOPE))
    .where('e.toStatus', '=', 'departed');
  if (query.from) departures = departures.where(sql<boolean>`e.at >= ${query.from}::date`);
  if (query.to) departures = departures.where(sql<boolean>`e.at < ${query.to}::date + 1`);
  const departed = await departures
    .select([sql<string>`to_char(e.at at time zone 'UTC', 'YYYY-MM')`.as('month'), 'rc.direction', sql<number>`count(distinct rc.id)`.as('n')])
    .groupBy([sql`to_char(e.at at time zone 'UTC', 'YYYY-MM')`, 'rc.direction'])
    .execute();
  const months = new Map<string, { month: string; inbound: number; outbound: number }>();
  for (const d of departed) {
    const m = months.get(d.month) ?? { month: d.month, inbound: 0, outbound: 0 };
    m[d.direction === 'inbound' ? 'inbound' : 'outbound'] += Number(d.n);
    months.set(d.month, m);
  }
  let arrivals = db.selectFrom('arrivals as a').where(inScope(ctx.scope, ARRIVAL_SCOPE)).where('a.destinationPcode', 'is not', null);
  if (query.from) arrivals = arrivals.where('a.arrivedOn', '>=', query.from);
  if (query.to) arrivals = arrivals.where('a.arrivedOn', '<=', query.to);
  const byRegion = await arrivals.select([sql<string>`substr(a.destination_pcode, 1, 4)`.as('pcode'), sql<number>`count(*)`.as('n')]).groupBy(sql`substr(a.destination_pcode, 1, 4)`).orderBy(sql`substr(a.destination_pcode, 1, 4)`).execute();
  const now = today();
  const until = new Date(Date.parse(`${now}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const expiring = await db
    .selectFrom('travelDocuments as td')
    .innerJoin('returnCases as rc', 'rc.id', 'td.returnCaseId')
    .where(inScope(ctx.scope, RETURN_SCOPE))
    .where('rc.status', 'not in', ['closed', 'withdrawn'])
    .where('td.status', '=', 'issued')
    .where('td.expiresOn', '>=', now)
    .where('td.expiresOn', '<=', until)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  // Vulnerable among open cases: women, minors (under 18 at the request), medical cases, unaccompanied
  // children — with the list filters' expressions, so each number is the list it links to.
  const vulnerable = await cases()
    .where(OPEN_CASE)
    .select([
      sql<number>`count(*) filter (where p.sex = 'female')`.as('women'),
      sql<number>`count(*) filter (where ${CHILD_AT_REQUEST})`.as('minors'),
      sql<number>`count(*) filter (where ${MEDICAL_CASE})`.as('medical'),
      sql<number>`count(*) filter (where rc.unaccompanied_child)`.as('unaccompanied'),
    ])
    .executeTakeFirstOrThrow();
  const statusCount = new Map(byStatus.map((r) => [r.status, Number(r.n)]));
  const directionCount = new Map(byDirection.map((r) => [r.direction, Number(r.n)]));
  return {
    byStatus: RETURN_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byDirection: RETURN_DIRECTIONS.map((direction) => ({ direction, count: directionCount.get(direction) ?? 0 })),
    byDestinationCountry: byCountry.map((r) => ({ country: r.destinationCountry, count: Number(r.n) })),
    departedByMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    arrivalsByRegion: byRegion.map((r) => ({ pcode: r.pcode, count: Number(r.n) })),
    expiringDocuments: Number(expiring.n),
    vulnerable: { women: Number(vulnerable.women), minors: Number(vulnerable.minors), medical: Number(vulnerable.medical), unaccompaniedChildren: Number(vulnerable.unaccompanied) },
  };
}

