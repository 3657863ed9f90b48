// RSS results (SPEC §7): a survey scored with a stored instrument version, the change from baseline
// to follow-up per returnee, and the aggregates (distributions, change per assistance type).
import { sql } from 'kysely';
import { checkRssAnswers, newId, scoreRss, type RssInput, type RssResult, type RssResults, type RssScores, type RssSummary, type RssSummaryQuery } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound } from '../../platform/errors';
import { caseInScope, lockCase, notInFuture, recordEvent, today } from './reintegration.common';
import { currentInstrumentVersion, instrumentOf } from './rss-instruments.service';
import { presentRss } from './reintegration.present';

const KEYS = ['economic', 'social', 'psychosocial', 'composite'] as const;

/** Scores and stores a survey (400 naming `answers` when nothing is answered, `answers.<code>` for an answer outside the options). */
export async function addRss(ctx: RequestContext, caseId: string, input: RssInput): Promise<RssResult> {
  notInFuture('surveyedOn', input.surveyedOn);
  return inTransaction(ctx.db, async (tx) => {
    await lockCase(tx, ctx.scope, caseId);
    const version = input.instrumentVersion ?? (await currentInstrumentVersion(tx));
    const { instrument } = await instrumentOf(tx, version);
    // A survey with nothing answered would score only missing scores: refuse it rather than store it.
    if (!Object.values(input.answers).some((answer) => typeof answer === 'string')) throw new Invalid({ answers: 'must answer at least one question' });
    const errors = checkRssAnswers(instrument, input.answers);
    if (Object.keys(errors).length > 0) throw new Invalid(errors, 'Some answers are not options of the instrument');
    const result = scoreRss(instrument, input.answers);
    const id = newId();
    const row = await tx
      .insertInto('rssResults')
      .values({
        id,
        reintegrationCaseId: caseId,
        round: input.round,
        instrumentVersion: version,
        surveyedOn: input.surveyedOn ?? today(),
        answers: JSON.stringify(input.answers),
        ...result.scores,
        complete: result.complete,
        band: result.band,
        createdBy: ctx.user.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, ctx, caseId, 'rss_recorded', { resultId: id, round: input.round, instrumentVersion: version, composite: result.scores.composite, complete: result.complete });
    return presentRss(row, false);
  });
}

/** The difference b − a per score (null when either is null). */
function change(a: RssScores, b: RssScores): RssScores {
  const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.round((y - x) * 10_000) / 10_000);
  return { economic: diff(a.economic, b.economic), social: diff(a.social, b.social), psychosocial: diff(a.psychosocial, b.psychosocial), composite: diff(a.composite, b.composite) };
}

/** A case's results, oldest first, with the change from the latest baseline to the latest follow-up. */
export async function listRss(ctx: RequestContext, caseId: string): Promise<RssResults> {
  const found = await ctx.db.selectFrom('reintegrationCases as rc').select('rc.id').where('rc.id', '=', caseId).where(caseInScope(ctx.scope)).executeTakeFirst();
  if (!found) throw new NotFound('Reintegration case');
  const rows = await ctx.db.selectFrom('rssResults').selectAll().where('reintegrationCaseId', '=', caseId).orderBy('surveyedOn').orderBy('createdAt').execute();
  const items = rows.map((r) => presentRss(r, true));
  const baseline = items.filter((r) => r.round === 'baseline').at(-1);
  const followup = items.filter((r) => r.round === 'followup').at(-1);
  return { items, change: baseline && followup ? { from: baseline.id, to: followup.id, scores: change(baseline.scores, followup.scores) } : null };
}

/** The bin of a score among ten: [0, .1), … [.9, 1]. */
function bin(score: number): number {
  return Math.min(9, Math.floor(score * 10));
}

/** Distributions per score and the mean baseline→follow-up change per assistance type and level. */
export async function rssSummary(ctx: RequestContext, query: RssSummaryQuery): Promise<RssSummary> {
  let q = ctx.db
    .selectFrom('rssResults as r')
    .innerJoin('reintegrationCases as rc', 'rc.id', 'r.reintegrationCaseId')
    .select(['r.reintegrationCaseId', 'r.round', 'r.economic', 'r.social', 'r.psychosocial', 'r.composite', 'r.surveyedOn', 'r.instrumentVersion'])
    .where(caseInScope(ctx.scope));
  if (query.from) q = q.where('r.surveyedOn', '>=', query.from);
  if (query.to) q = q.where('r.surveyedOn', '<=', query.to);
  if (query.regionPcode) q = q.where('rc.regionPcode', 'like', `${query.regionPcode}%`);
  const rows = await q.orderBy('r.surveyedOn').orderBy('r.createdAt').execute();
  const distributions = Object.fromEntries(KEYS.map((k) => [k, Array.from({ length: 10 }, () => 0)])) as RssSummary['distributions'];
  const latest = new Map<string, { baseline?: RssScores; followup?: RssScores }>();
  // Each returnee counts once, with their latest result of the period: the caseload filtered on the
  // latest composite (compositeMin/compositeMax) then lists exactly the people of a bar.
  const last = new Map<string, (typeof rows)[number]>();
  for (const r of rows) last.set(r.reintegrationCaseId, r);
  for (const r of last.values()) {
    for (const k of KEYS) {
      const score = r[k];
      if (score !== null) distributions[k][bin(score)] = (distributions[k][bin(score)] ?? 0) + 1;
    }
  }
  for (const r of rows) {
    const entry = latest.get(r.reintegrationCaseId) ?? {};
    entry[r.round as 'baseline' | 'followup'] = { economic: r.economic, social: r.social, psychosocial: r.psychosocial, composite: r.composite };
    latest.set(r.reintegrationCaseId, entry);
  }
  const paired = [...latest.entries()].filter(([, e]) => e.baseline && e.followup);
  const types = paired.length
    ? await ctx.db
        .selectFrom('assistanceItems')
        .select(['reintegrationCaseId', 'type', 'level'])
        .distinct()
        .where(sql<boolean>`reintegration_case_id = any(${sql.val(paired.map(([id]) => id))}::uuid[])`)
        .where('status', '<>', 'cancelled')
        .execute()
    : [];
  const groups = new Map<string, { type: string; level: string; changes: RssScores[] }>();
  const byCase = new Map(paired);
  for (const t of types) {
    const e = byCase.get(t.reintegrationCaseId);
    if (!e?.baseline || !e.followup) continue;
    const key = `${t.type}|${t.level}`;
    const group = groups.get(key) ?? { type: t.type, level: t.level, changes: [] };
    group.changes.push(change(e.baseline, e.followup));
    groups.set(key, group);
  }
  const mean = (values: (number | null)[]) => {
    const kept = values.filter((v): v is number => v !== null);
    return kept.length === 0 ? null : Math.round((kept.reduce((a, b) => a + b, 0) / kept.length) * 10_000) / 10_000;
  };
  const version = await currentInstrumentVersion(ctx.db);
  const current = await ctx.db.selectFrom('rssInstruments').select('status').where('version', '=', version).executeTakeFirst();
  return {
    instrumentStatus: current?.status === 'verified' ? 'verified' : 'unverified',
    distributions,
    change: [...groups.values()]
      .sort((a, b) => a.type.localeCompare(b.type) || a.level.localeCompare(b.level))
      .map((g) => ({
        assistanceType: g.type as RssSummary['change'][number]['assistanceType'],
        level: g.level as RssSummary['change'][number]['level'],
        n: g.changes.length,
        meanChange: { economic: mean(g.changes.map((c) => c.economic)), social: mean(g.changes.map((c) => c.social)), psychosocial: mean(g.changes.map((c) => c.psychosocial)), composite: mean(g.changes.map((c) => c.composite)) },
      })),
  };
}
