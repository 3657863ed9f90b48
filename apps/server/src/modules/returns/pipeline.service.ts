// The pipeline board: for each status, how many cases and the 50 that have waited longest.
import { sql } from 'kysely';
import { RETURN_STATUSES, type ReturnPipeline, type ReturnPipelineQuery } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { RETURN_SCOPE } from './returns.common';
import { returnCaseQuery } from './returns.queries';
import { presentReturnSummary } from './returns.present';
import { applyCaseFilters } from './return-cases.filters';

const PER_COLUMN = 50;

/** Every status as a column, oldest in state first. */
export async function returnPipeline(ctx: RequestContext, query: ReturnPipelineQuery): Promise<ReturnPipeline> {
  const base = () => applyCaseFilters(returnCaseQuery(ctx.db).where(inScope(ctx.scope, RETURN_SCOPE)), query);
  // One ranked query instead of one per column: row_number() per status, keep the first 50 of each.
  const ranked = await ctx.db
    .selectFrom(base().select(sql<number>`row_number() over (partition by rc.status order by rc.status_since, rc.id)`.as('rank')).as('x'))
    .selectAll()
    .where('x.rank', '<=', PER_COLUMN)
    .orderBy('x.statusSince')
    .orderBy('x.id')
    .execute();
  const counts = await base()
    .clearSelect()
    .select(['rc.status', sql<number>`count(*)`.as('n')])
    .groupBy('rc.status')
    .execute();
  const countOf = new Map(counts.map((c) => [c.status, Number(c.n)]));
  return {
    columns: RETURN_STATUSES.map((status) => ({
      status,
      count: countOf.get(status) ?? 0,
      cases: ranked.filter((r) => r.status === status).map(presentReturnSummary),
    })),
  };
}
