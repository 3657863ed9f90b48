// The people of the return demo: new registry records for returnees (West-African names from the
// demo's name pools) and the transit migrants of the people demo who left with an assisted return.
import type { DobPrecision } from '@taama/core';
import { NAME_POOLS, type NamePool } from './names';
import { MALI_ORIGIN_PCODES, PHONE_PLANS } from './names/protection-texts';
import { generatePeople, type DemoConsent, type DemoDocument } from './people';
import { dayOf, isoOf, ageOn } from './calendar';
import type { Rng } from './rng';

/** A returnee registered by the return programme; the loader gives the registry case number. */
export interface DemoReturnee {
  /** The generator's key (`R-000001`); cases refer to returnees by it. */
  key: string;
  givenName: string;
  familyName: string;
  sex: 'male' | 'female';
  dateOfBirth: string;
  dobPrecision: DobPrecision;
  nationality: string;
  birthCountry: string;
  birthPlace: string | null;
  languages: string[];
  phones: string[];
  originPcode: string | null;
  site: string;
  owner: string;
  registeredOn: string;
  documents: DemoDocument[];
  consents: DemoConsent[];
}

/** Who a return case is about: a returnee of this demo, or a person of the people demo (by case number). */
export type DemoPersonRef = { returnee: string } | { registered: string };

/** A migrant of the people demo whose transit case closed with an assisted return. */
export interface TransitCandidate {
  person: string;
  transitCase: string;
  nationality: string;
  sex: 'male' | 'female';
  dateOfBirth: string;
  site: string;
  openedOn: string;
}

const ADULT_AGES = { '18-24': 35, '25-34': 45, '35-44': 15, '45-59': 5 };
const AGE_RANGES: Record<keyof typeof ADULT_AGES, [number, number]> = { '18-24': [18, 24], '25-34': [25, 34], '35-44': [35, 44], '45-59': [45, 59] };

/** Makes returnee records, numbered in creation order. */
export class ReturneeFactory {
  private next = 1;
  constructor(private readonly rng: Rng) {}

  /** An adult's age, weighted as the returnees of the programme. */
  adultAge(): number {
    const [min, max] = AGE_RANGES[this.rng.weighted(ADULT_AGES)];
    return this.rng.int(min, max);
  }

  /** A Malian home P-code (cercle), weighted to the regions most returnees come from. */
  homePcode(): string {
    return this.rng.weighted(MALI_ORIGIN_PCODES);
  }

  /** A town of a country, for a destination locality. */
  town(nationality: string): string | null {
    const pool = NAME_POOLS[nationality];
    return pool ? this.rng.pick(pool.towns) : null;
  }

  /** A new returnee; `familyName` is given for relatives travelling together. */
  make(input: { nationality: string; sex: 'male' | 'female'; age: number; on: string; site: string; originPcode: string | null; familyName?: string }): DemoReturnee {
    const { nationality, sex, age, on, site } = input;
    const pool: NamePool = NAME_POOLS[nationality] ?? NAME_POOLS.MLI ?? this.rng.pick(Object.values(NAME_POOLS));
    const precision = this.rng.weighted({ exact: 50, year: 30, estimated: 20 }) as DobPrecision;
    const birthDay = dayOf(on) - age * 365 - this.rng.int(0, 364);
    const dateOfBirth = precision === 'exact' ? isoOf(birthDay) : `${isoOf(birthDay).slice(0, 4)}-01-01`;
    const adult = ageOn(dateOfBirth, on) >= 18;
    const phones = adult && this.rng.next() < (nationality === 'MLI' ? 0.65 : 0.4) ? [this.phone(nationality)] : [];
    const consents: DemoConsent[] = [{ kind: 'registration', organisation: null, method: adult ? 'explicit_signed' : 'proxy', givenOn: on, withdrawnOn: null }];
    // Returnees to Mali agree to be contacted for reintegration follow-up.
    if (phones.length > 0 && this.rng.next() < 0.8) consents.push({ kind: 'follow_up_contact', organisation: null, method: 'explicit_signed', givenOn: on, withdrawnOn: null });
    return {
      key: `R-${String(this.next++).padStart(6, '0')}`,
      givenName: this.rng.pick(sex === 'male' ? pool.male : pool.female),
      familyName: input.familyName ?? this.rng.pick(pool.family),
      sex,
      dateOfBirth,
      dobPrecision: precision,
      nationality,
      birthCountry: nationality,
      birthPlace: this.rng.next() < 0.8 ? this.rng.pick(pool.towns) : null,
      languages: pool.languages.slice(0, this.rng.int(1, Math.min(2, pool.languages.length))),
      phones,
      originPcode: input.originPcode,
      site,
      owner: 'return.officer',
      registeredOn: on,
      documents: adult ? this.documents(nationality, on) : [],
      consents,
    };
  }

  private phone(nationality: string): string {
    const plan = PHONE_PLANS[nationality] ?? PHONE_PLANS.MLI;
    if (!plan) return '+22370000000';
    let digits = this.rng.pick(plan.prefixes);
    while (digits.length < plan.length) digits += String(this.rng.int(0, 9));
    return `+${plan.code}${digits}`;
  }

  private documents(nationality: string, on: string): DemoDocument[] {
    const type = this.rng.weighted({ none: 70, national_id: 14, consular_card: 10, passport: 6 });
    if (type === 'none') return [];
    const digits = String(this.rng.int(1_000_000, 9_999_999));
    const number = type === 'passport' ? `${nationality.slice(0, 2)}${digits}` : type === 'national_id' ? `${this.rng.int(10, 99)}${digits}${this.rng.int(100, 999)}` : `CC${digits}`;
    return [{ type, number, issuingCountry: nationality, expiryDate: isoOf(dayOf(on) + this.rng.int(-300, 4 * 365)) }];
  }
}

/**
 * The people demo's migrants who left on an assisted return to one of `countries`, adults only (a
 * child's return needs a best-interest step the people demo does not record), by opening date.
 */
export function transitCandidates(options: { seed: number; scale: number }, countries: ReadonlySet<string>): TransitCandidate[] {
  const out: TransitCandidate[] = [];
  for (const batch of generatePeople(options)) {
    for (const p of batch.people) {
      const c = p.transitCase;
      if (!c || c.closureReason !== 'avr_departed' || !countries.has(p.nationality) || ageOn(p.dateOfBirth, c.openedOn) < 18) continue;
      out.push({ person: p.caseNumber, transitCase: c.caseNumber, nationality: p.nationality, sex: p.sex, dateOfBirth: p.dateOfBirth, site: c.site, openedOn: c.openedOn });
    }
  }
  return out.sort((a, b) => a.openedOn.localeCompare(b.openedOn));
}
