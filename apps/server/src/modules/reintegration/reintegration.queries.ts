// The joined selects behind the reintegration records the API returns. Callers add the scope and the
// filters; presenters in reintegration.present.ts turn the rows into API shapes.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database';
import { SUMMARY_COLUMNS } from '../registry/people.present';

/** What an item weighs on its beneficiary's plan: its share of a project, else its planned amount. */
export const COUNTED_XOF = sql<number>`case when ai.level <> 'individual' and ai.project_id is not null
  then coalesce((select pb.apportioned_xof from project_beneficiaries pb where pb.project_id = ai.project_id and pb.reintegration_case_id = ai.reintegration_case_id), ai.planned_xof)
  else ai.planned_xof end`;

/** Cases with their person, counsellor and the computed caseload columns (as of `today`). */
export function caseSummaryQuery(db: Db | Tx, today: string) {
  return db
    .selectFrom('reintegrationCases as rc')
    .innerJoin('people as p', 'p.id', 'rc.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .leftJoin('users as cu', 'cu.id', 'rc.counsellorId')
    .leftJoin('reintegrationPlans as pl', 'pl.reintegrationCaseId', 'rc.id')
    .select([
      'rc.id', 'rc.caseNumber', 'rc.status', 'rc.statusBefore', 'rc.regionPcode', 'rc.counsellorId', 'cu.displayName as counsellorName', 'rc.arrivedOn', 'rc.planDueOn',
      'rc.organisationId', 'rc.siteId', 'rc.returnCaseId', 'rc.arrivalId', 'rc.referredToOrganisationId', 'rc.referredFrom', 'rc.openedOn', 'rc.version', 'rc.createdAt', 'rc.updatedAt',
      'pl.status as planStatus',
      sql<boolean>`(rc.status in ('eligible', 'counselled') and rc.plan_due_on < ${today}::date and coalesce(pl.status, 'none') <> 'approved')`.as('planOverdue'),
      sql<string | null>`(select to_char(min(v.scheduled_on), 'YYYY-MM-DD') from monitoring_visits v where v.reintegration_case_id = rc.id and v.status = 'scheduled')`.as('nextVisitOn'),
      sql<boolean>`exists (select 1 from monitoring_visits v where v.reintegration_case_id = rc.id and v.status = 'scheduled' and v.scheduled_on < ${today}::date)`.as('visitOverdue'),
      sql<number>`(select coalesce(sum(${COUNTED_XOF}), 0)::int from assistance_items ai where ai.reintegration_case_id = rc.id and ai.status <> 'cancelled')`.as('budgetPlannedXof'),
      sql<number>`(select coalesce(sum(i.amount_xof), 0)::int from assistance_instalments i join assistance_items ai on ai.id = i.assistance_item_id where ai.reintegration_case_id = rc.id)`.as('budgetDisbursedXof'),
      sql<string | null>`(select r.round || '|' || coalesce(r.composite::text, '') || '|' || r.complete::text from rss_results r where r.reintegration_case_id = rc.id order by r.surveyed_on desc, r.created_at desc limit 1)`.as('latestRss'),
      ...SUMMARY_COLUMNS,
    ]);
}
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof caseSummaryQuery>['executeTakeFirstOrThrow']>>;

/** Assistance items with their disbursed total and counted amount. */
export function itemQuery(db: Db | Tx) {
  return db
    .selectFrom('assistanceItems as ai')
    .selectAll('ai')
    .select([
      sql<number>`(select coalesce(sum(i.amount_xof), 0)::int from assistance_instalments i where i.assistance_item_id = ai.id)`.as('disbursedXof'),
      sql<number | null>`(select pb.apportioned_xof from project_beneficiaries pb where pb.project_id = ai.project_id and pb.reintegration_case_id = ai.reintegration_case_id)`.as('apportionedXof'),
      sql<number>`${COUNTED_XOF}`.as('countedXof'),
    ]);
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

/** Monitoring visits with their case number. */
export function visitQuery(db: Db | Tx) {
  return db.selectFrom('monitoringVisits as v').innerJoin('reintegrationCases as rc', 'rc.id', 'v.reintegrationCaseId').selectAll('v').select('rc.caseNumber');
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitQuery>['executeTakeFirstOrThrow']>>;
