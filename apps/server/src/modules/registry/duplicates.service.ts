// Duplicate detection (SPEC §4): at registration, on demand, and the reviewers' queue.
import { sql } from 'kysely';
import {
  DEFAULT_DUPLICATE_RULES,
  duplicateScore,
  newId,
  type DuplicateCheckInput,
  type DuplicatePair,
  type DuplicateRules,
  type PersonForMatching,
  type PossibleDuplicate,
} from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { getSetting } from '../../platform/settings';
import { NotFound } from '../../platform/errors';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { candidateRows, type CandidateRow, type RegisteredBetween } from './duplicates.repo';
import { presentSummary } from './people.present';
import { findPersonRow, summariesInScope, documentsOf, type PersonRow } from './people.repo';

/** How many possible duplicates a check reports (the best). */
export const MAX_DUPLICATES_SHOWN = 10;

/** The setting that overrides the default matching rules. */
export const DUPLICATE_RULES_SETTING = 'registry.duplicateRules';

/** The matching rules in force: the `registry.duplicateRules` setting over the defaults. */
export function duplicateRules(db: Db | Tx): Promise<DuplicateRules> {
  return getSetting(db, DUPLICATE_RULES_SETTING, DEFAULT_DUPLICATE_RULES);
}

function yearOf(date: string | null | undefined): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

function asMatchable(row: CandidateRow): PersonForMatching {
  return {
    givenName: row.personGivenName,
    familyName: row.personFamilyName,
    otherNames: row.otherNames,
    sex: row.personSex as PersonForMatching['sex'],
    dateOfBirth: row.personDateOfBirth,
    dobPrecision: row.personDobPrecision as PersonForMatching['dobPrecision'],
    nationality: row.personNationality,
    phones: row.phones,
    documentNumbers: row.documentKeys ?? [],
  };
}

/**
 * Scores the candidates of a probe and keeps those above the threshold, best first. `rules` are
 * read here unless the caller already holds the rules in force; `among` limits the candidates to
 * people registered within a stretch of the audit chain.
 */
export async function possibleDuplicates(
  tx: Db | Tx,
  ctx: RequestContext,
  probe: PersonForMatching,
  excludeId?: string,
  rulesInForce?: DuplicateRules,
  among?: RegisteredBetween,
): Promise<PossibleDuplicate[]> {
  const rules = rulesInForce ?? (await duplicateRules(tx));
  const rows = await candidateRows(tx, scopeFor(ctx, 'person.read'), { ...probe, birthYear: yearOf(probe.dateOfBirth) }, excludeId, among);
  return rows
    .map((row) => ({ row, result: duplicateScore(probe, asMatchable(row), rules) }))
    .filter(({ result }) => result.score >= rules.candidateThreshold)
    .sort((a, b) => b.result.score - a.result.score || a.row.personCaseNumber.localeCompare(b.row.personCaseNumber))
    .slice(0, MAX_DUPLICATES_SHOWN)
    .map(({ row, result }) => ({ id: row.personId, score: result.score, reasons: result.reasons, person: presentSummary(row) }));
}

/** Stores the pairs found for `personId` in the review queue (an already known pair keeps its status). */
export async function recordCandidates(tx: Db | Tx, personId: string, found: readonly PossibleDuplicate[]): Promise<void> {
  if (found.length === 0) return;
  await tx
    .insertInto('duplicateCandidates')
    .values(
      found.map((d) => {
        const [firstId, secondId] = personId < d.id ? [personId, d.id] : [d.id, personId];
        return { id: newId(), firstId, secondId, score: d.score, reasons: d.reasons };
      }),
    )
    .onConflict((oc) => oc.columns(['firstId', 'secondId']).doUpdateSet({ score: sql`excluded.score`, reasons: sql`excluded.reasons` }))
    .execute();
}

/** The matching view of a stored person (for on-demand checks). */
export async function matchableOf(tx: Tx, row: PersonRow): Promise<PersonForMatching> {
  const docs = await documentsOf(tx, row.id);
  return {
    givenName: row.givenName,
    familyName: row.familyName,
    otherNames: row.otherNames,
    sex: row.sex as PersonForMatching['sex'],
    dateOfBirth: row.dateOfBirth,
    dobPrecision: row.dobPrecision as PersonForMatching['dobPrecision'],
    nationality: row.nationality,
    phones: row.phones,
    documentNumbers: docs.map((d) => d.number ?? '').filter((n) => n !== ''),
  };
}

/** Checks a record being typed (nothing is written); used for live warnings on the form. */
export async function checkDuplicates(ctx: RequestContext, input: DuplicateCheckInput): Promise<{ items: PossibleDuplicate[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const items = await possibleDuplicates(tx, ctx, { ...input, sex: input.sex ?? null, nationality: input.nationality ?? null, dateOfBirth: input.dateOfBirth ?? null });
    await appendAudit(tx, actorOf(ctx), { action: 'person.duplicate_check', details: { candidates: items.length } });
    return { items };
  });
}

/** Candidates for a stored person, found now; pairs above the threshold join the review queue. */
export async function duplicatesOf(ctx: RequestContext, personId: string): Promise<{ items: PossibleDuplicate[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await findPersonRow(tx, ctx.scope, personId);
    if (!row) throw new NotFound('Person');
    const items = row.status === 'active' ? await possibleDuplicates(tx, ctx, await matchableOf(tx, row), row.id) : [];
    await recordCandidates(tx, row.id, items);
    await appendAudit(tx, actorOf(ctx), { action: 'person.duplicates_read', entityType: 'person', entityId: row.id, details: { candidates: items.length } });
    return { items };
  });
}

/** A reviewer says two records are different people: the pair leaves the queue for good. */
export async function dismissPair(ctx: RequestContext, personId: string, otherId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    for (const id of [personId, otherId]) if (!(await findPersonRow(tx, ctx.scope, id))) throw new NotFound('Person');
    const [firstId, secondId] = personId < otherId ? [personId, otherId] : [otherId, personId];
    await tx
      .insertInto('duplicateCandidates')
      .values({ id: newId(), firstId, secondId, score: 0, reasons: [], status: 'dismissed', resolvedAt: new Date(), resolvedBy: ctx.user.id })
      .onConflict((oc) => oc.columns(['firstId', 'secondId']).doUpdateSet({ status: 'dismissed', resolvedAt: new Date(), resolvedBy: ctx.user.id }))
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'person.duplicate_dismissed', entityType: 'person', entityId: personId, details: { otherId } });
  });
}

/** The review queue: open pairs of active records both in the reviewer's scope, highest score first. */
export async function duplicateQueue(ctx: RequestContext, page: { limit?: number; cursor?: string }): Promise<{ items: DuplicatePair[]; nextCursor: string | null }> {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(page.cursor, ['number', 'string']);
  const inScopeIds = summariesInScope(ctx.db, ctx.scope).clearSelect().select('p.id').where('p.status', '=', 'active');
  let q = ctx.db
    .selectFrom('duplicateCandidates as c')
    .selectAll('c')
    .where('c.status', '=', 'open')
    .where('c.firstId', 'in', inScopeIds)
    .where('c.secondId', 'in', inScopeIds);
  if (after) q = q.where(sql<boolean>`(c.score, c.id) < (${Number(after[0])}::real, ${String(after[1])}::uuid)`);
  const rows = await q.orderBy('c.score', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
  const ids = [...new Set(rows.flatMap((r) => [r.firstId, r.secondId]))];
  const people = ids.length === 0 ? [] : await summariesInScope(ctx.db, ctx.scope).where('p.id', 'in', ids).execute();
  const byId = new Map(people.map((p) => [p.personId, presentSummary(p)]));
  const complete = rows.filter((r) => byId.has(r.firstId) && byId.has(r.secondId));
  // A pair whose record left the scope since it was found is skipped (both were checked above).
  return pageOf(complete, limit, (r) => [r.score, r.id], (r) => ({
    id: r.id,
    score: r.score,
    reasons: r.reasons as DuplicatePair['reasons'],
    detectedAt: new Date(r.detectedAt).toISOString(),
    first: byId.get(r.firstId) as DuplicatePair['first'],
    second: byId.get(r.secondId) as DuplicatePair['second'],
  }));
}
