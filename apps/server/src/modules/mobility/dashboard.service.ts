// Free-movement figures (SPEC §10): officials trained and institutions strengthened against target,
// equipment handed over, and incidents by type, corridor, border post and month.
import { sql } from 'kysely';
import type { IncidentStats, IncidentStatsQuery, MobilityDashboard, MobilityDashboardQuery } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import type { Db } from '../../platform/db/database';
import { EQUIPMENT_SCOPE, INCIDENT_SCOPE, TRAINING_SCOPE, mobilityTargets } from './mobility.common';

interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

function incidentsIn(db: Db, scope: Scope, period: Period) {
  let q = db.selectFrom('mobilityIncidents as i').leftJoin('borderPosts as b', 'b.id', 'i.borderPostId').where(inScope(scope, INCIDENT_SCOPE));
  if (period.from) q = q.where('i.occurredOn', '>=', period.from);
  if (period.to) q = q.where('i.occurredOn', '<=', period.to);
  return q;
}

/** Incident counts and amounts demanded, grouped one way. */
export async function incidentStats(ctx: RequestContext, query: IncidentStatsQuery): Promise<IncidentStats> {
  const by = query.by ?? 'corridor';
  const base = incidentsIn(ctx.db, ctx.scope, query);
  const amount = sql<number>`coalesce(sum(i.amount_demanded_xof), 0)`.as('amount');
  let rows: { key: string; label: string | null; count: number; amount: number }[];
  switch (by) {
    case 'corridor':
      rows = (await base.select(['i.corridor as key', sql<null>`null`.as('label'), sql<number>`count(*)`.as('count'), amount]).groupBy('i.corridor').execute());
      break;
    case 'borderPost':
      rows = (
        await base
          .select([sql<string>`coalesce(i.border_post_id::text, 'none')`.as('key'), sql<string | null>`max(b.name)`.as('label'), sql<number>`count(*)`.as('count'), amount])
          .groupBy(sql`coalesce(i.border_post_id::text, 'none')`)
          .execute()
      );
      break;
    case 'month':
      rows = await base.select([sql<string>`to_char(i.occurred_on, 'YYYY-MM')`.as('key'), sql<null>`null`.as('label'), sql<number>`count(*)`.as('count'), amount]).groupBy(sql`to_char(i.occurred_on, 'YYYY-MM')`).execute();
      break;
    case 'type':
      // An incident of several types counts once under each of them.
      rows = await base
        .innerJoin(sql<{ value: string }>`jsonb_array_elements_text(i.types)`.as('t'), (join) => join.onTrue())
        .select([sql<string>`t.value`.as('key'), sql<null>`null`.as('label'), sql<number>`count(*)`.as('count'), amount])
        .groupBy(sql`t.value`)
        .execute();
      break;
  }
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const items = rows
    .map((r) => ({ key: r.key, label: r.label, count: Number(r.count), amountDemandedXof: Number(r.amount) }))
    .sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.count - a.count || a.key.localeCompare(b.key)));
  return { by, items, total };
}

/** The free-movement dashboard over the records in the caller's scope. */
export async function mobilityDashboard(ctx: RequestContext, query: MobilityDashboardQuery): Promise<MobilityDashboard> {
  const db = ctx.db;
  let trainees = db.selectFrom('trainingTrainees as x').innerJoin('trainings as t', 't.id', 'x.trainingId').where(inScope(ctx.scope, TRAINING_SCOPE));
  if (query.from) trainees = trainees.where('t.endsOn', '>=', query.from);
  if (query.to) trainees = trainees.where('t.startsOn', '<=', query.to);
  // An official is one canonical name at one institution, however many trainings they completed.
  const officials = await trainees
    .where('x.completed', '=', true)
    .select(['x.traineeKey', 'x.institutionId', sql<string>`min(x.sex)`.as('sex')])
    .groupBy(['x.traineeKey', 'x.institutionId'])
    .execute();
  let trainings = db.selectFrom('trainings as t').where(inScope(ctx.scope, TRAINING_SCOPE));
  if (query.from) trainings = trainings.where('t.endsOn', '>=', query.from);
  if (query.to) trainings = trainings.where('t.startsOn', '<=', query.to);
  const byTopic = await trainings
    .leftJoin('trainingTrainees as x', 'x.trainingId', 't.id')
    .select(['t.topic', sql<number>`count(distinct t.id)`.as('trainings'), sql<number>`count(x.id) filter (where x.completed)`.as('completed')])
    .groupBy('t.topic')
    .execute();
  let equipment = db.selectFrom('equipmentHandovers as e').where(inScope(ctx.scope, EQUIPMENT_SCOPE));
  if (query.from) equipment = equipment.where('e.handedOverOn', '>=', query.from);
  if (query.to) equipment = equipment.where('e.handedOverOn', '<=', query.to);
  const equipmentTotals = await equipment.select([sql<number>`coalesce(sum(e.quantity), 0)`.as('items'), sql<number>`coalesce(sum(e.value_xof), 0)`.as('value')]).executeTakeFirstOrThrow();
  const equipped = await equipment.select('e.recipientInstitutionId').distinct().execute();
  const institutions = new Set([...officials.map((o) => o.institutionId), ...equipped.map((e) => e.recipientInstitutionId)]);

  const incidentsBase = incidentsIn(db, ctx.scope, query);
  const [byType, byCorridor, byMonth] = [
    await incidentStats(ctx, { ...query, by: 'type' }),
    await incidentStats(ctx, { ...query, by: 'corridor' }),
    await incidentStats(ctx, { ...query, by: 'month' }),
  ];
  const byPost = await incidentsBase
    .innerJoin('borderPosts as bp', 'bp.id', 'i.borderPostId')
    .select(['bp.id', 'bp.name', 'bp.lat', 'bp.lon', sql<number>`count(*)`.as('count')])
    .groupBy(['bp.id', 'bp.name', 'bp.lat', 'bp.lon'])
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  const amount = await incidentsBase.select(sql<number>`coalesce(sum(i.amount_demanded_xof), 0)`.as('amount')).executeTakeFirstOrThrow();

  return {
    targets: await mobilityTargets(db),
    officialsTrained: officials.length,
    institutionsStrengthened: institutions.size,
    trainings: byTopic.reduce((n, t) => n + Number(t.trainings), 0),
    trainingsByTopic: byTopic
      .map((t) => ({ topic: t.topic as MobilityDashboard['trainingsByTopic'][number]['topic'], trainings: Number(t.trainings), completed: Number(t.completed) }))
      .sort((a, b) => a.topic.localeCompare(b.topic)),
    sexSplit: { male: officials.filter((o) => o.sex === 'male').length, female: officials.filter((o) => o.sex === 'female').length },
    equipment: { items: Number(equipmentTotals.items), valueXof: Number(equipmentTotals.value) },
    incidents: {
      total: byType.total,
      byType: byType.items.map((i) => ({ type: i.key, count: i.count })),
      byCorridor: byCorridor.items.map((i) => ({ corridor: i.key, count: i.count })),
      byBorderPost: byPost.map((p) => ({ borderPostId: p.id, name: p.name, lat: p.lat, lon: p.lon, count: Number(p.count) })),
      byMonth: byMonth.items.map((i) => ({ month: i.key, count: i.count })),
      amountDemandedXof: Number(amount.amount),
    },
  };
}
