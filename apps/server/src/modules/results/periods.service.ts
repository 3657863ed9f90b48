// Period sign-off (SPEC §11): a signed-off quarter stores a snapshot of every indicator's value and
// disaggregations, and is locked (manual values for it are refused).
import { DISAGGREGATIONS, periodsBetween, type PeriodStatus } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { Db, Tx } from '../../platform/db/database';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, RuleViolation } from '../../platform/errors';
import { computeAll } from './compute';
import { loadDefinitions } from './definitions.service';
import { programmeSettings } from './programme';
import { readQuarter, today } from './span';

/** Throws 409 when a quarter is signed off (its figures are locked). */
export async function assertOpen(tx: Db | Tx, period: string): Promise<void> {
  const row = await tx.selectFrom('periodSignoffs').select('period').where('period', '=', period).executeTakeFirst();
  if (row) throw new Conflict(`${period} is signed off: its figures are locked`, 'period_locked', { period: 'is signed off' });
}

/** Signs off an ended quarter: snapshots every indicator with all disaggregations. */
export async function signOff(ctx: RequestContext, code: string, note: string | undefined): Promise<PeriodStatus> {
  const quarter = readQuarter(code);
  if (quarter.to >= today()) throw new RuleViolation('Only a quarter that has ended can be signed off', 'period_not_ended', { period: 'has not ended yet' });
  const programme = await programmeSettings(ctx.db);
  if (quarter.to < programme.start) throw new RuleViolation('The quarter is before the programme start', 'period_before_programme', { period: 'is before the programme start' });
  await assertOpen(ctx.db, quarter.code);
  // Computed before the transaction: the embedded database has a single connection.
  const definitions = await loadDefinitions(ctx.db);
  const computed = await computeAll(ctx.db, definitions, { span: quarter, interval: 'quarter', by: DISAGGREGATIONS, programmeStart: programme.start });
  return inTransaction(ctx.db, async (tx) => {
    await assertOpen(tx, quarter.code);
    await tx.insertInto('periodSignoffs').values({ period: quarter.code, periodFrom: quarter.from, periodTo: quarter.to, note: note ?? null, signedOffBy: ctx.user.id }).execute();
    for (const c of computed) {
      const cells = c.quarters.get(quarter.code);
      await tx
        .insertInto('periodSnapshots')
        .values({ period: quarter.code, indicatorCode: c.definition.code, ruleVersion: c.definition.ruleVersion, available: c.available, value: cells?.inSpan ?? 0, disaggregations: JSON.stringify(cells?.dims ?? {}) })
        .execute();
    }
    await appendAudit(tx, actorOf(ctx), { action: 'period.signed_off', entityType: 'period', entityId: quarter.code, details: { indicators: computed.length } });
    const row = await tx.selectFrom('periodSignoffs').selectAll().where('period', '=', quarter.code).executeTakeFirstOrThrow();
    return { period: row.period, from: row.periodFrom, to: row.periodTo, status: 'signed_off' as const, signedOffAt: row.signedOffAt.toISOString(), signedOffBy: ctx.user.username, note: row.note };
  });
}

/** Every quarter of the programme up to the current one, newest first, with its status. */
export async function listPeriods(ctx: RequestContext): Promise<{ items: PeriodStatus[] }> {
  const programme = await programmeSettings(ctx.db);
  const now = today();
  const signed = await ctx.db
    .selectFrom('periodSignoffs as p')
    .leftJoin('users as u', 'u.id', 'p.signedOffBy')
    .select(['p.period', 'p.note', 'p.signedOffAt', 'u.username'])
    .execute();
  const byCode = new Map(signed.map((s) => [s.period, s]));
  const last = now > programme.start ? now : programme.start;
  const items = periodsBetween({ from: programme.start, to: last }, 'quarter').map((q) => {
    const s = byCode.get(q.code);
    return {
      period: q.code,
      from: q.from,
      to: fullQuarterEnd(q.code),
      status: s ? ('signed_off' as const) : fullQuarterEnd(q.code) < now ? ('ended' as const) : ('open' as const),
      signedOffAt: s ? s.signedOffAt.toISOString() : null,
      signedOffBy: s ? (s.username ?? null) : null,
      note: s ? s.note : null,
    };
  });
  return { items: items.reverse() };
}

function fullQuarterEnd(code: string): string {
  return readQuarter(code).to;
}
