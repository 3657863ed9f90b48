// Trainings of border and security officials (SPEC §10): sessions, trainees with attendance,
// completion (which needs attendance) and pre/post test scores.
import { sql } from 'kysely';
import { meanOf, newId, traineeKey, validateTrainees, type Trainee, type TraineesInput, type Training, type TrainingInput, type TrainingPatch, type TrainingQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { TRAINING_SCOPE, borderPostRef, completionMinShare, isoOf, likeTerm, maliPlace, mobilityAbilities } from './mobility.common';

function trainingQuery(db: Db | Tx, scope: Scope) {
  return db
    .selectFrom('trainings as t')
    .leftJoin('borderPosts as b', 'b.id', 't.borderPostId')
    .selectAll('t')
    .select('b.name as borderPostName')
    .select([
      sql<number>`(select count(*) from training_trainees x where x.training_id = t.id)`.as('traineeCount'),
      sql<number>`(select count(*) from training_trainees x where x.training_id = t.id and x.completed)`.as('completedCount'),
      sql<number | null>`(select avg(x.pre_score) from training_trainees x where x.training_id = t.id)`.as('meanPre'),
      sql<number | null>`(select avg(x.post_score) from training_trainees x where x.training_id = t.id)`.as('meanPost'),
      sql<number | null>`(select avg(x.post_score - x.pre_score) from training_trainees x where x.training_id = t.id)`.as('meanGain'),
    ])
    .where(inScope(scope, TRAINING_SCOPE));
}
type TrainingRow = Awaited<ReturnType<ReturnType<typeof trainingQuery>['execute']>>[number];

const round1 = (v: number | string | null): number | null => (v === null ? null : Math.round(Number(v) * 10) / 10);

function present(ctx: RequestContext, row: TrainingRow, trainees?: Trainee[]): Training {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic as Training['topic'],
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    days: row.days,
    place: row.place,
    pcode: row.pcode,
    borderPostId: row.borderPostId,
    borderPostName: row.borderPostName,
    organiserOrganisationId: row.organiserOrganisationId,
    organisationId: row.organisationId,
    traineeCount: Number(row.traineeCount),
    completedCount: Number(row.completedCount),
    meanPreScore: round1(row.meanPre),
    meanPostScore: round1(row.meanPost),
    gain: round1(row.meanGain),
    ...(trainees ? { trainees } : {}),
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: mobilityAbilities(ctx),
  };
}

async function traineesOf(db: Db | Tx, trainingId: string): Promise<Trainee[]> {
  const rows = await db
    .selectFrom('trainingTrainees as x')
    .innerJoin('institutions as n', 'n.id', 'x.institutionId')
    .select(['x.id', 'x.name', 'x.sex', 'x.institutionId', 'n.name as institutionName', 'x.rank', 'x.daysAttended', 'x.completed', 'x.preScore', 'x.postScore'])
    .where('x.trainingId', '=', trainingId)
    .orderBy('x.name')
    .execute();
  return rows.map((r) => ({ ...r, sex: r.sex as Trainee['sex'], preScore: r.preScore === null ? null : Number(r.preScore), postScore: r.postScore === null ? null : Number(r.postScore) }));
}

async function load(db: Db | Tx, ctx: RequestContext, id: string, scope: Scope = ctx.scope): Promise<Training> {
  const row = await trainingQuery(db, scope).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Training');
  return present(ctx, row, await traineesOf(db, id));
}

async function checkTraining(tx: Tx, input: { startsOn: string; endsOn: string; pcode?: string | null | undefined; borderPostId?: string | null | undefined; organiserOrganisationId?: string | null | undefined }): Promise<void> {
  if (input.endsOn < input.startsOn) throw new Invalid({ endsOn: `must be on or after startsOn (${input.startsOn})` });
  if (input.pcode) await maliPlace(tx, 'pcode', input.pcode);
  await borderPostRef(tx, 'borderPostId', input.borderPostId);
  if (input.organiserOrganisationId) {
    const org = await tx.selectFrom('organisations').select('id').where('id', '=', input.organiserOrganisationId).executeTakeFirst();
    if (!org) throw new Invalid({ organiserOrganisationId: 'refers to an unknown organisation' });
  }
}

/** Trainings in scope, newest first. */
export async function listTrainings(ctx: RequestContext, query: TrainingQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = trainingQuery(ctx.db, ctx.scope);
  if (query.from) q = q.where('t.endsOn', '>=', query.from);
  if (query.to) q = q.where('t.startsOn', '<=', query.to);
  if (query.topic) q = q.where('t.topic', '=', query.topic);
  if (query.q) q = q.where((eb) => eb.or([eb('t.title', 'ilike', likeTerm(query.q ?? '')), eb('t.place', 'ilike', likeTerm(query.q ?? ''))]));
  if (after) q = q.where(sql<boolean>`(t.starts_on::text, t.id::text) < (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('t.startsOn', 'desc').orderBy('t.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.startsOn, r.id], (r) => present(ctx, r));
}

/** Creates a training of the caller's organisation. */
export async function createTraining(ctx: RequestContext, input: TrainingInput): Promise<Training> {
  return inTransaction(ctx.db, async (tx) => {
    await checkTraining(tx, input);
    const id = input.id ?? newId();
    await tx
      .insertInto('trainings')
      .values({
        id,
        title: input.title,
        topic: input.topic,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        days: input.days,
        place: input.place,
        pcode: input.pcode ?? null,
        borderPostId: input.borderPostId ?? null,
        organiserOrganisationId: input.organiserOrganisationId ?? null,
        organisationId: ctx.user.organisationId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'training.create', entityType: 'training', entityId: id, details: { topic: input.topic } });
    return load(tx, ctx, id, { kind: 'all' });
  });
}

/** A training in scope, with its trainees (names are read: the read is audited). */
export async function getTraining(ctx: RequestContext, id: string): Promise<Training> {
  return inTransaction(ctx.db, async (tx) => {
    const training = await load(tx, ctx, id);
    if (training.trainees && training.trainees.length > 0) {
      await appendAudit(tx, actorOf(ctx), { action: 'training.read', entityType: 'training', entityId: id, details: { trainees: training.trainees.length } });
    }
    return training;
  });
}

/** Edits a training in scope (If-Match); its trainees must still fit the number of days. */
export async function updateTraining(ctx: RequestContext, id: string, version: number, patch: TrainingPatch): Promise<Training> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('trainings as t').selectAll('t').where('t.id', '=', id).where(inScope(ctx.scope, TRAINING_SCOPE)).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Training');
    assertVersion(row.version, version);
    await checkTraining(tx, { ...patch, startsOn: patch.startsOn ?? row.startsOn, endsOn: patch.endsOn ?? row.endsOn });
    if (patch.days !== undefined) {
      const trainees = await tx.selectFrom('trainingTrainees').select(['daysAttended', 'completed']).where('trainingId', '=', id).execute();
      const errors = validateTrainees(trainees, patch.days, await completionMinShare(tx));
      if (Object.keys(errors).length > 0) throw new Invalid({ days: `is too few for the trainees recorded (${Object.keys(errors).length} would break the attendance rules)` });
    }
    await tx.updateTable('trainings').set({ ...patch, version: row.version + 1, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'training.update', entityType: 'training', entityId: id, details: { fields: Object.keys(patch) } });
    return load(tx, ctx, id);
  });
}

/** Replaces the trainee list of a training in scope; completion needs the minimum attendance. */
export async function putTrainees(ctx: RequestContext, id: string, input: TraineesInput): Promise<Training> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('trainings as t').select(['t.id', 't.days', 't.version']).where('t.id', '=', id).where(inScope(ctx.scope, TRAINING_SCOPE)).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Training');
    const errors = validateTrainees(input.trainees, row.days, await completionMinShare(tx));
    const institutionIds = [...new Set(input.trainees.map((t) => t.institutionId))];
    const known = new Set(institutionIds.length === 0 ? [] : (await tx.selectFrom('institutions').select('id').where('id', 'in', institutionIds).execute()).map((r) => r.id));
    input.trainees.forEach((t, i) => {
      if (!known.has(t.institutionId)) errors[`trainees.${i}.institutionId`] = 'refers to an unknown institution';
    });
    if (Object.keys(errors).length > 0) throw new Invalid(errors);
    await tx.deleteFrom('trainingTrainees').where('trainingId', '=', id).execute();
    if (input.trainees.length > 0) {
      await tx
        .insertInto('trainingTrainees')
        .values(
          input.trainees.map((t) => ({
            id: t.id ?? newId(),
            trainingId: id,
            name: t.name,
            sex: t.sex,
            institutionId: t.institutionId,
            rank: t.rank ?? null,
            daysAttended: t.daysAttended,
            completed: t.completed,
            preScore: t.preScore ?? null,
            postScore: t.postScore ?? null,
            traineeKey: traineeKey(t.name, t.institutionId),
            createdBy: ctx.user.id,
          })),
        )
        .execute();
    }
    await tx.updateTable('trainings').set({ version: row.version + 1, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), {
      action: 'training.trainees_set',
      entityType: 'training',
      entityId: id,
      details: { trainees: input.trainees.length, completed: input.trainees.filter((t) => t.completed).length, meanPostScore: meanOf(input.trainees.map((t) => t.postScore)) },
    });
    return load(tx, ctx, id);
  });
}
