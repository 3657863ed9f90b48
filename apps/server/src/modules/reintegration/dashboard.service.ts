// The reintegration dashboard: the case funnel, assistance by type, cases by region, what is overdue.
import { sql } from 'kysely';
import type { ReintegrationDashboard, ReintegrationDashboardQuery } from '@taama/core';
import { REINTEGRATION_STATUSES } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { caseInScope, today } from './reintegration.common';
import { COUNTED_XOF } from './reintegration.queries';

/** Counts over the cases in scope opened within [from, to] (overdue counts are as of today, whatever the period). */
export async function reintegrationDashboard(ctx: RequestContext, query: ReintegrationDashboardQuery): Promise<ReintegrationDashboard> {
  const now = today();
  let cases = ctx.db.selectFrom('reintegrationCases as rc').where(caseInScope(ctx.scope));
  if (query.from) cases = cases.where('rc.openedOn', '>=', query.from);
  if (query.to) cases = cases.where('rc.openedOn', '<=', query.to);
  const byStatus = await cases.select(['rc.status', sql<number>`count(*)::int`.as('count')]).groupBy('rc.status').execute();
  const byRegion = await cases.select([sql<string>`substr(rc.region_pcode, 1, 4)`.as('pcode'), sql<number>`count(*)::int`.as('count')]).groupBy(sql`substr(rc.region_pcode, 1, 4)`).orderBy(sql`substr(rc.region_pcode, 1, 4)`).execute();
  const assistance = await cases
    .innerJoin('assistanceItems as ai', 'ai.reintegrationCaseId', 'rc.id')
    .select([
      'ai.type',
      'ai.dimension',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`coalesce(sum(${COUNTED_XOF}), 0)::bigint`.as('plannedXof'),
      sql<number>`coalesce(sum((select coalesce(sum(i.amount_xof), 0) from assistance_instalments i where i.assistance_item_id = ai.id)), 0)::bigint`.as('disbursedXof'),
    ])
    .where('ai.status', '<>', 'cancelled')
    .groupBy(['ai.type', 'ai.dimension'])
    .orderBy('ai.dimension')
    .orderBy('ai.type')
    .execute();
  const overdue = await ctx.db
    .selectFrom('reintegrationCases as rc')
    .leftJoin('reintegrationPlans as pl', 'pl.reintegrationCaseId', 'rc.id')
    .select([
      sql<number>`count(*) filter (where rc.status in ('eligible', 'counselled') and rc.plan_due_on < ${now}::date and coalesce(pl.status, 'none') <> 'approved')::int`.as('plansOverdue'),
      sql<number>`count(*) filter (where exists (select 1 from monitoring_visits v where v.reintegration_case_id = rc.id and v.status = 'scheduled' and v.scheduled_on < ${now}::date))::int`.as('visitsOverdue'),
    ])
    .where(caseInScope(ctx.scope))
    .executeTakeFirstOrThrow();
  const counts = new Map(byStatus.map((r) => [r.status, Number(r.count)]));
  return {
    funnel: REINTEGRATION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    assistanceByType: assistance.map((a) => ({ type: a.type as ReintegrationDashboard['assistanceByType'][number]['type'], dimension: a.dimension as ReintegrationDashboard['assistanceByType'][number]['dimension'], count: Number(a.count), plannedXof: Number(a.plannedXof), disbursedXof: Number(a.disbursedXof) })),
    byRegion: byRegion.map((r) => ({ pcode: r.pcode, count: Number(r.count) })),
    plansOverdue: Number(overdue.plansOverdue),
    visitsOverdue: Number(overdue.visitsOverdue),
  };
}
