// Collective and community projects (SPEC §7): several returnees and community members share a
// budget, apportioned per beneficiary (core `apportion`); a returnee's share counts on their plan.
import { sql } from 'kysely';
import { apportion, newId, typeBelongsTo, type Project, type ProjectInput, type ProjectPatch, type ProjectsQuery } from '@taama/core';
import type { Static } from 'typebox';
import type { ProjectBudget, ProjectSummary } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { inScope, type Scope } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { assertWithinCeiling } from './budget.service';
import { assertRegion } from './cases.service';
import { caseInScope } from './reintegration.common';
import { isoOf } from './reintegration.present';

const PROJECT_SCOPE = { organisation: 'rp.organisation_id', pcode: 'rp.region_pcode' };

type Beneficiary = ProjectInput['beneficiaries'][number];

/** Projects inside a scope (organisation or region; narrower scopes see none). */
function projectInScope(scope: Scope) {
  return inScope(scope, PROJECT_SCOPE);
}

/** Checks beneficiaries (a case in the caller's scope or a named community member, no case twice) and apportions the budget. */
async function checkBeneficiaries(tx: Tx, ctx: RequestContext, budgetXof: number, beneficiaries: Beneficiary[]): Promise<number[]> {
  const seen = new Set<string>();
  for (const [i, b] of beneficiaries.entries()) {
    if (Boolean(b.reintegrationCaseId) === Boolean(b.communityMemberName)) throw new Invalid({ [`beneficiaries.${i}`]: 'must name either a reintegrationCaseId or a communityMemberName' });
    if (b.reintegrationCaseId) {
      if (seen.has(b.reintegrationCaseId)) throw new Invalid({ [`beneficiaries.${i}.reintegrationCaseId`]: 'is listed twice' });
      seen.add(b.reintegrationCaseId);
      const found = await tx.selectFrom('reintegrationCases as rc').select('rc.id').where('rc.id', '=', b.reintegrationCaseId).where(caseInScope(ctx.scope)).executeTakeFirst();
      if (!found) throw new Invalid({ [`beneficiaries.${i}.reintegrationCaseId`]: 'must be a reintegration case you can see' });
    }
  }
  const split = apportion(budgetXof, beneficiaries.map((b) => b.sharePercent));
  if (!split.ok) throw new RuleViolation(`Beneficiary shares: ${split.message}`, 'bad_shares', { [split.field]: split.message });
  return split.amounts;
}

/** Writes the beneficiary rows, then re-checks the ceiling of every case whose plan counts a share. */
async function writeBeneficiaries(tx: Tx, projectId: string, beneficiaries: Beneficiary[], amounts: number[], previousCases: string[]): Promise<void> {
  await tx.deleteFrom('projectBeneficiaries').where('projectId', '=', projectId).execute();
  for (const [i, b] of beneficiaries.entries()) {
    await tx
      .insertInto('projectBeneficiaries')
      .values({ id: newId(), projectId, position: i, reintegrationCaseId: b.reintegrationCaseId ?? null, communityMemberName: b.communityMemberName ?? null, sharePercent: b.sharePercent ?? null, apportionedXof: amounts[i] ?? 0 })
      .execute();
  }
  const kept = new Set(beneficiaries.map((b) => b.reintegrationCaseId).filter((id): id is string => Boolean(id)));
  const dropped = previousCases.filter((id) => !kept.has(id));
  if (dropped.length > 0) {
    const linked = await tx.selectFrom('assistanceItems').select('id').where('projectId', '=', projectId).where('reintegrationCaseId', 'in', dropped).where('status', '<>', 'cancelled').executeTakeFirst();
    if (linked) throw new RuleViolation('A beneficiary with an assistance item of this project cannot be removed; cancel the item first', 'beneficiary_has_items', { beneficiaries: 'must keep the cases that have an item of this project' });
  }
  for (const caseId of kept) await assertWithinCeiling(tx, caseId);
}

async function readProject(tx: Tx, id: string): Promise<Project> {
  const p = await tx.selectFrom('reintegrationProjects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const beneficiaries = await tx
    .selectFrom('projectBeneficiaries as pb')
    .leftJoin('reintegrationCases as rc', 'rc.id', 'pb.reintegrationCaseId')
    .select(['pb.id', 'pb.reintegrationCaseId', 'rc.caseNumber', 'pb.communityMemberName', 'pb.sharePercent', 'pb.apportionedXof'])
    .where('pb.projectId', '=', id)
    .orderBy('pb.position')
    .execute();
  return {
    id: p.id,
    name: p.name,
    level: p.level as Project['level'],
    type: p.type as Project['type'],
    dimension: p.dimension as Project['dimension'],
    regionPcode: p.regionPcode,
    communePcode: p.communePcode,
    budgetXof: p.budgetXof,
    beneficiaries: beneficiaries.map((b) => ({ ...b, caseNumber: b.caseNumber ?? null, sharePercent: b.sharePercent === null ? null : Number(b.sharePercent) })),
    version: p.version,
    createdAt: isoOf(p.createdAt),
    updatedAt: isoOf(p.updatedAt),
  };
}

async function assertCommune(tx: Tx, regionPcode: string, communePcode: string | null | undefined): Promise<void> {
  if (!communePcode) return;
  const unit = await tx.selectFrom('adminUnits').select('level').where('pcode', '=', communePcode).executeTakeFirst();
  if (!unit || unit.level < 2 || !communePcode.startsWith(regionPcode)) throw new Invalid({ communePcode: `must be an admin unit inside ${regionPcode}` });
}

/** Creates a project and apportions its budget. */
export async function createProject(ctx: RequestContext, input: ProjectInput): Promise<Project> {
  if (!typeBelongsTo(input.type, input.dimension)) throw new Invalid({ type: `is not a type of ${input.dimension} assistance` });
  return inTransaction(ctx.db, async (tx) => {
    await assertRegion(tx, 'regionPcode', input.regionPcode);
    await assertCommune(tx, input.regionPcode, input.communePcode);
    const anchors = { organisation: ctx.user.organisationId, pcode: input.regionPcode };
    if (ctx.scope.kind === 'region' && !input.regionPcode.startsWith(ctx.scope.pcodePrefix)) throw new Invalid({ regionPcode: 'is outside your region' });
    if (ctx.scope.kind === 'site' || ctx.scope.kind === 'own' || ctx.scope.kind === 'none') throw new Invalid({ regionPcode: 'is outside the projects you may create' });
    const amounts = await checkBeneficiaries(tx, ctx, input.budgetXof, input.beneficiaries);
    const id = input.id ?? newId();
    await tx
      .insertInto('reintegrationProjects')
      .values({ id, name: input.name, level: input.level, type: input.type, dimension: input.dimension, regionPcode: anchors.pcode, communePcode: input.communePcode ?? null, budgetXof: input.budgetXof, organisationId: anchors.organisation, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await writeBeneficiaries(tx, id, input.beneficiaries, amounts, []);
    await appendAudit(tx, actorOf(ctx), { action: 'reintegrationProject.create', entityType: 'reintegration_project', entityId: id, details: { budgetXof: input.budgetXof, beneficiaries: input.beneficiaries.length } });
    return readProject(tx, id);
  });
}

/** Projects in scope, newest first. */
export async function listProjects(ctx: RequestContext, query: ProjectsQuery): Promise<{ items: Static<typeof ProjectSummary>[]; nextCursor: string | null }> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = ctx.db
    .selectFrom('reintegrationProjects as rp')
    .select(['rp.id', 'rp.name', 'rp.level', 'rp.type', 'rp.dimension', 'rp.regionPcode', 'rp.budgetXof', 'rp.version', 'rp.createdAt', sql<number>`(select count(*)::int from project_beneficiaries pb where pb.project_id = rp.id)`.as('beneficiaryCount')])
    .where(projectInScope(ctx.scope));
  if (query.regionPcode) q = q.where('rp.regionPcode', 'like', `${query.regionPcode}%`);
  if (query.level) q = q.where('rp.level', '=', query.level);
  if (after) q = q.where(sql<boolean>`(rp.created_at, rp.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const rows = await q.orderBy('rp.createdAt', 'desc').orderBy('rp.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [isoOf(r.createdAt), r.id], (r) => ({
    id: r.id, name: r.name, level: r.level as Project['level'], type: r.type as Project['type'], dimension: r.dimension as Project['dimension'], regionPcode: r.regionPcode, budgetXof: r.budgetXof, beneficiaryCount: Number(r.beneficiaryCount), version: r.version,
  }));
}

async function lockProject(tx: Tx, scope: Scope, id: string) {
  const row = await tx.selectFrom('reintegrationProjects as rp').selectAll('rp').where('rp.id', '=', id).where(projectInScope(scope)).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Project');
  return row;
}

/** A project with its beneficiaries and their shares. */
export async function getProject(ctx: RequestContext, id: string): Promise<Project> {
  return inTransaction(ctx.db, async (tx) => {
    await lockProject(tx, ctx.scope, id);
    return readProject(tx, id);
  });
}

/** Edits a project at the version the caller saw; the budget is apportioned again. */
export async function updateProject(ctx: RequestContext, id: string, version: number, patch: ProjectPatch): Promise<Project> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockProject(tx, ctx.scope, id);
    assertVersion(row.version, version);
    if (patch.communePcode !== undefined) await assertCommune(tx, row.regionPcode, patch.communePcode);
    const current = await tx.selectFrom('projectBeneficiaries').select(['reintegrationCaseId', 'communityMemberName', 'sharePercent']).where('projectId', '=', id).orderBy('position').execute();
    const beneficiaries: Beneficiary[] = patch.beneficiaries ?? current.map((b) => ({ ...(b.reintegrationCaseId ? { reintegrationCaseId: b.reintegrationCaseId } : {}), ...(b.communityMemberName ? { communityMemberName: b.communityMemberName } : {}), ...(b.sharePercent !== null ? { sharePercent: Number(b.sharePercent) } : {}) }));
    const budgetXof = patch.budgetXof ?? row.budgetXof;
    const amounts = await checkBeneficiaries(tx, ctx, budgetXof, beneficiaries);
    await tx
      .updateTable('reintegrationProjects')
      .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.communePcode !== undefined ? { communePcode: patch.communePcode } : {}), budgetXof, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await writeBeneficiaries(tx, id, beneficiaries, amounts, current.map((b) => b.reintegrationCaseId).filter((c): c is string => Boolean(c)));
    await appendAudit(tx, actorOf(ctx), { action: 'reintegrationProject.update', entityType: 'reintegration_project', entityId: id, details: { budgetXof, beneficiaries: beneficiaries.length } });
    return readProject(tx, id);
  });
}

/** The project budget: apportioned and disbursed per beneficiary. */
export async function projectBudget(ctx: RequestContext, id: string): Promise<Static<typeof ProjectBudget>> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockProject(tx, ctx.scope, id);
    const rows = await tx
      .selectFrom('projectBeneficiaries as pb')
      .select([
        'pb.reintegrationCaseId',
        'pb.communityMemberName',
        'pb.apportionedXof',
        sql<number>`(select coalesce(sum(i.amount_xof), 0)::int from assistance_instalments i join assistance_items ai on ai.id = i.assistance_item_id where ai.project_id = pb.project_id and ai.reintegration_case_id = pb.reintegration_case_id)`.as('disbursedXof'),
      ])
      .where('pb.projectId', '=', id)
      .orderBy('pb.position')
      .execute();
    const beneficiaries = rows.map((r) => ({ ...r, disbursedXof: Number(r.disbursedXof) }));
    return { budgetXof: row.budgetXof, disbursedXof: beneficiaries.reduce((s, b) => s + b.disbursedXof, 0), beneficiaries };
  });
}
