// Campaigns (SPEC §9): theme, period, partner, messages and channels; scoped by organisation.
import { sql } from 'kysely';
import { newId, type Campaign, type CampaignInput, type CampaignPatch, type CampaignQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { ACTIVITY_SCOPE, CAMPAIGN_SCOPE, assertPeriod, awarenessAbilities, isoOf, likeTerm } from './awareness.common';

function campaignQuery(db: Db | Tx, ctx: RequestContext, scope: Scope) {
  const activities = inScope(scopeFor(ctx, 'awareness.read'), ACTIVITY_SCOPE);
  return db
    .selectFrom('awarenessCampaigns as c')
    .leftJoin('organisations as po', 'po.id', 'c.partnerOrganisationId')
    .selectAll('c')
    .select('po.name as partnerOrganisationName')
    .select([
      sql<number>`(select count(*) from awareness_activities a where a.campaign_id = c.id and ${activities})`.as('activityCount'),
      sql<number>`(select coalesce(sum(a.reach_total), 0) from awareness_activities a where a.campaign_id = c.id and ${activities}
                     and not exists (select 1 from awareness_participants p where p.activity_id = a.id))
                 + (select count(distinct p.participant_key) from awareness_participants p join awareness_activities a on a.id = p.activity_id
                     where a.campaign_id = c.id and ${activities})`.as('peopleReached'),
    ])
    .where(inScope(scope, CAMPAIGN_SCOPE));
}
type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignQuery>['execute']>>[number];

function present(ctx: RequestContext, row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    theme: row.theme as Campaign['theme'],
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    partnerOrganisationId: row.partnerOrganisationId,
    partnerOrganisationName: row.partnerOrganisationName,
    messages: row.messages as Campaign['messages'],
    channels: row.channels as Campaign['channels'],
    targetCommunityIds: row.targetCommunityIds,
    organisationId: row.organisationId,
    activityCount: Number(row.activityCount),
    peopleReached: Number(row.peopleReached),
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: awarenessAbilities(ctx),
  };
}

async function load(db: Db | Tx, ctx: RequestContext, id: string, scope: Scope = ctx.scope): Promise<Campaign> {
  const row = await campaignQuery(db, ctx, scope).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Campaign');
  return present(ctx, row);
}

async function checkReferences(tx: Tx, input: { partnerOrganisationId?: string | null; targetCommunityIds?: string[] }): Promise<void> {
  if (input.partnerOrganisationId) {
    const org = await tx.selectFrom('organisations').select('id').where('id', '=', input.partnerOrganisationId).executeTakeFirst();
    if (!org) throw new Invalid({ partnerOrganisationId: 'refers to an unknown organisation' });
  }
  const targets = input.targetCommunityIds ?? [];
  if (targets.length > 0) {
    const found = await tx.selectFrom('communities').select('id').where('id', 'in', targets).execute();
    const known = new Set(found.map((f) => f.id));
    const index = targets.findIndex((t) => !known.has(t));
    if (index >= 0) throw new Invalid({ [`targetCommunityIds.${index}`]: 'refers to an unknown community' });
  }
}

/** Campaigns in scope, newest first, filtered by overlap with a period and by theme. */
export async function listCampaigns(ctx: RequestContext, query: CampaignQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = campaignQuery(ctx.db, ctx, ctx.scope);
  if (query.from) q = q.where('c.endsOn', '>=', query.from);
  if (query.to) q = q.where('c.startsOn', '<=', query.to);
  if (query.theme) q = q.where('c.theme', '=', query.theme);
  if (query.q) q = q.where('c.name', 'ilike', likeTerm(query.q));
  if (after) q = q.where(sql<boolean>`(c.starts_on::text, c.id::text) < (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('c.startsOn', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.startsOn, r.id], (r) => present(ctx, r));
}

/** Creates a campaign of the caller's organisation. */
export async function createCampaign(ctx: RequestContext, input: CampaignInput): Promise<Campaign> {
  assertPeriod(input.startsOn, input.endsOn);
  return inTransaction(ctx.db, async (tx) => {
    await checkReferences(tx, input);
    const id = input.id ?? newId();
    await tx
      .insertInto('awarenessCampaigns')
      .values({
        id,
        name: input.name,
        theme: input.theme,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        partnerOrganisationId: input.partnerOrganisationId ?? null,
        messages: JSON.stringify(input.messages),
        channels: JSON.stringify(input.channels),
        targetCommunityIds: JSON.stringify(input.targetCommunityIds ?? []),
        organisationId: ctx.user.organisationId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'awarenessCampaign.create', entityType: 'awareness_campaign', entityId: id, details: { theme: input.theme } });
    return load(tx, ctx, id, { kind: 'all' });
  });
}

/** A campaign in scope. */
export async function getCampaign(ctx: RequestContext, id: string): Promise<Campaign> {
  return load(ctx.db, ctx, id);
}

/** Edits a campaign in scope (If-Match). */
export async function updateCampaign(ctx: RequestContext, id: string, version: number, patch: CampaignPatch): Promise<Campaign> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('awarenessCampaigns as c').select(['c.id', 'c.version', 'c.startsOn', 'c.endsOn']).where('c.id', '=', id).where(inScope(ctx.scope, CAMPAIGN_SCOPE)).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Campaign');
    assertVersion(row.version, version);
    assertPeriod(patch.startsOn ?? row.startsOn, patch.endsOn ?? row.endsOn);
    await checkReferences(tx, patch);
    await tx
      .updateTable('awarenessCampaigns')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
        ...(patch.startsOn !== undefined ? { startsOn: patch.startsOn } : {}),
        ...(patch.endsOn !== undefined ? { endsOn: patch.endsOn } : {}),
        ...(patch.partnerOrganisationId !== undefined ? { partnerOrganisationId: patch.partnerOrganisationId } : {}),
        ...(patch.messages !== undefined ? { messages: JSON.stringify(patch.messages) } : {}),
        ...(patch.channels !== undefined ? { channels: JSON.stringify(patch.channels) } : {}),
        ...(patch.targetCommunityIds !== undefined ? { targetCommunityIds: JSON.stringify(patch.targetCommunityIds) } : {}),
        version: row.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'awarenessCampaign.update', entityType: 'awareness_campaign', entityId: id, details: { fields: Object.keys(patch) } });
    return load(tx, ctx, id);
  });
}
