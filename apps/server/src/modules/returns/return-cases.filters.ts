// The filters the case list and the pipeline share.
import { sql } from 'kysely';
import type { returnCaseQuery } from './returns.queries';

interface CaseFilters {
  direction?: string | undefined;
  siteId?: string | undefined;
  nationality?: string | undefined;
  vulnerable?: boolean | undefined;
}

type CaseQuery = ReturnType<typeof returnCaseQuery>;

/** Adds direction, site, nationality and vulnerability filters to a return case select. */
export function applyCaseFilters(q: CaseQuery, f: CaseFilters): CaseQuery {
  let out = q;
  if (f.direction) out = out.where('rc.direction', '=', f.direction);
  if (f.siteId) out = out.where('rc.siteId', '=', f.siteId);
  if (f.nationality) out = out.where('p.nationality', '=', f.nationality);
  if (f.vulnerable !== undefined) {
    // Vulnerable = an unaccompanied child, or a medical case (latest check asks for an escort).
    const vulnerable = sql<boolean>`(rc.unaccompanied_child or coalesce((select mc.escort <> 'none' or mc.outcome = 'fit_with_escort' from medical_checks mc
      where mc.return_case_id = rc.id order by mc.examined_on desc, mc.created_at desc limit 1), false))`;
    out = out.where(f.vulnerable ? vulnerable : sql<boolean>`not ${vulnerable}`);
  }
  return out;
}
