// Candidate generation for duplicate detection: cheap indexed blocks in SQL, exact scoring in core.
import { sql } from 'kysely';
import { personMatchingKeys } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import type { Scope } from '../../platform/access/scope';
import { SUMMARY_COLUMNS } from './people.present';
import { documentKey, peopleInScope } from './people.repo';

export interface Probe {
  givenName: string;
  familyName: string;
  otherNames?: readonly string[];
  birthYear?: number | null;
  phones?: readonly string[];
  documentNumbers?: readonly (string | null | undefined)[];
}

/** People whose registration's audit entry lies strictly between two entries of the chain. */
export interface RegisteredBetween {
  afterSeq: number;
  beforeSeq: number;
}

/** How far the birth-year block reaches either side (estimated ages are often off by a few years). */
const BIRTH_YEAR_REACH = 5;
const MAX_CANDIDATES = 200;

/**
 * Active people in scope who might be the probe: both phonetic name keys (family and first given,
 * either name order) among the probe's, born within reach of its birth year (or of unknown birth);
 * or a shared phone or document number. Every arm is an index range (people_name_block, phones,
 * document keys): a block on one key alone held a fifth of the registry for the commonest names
 * (Traoré, Mamadou) and a scan of the trigram index cost 250 ms at a million records. Returns rows
 * with what the scorer needs.
 */
export async function candidateRows(tx: Db | Tx, scope: Scope, probe: Probe, excludeId?: string, among?: RegisteredBetween) {
  const keys = personMatchingKeys(probe);
  const blockKeys = [...new Set([keys.familyKey, keys.givenKey].filter((k) => k !== ''))];
  const docs = (probe.documentNumbers ?? []).map(documentKey).filter((k): k is string => k !== null);
  const phones = [...(probe.phones ?? [])];
  const year = probe.birthYear ?? null;
  let q = peopleInScope(tx, scope)
    .select(SUMMARY_COLUMNS)
    .select(['p.otherNames', 'p.phones', 'p.birthYear'])
    .select((eb) => eb.selectFrom('identityDocuments as d').select(sql<string[]>`coalesce(array_agg(d.number_key), '{}')`.as('keys')).whereRef('d.personId', '=', 'p.id').as('documentKeys'))
    .where('p.status', '=', 'active')
    .where((eb) => {
      const ors = [];
      if (blockKeys.length > 0) {
        const names = eb.and([eb('p.familyKey', 'in', blockKeys), eb('p.givenKey', 'in', blockKeys)]);
        if (year === null) ors.push(names);
        else {
          // Two arms rather than "is null or between": each is then one range of the block index.
          ors.push(eb.and([names, eb('p.birthYear', '>=', year - BIRTH_YEAR_REACH), eb('p.birthYear', '<=', year + BIRTH_YEAR_REACH)]));
          ors.push(eb.and([names, eb('p.birthYear', 'is', null)]));
        }
      }
      if (phones.length > 0) ors.push(sql<boolean>`p.phones && ${sql.val(phones)}::text[]`);
      // An array from an init plan, not a correlated EXISTS: the planner can then OR it with the
      // other index arms instead of testing every person row.
      if (docs.length > 0) ors.push(sql<boolean>`p.id = any(array(select d2.person_id from identity_documents d2 where d2.number_key = any(${sql.val(docs)}::text[])))`);
      return ors.length > 0 ? eb.or(ors) : sql<boolean>`false`;
    });
  if (excludeId) q = q.where('p.id', '<>', excludeId);
  if (among) {
    // Entries of a person.create name the new person's id (a uuid); the range is on the log's key.
    q = q.where(sql<boolean>`p.id = any(array(select a.entity_id::uuid from audit_log a where a.seq > ${among.afterSeq} and a.seq < ${among.beforeSeq} and a.action = 'person.create' and a.entity_type = 'person'))`);
  }
  return q.orderBy(sql`similarity(p.name_key, ${keys.nameKey})`, 'desc').limit(MAX_CANDIDATES).execute();
}
export type CandidateRow = Awaited<ReturnType<typeof candidateRows>>[number];
