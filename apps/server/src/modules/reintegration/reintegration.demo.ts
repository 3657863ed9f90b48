// Loads the reintegration demo (tools/demo/src/reintegration.ts) inside the demo transaction, after
// the return demo: a case per inbound arrival (the arrival links back to it), assessments, plans,
// projects and beneficiaries, assistance items and instalments, visits, RSS results scored against
// the default instrument stored by the migration, satisfaction surveys; the RI series continue after.
import type { Insertable } from 'kysely';
import { newId, type RssInstrument } from '@taama/core';
import type { DemoData, DemoReintegrationBatch } from '@taama/demo';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import { demoAt, demoLookup, DemoRowBuffer, DemoSeries } from '../returns/returns.demo';

export interface ReintegrationDemoCounts {
  cases: number;
  projects: number;
  items: number;
  rssResults: number;
}

interface Context {
  org: string;
  orgOf: (code: string) => string;
  site: (code: string) => string;
  user: (username: string | null) => string | null;
  instrumentVersion: string;
  series: DemoSeries;
  rows: DemoRowBuffer;
  /** Each arrival and the case it opened. */
  links: { arrival: string; reintegration: string }[];
}

/** The instrument the demo's RSS rounds use: the first one stored (the migration's default). */
async function defaultInstrument(tx: Tx): Promise<RssInstrument> {
  const row = await tx.selectFrom('rssInstruments').select(['definition']).orderBy('createdAt').orderBy('version').executeTakeFirstOrThrow();
  return JSON.parse(row.definition) as RssInstrument;
}

/** Inserts the reintegration demo; the return demo must be loaded. */
export async function loadReintegrationDemo(tx: Tx, demo: DemoData): Promise<ReintegrationDemoCounts> {
  const counts: ReintegrationDemoCounts = { cases: 0, projects: 0, items: 0, rssResults: 0 };
  if (!demo.reintegration) return counts;
  const instrument = await defaultInstrument(tx);
  const orgs = await tx.selectFrom('organisations').select(['code', 'id']).execute();
  const orgOf = demoLookup(new Map(orgs.map((o) => [o.code, o.id])), 'organisation');
  const sites = await tx.selectFrom('sites').select(['code', 'id']).execute();
  const users = demoLookup(new Map((await tx.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id])), 'user');
  const ctx: Context = { org: orgOf('iom'), orgOf, site: demoLookup(new Map(sites.map((s) => [s.code, s.id])), 'site'), user: (u) => (u ? users(u) : null), instrumentVersion: instrument.version, series: new DemoSeries(), rows: new DemoRowBuffer(tx), links: [] };
  for (const batch of demo.reintegration.batches(instrument)) {
    await loadBatch(tx, batch, ctx);
    counts.cases += batch.cases.length;
    counts.projects += batch.projects.length;
    counts.items += batch.cases.reduce((n, c) => n + c.items.length, 0);
    counts.rssResults += batch.cases.reduce((n, c) => n + c.rss.length, 0);
  }
  await ctx.rows.flush();
  // Each arrival points to the case it opened, as the arrival confirmation leaves it.
  for (let i = 0; i < ctx.links.length; i += 20_000) {
    await sql`update arrivals set reintegration_case_id = l.reintegration
      from jsonb_to_recordset(${JSON.stringify(ctx.links.slice(i, i + 20_000))}::jsonb) as l(arrival uuid, reintegration uuid)
      where arrivals.id = l.arrival`.execute(tx);
  }
  await ctx.series.save(tx);
  return counts;
}

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

/** The return cases of a batch with their person and arrival, by case number. */
async function returnCasesOf(tx: Tx, batch: DemoReintegrationBatch): Promise<Map<string, { id: string; personId: string; arrivalId: string }>> {
  const numbers = batch.cases.map((c) => c.returnCase);
  if (numbers.length === 0) return new Map();
  const rows = await tx
    .selectFrom('returnCases as r')
    .innerJoin('arrivals as a', 'a.returnCaseId', 'r.id')
    .select(['r.id', 'r.caseNumber', 'r.personId', 'a.id as arrivalId'])
    .where('r.caseNumber', 'in', numbers)
    .execute();
  return new Map(rows.map((r) => [r.caseNumber, { id: r.id, personId: r.personId, arrivalId: r.arrivalId }]));
}

async function loadBatch(tx: Tx, batch: DemoReintegrationBatch, ctx: Context): Promise<void> {
  const returns = await returnCasesOf(tx, batch);
  const caseIds = new Map<string, string>();
  const projectIds = new Map(batch.projects.map((p) => [p.key, newId()]));
  const cases: Rows<'reintegrationCases'> = [], events: Rows<'reintegrationCaseEvents'> = [], assessments: Rows<'reintegrationAssessments'> = [], plans: Rows<'reintegrationPlans'> = [];
  const items: Rows<'assistanceItems'> = [], instalments: Rows<'assistanceInstalments'> = [], visits: Rows<'monitoringVisits'> = [], rss: Rows<'rssResults'> = [], surveys: Rows<'satisfactionSurveys'> = [];
  for (const c of batch.cases) {
    const origin = returns.get(c.returnCase);
    if (!origin) throw new Error(`demo reintegration case ${c.caseNumber} refers to unknown arrival of ${c.returnCase}`);
    const id = newId();
    caseIds.set(c.caseNumber, id);
    ctx.links.push({ arrival: origin.arrivalId, reintegration: id });
    ctx.series.track(c.caseNumber);
    const officer = ctx.user(c.counsellor);
    const last = c.events.at(-1)?.on ?? c.openedOn;
    cases.push({
      id, caseNumber: c.caseNumber, personId: origin.personId, returnCaseId: origin.id, arrivalId: origin.arrivalId, status: c.status, statusBefore: c.statusBefore, regionPcode: c.regionPcode,
      siteId: c.site ? ctx.site(c.site) : null, organisationId: ctx.org, counsellorId: officer, referredToOrganisationId: c.referredTo ? ctx.orgOf(c.referredTo) : null, referredFrom: null,
      arrivedOn: c.arrivedOn, planDueOn: c.planDueOn, openedOn: c.openedOn, closedOn: c.closedOn, version: c.events.length,
      createdAt: demoAt(c.openedOn, 14), createdBy: ctx.user('return.officer'), updatedAt: demoAt(last, 16), updatedBy: officer,
    });
    c.events.forEach((e, i) => events.push({ id: newId(), reintegrationCaseId: id, action: e.action, details: JSON.stringify(e.details), at: new Date(demoAt(e.on, 10).getTime() + i * 60_000), byUser: ctx.user(e.by) }));
    for (const a of c.assessments) assessments.push({ id: newId(), reintegrationCaseId: id, kind: a.kind, assessedOn: a.assessedOn, answers: JSON.stringify(a.answers), notes: a.notes, assessedBy: ctx.user(a.by), createdAt: demoAt(a.assessedOn, 11) });
    const p = c.plan;
    if (p) {
      const changed = p.approvedOn ?? p.submittedOn ?? p.createdOn;
      plans.push({
        id: newId(), reintegrationCaseId: id, status: p.status, goals: p.goals, submittedAt: p.submittedOn ? demoAt(p.submittedOn, 11) : null, submittedBy: ctx.user(p.submittedBy),
        approvedAt: p.approvedOn ? demoAt(p.approvedOn, 15) : null, approvedBy: ctx.user(p.approvedBy), returnedNote: p.returnedNote,
        version: p.status === 'approved' ? 3 : p.status === 'submitted' ? 2 : 1, createdAt: demoAt(p.createdOn, 11), createdBy: officer, updatedAt: demoAt(changed, 15), updatedBy: ctx.user(p.approvedBy) ?? officer,
      });
    }
    for (const item of c.items) {
      const itemId = newId();
      const changed = item.deliveredOn ?? item.cancelledOn ?? item.approvedOn ?? p?.createdOn ?? c.openedOn;
      items.push({
        id: itemId, reintegrationCaseId: id, projectId: item.project ? demoLookup(projectIds, 'project')(item.project) : null, dimension: item.dimension, level: item.level, type: item.type, mode: item.mode,
        provider: item.provider, inKind: item.inKind, plannedXof: item.plannedXof, actualXof: item.actualXof, description: item.description, status: item.status, approvedOn: item.approvedOn,
        deliveredOn: item.deliveredOn, cancelledOn: item.cancelledOn,
        createdAt: demoAt(p?.createdOn ?? c.openedOn, 11), createdBy: officer, updatedAt: demoAt(changed, 16), updatedBy: officer,
      });
      for (const k of item.instalments) instalments.push({ id: newId(), assistanceItemId: itemId, amountXof: k.amountXof, disbursedOn: k.disbursedOn, createdAt: demoAt(k.disbursedOn, 12), createdBy: officer });
    }
    for (const v of c.visits) {
      const changed = v.visitedOn ?? v.scheduledOn;
      visits.push({
        id: newId(), reintegrationCaseId: id, scheduledOn: v.scheduledOn, monthsAfterApproval: v.monthsAfterApproval, status: v.status, visitedOn: v.visitedOn, findings: v.findings, businessStatus: v.businessStatus, note: null,
        version: v.status === 'scheduled' ? 1 : 2, createdAt: demoAt(p?.approvedOn ?? c.openedOn, 15), createdBy: officer, updatedAt: demoAt(v.status === 'scheduled' ? (p?.approvedOn ?? c.openedOn) : changed, 16), updatedBy: officer,
      });
    }
    for (const r of c.rss) {
      rss.push({
        id: newId(), reintegrationCaseId: id, round: r.round, instrumentVersion: ctx.instrumentVersion, surveyedOn: r.surveyedOn, answers: JSON.stringify(r.answers), economic: r.economic, social: r.social,
        psychosocial: r.psychosocial, composite: r.composite, complete: r.complete, band: r.band, createdAt: demoAt(r.surveyedOn, 12), createdBy: officer,
      });
    }
    for (const s of c.satisfaction) surveys.push({ id: newId(), reintegrationCaseId: id, surveyedOn: s.surveyedOn, answers: JSON.stringify(s.answers), meanScore: s.meanScore, comment: s.comment, createdAt: demoAt(s.surveyedOn, 12), createdBy: officer });
  }
  const projects: Rows<'reintegrationProjects'> = [], beneficiaries: Rows<'projectBeneficiaries'> = [];
  for (const p of batch.projects) {
    const id = demoLookup(projectIds, 'project')(p.key);
    const by = ctx.user(p.regionPcode === 'ML01' ? 'reintegration.kayes' : null);
    projects.push({ id, name: p.name, level: p.level, type: p.type, dimension: p.dimension, regionPcode: p.regionPcode, communePcode: p.communePcode, budgetXof: p.budgetXof, organisationId: ctx.org, createdAt: demoAt(p.createdOn, 10), createdBy: by, updatedAt: demoAt(p.createdOn, 10), updatedBy: by });
    p.beneficiaries.forEach((b, position) =>
      beneficiaries.push({ id: newId(), projectId: id, position, reintegrationCaseId: b.caseNumber ? demoLookup(caseIds, 'reintegration case')(b.caseNumber) : null, communityMemberName: b.communityMemberName, sharePercent: b.sharePercent, apportionedXof: b.apportionedXof }),
    );
  }
  await ctx.rows.add('reintegrationCases', cases);
  await ctx.rows.add('reintegrationCaseEvents', events);
  await ctx.rows.add('reintegrationAssessments', assessments);
  await ctx.rows.add('reintegrationPlans', plans);
  await ctx.rows.add('reintegrationProjects', projects);
  await ctx.rows.add('projectBeneficiaries', beneficiaries);
  await ctx.rows.add('assistanceItems', items);
  await ctx.rows.add('assistanceInstalments', instalments);
  await ctx.rows.add('monitoringVisits', visits);
  await ctx.rows.add('rssResults', rss);
  await ctx.rows.add('satisfactionSurveys', surveys);
}
