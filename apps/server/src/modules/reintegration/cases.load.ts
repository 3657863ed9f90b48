// The whole case page in one read: summary, assessments, plan, items, visits, RSS, satisfaction,
// history and what the caller may do.
import { allowedReintegrationTransitions, type Instalment, type ReintegrationCase, type ReintegrationStatus } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { can, type RequestContext } from '../../platform/auth/context';
import { NotFound } from '../../platform/errors';
import { isOpen, today } from './reintegration.common';
import { caseSummaryQuery, itemQuery, visitQuery } from './reintegration.queries';
import { isoOf, parseJson, presentCaseSummary, presentItem, presentPlan, presentRss, presentVisit, userRef } from './reintegration.present';

/** Instalments of some items, grouped by item. */
export async function instalmentsOf(tx: Tx, itemIds: string[]): Promise<Map<string, Instalment[]>> {
  const byItem = new Map<string, Instalment[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await tx
    .selectFrom('assistanceInstalments as i')
    .leftJoin('users as u', 'u.id', 'i.createdBy')
    .select(['i.id', 'i.assistanceItemId', 'i.amountXof', 'i.disbursedOn', 'i.createdBy', 'u.displayName', 'i.createdAt'])
    .where('i.assistanceItemId', 'in', itemIds)
    .orderBy('i.disbursedOn')
    .orderBy('i.createdAt')
    .execute();
  for (const r of rows) {
    const list = byItem.get(r.assistanceItemId) ?? [];
    list.push({ id: r.id, amountXof: r.amountXof, disbursedOn: r.disbursedOn, recordedBy: userRef(r.createdBy, r.displayName), createdAt: isoOf(r.createdAt) });
    byItem.set(r.assistanceItemId, list);
  }
  return byItem;
}

/** The plan of a case with its submitter's and approver's names, if any. */
export function planQuery(tx: Tx) {
  return tx
    .selectFrom('reintegrationPlans as pl')
    .leftJoin('users as su', 'su.id', 'pl.submittedBy')
    .leftJoin('users as apu', 'apu.id', 'pl.approvedBy')
    .selectAll('pl')
    .select(['su.displayName as submittedByName', 'apu.displayName as approvedByName']);
}

/** Loads the case page (the caller checked scope). */
export async function loadCase(tx: Tx, ctx: RequestContext, id: string): Promise<ReintegrationCase> {
  const now = today();
  const row = await caseSummaryQuery(tx, now).where('rc.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Reintegration case');
  const [assessments, plan, items, visits, rss, satisfaction, events] = [
    await tx.selectFrom('reintegrationAssessments as a').leftJoin('users as u', 'u.id', 'a.assessedBy').selectAll('a').select('u.displayName').where('a.reintegrationCaseId', '=', id).orderBy('a.assessedOn').orderBy('a.createdAt').execute(),
    await planQuery(tx).where('pl.reintegrationCaseId', '=', id).executeTakeFirst(),
    await itemQuery(tx).where('ai.reintegrationCaseId', '=', id).orderBy('ai.createdAt').orderBy('ai.id').execute(),
    await visitQuery(tx).where('v.reintegrationCaseId', '=', id).orderBy('v.scheduledOn').execute(),
    await tx.selectFrom('rssResults').selectAll().where('reintegrationCaseId', '=', id).orderBy('surveyedOn').orderBy('createdAt').execute(),
    await tx.selectFrom('satisfactionSurveys').selectAll().where('reintegrationCaseId', '=', id).orderBy('surveyedOn').execute(),
    await tx.selectFrom('reintegrationCaseEvents as e').leftJoin('users as u', 'u.id', 'e.byUser').select(['e.id', 'e.at', 'e.byUser', 'u.displayName', 'e.action', 'e.details']).where('e.reintegrationCaseId', '=', id).orderBy('e.at').orderBy('e.id').execute(),
  ];
  const instalments = await instalmentsOf(tx, items.map((i) => i.id));
  const status = row.status as ReintegrationStatus;
  const allowed = allowedReintegrationTransitions(status, row.statusBefore as ReintegrationStatus | null);
  const mayUpdate = can(ctx, 'reintegrationCase.update') && isOpen(status);
  return {
    ...presentCaseSummary(row),
    statusBefore: row.statusBefore as ReintegrationStatus | null,
    organisationId: row.organisationId,
    siteId: row.siteId,
    returnCaseId: row.returnCaseId,
    arrivalId: row.arrivalId,
    referredToOrganisationId: row.referredToOrganisationId,
    referredFrom: row.referredFrom,
    openedOn: row.openedOn,
    allowedTransitions: allowed,
    assessments: assessments.map((a) => ({
      id: a.id,
      kind: a.kind as ReintegrationCase['assessments'][number]['kind'],
      assessedOn: a.assessedOn,
      answers: parseJson<Record<string, unknown>>(a.answers),
      notes: a.notes,
      assessedBy: userRef(a.assessedBy, a.displayName),
      createdAt: isoOf(a.createdAt),
    })),
    plan: plan ? presentPlan(plan) : null,
    items: items.map((i) => presentItem(i, instalments.get(i.id) ?? [])),
    visits: visits.map((v) => presentVisit(v, now)),
    rss: rss.map((r) => presentRss(r)),
    satisfaction: satisfaction.map((s) => ({ id: s.id, surveyedOn: s.surveyedOn, answers: parseJson<Record<string, number>>(s.answers), meanScore: s.meanScore, comment: s.comment, createdAt: isoOf(s.createdAt) })),
    events: events.map((e) => ({ id: e.id, at: isoOf(e.at), by: userRef(e.byUser, e.displayName), action: e.action, details: e.details })),
    abilities: {
      update: mayUpdate,
      approvePlan: can(ctx, 'reintegrationCase.approve') && plan?.status === 'submitted' && plan.submittedBy !== ctx.user.id,
      transition: mayUpdate && allowed.length > 0,
    },
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}
