// Flow monitoring points: the reference list of FMPs with their map position and active periods.
import { sql } from 'kysely';
import type { ActivePeriod, FlowPoint, FlowPointInput, FlowPointPatch } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';

type PointRow = {
  id: string;
  name: string;
  countryIso3: string;
  lat: number | null;
  lon: number | null;
  adm1Pcode: string | null;
  adm2Pcode: string | null;
  adm3Pcode: string | null;
  fmpType: string;
  activeFrom: string;
  activeTo: string | null;
  activePeriods: ActivePeriod[] | null;
  note: string | null;
  version: number;
};

/** A point's active periods; points loaded before periods existed use their from/to columns. */
export function periodsOf(row: Pick<PointRow, 'activeFrom' | 'activeTo' | 'activePeriods'>): ActivePeriod[] {
  return row.activePeriods ?? [{ from: row.activeFrom, to: row.activeTo }];
}

function present(row: PointRow): FlowPoint {
  return {
    id: row.id,
    name: row.name,
    countryIso3: row.countryIso3,
    lat: row.lat,
    lon: row.lon,
    adm1Pcode: row.adm1Pcode,
    adm2Pcode: row.adm2Pcode,
    adm3Pcode: row.adm3Pcode,
    fmpType: row.fmpType,
    activePeriods: periodsOf(row),
    note: row.note,
    version: row.version,
  };
}

const columns = ['id', 'name', 'countryIso3', 'lat', 'lon', 'adm1Pcode', 'adm2Pcode', 'adm3Pcode', 'fmpType', 'activeFrom', 'activeTo', 'activePeriods', 'note', 'version'] as const;

/** Every point with its active periods (used by the rules of counts and surveys). */
export async function pointPeriods(db: Db | Tx): Promise<Map<string, ActivePeriod[]>> {
  const rows = await db.selectFrom('flowMonitoringPoints').select(['id', 'activeFrom', 'activeTo', 'activePeriods']).execute();
  return new Map(rows.map((r) => [r.id, periodsOf(r)]));
}

/** All points (a short reference list: no paging needed), by code. */
export async function listPoints(db: Db): Promise<{ items: FlowPoint[]; nextCursor: null }> {
  const rows = await db.selectFrom('flowMonitoringPoints').select(columns).orderBy('id').execute();
  return { items: rows.map(present), nextCursor: null };
}

/** Periods must be ordered, not overlapping, each ending after it starts. */
function checkPeriods(periods: readonly ActivePeriod[]): { activeFrom: string; activeTo: string | null } {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((p, i) => {
    if (p.to !== null && p.to < p.from) throw new Invalid({ activePeriods: `period ${i + 1} ends before it starts` });
    const next = sorted[i + 1];
    if (next && (p.to === null || p.to >= next.from)) throw new Invalid({ activePeriods: 'periods must not overlap' });
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Invalid({ activePeriods: 'needs at least one period' });
  return { activeFrom: first.from, activeTo: last.to };
}

/** Creates a point. */
export async function createPoint(ctx: RequestContext, input: FlowPointInput): Promise<FlowPoint> {
  const span = checkPeriods(input.activePeriods);
  return inTransaction(ctx.db, async (tx) => {
    const exists = await tx.selectFrom('flowMonitoringPoints').select('id').where('id', '=', input.id).executeTakeFirst();
    if (exists) throw new Conflict(`A point with code ${input.id} already exists`, 'already_exists', { id: 'is already taken' });
    await tx
      .insertInto('flowMonitoringPoints')
      .values({
        id: input.id,
        name: input.name,
        countryIso3: input.countryIso3,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        coordQuality: null,
        adm1Pcode: input.adm1Pcode ?? null,
        adm2Pcode: input.adm2Pcode ?? null,
        adm3Pcode: input.adm3Pcode ?? null,
        fmpType: input.fmpType,
        ...span,
        activePeriods: JSON.stringify(input.activePeriods),
        fmrPeriod: null,
        fmsPeriod: null,
        note: input.note ?? null,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_point.create', entityType: 'flow_point', entityId: input.id, details: { name: input.name } });
    return present(await tx.selectFrom('flowMonitoringPoints').select(columns).where('id', '=', input.id).executeTakeFirstOrThrow());
  });
}

/** Edits a point at the version the caller saw (closing a point = giving its last period an end). */
export async function updatePoint(ctx: RequestContext, id: string, version: number, patch: FlowPointPatch): Promise<FlowPoint> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await tx.selectFrom('flowMonitoringPoints').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new NotFound('Flow monitoring point');
    assertVersion(current.version, version);
    const { activePeriods, ...rest } = patch;
    const span = activePeriods ? { ...checkPeriods(activePeriods), activePeriods: JSON.stringify(activePeriods) } : {};
    await tx
      .updateTable('flowMonitoringPoints')
      .set({ ...rest, ...span, updatedAt: new Date(), version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_point.update', entityType: 'flow_point', entityId: id, details: { fields: Object.keys(patch) } });
    return present(await tx.selectFrom('flowMonitoringPoints').select(columns).where('id', '=', id).executeTakeFirstOrThrow());
  });
}
