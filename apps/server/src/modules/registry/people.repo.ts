// Scoped queries on people and what hangs off them (documents, consents, groups). Every function
// takes the caller's scope first: a record outside it reads as absent.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import { SUMMARY_COLUMNS } from './people.present';

const scopeColumns = { organisation: 'p.organisation_id', site: 'p.site_id', pcode: 'p.region_pcode', owner: 'p.owner_id' };

/** People in scope, joined to their site (alias `psite`) for summaries. */
export function peopleInScope(db: Db | Tx, scope: Scope) {
  return db.selectFrom('people as p').leftJoin('sites as psite', 'psite.id', 'p.siteId').where(inScope(scope, scopeColumns));
}

/** Summaries of people in scope (the columns `presentSummary` reads). */
export function summariesInScope(db: Db | Tx, scope: Scope) {
  return peopleInScope(db, scope).select(SUMMARY_COLUMNS);
}

/** The whole person row in scope, with the site name; undefined when absent or out of scope. */
export async function findPersonRow(db: Db | Tx, scope: Scope, id: string, options: { lock?: boolean } = {}) {
  let q = peopleInScope(db, scope).selectAll('p').select(['psite.name as siteName']).where('p.id', '=', id);
  if (options.lock) q = q.forUpdate('p');
  return q.executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonRow>>>;

/** Identity documents of one person. */
export function documentsOf(db: Db | Tx, personId: string) {
  return db.selectFrom('identityDocuments').select(['id', 'type', 'number', 'issuingCountry', 'expiryDate']).where('personId', '=', personId).orderBy('id').execute();
}

/** Consents of one person, newest first, with the organisation and the recorder's names. */
export function consentsOf(db: Db | Tx, personId: string) {
  return db
    .selectFrom('consents as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisationId')
    .leftJoin('users as u', 'u.id', 'c.recordedBy')
    .select(['c.id', 'c.personId', 'c.kind', 'c.organisationId', 'o.name as organisationName', 'c.method', 'c.givenOn', 'c.withdrawnOn', 'c.note', 'u.displayName as recordedBy', 'c.createdAt'])
    .where('c.personId', '=', personId)
    .orderBy('c.createdAt', 'desc')
    .execute();
}

/** The groups a person belongs to, each with all its members. */
export async function groupsOf(db: Db | Tx, personId: string) {
  const ids = await db.selectFrom('personGroupMembers').select('groupId').where('personId', '=', personId).execute();
  return groupsWithMembers(db, ids.map((r) => r.groupId));
}

/** Groups by id, each with its members (heads first). */
export async function groupsWithMembers(db: Db | Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const groups = await db.selectFrom('personGroups').select(['id', 'kind', 'name', 'organisationId', 'version']).where('id', 'in', ids).orderBy('createdAt').execute();
  if (groups.length === 0) return [];
  const members = await db
    .selectFrom('personGroupMembers as m')
    .innerJoin('people as p', 'p.id', 'm.personId')
    .select(['m.groupId', 'm.personId', 'm.relationship', 'm.isHead', 'p.caseNumber', 'p.givenName', 'p.familyName'])
    .where('m.groupId', 'in', groups.map((g) => g.id))
    .orderBy('m.isHead', 'desc')
    .orderBy('p.familyName')
    .execute();
  return groups.map((g) => ({
    ...g,
    members: members
      .filter((m) => m.groupId === g.id)
      .map((m) => ({ personId: m.personId, caseNumber: m.caseNumber, displayName: `${m.givenName} ${m.familyName}`, relationship: m.relationship, isHead: m.isHead })),
  }));
}

/** Tells whether a person has a stored photo. */
export async function hasPhoto(db: Db | Tx, personId: string): Promise<boolean> {
  return (await db.selectFrom('personPhotos').select('personId').where('personId', '=', personId).executeTakeFirst()) !== undefined;
}

/** Normalised document numbers, as stored in `number_key`: upper case, letters and digits only. */
export function documentKey(number: string | null | undefined): string | null {
  const key = (number ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return key.length >= 4 ? key : null;
}

/** Limits trigram operators (`%`, `<%`) to this similarity for the rest of the transaction. */
export async function setTrigramThresholds(tx: Tx, similarity: number, wordSimilarity: number): Promise<void> {
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(similarity)}, true), set_config('pg_trgm.word_similarity_threshold', ${String(wordSimilarity)}, true)`.execute(tx);
}
