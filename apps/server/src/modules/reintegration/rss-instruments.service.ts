// RSS instruments (SPEC §7, §13): versioned, validated, immutable once they have results (there is no
// update at all: a corrected instrument is a new version). The default one ships with the release.
import { newId, validateRssInstrument, type RssInstrument, type RssInstrumentInput, type RssInstrumentListItem } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, can, type RequestContext } from '../../platform/auth/context';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors';
import { sql } from 'kysely';
import defaultInstrument from './rss-default-instrument.json' with { type: 'json' };
import { isoOf, parseJson } from './reintegration.present';

/** Instruments are read by anyone working on reintegration and by the administrators who load them. */
export function assertInstrumentReader(ctx: RequestContext): void {
  if (!can(ctx, 'reintegrationCase.read') && !can(ctx, 'rssInstrument.manage')) throw new Forbidden();
}

/** The stored instrument of a version; 400 naming `field` when there is none. */
export async function instrumentOf(db: Db | Tx, version: string, field = 'instrumentVersion'): Promise<{ instrument: RssInstrument; status: string }> {
  const row = await db.selectFrom('rssInstruments').select(['definition', 'status']).where('version', '=', version).executeTakeFirst();
  if (!row) throw new Invalid({ [field]: `is not a known RSS instrument version` });
  return { instrument: parseJson<RssInstrument>(row.definition), status: row.status };
}

/** The instrument a survey uses when none is named: the newest verified one, else the newest. */
export async function currentInstrumentVersion(db: Db | Tx): Promise<string> {
  const row = await db.selectFrom('rssInstruments').select('version').orderBy(sql`status = 'verified'`, 'desc').orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row?.version ?? defaultInstrument.version;
}

/** Every instrument version, newest first, with whether results use it. */
export async function listInstruments(ctx: RequestContext): Promise<{ items: RssInstrumentListItem[] }> {
  assertInstrumentReader(ctx);
  const rows = await ctx.db
    .selectFrom('rssInstruments as i')
    .select(['i.version', 'i.status', 'i.createdAt', 'i.itemCount', 'i.definition', sql<boolean>`exists (select 1 from rss_results r where r.instrument_version = i.version)`.as('inUse')])
    .orderBy('i.createdAt', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      version: r.version,
      status: r.status as RssInstrumentListItem['status'],
      inUse: Boolean(r.inUse),
      createdAt: isoOf(r.createdAt),
      itemCount: r.itemCount,
      bands: parseJson<RssInstrument>(r.definition).bands ?? null,
    })),
  };
}

/** One instrument in full (its stored status wins over the file's). */
export async function getInstrument(ctx: RequestContext, version: string): Promise<RssInstrumentInput> {
  assertInstrumentReader(ctx);
  const row = await ctx.db.selectFrom('rssInstruments').select(['definition', 'status']).where('version', '=', version).executeTakeFirst();
  if (!row) throw new NotFound('RSS instrument');
  return { ...parseJson<RssInstrumentInput>(row.definition), status: row.status === 'verified' ? 'verified' : 'unverified' };
}

/** Adds a new instrument version after validation (400 naming the field path; 409 if the version exists). */
export async function createInstrument(ctx: RequestContext, instrument: RssInstrument): Promise<RssInstrumentInput> {
  const errors = validateRssInstrument(instrument);
  if (Object.keys(errors).length > 0) throw new Invalid(errors, 'The instrument is not valid');
  const status = instrument.status === 'verified' ? 'verified' : 'unverified';
  // Validated above: the shape is the API schema's.
  const stored = { ...instrument, status } as RssInstrumentInput;
  return inTransaction(ctx.db, async (tx) => {
    const exists = await tx.selectFrom('rssInstruments').select('id').where('version', '=', instrument.version).executeTakeFirst();
    if (exists) throw new Conflict(`RSS instrument ${instrument.version} already exists; a corrected instrument is a new version`, 'already_exists', { version: 'is already taken' });
    const id = newId();
    await tx.insertInto('rssInstruments').values({ id, version: instrument.version, status, definition: JSON.stringify(stored), itemCount: instrument.items.length, createdBy: ctx.user.id }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'rssInstrument.create', entityType: 'rss_instrument', entityId: id, details: { version: instrument.version, status, items: instrument.items.length } });
    return stored;
  });
}
