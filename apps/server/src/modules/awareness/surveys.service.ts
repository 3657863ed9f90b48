// Knowledge/attitude surveys (SPEC §9): each respondent is scored against a versioned instrument;
// change per community is the mean score after minus before, per instrument version.
import { newId, scoreResponse, surveyChange, SURVEY_INSTRUMENTS, type Survey, type SurveyChange, type SurveyInput } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { SURVEY_SCOPE, isoOf, notInFuture } from './awareness.common';
import { communityPlace } from './communities.service';

/** The instruments offered (the default one from core). */
export function listInstruments() {
  return { items: [...SURVEY_INSTRUMENTS] };
}

/** Surveys in a scope with their community's name. */
export function surveyQuery(db: Db | Tx, scope: Scope) {
  return db
    .selectFrom('awarenessSurveys as s')
    .innerJoin('communities as cm', 'cm.id', 's.communityId')
    .selectAll('s')
    .select('cm.name as communityName')
    .where(inScope(scope, SURVEY_SCOPE));
}

/** A survey as the API returns it. */
export function presentSurvey(row: Awaited<ReturnType<ReturnType<typeof surveyQuery>['execute']>>[number]): Survey {
  return {
    id: row.id,
    communityId: row.communityId,
    communityName: row.communityName,
    phase: row.phase as Survey['phase'],
    surveyedOn: row.surveyedOn,
    instrumentVersion: row.instrumentVersion,
    respondents: row.respondents,
    meanScore: Number(row.meanScore),
    organisationId: row.organisationId,
    createdAt: isoOf(row.createdAt),
  };
}

/** Records a survey round in a community: every response is scored, nothing is stored if one is wrong. */
export async function createSurvey(ctx: RequestContext, input: SurveyInput): Promise<Survey> {
  notInFuture('surveyedOn', input.surveyedOn);
  const instrument = SURVEY_INSTRUMENTS.find((i) => i.version === input.instrumentVersion);
  if (!instrument) throw new Invalid({ instrumentVersion: `must be one of ${SURVEY_INSTRUMENTS.map((i) => i.version).join(', ')}` });
  const scores: number[] = [];
  const errors: Record<string, string> = {};
  input.responses.forEach((r, i) => {
    const result = scoreResponse(instrument, r.answers, `responses.${i}.answers`);
    if ('errors' in result) Object.assign(errors, result.errors);
    else scores.push(result.score);
  });
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000;
  return inTransaction(ctx.db, async (tx) => {
    await communityPlace(tx, 'communityId', input.communityId);
    const id = input.id ?? newId();
    await tx
      .insertInto('awarenessSurveys')
      .values({ id, communityId: input.communityId, phase: input.phase, surveyedOn: input.surveyedOn, instrumentVersion: instrument.version, respondents: scores.length, meanScore: mean, organisationId: ctx.user.organisationId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await tx
      .insertInto('awarenessSurveyResponses')
      .values(input.responses.map((r, i) => ({ id: newId(), surveyId: id, answers: JSON.stringify(r.answers), score: scores[i] ?? 0 })))
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'awarenessSurvey.create', entityType: 'awareness_survey', entityId: id, details: { communityId: input.communityId, phase: input.phase, respondents: scores.length } });
    const row = await surveyQuery(tx, { kind: 'all' }).where('s.id', '=', id).executeTakeFirstOrThrow();
    return presentSurvey(row);
  });
}

/** Before/after mean scores of a community per instrument version, over the surveys in scope. */
export async function communitySurveyChange(ctx: RequestContext, communityId: string): Promise<SurveyChange> {
  const community = await ctx.db.selectFrom('communities').select('id').where('id', '=', communityId).executeTakeFirst();
  if (!community) throw new NotFound('Community');
  const rows = await ctx.db
    .selectFrom('awarenessSurveyResponses as r')
    .innerJoin('awarenessSurveys as s', 's.id', 'r.surveyId')
    .select(['s.instrumentVersion', 's.phase', 'r.score'])
    .where('s.communityId', '=', communityId)
    .where(inScope(scopeFor(ctx, 'awareness.read'), SURVEY_SCOPE))
    .execute();
  const versions = [...new Set(rows.map((r) => r.instrumentVersion))].sort();
  return {
    communityId,
    items: versions.map((version) => ({
      instrumentVersion: version,
      ...surveyChange(rows.filter((r) => r.instrumentVersion === version).map((r) => ({ phase: r.phase as 'before' | 'after', score: Number(r.score) }))),
    })),
  };
}
