// The site dashboard (SPEC §5): tonight's beds, today's arrivals and what needs attention.
import { sql } from 'kysely';
import type { SiteDashboard } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { Invalid } from '../../platform/errors';
import { addDays, today } from './protection.common';
import { occupancyOf, siteInScope } from './stays.service';

/** Counts for one site on one date (the caller's site and today by default). */
export async function siteDashboard(ctx: RequestContext, query: { siteId?: string; date?: string }): Promise<SiteDashboard> {
  const siteId = query.siteId ?? ctx.user.siteId;
  if (!siteId) throw new Invalid({ siteId: 'is required: you are not attached to a site' });
  const date = query.date ?? today();
  const site = await siteInScope(ctx.db, ctx.scope, siteId);
  const occupancy = await occupancyOf(ctx.db, site, addDays(date, -13), date);
  const db = ctx.db;
  const cases = await db
    .selectFrom('transitCases')
    .select([
      sql<number>`count(*) filter (where status <> 'closed')`.as('open'),
      sql<number>`count(*) filter (where status <> 'closed' and priority = 'high')`.as('high'),
    ])
    .where('siteId', '=', site.id)
    .executeTakeFirstOrThrow();
  const arrivals = await db.selectFrom('stays').select(sql<number>`count(*)`.as('n')).where('siteId', '=', site.id).where('checkIn', '=', date).executeTakeFirstOrThrow();
  const referrals = await db
    .selectFrom('referrals')
    .select([
      sql<number>`count(*) filter (where status in ('pending', 'accepted'))`.as('open'),
      sql<number>`count(*) filter (where status in ('pending', 'accepted') and due_date < ${date})`.as('overdue'),
    ])
    .where('siteId', '=', site.id)
    .executeTakeFirstOrThrow();
  const tasks = await db
    .selectFrom('tasks as t')
    .innerJoin('transitCases as tc', 'tc.id', 't.transitCaseId')
    .select([
      sql<number>`count(*) filter (where t.status in ('open', 'awaiting_approval') and t.due_date < ${date})`.as('overdue'),
      sql<number>`count(*) filter (where t.status = 'awaiting_approval')`.as('awaiting'),
    ])
    .where('tc.siteId', '=', site.id)
    .executeTakeFirstOrThrow();
  return {
    siteId: site.id,
    siteName: site.name,
    date,
    capacity: site.capacity,
    occupiedTonight: occupancy.nights.at(-1)?.occupied ?? 0,
    arrivalsToday: Number(arrivals.n),
    openCases: Number(cases.open),
    highPriorityCases: Number(cases.high),
    openReferrals: Number(referrals.open),
    overdueReferrals: Number(referrals.overdue),
    overdueTasks: Number(tasks.overdue),
    awaitingApproval: Number(tasks.awaiting),
    occupancy: occupancy.nights,
  };
}
