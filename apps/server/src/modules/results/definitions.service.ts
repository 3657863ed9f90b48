// The indicator registry and the logframe as data (SPEC §11): read, and edit with versioned rules.
import type { IndicatorDefinitionPatch, IndicatorDefinitionView, IndicatorSource } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { Db, Tx } from '../../platform/db/database';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';

/** An indicator with the rule version it is computed with today. */
export interface Definition {
  code: string;
  title: { fr: string; en: string };
  level: string;
  unit: { fr: string; en: string };
  baseline: number;
  target: number | null;
  periodTargets: Record<string, number>;
  partner: string;
  dataSource: { fr: string; en: string };
  mode: 'automatic' | 'manual';
  source: IndicatorSource | null;
  kind: 'distinct' | 'sum';
  ruleVersion: number;
  version: number;
  updatedAt: Date;
}

/** Every indicator, in the registry's order, with its current rule. */
export async function loadDefinitions(db: Db | Tx): Promise<Definition[]> {
  const rows = await db
    .selectFrom('indicatorDefinitions as d')
    .innerJoin('indicatorRules as r', (j) => j.onRef('r.indicatorCode', '=', 'd.code').onRef('r.ruleVersion', '=', 'd.ruleVersion'))
    .select(['d.code', 'd.titleFr', 'd.titleEn', 'd.level', 'd.unitFr', 'd.unitEn', 'd.baseline', 'd.target', 'd.periodTargets', 'd.partner', 'd.dataSourceFr', 'd.dataSourceEn', 'd.ruleVersion', 'd.version', 'd.updatedAt', 'r.mode', 'r.source', 'r.kind'])
    .orderBy('d.sortOrder')
    .orderBy('d.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    title: { fr: r.titleFr, en: r.titleEn },
    level: r.level,
    unit: { fr: r.unitFr, en: r.unitEn },
    baseline: Number(r.baseline),
    target: r.target === null ? null : Number(r.target),
    periodTargets: r.periodTargets,
    partner: r.partner,
    dataSource: { fr: r.dataSourceFr, en: r.dataSourceEn },
    mode: r.mode === 'automatic' ? 'automatic' : 'manual',
    source: (r.source as IndicatorSource | null) ?? null,
    kind: r.kind === 'sum' ? 'sum' : 'distinct',
    ruleVersion: r.ruleVersion,
    version: r.version,
    updatedAt: r.updatedAt,
  }));
}

/** One indicator, or 404 naming it. */
export async function getDefinition(db: Db | Tx, code: string): Promise<Definition> {
  const found = (await loadDefinitions(db)).find((d) => d.code === code);
  if (!found) throw new NotFound(`Indicator ${code}`);
  return found;
}

/** The API view of a definition. */
export function presentDefinition(d: Definition): IndicatorDefinitionView {
  return {
    code: d.code,
    title: d.title,
    level: d.level,
    unit: d.unit,
    baseline: d.baseline,
    target: d.target,
    periodTargets: d.periodTargets,
    partner: d.partner,
    dataSource: d.dataSource,
    computation: d.mode === 'automatic' && d.source ? { mode: 'automatic', source: d.source, kind: d.kind, version: d.ruleVersion } : { mode: 'manual', version: d.ruleVersion },
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** Edits a definition (If-Match); a changed computation becomes a new rule version. */
export async function patchDefinition(ctx: RequestContext, code: string, expected: number, patch: IndicatorDefinitionPatch): Promise<IndicatorDefinitionView> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('indicatorDefinitions').select(['version', 'ruleVersion']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound(`Indicator ${code}`);
    assertVersion(row.version, expected);
    if (patch.level !== undefined && !(await tx.selectFrom('logframeNodes').select('code').where('code', '=', patch.level).executeTakeFirst())) {
      throw new Invalid({ level: 'must be the code of a logframe node' });
    }
    const current = await getDefinition(tx, code);
    let ruleVersion = row.ruleVersion;
    const c = patch.computation;
    const changed = c !== undefined && (c.mode !== current.mode || (c.mode === 'automatic' && (c.source !== current.source || c.kind !== current.kind)));
    if (c && changed) {
      ruleVersion += 1;
      await tx
        .insertInto('indicatorRules')
        .values({ indicatorCode: code, ruleVersion, mode: c.mode, source: c.mode === 'automatic' ? c.source : null, kind: c.mode === 'automatic' ? c.kind : null, createdBy: ctx.user.id })
        .execute();
    }
    await tx
      .updateTable('indicatorDefinitions')
      .set({
        ...(patch.title ? { titleFr: patch.title.fr, titleEn: patch.title.en } : {}),
        ...(patch.unit ? { unitFr: patch.unit.fr, unitEn: patch.unit.en } : {}),
        ...(patch.dataSource ? { dataSourceFr: patch.dataSource.fr, dataSourceEn: patch.dataSource.en } : {}),
        ...(patch.level !== undefined ? { level: patch.level } : {}),
        ...(patch.baseline !== undefined ? { baseline: patch.baseline } : {}),
        ...(patch.target !== undefined ? { target: patch.target } : {}),
        ...(patch.periodTargets !== undefined ? { periodTargets: JSON.stringify(patch.periodTargets) } : {}),
        ...(patch.partner !== undefined ? { partner: patch.partner } : {}),
        mode: c ? c.mode : current.mode,
        ruleVersion,
        version: row.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where('code', '=', code)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'indicator.definition_updated', entityType: 'indicator', entityId: code, details: { fields: Object.keys(patch), ruleVersion } });
    return presentDefinition(await getDefinition(tx, code));
  });
}

/** The logframe tree (flat, parents first) with the indicators attached to each node. */
export async function logframe(db: Db) {
  const nodes = await db.selectFrom('logframeNodes').selectAll().orderBy('sortOrder').orderBy('code').execute();
  const definitions = await db.selectFrom('indicatorDefinitions').select(['code', 'level']).orderBy('sortOrder').execute();
  return {
    items: nodes.map((n) => ({
      code: n.code,
      parent: n.parentCode,
      kind: n.kind as 'goal' | 'objective' | 'output' | 'activity',
      title: { fr: n.titleFr, en: n.titleEn },
      partner: n.partner,
      indicators: definitions.filter((d) => d.level === n.code).map((d) => d.code),
    })),
  };
}
