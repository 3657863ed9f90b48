// Routes: /reference/admin-units and /reference/countries (readable by every signed-in user).
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AdminUnit} from '@taama/core';
import { AdminUnitPage, AdminUnitQuery, Country, ErrorBody } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';

const errors = { 400: ErrorBody, 401: ErrorBody };
const tags = ['reference'];

/** Registers the reference-data routes. */
export async function referenceRoutes(app: App): Promise<void> {
  app.get('/reference/admin-units', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: 'Administrative units (P-codes), filterable by level, parent and name', querystring: AdminUnitQuery, response: { 200: AdminUnitPage, ...errors } },
  }, async (request) => {
    const { db } = requireCtx(request);
    const query = request.query;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, ['string']);
    let q = db.selectFrom('adminUnits').selectAll();
    if (query.level !== undefined) q = q.where('level', '=', query.level);
    if (query.parent) q = q.where('parentPcode', '=', query.parent);
    if (query.q) q = q.where(sql<boolean>`lower(unaccent(name)) like lower(unaccent(${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}))`);
    if (after) q = q.where('pcode', '>', String(after[0]));
    const rows = await q.orderBy('pcode').limit(limit + 1).execute();
    return pageOf(rows, limit, (r) => [r.pcode], (r): AdminUnit => r);
  });

  app.get('/reference/countries', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: 'Countries (ISO 3166-1 alpha-3) with French and English names', response: { 200: Type.Object({ items: Type.Array(Country) }), ...errors } },
  }, async (request) => {
    const rows = await requireCtx(request).db.selectFrom('countries').selectAll().orderBy('nameEn').execute();
    return { items: rows.map((r): Country => ({ iso3: r.iso3, iso2: r.iso2, nameFr: r.nameFr, nameEn: r.nameEn, ecowasStatus: r.ecowasStatus, aesMember: r.aesMember, bordersMali: r.bordersMali, region: r.regionGroup })) };
  });
}
