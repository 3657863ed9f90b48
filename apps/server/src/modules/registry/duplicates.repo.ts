// Candidate generation for duplicate detection: cheap indexed blocks in SQL, exact scoring in core.
import { sql } from 'kysely';
import { personMatchingKeys } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import type { Scope } from '../../platform/access/scope';
import { SUMMARY_COLUMNS } from './people.present';
import { documentKey, peopleInScope, setTrigramThresholds } from './people.repo';

export interface Probe {
  givenName: string;
  familyName: string;
  otherNames?: readonly string[];
  birthYear?: number | null;
  phones?: readonly string[];
  documentNumbers?: readonly (string | null | undefined)[];
}

/** How far the birth-year block reaches either side (estimated ages are often off by a few years). */
const BIRTH_YEAR_REACH = 5;
const MAX_CANDIDATES = 200;

/**
 * Active people in scope who might be the probe: same phonetic family-name block near the birth
 * year (either name order), a shared phone or document number, or a trigram-similar full name.
 * Returns rows with what the scorer needs.
 */
export async function candidateRows(tx: Tx, scope: Scope, probe: Probe, excludeId?: string) {
  const keys = personMatchingKeys(probe);
  const blockKeys = [...new Set([keys.familyKey, keys.givenKey].filter((k) => k !== ''))];
  const docs = (probe.documentNumbers ?? []).map(documentKey).filter((k): k is string => k !== null);
  const phones = [...(probe.phones ?? [])];
  const year = probe.birthYear ?? null;
  await setTrigramThresholds(tx, 0.5, 0.6);
  let q = peopleInScope(tx, scope)
    .select(SUMMARY_COLUMNS)
    .select(['p.otherNames', 'p.phones', 'p.birthYear'])
    .select((eb) => eb.selectFrom('identityDocuments as d').select(sql<string[]>`coalesce(array_agg(d.number_key), '{}')`.as('keys')).whereRef('d.personId', '=', 'p.id').as('documentKeys'))
    .where('p.status', '=', 'active')
    .where((eb) => {
      const block = eb.and([
        eb('p.familyKey', 'in', blockKeys.length > 0 ? blockKeys : ['']),
        year === null ? sql<boolean>`true` : sql<boolean>`(p.birth_year is null or p.birth_year between ${year - BIRTH_YEAR_REACH} and ${year + BIRTH_YEAR_REACH})`,
      ]);
      const ors = [block, sql<boolean>`p.name_key % ${keys.nameKey}`];
      if (phones.length > 0) ors.push(sql<boolean>`p.phones && ${sql.val(phones)}::text[]`);
      if (docs.length > 0) ors.push(sql<boolean>`exists (select 1 from identity_documents d2 where d2.person_id = p.id and d2.number_key = any(${sql.val(docs)}::text[]))`);
      return eb.or(ors);
    });
  if (excludeId) q = q.where('p.id', '<>', excludeId);
  return q.orderBy(sql`similarity(p.name_key, ${keys.nameKey})`, 'desc').limit(MAX_CANDIDATES).execute();
}
export type CandidateRow = Awaited<ReturnType<typeof candidateRows>>[number];
