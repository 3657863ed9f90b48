// Spot checks (SPEC §7): a reproducible sample of delivered items with a handover certificate, drawn
// from the cases in the caller's scope, then each sampled item confirmed, found wrong or not found.
import { randomBytes } from 'node:crypto';
import { drawSample, newId, type SpotCheck, type SpotCheckInput, type SpotCheckItemInput } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { NotFound } from '../../platform/errors';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { sql } from 'kysely';
import { caseInScope, spotCheckPercent } from './reintegration.common';
import { isoOf, isoOrNull, userRef } from './reintegration.present';

/** A spot check with the sampled items the caller may see (items of cases out of scope are left out). */
async function readSpotCheck(tx: Tx, ctx: RequestContext, id: string): Promise<SpotCheck> {
  const check = await tx.selectFrom('spotChecks as s').leftJoin('users as u', 'u.id', 's.drawnBy').selectAll('s').select('u.displayName').where('s.id', '=', id).executeTakeFirstOrThrow();
  const items = await tx
    .selectFrom('spotCheckItems as si')
    .innerJoin('assistanceItems as ai', 'ai.id', 'si.assistanceItemId')
    .innerJoin('reintegrationCases as rc', 'rc.id', 'ai.reintegrationCaseId')
    .select(['si.assistanceItemId', 'rc.id as reintegrationCaseId', 'rc.caseNumber', 'ai.type', 'ai.plannedXof', 'si.outcome', 'si.note', 'si.checkedAt'])
    .where('si.spotCheckId', '=', id)
    .where(caseInScope(ctx.scope))
    .orderBy('rc.caseNumber')
    .execute();
  return {
    id: check.id,
    seed: check.seed,
    percent: Number(check.percent),
    population: check.population,
    drawnAt: isoOf(check.drawnAt),
    drawnBy: userRef(check.drawnBy, check.displayName),
    items: items.map((i) => ({ ...i, type: i.type as SpotCheck['items'][number]['type'], outcome: i.outcome as SpotCheck['items'][number]['outcome'], checkedAt: isoOrNull(i.checkedAt) })),
  };
}

/** Spot checks the caller may see: all of them with an all-scope, else those drawn in their organisation. */
function visibleChecks(ctx: RequestContext) {
  const q = ctx.db.selectFrom('spotChecks as s').select(['s.id', 's.drawnAt']);
  return ctx.scope.kind === 'all' ? q : q.where('s.organisationId', '=', ctx.user.organisationId);
}

/** Draws a sample: same seed and same population give the same items. */
export async function drawSpotCheck(ctx: RequestContext, input: SpotCheckInput): Promise<SpotCheck> {
  return inTransaction(ctx.db, async (tx) => {
    const percent = input.percent ?? (await spotCheckPercent(tx));
    const seed = input.seed ?? randomBytes(6).toString('hex');
    const population = await tx
      .selectFrom('assistanceItems as ai')
      .innerJoin('reintegrationCases as rc', 'rc.id', 'ai.reintegrationCaseId')
      .select('ai.id')
      .where('ai.status', '=', 'delivered')
      .where('ai.certificateUploadedAt', 'is not', null)
      .where(caseInScope(ctx.scope))
      .execute();
    const sample = drawSample(population.map((p) => p.id), percent, seed);
    const id = newId();
    await tx.insertInto('spotChecks').values({ id, seed, percent, population: population.length, organisationId: ctx.user.organisationId, drawnBy: ctx.user.id }).execute();
    for (const itemId of sample) await tx.insertInto('spotCheckItems').values({ id: newId(), spotCheckId: id, assistanceItemId: itemId, outcome: null, note: null, checkedAt: null, checkedBy: null }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'reintegration.spot_check_drawn', entityType: 'spot_check', entityId: id, details: { seed, percent, population: population.length, sampled: sample.length } });
    return readSpotCheck(tx, ctx, id);
  });
}

/** Records what the check of one sampled item found. */
export async function recordSpotCheckItem(ctx: RequestContext, checkId: string, itemId: string, input: SpotCheckItemInput): Promise<SpotCheck> {
  return inTransaction(ctx.db, async (tx) => {
    const check = await tx.selectFrom('spotChecks').select(['id', 'organisationId']).where('id', '=', checkId).executeTakeFirst();
    if (!check || (ctx.scope.kind !== 'all' && check.organisationId !== ctx.user.organisationId)) throw new NotFound('Spot check');
    const item = await tx
      .selectFrom('spotCheckItems as si')
      .innerJoin('assistanceItems as ai', 'ai.id', 'si.assistanceItemId')
      .innerJoin('reintegrationCases as rc', 'rc.id', 'ai.reintegrationCaseId')
      .select(['si.id', 'rc.id as caseId'])
      .where('si.spotCheckId', '=', checkId)
      .where('si.assistanceItemId', '=', itemId)
      .where(caseInScope(ctx.scope))
      .executeTakeFirst();
    if (!item) throw new NotFound('Sampled item');
    await tx.updateTable('spotCheckItems').set({ outcome: input.outcome, note: input.note ?? null, checkedAt: new Date(), checkedBy: ctx.user.id }).where('id', '=', item.id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'reintegration.spot_check_recorded', entityType: 'spot_check', entityId: checkId, details: { itemId, outcome: input.outcome } });
    return readSpotCheck(tx, ctx, checkId);
  });
}

/** Spot checks, newest first. */
export async function listSpotChecks(ctx: RequestContext, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = visibleChecks(ctx);
  if (after) q = q.where(sql<boolean>`(s.drawn_at, s.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const rows = await q.orderBy('s.drawnAt', 'desc').orderBy('s.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [isoOf(r.drawnAt), r.id], (r) => r.id);
  return inTransaction(ctx.db, async (tx) => ({ items: await Promise.all(page.items.map((id) => readSpotCheck(tx, ctx, id))), nextCursor: page.nextCursor }));
}
