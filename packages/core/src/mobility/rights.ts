// The dated free-movement rights reference (SPEC §10): which regime applies to a national of one
// country in another on a given date, with the rules to show counsellors in French and English.
import type { RightsReference, RightsAnswer } from '../schemas/mobility';
import type { RightsRegime } from './codes';
import shipped from './rights-reference.json' with { type: 'json' };

/**
 * The reference shipped with Taama. JSON imports are typed loosely (plain strings), so it is cast
 * here; a core test validates the file against the `RightsReference` schema.
 */
export const DEFAULT_RIGHTS_REFERENCE = shipped as RightsReference;

function inForce(from: string | null | undefined, to: string | null | undefined, date: string): boolean {
  return (!from || from <= date) && (!to || date <= to);
}

/** Tells whether a country is an ECOWAS member on a date, according to the reference. */
export function isEcowasMemberOn(country: string, date: string, reference: RightsReference = DEFAULT_RIGHTS_REFERENCE): boolean {
  return reference.ecowasMembers.some((m) => m.country === country && inForce(m.from, m.to, date));
}

/** The regime that applies to a national of `nationality` in `hostCountry` on `date`. */
export function regimeOn(date: string, nationality: string, hostCountry: string, reference: RightsReference = DEFAULT_RIGHTS_REFERENCE): RightsRegime {
  if (nationality === hostCountry) return 'none';
  const natMember = isEcowasMemberOn(nationality, date, reference);
  const hostMember = isEcowasMemberOn(hostCountry, date, reference);
  if (natMember && hostMember) return 'ecowas';
  const t = reference.transition;
  if (t && inForce(t.from, t.to, date)) {
    const natLeft = t.countries.includes(nationality);
    const hostLeft = t.countries.includes(hostCountry);
    // The transitional measures concern movement between a departed state and a remaining member.
    if ((natLeft && hostMember) || (hostLeft && natMember)) return 'aes_transition';
  }
  return 'none';
}

/** The rights that apply on a date to a national of one country in another, with the notice to show. */
export function rightsOn(date: string, nationality: string, hostCountry: string, reference: RightsReference = DEFAULT_RIGHTS_REFERENCE): RightsAnswer {
  const regime = regimeOn(date, nationality, hostCountry, reference);
  // During the transition only the ECOWAS rules the reference says are kept (what ECOWAS announced) are shown.
  const kept = new Set(regime === 'aes_transition' ? (reference.transition?.keepsRules ?? []) : []);
  const rules = reference.rules
    .filter((r) => (r.regime === regime || (r.regime === 'ecowas' && kept.has(r.code))) && inForce(r.validFrom, r.validTo, date))
    .map(({ code, title, text, source, validFrom, validTo, toBeChecked }) => ({ code, title, text, source, validFrom, validTo, toBeChecked }));
  return { regime, rules, notice: reference.notices[regime], writtenOn: reference.writtenOn };
}
