// The filters the case list and the pipeline share; the dashboard counts with the same expressions,
// so each of its numbers is exactly the list it links to.
import { sql, type RawBuilder } from 'kysely';
import type { returnCaseQuery } from './returns.queries';

interface CaseFilters {
  direction?: string | undefined;
  siteId?: string | undefined;
  nationality?: string | undefined;
  vulnerable?: boolean | undefined;
  regionPcode?: string | undefined;
  sex?: string | undefined;
  ageGroup?: 'child' | 'adult' | undefined;
  medical?: boolean | undefined;
  unaccompaniedChild?: boolean | undefined;
  open?: boolean | undefined;
  arrived?: boolean | undefined;
}

type CaseQuery = ReturnType<typeof returnCaseQuery>;

/** A medical case: the latest check of the case asks for an escort. */
export const MEDICAL_CASE = sql<boolean>`coalesce((select mc.escort <> 'none' or mc.outcome = 'fit_with_escort' from medical_checks mc
  where mc.return_case_id = rc.id order by mc.examined_on desc, mc.created_at desc limit 1), false)`;

/** A child: under 18 on the day the return was requested (SPEC §6 counts minors at the request). */
export const CHILD_AT_REQUEST = sql<boolean>`(p.date_of_birth is not null and p.date_of_birth > rc.requested_on - interval '18 years')`;

/** Neither closed nor withdrawn. */
export const OPEN_CASE = sql<boolean>`rc.status not in ('closed', 'withdrawn')`;

const yes = (condition: RawBuilder<boolean>, wanted: boolean) => (wanted ? condition : sql<boolean>`not ${condition}`);

/** Adds the list filters (direction, site, nationality, destination region, sex, age group, vulnerability…) to a return case select. */
export function applyCaseFilters(q: CaseQuery, f: CaseFilters): CaseQuery {
  let out = q;
  if (f.direction) out = out.where('rc.direction', '=', f.direction);
  if (f.siteId) out = out.where('rc.siteId', '=', f.siteId);
  if (f.nationality) out = out.where('p.nationality', '=', f.nationality);
  if (f.regionPcode) out = out.where(sql<boolean>`substr(rc.destination_pcode, 1, 4) = ${f.regionPcode}`);
  if (f.sex) out = out.where('p.sex', '=', f.sex);
  if (f.ageGroup === 'child') out = out.where(CHILD_AT_REQUEST);
  // An unknown birth date is neither a child nor an adult.
  if (f.ageGroup === 'adult') out = out.where(sql<boolean>`(p.date_of_birth is not null and not ${CHILD_AT_REQUEST})`);
  if (f.medical !== undefined) out = out.where(yes(MEDICAL_CASE, f.medical));
  if (f.unaccompaniedChild !== undefined) out = out.where('rc.unaccompaniedChild', '=', f.unaccompaniedChild);
  if (f.open !== undefined) out = out.where(yes(OPEN_CASE, f.open));
  if (f.arrived !== undefined) out = out.where(yes(sql<boolean>`exists (select 1 from arrivals a where a.return_case_id = rc.id)`, f.arrived));
  // Vulnerable = an unaccompanied child, or a medical case.
  if (f.vulnerable !== undefined) out = out.where(yes(sql<boolean>`(rc.unaccompanied_child or ${MEDICAL_CASE})`, f.vulnerable));
  return out;
}
