// Travel documents of a return case (SPEC §6): requested, issued (with number and expiry), refused
// or cancelled; and the list of issued documents about to expire.
import { sql } from 'kysely';
import { newId, type ExpiringDocumentsQuery, type TravelDocument, type TravelDocumentInput, type TravelDocumentPatch } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { presentSummary } from '../registry/people.present';
import { SUMMARY_COLUMNS } from '../registry/people.present';
import { assertOpen, lockReturnCase, recordEvent, RETURN_SCOPE, today } from './returns.common';
import { travelDocumentQuery } from './returns.queries';
import { presentTravelDocument } from './returns.present';

interface DocumentFields {
  status: string;
  requestedOn: string;
  issuedOn: string | null;
  number: string | null;
  expiresOn: string | null;
}

/** The date rules of a document; 400 naming every field that breaks one. */
export function checkDocument(doc: DocumentFields): void {
  const fields: Record<string, string> = {};
  if (doc.requestedOn > today()) fields.requestedOn = 'must not be in the future';
  if (doc.status === 'issued') {
    if (!doc.issuedOn) fields.issuedOn = 'is required for an issued document';
    if (!doc.number) fields.number = 'is required for an issued document';
    if (!doc.expiresOn) fields.expiresOn = 'is required for an issued document';
  }
  if (doc.issuedOn) {
    if (doc.issuedOn > today()) fields.issuedOn = 'must not be in the future';
    else if (doc.issuedOn < doc.requestedOn) fields.issuedOn = `must not be before the request (${doc.requestedOn})`;
    if (doc.expiresOn && doc.expiresOn <= doc.issuedOn) fields.expiresOn = `must be after the issue date (${doc.issuedOn})`;
  }
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
}

/** Adds a travel document to an open case. */
export async function addTravelDocument(ctx: RequestContext, caseId: string, input: TravelDocumentInput): Promise<TravelDocument> {
  const doc = { status: input.status, requestedOn: input.requestedOn, issuedOn: input.issuedOn ?? null, number: input.number ?? null, expiresOn: input.expiresOn ?? null };
  checkDocument(doc);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const id = input.id ?? newId();
    await tx
      .insertInto('travelDocuments')
      .values({ id, returnCaseId: caseId, organisationId: row.organisationId, type: input.type, consulate: input.consulate ?? null, ...doc, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await tx.updateTable('returnCases').set({ updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', caseId).execute();
    await recordEvent(tx, ctx, caseId, 'document', { details: { documentId: id, type: input.type, status: input.status } }, 'document.add');
    return presentTravelDocument(await travelDocumentQuery(tx).where('td.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Updates a document at the version the caller saw (e.g. issued after being requested). */
export async function updateTravelDocument(ctx: RequestContext, caseId: string, docId: string, version: number, patch: TravelDocumentPatch): Promise<TravelDocument> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, ctx.scope, caseId);
    const current = await tx.selectFrom('travelDocuments').selectAll().where('id', '=', docId).where('returnCaseId', '=', caseId).forUpdate().executeTakeFirst();
    if (!current) throw new NotFound('Travel document');
    assertVersion(current.version, version);
    assertOpen(row);
    const next = {
      type: patch.type ?? current.type,
      consulate: patch.consulate !== undefined ? patch.consulate : current.consulate,
      status: patch.status ?? current.status,
      requestedOn: patch.requestedOn ?? current.requestedOn,
      issuedOn: patch.issuedOn !== undefined ? patch.issuedOn : current.issuedOn,
      number: patch.number !== undefined ? patch.number : current.number,
      expiresOn: patch.expiresOn !== undefined ? patch.expiresOn : current.expiresOn,
    };
    checkDocument(next);
    await tx.updateTable('travelDocuments').set({ ...next, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', docId).execute();
    await recordEvent(tx, ctx, caseId, 'document', { details: { documentId: docId, fields: Object.keys(patch), status: next.status } }, 'document.update');
    return presentTravelDocument(await travelDocumentQuery(tx).where('td.id', '=', docId).executeTakeFirstOrThrow());
  });
}

/** Issued documents of open cases in scope expiring within `days` (from today), soonest first. */
export async function expiringDocuments(ctx: RequestContext, query: ExpiringDocumentsQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const now = today();
  const until = new Date(Date.parse(`${now}T00:00:00Z`) + (query.days ?? 30) * 86_400_000).toISOString().slice(0, 10);
  let q = travelDocumentQuery(ctx.db)
    .innerJoin('returnCases as rc', 'rc.id', 'td.returnCaseId')
    .innerJoin('people as p', 'p.id', 'rc.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .select(['rc.caseNumber', ...SUMMARY_COLUMNS])
    .where(inScope(ctx.scope, RETURN_SCOPE))
    .where('rc.status', 'not in', ['closed', 'withdrawn'])
    .where('td.status', '=', 'issued')
    .where('td.expiresOn', '>=', now)
    .where('td.expiresOn', '<=', until);
  if (after) {
    const [expiresOn, id] = after.map(String);
    q = q.where(sql<boolean>`(td.expires_on, td.id) > (${expiresOn}::date, ${id}::uuid)`);
  }
  const rows = await q.orderBy('td.expiresOn').orderBy('td.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.expiresOn ?? '', r.id], (r) => ({ returnCaseId: r.returnCaseId, caseNumber: r.caseNumber, person: presentSummary(r), document: presentTravelDocument(r) }));
}
