// Scoped queries on people and what hangs off them (documents, consents, groups). Every function
// takes the caller's scope first: a record outside it reads as absent.
import { sql } from 'kysely';
import { nameTokens, phoneticKey, type PeopleQuery } from '@taama/core';
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

/** Active people in scope narrowed by the list filters (nationality, sex, site). */
export function activeSummaries(db: Db | Tx, scope: Scope, filters: Pick<PeopleQuery, 'nationality' | 'sex' | 'siteId'>) {
  let q = summariesInScope(db, scope).where('p.status', '=', 'active');
  if (filters.nationality) q = q.where('p.nationality', '=', filters.nationality);
  if (filters.sex) q = q.where('p.sex', '=', filters.sex);
  if (filters.siteId) q = q.where('p.siteId', '=', filters.siteId);
  return q;
}

/** How many members of a one-key block are ranked for a one-word search ("Traoré"). */
const ONE_KEY_CANDIDATES = 1000;

/**
 * The phonetic keys a typed token may have been stored under: its own, and without a final vowel
 * (transliterations add or drop one: Mamadu / Mamadou → canonical Mohamed, Mussa / Moussa).
 */
function searchKeys(tokens: readonly string[]): string[] {
  const keys = tokens.map((t) => phoneticKey(t)).filter((k) => k !== '');
  return [...new Set([...keys, ...keys.map((k) => k.replace(/a$/, '')).filter((k) => k.length >= 2)])];
}

/**
 * People whose name matches a typed name, best first, with their rank in [0, 1]. Must run inside a
 * transaction (the trigram thresholds are set for it). Candidates come from the phonetic keys of the
 * query's tokens through the people_name_block index: records whose family and first given keys are
 * both among the query's keys (either name order); for a one-word query, members of that word's
 * family or given block. Only when the blocks hold nothing is the whole trigram index scanned (a
 * misspelling that changes a consonant sound), which at a million records is the slow path.
 */
export async function rankedByName(tx: Tx, scope: Scope, filters: Pick<PeopleQuery, 'nationality' | 'sex' | 'siteId'>, text: string, limit: number) {
  const tokens = nameTokens(text);
  const needle = tokens.join(' ');
  const keys = searchKeys(tokens);
  await setTrigramThresholds(tx, 0.3, 0.5);
  const rank = sql<number>`greatest(similarity(p.name_key, ${needle}), word_similarity(${needle}, p.name_key))`;
  const ranked = () => activeSummaries(tx, scope, filters).select(rank.as('rank')).orderBy('rank', 'desc').orderBy('p.id').limit(limit);
  if (keys.length > 0) {
    const both = await ranked().where('p.familyKey', 'in', keys).where('p.givenKey', 'in', keys).execute();
    if (both.length > 0) return both;
    if (tokens.length === 1) {
      // One word: the members of its block (a common family name holds thousands), bounded
      // before ranking; by name length they rank the same anyway.
      const block = activeSummaries(tx, scope, filters)
        .select(rank.as('rank'))
        .where((eb) => eb.or([eb('p.familyKey', 'in', keys), eb('p.givenKey', 'in', keys)]))
        .limit(ONE_KEY_CANDIDATES);
      const rows = await tx.selectFrom(block.as('c')).selectAll().orderBy('c.rank', 'desc').orderBy('c.personId').limit(limit).execute();
      if (rows.length > 0) return rows;
    }
  }
  return ranked().where(sql<boolean>`(p.name_key % ${needle} or ${needle} <% p.name_key)`).execute();
}
