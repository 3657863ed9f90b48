// Publications: a reviewed release of the open-data file. The record (and its audit entry) keeps
// the filters, the publisher's scope, the moment and the SHA-256; the file is rebuilt from the
// counts validated up to that moment (validated counts never change), and checked against the hash.
import { newId, type Publication, type PublicationInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import type { Scope } from '../../platform/access/scope';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { buildExportTable, sha256, tableCsv } from './export.service';

type Row = { id: string; publishedAt: Date; publishedBy: string | null; publishedByUsername: string | null; filters: Record<string, unknown>; scope: Record<string, unknown>; rows: number; sha256: string };

function present(r: Row): Publication {
  return {
    id: r.id,
    publishedAt: new Date(r.publishedAt).toISOString(),
    publishedBy: r.publishedByUsername,
    publishedById: r.publishedBy,
    filters: r.filters as PublicationInput,
    rows: r.rows,
    sha256: r.sha256,
  };
}

/** Publishes the file for the filters as of now. */
export async function createPublication(ctx: RequestContext, input: PublicationInput): Promise<Publication> {
  if (input.to < input.from) throw new Invalid({ to: 'must not be before from' });
  const publishedAt = new Date();
  const filters: PublicationInput = { groupBy: input.groupBy, from: input.from, to: input.to, ...(input.fmpId ? { fmpId: input.fmpId } : {}), ...(input.direction ? { direction: input.direction } : {}) };
  const table = await buildExportTable(ctx.db, ctx.scope, filters, publishedAt);
  const hash = sha256(tableCsv(table));
  return inTransaction(ctx.db, async (tx) => {
    const id = newId();
    const row = await tx
      .insertInto('flowPublications')
      .values({ id, publishedAt, publishedBy: ctx.user.id, publishedByUsername: ctx.user.username, filters: JSON.stringify(filters), scope: JSON.stringify(ctx.scope), rows: table.rows.length, sha256: hash })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, actorOf(ctx), {
      action: 'flow.publish',
      entityType: 'flow_publication',
      entityId: id,
      details: { filters, scope: ctx.scope, asOf: publishedAt.toISOString(), rows: table.rows.length, suppressedCells: table.suppressedCells, sha256: hash },
    });
    return present(row);
  });
}

/** Publications, newest first. */
export async function listPublications(ctx: RequestContext, page: { limit?: number; cursor?: string }) {
  const limit = page.limit ?? 50;
  let q = ctx.db.selectFrom('flowPublications').selectAll();
  if (page.cursor) q = q.where('publishedAt', '<', new Date(Buffer.from(page.cursor, 'base64url').toString('utf8')));
  const rows = await q.orderBy('publishedAt', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(present), nextCursor: more && last ? Buffer.from(new Date(last.publishedAt).toISOString()).toString('base64url') : null };
}

/** Rebuilds a published file; 409 if the source data changed so the bytes no longer match. */
export async function publicationCsv(ctx: RequestContext, id: string): Promise<{ bytes: Buffer; sha256: string }> {
  const row = await ctx.db.selectFrom('flowPublications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Publication');
  const table = await buildExportTable(ctx.db, row.scope as unknown as Scope, row.filters as PublicationInput, new Date(row.publishedAt));
  const bytes = tableCsv(table);
  const hash = sha256(bytes);
  if (hash !== row.sha256) {
    throw new Conflict('The published file can no longer be rebuilt identically (a point was renamed or validated data was altered)', 'publication_changed', undefined, { expected: row.sha256, actual: hash });
  }
  return { bytes, sha256: hash };
}
