// Synthetic people in transit and their protection cases (SPEC §4, §5, §14): never real people.
// Pure and deterministic for a seed; records refer to sites, organisations and users by code, and to
// each other by case number, so the loader alone decides database ids. People come in registration
// order, in batches, so a benchmark scale of a million people never sits in memory at once.
import { DEFAULT_DUPLICATE_RULES, PROTECTIVE_FACTORS, RISK_FACTORS, derivePriority, duplicateScore, type PersonForMatching } from '@taama/core';
import type { ClosureReason, DobPrecision, DocumentType, Factors, Priority, ReferralService, ReferralStatus, Relationship, ServiceType, TaskKind, TaskStatus, VulnerabilityFlag } from '@taama/core';
import flowParams from '../../../reference-data/mali-flow-demo-params.json' with { type: 'json' };
import { NAME_POOLS, UNKNOWN_NATIONALITY_POOLS, type NamePool } from './names';
import { spell, type SpellingVariant } from './names/variants';
import { createRng, type Rng } from './rng';
import { DEMO_SITES } from './platform';
import { MALI_ORIGIN_PCODES, NICKNAMES, NOTE_TEXTS, PHONE_PLANS, PROVIDERS, TASK_TITLES, UNIT_COSTS_XOF } from './names/protection-texts';

/** The period the demo's registry and protection activity covers; nothing happens after its end. */
export const DEMO_PERIOD = { start: '2018-01-01', end: '2021-12-31' } as const;
/** People registered at scale 1 (SPEC §14: ≈2,000 migrants in transit). */
export const PEOPLE_AT_SCALE_1 = 2000;

export interface DemoDocument { type: DocumentType; number: string | null; issuingCountry: string | null; expiryDate: string | null }
export interface DemoConsent { kind: 'registration' | 'data_sharing' | 'follow_up_contact'; organisation: string | null; method: 'explicit_signed' | 'explicit_oral' | 'proxy'; givenOn: string; withdrawnOn: string | null }
export interface DemoStay { site: string; checkIn: string; checkOut: string | null; bed: string | null }
export interface DemoScreening { sequence: number; screenedOn: string; flags: VulnerabilityFlag[]; riskFactors: Factors; protectiveFactors: Factors; priority: Priority; priorityBecause: string; notes: string | null; screenedBy: string }
export interface DemoService { type: ServiceType; date: string; quantity: number; provider: string; costXof: number; recordedBy: string }
export interface DemoReferral { kind: 'internal' | 'external'; service: ReferralService; from: string; to: string; reason: string; referredOn: string; dueDate: string; status: ReferralStatus; feedback: string | null; respondedOn: string | null; respondedBy: string | null }
export interface DemoTask { kind: TaskKind; title: string; dueDate: string; assignedTo: string; status: TaskStatus; requiresApproval: boolean; createdOn: string; completedOn: string | null; completedBy: string | null; approvedOn: string | null; approvedBy: string | null; outcome: string | null }
export interface DemoNote { body: string; sensitive: boolean; on: string; by: string }

export interface DemoTransitCase {
  caseNumber: string;
  site: string;
  assignedTo: string | null;
  status: 'open' | 'active' | 'referred' | 'closed';
  closureReason: ClosureReason | null;
  priority: Priority | null;
  openedOn: string;
  closedOn: string | null;
  stays: DemoStay[];
  screenings: DemoScreening[];
  services: DemoService[];
  referrals: DemoReferral[];
  tasks: DemoTask[];
  notes: DemoNote[];
}

export interface DemoPerson {
  caseNumber: string;
  givenName: string;
  familyName: string;
  otherNames: string[];
  sex: 'male' | 'female';
  dateOfBirth: string;
  dobPrecision: DobPrecision;
  nationality: string;
  birthCountry: string | null;
  birthPlace: string | null;
  languages: string[];
  phones: string[];
  originPcode: string | null;
  organisation: string;
  site: string;
  owner: string;
  registeredOn: string;
  documents: DemoDocument[];
  consents: DemoConsent[];
  /** Case number of the earlier record of the same person, for a planted near-duplicate. */
  duplicateOf: string | null;
  transitCase: DemoTransitCase | null;
}

export interface DemoGroup { kind: 'family' | 'travel_group'; name: string; organisation: string; members: { person: string; relationship: Relationship; isHead: boolean }[] }
export interface DemoPeopleBatch { people: DemoPerson[]; groups: DemoGroup[] }

// ── calendar ───────────────────────────────────────────────────────────────────────────────────
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const END = dayOf(DEMO_PERIOD.end);

/** Share of a year's arrivals per month: flows by year from DTM, the 2020 border closures halve spring. */
function monthWeights(): { year: number; month: number; weight: number }[] {
  const byYear = flowParams.fmr_mali_total_2018_2024.by_year;
  const out: { year: number; month: number; weight: number }[] = [];
  for (const year of [2018, 2019, 2020, 2021] as const) {
    for (let month = 0; month < 12; month++) out.push({ year, month, weight: byYear[String(year) as '2018'] * (year === 2020 && month >= 3 && month <= 5 ? 0.45 : 1) });
  }
  const total = out.reduce((n, m) => n + m.weight, 0);
  return out.map((m) => ({ ...m, weight: m.weight / total }));
}

// ── who arrives where ────────────────────────────────────────────────────────────────────────────
const TRANSIT_SITES = new Set(DEMO_SITES.filter((s) => s.kind === 'transit_centre').map((s) => s.code));
const SITE_WEIGHTS = { gao: 36, 'bko-sogoniko': 30, 'bko-niamakoro': 14, kayes: 20 };
/** Who works a site's caseload: the site's caseworker, else the organisation's protection officer. */
const SITE_STAFF: Record<string, string> = { gao: 'caseworker.gao', 'bko-sogoniko': 'caseworker.bamako', 'bko-niamakoro': 'protection.officer', kayes: 'protection.officer' };
const SUPERVISOR = 'protection.officer';
const PARTNER_OF_SITE: Record<string, string> = { gao: 'ngo-sahel-solidarite', 'bko-sogoniko': 'ngo-sahel-solidarite', 'bko-niamakoro': 'ngo-sahel-solidarite', kayes: 'ngo-kayes-avenir' };
const NATIONALITIES = flowParams.fms_mali.nationality_pct as Record<string, number>;
const ADULT_AGES = { '18-24': 39, '25-34': 51.8, '35-44': 7.7, '45-59': 1.2, '60+': 0.3 };
const AGE_RANGES: Record<keyof typeof ADULT_AGES, [number, number]> = { '18-24': [18, 24], '25-34': [25, 34], '35-44': [35, 44], '45-59': [45, 59], '60+': [60, 72] };
const PARTIES = { solo: 70, couple: 5, travel_group: 12, family: 3, lone_child: 3, separated_child: 1.5 };

/**
 * Convoys: people expelled from Algeria reaching Gao by the truckload, charter returns reaching
 * Bamako. They fill a centre at once; the peaks exceed its capacity for a few nights.
 */
const CONVOYS: { site: string; year: number; month: number; size: [number, number] }[] = [
  ...[2018, 2019, 2020, 2021].map((year) => ({ site: 'gao', year, month: 8, size: [25, 45] as [number, number] })),
  { site: 'gao', year: 2019, month: 4, size: [165, 180] },
  { site: 'gao', year: 2021, month: 9, size: [165, 180] },
  { site: 'bko-sogoniko', year: 2020, month: 1, size: [130, 140] },
  { site: 'bko-niamakoro', year: 2021, month: 5, size: [90, 100] },
];

/** One person of an arriving party, before names are drawn. */
interface Member { sex: 'male' | 'female'; age: number; child: 'unaccompanied' | 'separated' | 'with_family' | null; relationship: Relationship; isHead: boolean }
/** People arriving together at a site on a day: alone, a family, a travel group, or a convoy. */
interface Party { day: number; site: string; convoy: boolean; kind: 'family' | 'travel_group' | null; members: Member[] }

/** The generator's state across batches: counters of the case-number series, recent people to re-register. */
class PeopleGenerator {
  private readonly rng: Rng;
  private readonly sequences = new Map<string, number>();
  private readonly recent: DemoPerson[] = [];
  private readonly reRegistered = new Set<string>();
  private nextGroup = 1;

  constructor(
    seed: number,
    private readonly scale: number,
  ) {
    // A seed of its own, so adding people never shifts the rest of the demo's random draws.
    this.rng = createRng((seed ^ 0x5eed_0001) >>> 0);
  }

  private chance(p: number): boolean {
    return this.rng.next() < p;
  }

  private caseNumber(site: string, on: string, kind: 'person' | 'transit_case'): string {
    const prefix = DEMO_SITES.find((s) => s.code === site)?.caseCodePrefix;
    if (!prefix) throw new Error(`demo people refer to unknown site ${site}`);
    const series = kind === 'person' ? `ML-${prefix}` : `ML-${prefix}-TC`;
    const key = `${series}|${on.slice(0, 4)}`;
    const value = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, value);
    return `${series}-${on.slice(0, 4)}-${String(value).padStart(6, '0')}`;
  }

  /** The parties arriving in one month, in date order. */
  private partiesOf(year: number, month: number, budget: number): Party[] {
    const first = dayOf(`${year}-${String(month + 1).padStart(2, '0')}-01`);
    const days = dayOf(month === 11 ? `${year + 1}-01-01` : `${year}-${String(month + 2).padStart(2, '0')}-01`) - first;
    const parties: Party[] = [];
    for (const convoy of CONVOYS.filter((c) => c.year === year && c.month === month)) {
      for (let n = 0; n < this.scale; n++) {
        const size = this.rng.int(convoy.size[0], convoy.size[1]);
        const members = Array.from({ length: size }, () => this.adult(this.chance(0.92) ? 'male' : 'female', 'head'));
        parties.push({ day: first + this.rng.int(0, days - 1), site: convoy.site, convoy: true, kind: null, members });
      }
    }
    let people = 0;
    while (people < budget) {
      const party = this.party(first + this.rng.int(0, days - 1));
      people += party.members.length;
      parties.push(party);
    }
    return parties.sort((a, b) => a.day - b.day);
  }

  private adult(sex: 'male' | 'female', relationship: Relationship, isHead = false): Member {
    const [min, max] = AGE_RANGES[this.rng.weighted(ADULT_AGES)];
    return { sex, age: this.rng.int(min, max), child: null, relationship, isHead };
  }

  private party(day: number): Party {
    const party = this.partyAt(day, this.rng.weighted(SITE_WEIGHTS));
    // Unaccompanied children go to the centres with a caseworker, so that their best-interest
    // decision is done by one person and approved by another (the protection officer).
    if (party.members.some((m) => m.child === 'unaccompanied' || m.child === 'separated') && SITE_STAFF[party.site] === SUPERVISOR) party.site = this.chance(0.5) ? 'gao' : 'bko-sogoniko';
    return party;
  }

  private partyAt(day: number, site: string): Party {
    const kind = this.rng.weighted(PARTIES);
    const sex = () => (this.chance(0.12) ? 'female' : 'male');
    const child = (min: number, max: number, status: Member['child'], relationship: Relationship): Member => ({ sex: this.chance(0.3) ? 'female' : 'male', age: this.rng.int(min, max), child: status, relationship, isHead: false });
    switch (kind) {
      case 'solo':
        return { day, site, convoy: false, kind: null, members: [this.adult(sex(), 'head')] };
      case 'couple':
        return { day, site, convoy: false, kind: 'family', members: [this.adult('male', 'head', true), this.adult('female', 'spouse')] };
      case 'lone_child':
        return { day, site, convoy: false, kind: null, members: [child(13, 17, 'unaccompanied', 'head')] };
      case 'separated_child': {
        const relative = this.adult('male', 'head', true);
        return { day, site, convoy: false, kind: 'family', members: [relative, child(8, 17, 'separated', this.chance(0.5) ? 'sibling' : 'other_relative')] };
      }
      case 'family': {
        const kids = Array.from({ length: this.rng.int(1, 3) }, () => child(0, 14, 'with_family', 'child'));
        const parents = this.chance(0.8) ? [this.adult('male', 'head', true), this.adult('female', 'spouse')] : [this.adult('female', 'head', true)];
        return { day, site, convoy: false, kind: 'family', members: [...parents, ...kids] };
      }
      case 'travel_group': {
        const members = Array.from({ length: this.rng.int(3, 6) }, (_, i) => this.adult(sex(), i === 0 ? 'head' : 'travel_companion', i === 0));
        if (this.chance(0.15)) members.push(child(14, 17, 'unaccompanied', 'travel_companion'));
        return { day, site, convoy: false, kind: 'travel_group', members };
      }
    }
  }

  /** Generates every person of the demo, month by month, yielding batches of about `size` people. */
  *batches(size: number): Generator<DemoPeopleBatch> {
    const total = Math.round(PEOPLE_AT_SCALE_1 * this.scale);
    const convoyPeople = CONVOYS.reduce((n, c) => n + ((c.size[0] + c.size[1]) / 2) * this.scale, 0);
    let batch: DemoPeopleBatch = { people: [], groups: [] };
    for (const { year, month, weight } of monthWeights()) {
      for (const party of this.partiesOf(year, month, Math.round((total - convoyPeople) * weight))) this.addParty(party, batch);
      if (batch.people.length >= size) {
        yield batch;
        batch = { people: [], groups: [] };
      }
    }
    if (batch.people.length > 0) yield batch;
  }

  private addParty(party: Party, batch: DemoPeopleBatch): void {
    const on = isoOf(party.day);
    const nationality = this.nationality();
    const family = this.familyName(nationality);
    const members: DemoPerson[] = [];
    for (const member of party.members) {
      const single = party.members.length === 1 || party.convoy;
      const original = single && member.child === null ? this.originalToRepeat(party.day) : undefined;
      // Relatives share the family name of the family's head; spouses and companions keep their own.
      const ownName = member.relationship === 'spouse' || member.relationship === 'travel_companion' || (member.relationship === 'head' && party.kind !== 'family');
      const person = original
        ? this.reRegistration(original, on, party.convoy ? party.site : undefined)
        : this.person(member, party, single ? this.nationality() : nationality, ownName ? null : family);
      members.push(person);
      batch.people.push(person);
    }
    if (party.kind && party.members.length > 1) {
      const name = party.kind === 'family' ? `Famille ${members[0]?.familyName ?? ''}` : `Groupe de voyage ${this.nextGroup++}`;
      batch.groups.push({ kind: party.kind, name, organisation: 'iom', members: party.members.map((m, i) => ({ person: members[i]?.caseNumber ?? '', relationship: m.relationship, isHead: m.isHead })) });
    }
    for (const [i, person] of members.entries()) {
      const member = party.members[i];
      // Adults only are re-registered: a child's second record would need its guardian's consent again.
      if (member && member.child === null && !person.duplicateOf) this.recent.push(person);
      if (member) person.transitCase = party.convoy || member.child || this.chance(0.9) ? this.transitCase(person, member, party) : null;
    }
    if (this.recent.length > 4000) this.recent.splice(0, this.recent.length - 4000);
  }

  private nationality(): string {
    return this.rng.weighted(NATIONALITIES);
  }

  private pool(nationality: string): NamePool {
    return NAME_POOLS[nationality] ?? NAME_POOLS[this.rng.weighted(UNKNOWN_NATIONALITY_POOLS)] ?? this.rng.pick(Object.values(NAME_POOLS));
  }

  private familyName(nationality: string): string {
    return this.rng.pick(this.pool(nationality).family);
  }

  /** About one person in twenty is registered a second time, later, under a spelling variant. */
  private originalToRepeat(day: number): DemoPerson | undefined {
    if (this.recent.length < 50 || !this.chance(0.08)) return undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = this.rng.pick(this.recent);
      if (!this.reRegistered.has(candidate.caseNumber) && dayOf(candidate.registeredOn) <= day - 10) {
        this.reRegistered.add(candidate.caseNumber);
        return candidate;
      }
    }
    return undefined;
  }

  private person(member: Member, party: Party, nationality: string, family: string | null): DemoPerson {
    const pool = this.pool(nationality);
    const on = isoOf(party.day);
    let givenName = this.rng.pick(member.sex === 'male' ? pool.male : pool.female);
    // Compound names are written joined about a time in four ("Abdoulkarim").
    if (givenName.includes(' ') && this.chance(0.25)) givenName = givenName.replace(/ /g, '');
    const precision = this.rng.weighted({ exact: 55, year: 25, estimated: 20 }) as DobPrecision;
    const birthDay = party.day - member.age * 365 - this.rng.int(0, 364);
    const dateOfBirth = precision === 'exact' ? isoOf(birthDay) : `${isoOf(birthDay).slice(0, 4)}-01-01`;
    const child = member.child !== null;
    const site = party.site;
    const owner = SITE_STAFF[site] ?? SUPERVISOR;
    const phones = !child && this.chance(0.45) ? [this.phone(nationality)] : [];
    const consents: DemoConsent[] = [{ kind: 'registration', organisation: null, method: child ? 'proxy' : this.chance(0.6) ? 'explicit_signed' : 'explicit_oral', givenOn: on, withdrawnOn: null }];
    const method = child ? 'proxy' : 'explicit_signed';
    const partner = PARTNER_OF_SITE[site] ?? 'ngo-sahel-solidarite';
    if (this.chance(child ? 0.6 : 0.35)) consents.push({ kind: 'data_sharing', organisation: partner, method, givenOn: on, withdrawnOn: null });
    if (site.startsWith('bko') && this.chance(0.1)) consents.push({ kind: 'data_sharing', organisation: 'ngo-kayes-avenir', method, givenOn: on, withdrawnOn: null });
    if (phones.length > 0 && this.chance(0.6)) consents.push({ kind: 'follow_up_contact', organisation: null, method, givenOn: on, withdrawnOn: null });
    return {
      caseNumber: this.caseNumber(site, on, 'person'),
      givenName,
      familyName: family ?? this.familyName(nationality),
      otherNames: !child && this.chance(0.04) ? [this.rng.pick(NICKNAMES)] : [],
      sex: member.sex,
      dateOfBirth,
      dobPrecision: precision,
      nationality,
      birthCountry: nationality === 'OOO' ? null : nationality,
      birthPlace: nationality !== 'OOO' && this.chance(0.8) ? this.rng.pick(pool.towns) : null,
      languages: pool.languages.slice(0, this.rng.int(1, Math.min(3, pool.languages.length))),
      phones,
      originPcode: nationality === 'MLI' ? this.rng.weighted(MALI_ORIGIN_PCODES) : null,
      organisation: 'iom',
      site,
      owner,
      registeredOn: on,
      documents: this.documents(nationality, child, party.day),
      consents,
      duplicateOf: null,
      transitCase: null,
    };
  }

  private phone(nationality: string): string {
    // Many people on the move use a Malian SIM bought on the way.
    const plan = PHONE_PLANS[nationality !== 'MLI' && this.chance(0.4) ? 'MLI' : nationality] ?? PHONE_PLANS.MLI;
    if (!plan) return '+22370000000';
    let digits = this.rng.pick(plan.prefixes);
    while (digits.length < plan.length) digits += String(this.rng.int(0, 9));
    return `+${plan.code}${digits}`;
  }

  private documents(nationality: string, child: boolean, day: number): DemoDocument[] {
    const type = child
      ? this.chance(0.25) ? 'birth_certificate' : null
      : this.rng.weighted({ none: 62, passport: 15, national_id: 13, consular_card: 7, laissez_passer: 3 });
    if (!type || type === 'none') return [];
    const issuing = nationality === 'OOO' ? null : nationality;
    const letters = (issuing ?? 'XX').slice(0, 2);
    const digits = String(this.rng.int(1_000_000, 9_999_999));
    const number = type === 'passport' ? `${letters}${digits}` : type === 'national_id' ? `${this.rng.int(10, 99)}${digits}${this.rng.int(100, 999)}` : `${type === 'consular_card' ? 'CC' : type === 'laissez_passer' ? 'LP' : 'AN'}${digits}`;
    const expiryDate = type === 'passport' || type === 'national_id' || type === 'consular_card' ? isoOf(day + this.rng.int(-200, 5 * 365)) : null;
    return [{ type, number, issuingCountry: issuing, expiryDate }];
  }

  /** A second record of someone registered earlier: same person, written differently. */
  private reRegistration(original: DemoPerson, on: string, site?: string): DemoPerson {
    const where = site ?? (this.chance(0.5) ? original.site : this.rng.weighted(SITE_WEIGHTS));
    const base: DemoPerson = {
      ...original,
      caseNumber: this.caseNumber(where, on, 'person'),
      otherNames: [],
      nationality: this.chance(0.1) ? 'OOO' : original.nationality,
      phones: original.phones.length > 0 && this.chance(0.5) ? [...original.phones] : this.chance(0.2) ? [this.phone(original.nationality)] : [],
      site: where,
      owner: SITE_STAFF[where] ?? SUPERVISOR,
      registeredOn: on,
      documents: original.documents.length > 0 && this.chance(0.3) ? original.documents.map((d) => ({ ...d })) : [],
      consents: [{ kind: 'registration', organisation: null, method: this.chance(0.6) ? 'explicit_signed' : 'explicit_oral', givenOn: on, withdrawnOn: null }],
      duplicateOf: original.caseNumber,
      transitCase: null,
    };
    for (let attempt = 0; attempt < 6; attempt++) {
      const variants = new Set<SpellingVariant>([this.variantKind(), ...(this.chance(0.3) ? [this.variantKind()] : [])]);
      let candidate = base;
      for (const variant of variants) candidate = spell(candidate, variant, this.rng);
      if (candidate !== base && duplicateScore(asMatching(original), asMatching(candidate)).score >= DEFAULT_DUPLICATE_RULES.candidateThreshold) return candidate;
    }
    return spell(base, 'year_only', this.rng);
  }

  private variantKind(): SpellingVariant {
    return this.rng.weighted({ transliteration: 35, accents: 15, swapped: 15, compound: 10, year_only: 25 });
  }

  // ── the protection case ────────────────────────────────────────────────────────────────────────
  private transitCase(person: DemoPerson, member: Member, party: Party): DemoTransitCase {
    const opened = dayOf(person.registeredOn);
    const site = person.site;
    const staff = SITE_STAFF[site] ?? SUPERVISOR;
    const atCentre = TRANSIT_SITES.has(site);
    const nights = party.convoy ? this.rng.int(2, 6) : member.child === 'unaccompanied' ? this.rng.int(14, 45) : member.child ? this.rng.int(4, 15) : Number(this.rng.weighted({ 1: 6, 2: 12, 3: 16, 4: 16, 5: 12, 7: 14, 10: 12, 14: 8, 21: 4 }));
    const leaves = opened + nights;
    // Cases opened in the last weeks of the period are still being worked on.
    const stillOpen = leaves > END || (opened > END - 90 && this.chance(0.6));
    const closed = stillOpen ? null : Math.min(END, leaves + (atCentre ? 0 : this.rng.int(1, 20)));
    const lastDay = closed ?? END;
    const c: DemoTransitCase = { caseNumber: this.caseNumber(site, person.registeredOn, 'transit_case'), site, assignedTo: this.chance(0.93) ? staff : null, status: 'open', closureReason: null, priority: null, openedOn: person.registeredOn, closedOn: closed === null ? null : isoOf(closed), stays: [], screenings: [], services: [], referrals: [], tasks: [], notes: [] };
    if (atCentre) c.stays.push({ site, checkIn: person.registeredOn, checkOut: leaves <= lastDay ? isoOf(leaves) : null, bed: `${this.chance(0.8) ? 'H' : 'F'}-${this.rng.int(1, 40)}` });
    const screened = closed !== null || this.chance(0.7);
    const flags = screened ? this.flags(person, member, party) : [];
    if (screened) {
      this.screen(c, opened + this.rng.int(0, 1), flags, staff, lastDay);
      if (this.chance(0.1) && opened + 7 <= lastDay) this.screen(c, opened + this.rng.int(7, Math.max(7, lastDay - opened)), flags, staff, lastDay);
    }
    this.services(c, flags, Math.max(1, Math.min(nights, lastDay - opened)), staff, lastDay);
    const reason = closed === null ? null : this.rng.weighted({ avr_departed: 40, continued_journey: 25, returned_home: 15, lost_contact: 10, referred_out: 8, other: 2 }) as ClosureReason;
    this.referrals(c, person, flags, reason, staff, lastDay);
    // A few people withdraw a data-sharing consent they have not used.
    for (const k of person.consents) {
      if (k.kind === 'data_sharing' && !c.referrals.some((r) => r.to === k.organisation) && this.chance(0.04)) k.withdrawnOn = isoOf(Math.min(END, opened + this.rng.int(1, 60)));
    }
    this.tasks(c, member, flags, staff, lastDay);
    this.notes(c, party, flags, staff, lastDay);
    c.priority = c.screenings.at(-1)?.priority ?? null;
    if (closed !== null) {
      c.status = 'closed';
      c.closureReason = reason === 'referred_out' && !c.referrals.some((r) => r.kind === 'external' && r.status === 'completed') ? 'continued_journey' : reason;
    } else c.status = c.referrals.some((r) => r.status === 'pending' || r.status === 'accepted') ? 'referred' : c.screenings.length > 0 ? 'active' : 'open';
    return c;
  }

  private flags(person: DemoPerson, member: Member, party: Party): VulnerabilityFlag[] {
    const flags: VulnerabilityFlag[] = [];
    const add = (flag: VulnerabilityFlag, p: number) => { if (this.chance(p)) flags.push(flag); };
    if (member.child === 'unaccompanied') flags.push('unaccompanied_child');
    if (member.child === 'separated') flags.push('separated_child');
    if (member.age >= 60) flags.push('elderly');
    if (person.sex === 'female' && member.age >= 18) {
      add('pregnant', 0.08);
      add('gbv_survivor', 0.07);
      if (member.isHead && party.kind === 'family') flags.push('single_parent');
    }
    add('victim_of_violence_in_transit', party.convoy ? 0.25 : 0.1);
    add('victim_of_trafficking', member.child ? 0.06 : 0.025);
    add('medical_needs', 0.1);
    add('mental_health', 0.04);
    add('disability', 0.015);
    return flags;
  }

  private factors<T extends Record<string, readonly string[]>>(table: T, count: number): Factors {
    const out: Record<string, string[]> = {};
    for (let i = 0; i < count; i++) {
      const level = this.rng.pick(Object.keys(table));
      const code = this.rng.pick(table[level] ?? []);
      const list = (out[level] ??= []);
      if (!list.includes(code)) list.push(code);
    }
    return out;
  }

  private screen(c: DemoTransitCase, day: number, flags: VulnerabilityFlag[], by: string, lastDay: number): void {
    const riskFactors = this.factors(RISK_FACTORS, this.rng.int(0, 4) + Math.min(flags.length * 2, 5));
    const protectiveFactors = this.factors(PROTECTIVE_FACTORS, this.rng.int(0, 4));
    const { priority, because } = derivePriority({ flags, riskFactors, protectiveFactors });
    const sensitive = flags.some((f) => f === 'victim_of_trafficking' || f === 'gbv_survivor' || f === 'mental_health');
    c.screenings.push({ sequence: c.screenings.length + 1, screenedOn: isoOf(Math.min(day, lastDay)), flags, riskFactors, protectiveFactors, priority, priorityBecause: because, notes: sensitive ? this.rng.pick(NOTE_TEXTS.sensitive) : null, screenedBy: by });
  }

  private services(c: DemoTransitCase, flags: VulnerabilityFlag[], nights: number, by: string, lastDay: number): void {
    const opened = dayOf(c.openedOn);
    const on = (offset: number) => isoOf(Math.min(lastDay, opened + offset));
    const add = (type: ServiceType, quantity: number, offset = 0, unit = UNIT_COSTS_XOF[type]) => c.services.push({ type, date: on(offset), quantity, provider: this.rng.pick(PROVIDERS[type] ?? ['OIM Mali']), costXof: quantity * unit, recordedBy: by });
    if (c.stays.length > 0) {
      add('shelter_night', nights);
      add('food', nights);
      if (this.chance(0.8)) add('hygiene_kit', 1);
      if (this.chance(0.4)) add('nfi', 1);
      if (this.chance(0.25)) add('clothing', 1);
    }
    if (this.chance(0.7)) add('information_counselling', 1);
    if (this.chance(0.3)) add('restoring_family_links_call', this.rng.int(1, 3));
    if (flags.includes('medical_needs') || this.chance(0.12)) add('medical_consultation', 1, this.rng.int(0, 2), this.rng.int(1, 3) * 5000);
    if (flags.includes('medical_needs') && this.chance(0.4)) add('medical_referral', 1, this.rng.int(1, 4), this.rng.int(5, 18) * 5000);
    if (flags.some((f) => f === 'gbv_survivor' || f === 'victim_of_trafficking' || f === 'mental_health' || f === 'victim_of_violence_in_transit')) add('psychosocial_support', this.rng.int(1, 4), 1);
    if (this.chance(0.05)) add('legal_counselling', 1, 1);
    if (flags.includes('unaccompanied_child') || flags.includes('separated_child')) add('family_tracing', 1, 2);
    if (this.chance(0.2)) add('cash', 1, Math.max(0, nights - 1), this.rng.int(5, 10) * 5000);
    if (this.chance(0.35)) add('transport', 1, nights, c.site === 'gao' ? 17_500 : c.site === 'kayes' ? 5_000 : this.chance(0.5) ? 10_000 : 2_500);
  }

  private hasConsent(person: DemoPerson, organisation: string, on: string): boolean {
    return person.consents.some((k) => k.kind === 'data_sharing' && k.organisation === organisation && k.givenOn <= on && (k.withdrawnOn === null || k.withdrawnOn > on));
  }

  private referralStatus(referred: number, closedCase: boolean, internal: boolean): { status: ReferralStatus; responded: number | null } {
    const responded = Math.min(END, referred + this.rng.int(1, 5));
    if (!closedCase) {
      // On a case still being worked on, recent referrals wait for an answer; older ones mostly got one.
      const status = (referred > END - 30 ? this.rng.weighted({ pending: 50, accepted: 40, completed: 10 }) : this.rng.weighted({ completed: 60, accepted: 25, pending: 15 })) as ReferralStatus;
      return { status, responded: status === 'pending' ? null : responded };
    }
    const status = (internal ? this.rng.weighted({ completed: 80, declined: 6, closed_without_service: 14 }) : this.rng.weighted({ completed: 60, declined: 15, closed_without_service: 25 })) as ReferralStatus;
    return { status, responded };
  }

  private referrals(c: DemoTransitCase, person: DemoPerson, flags: VulnerabilityFlag[], reason: ClosureReason | null, by: string, lastDay: number): void {
    const opened = dayOf(c.openedOn);
    const refer = (kind: 'internal' | 'external', service: ReferralService, to: string, status?: ReferralStatus) => {
      const referred = Math.min(lastDay, opened + this.rng.int(0, 3));
      const chosen = this.referralStatus(referred, c.closedOn !== null, kind === 'internal');
      const final = status ?? chosen.status;
      const feedback = final === 'pending' ? null : this.rng.pick(NOTE_TEXTS.feedback[final] ?? ['']);
      c.referrals.push({ kind, service, from: 'iom', to, reason: this.rng.pick(NOTE_TEXTS.referralReason[service] ?? NOTE_TEXTS.referralReason.other ?? ['']), referredOn: isoOf(referred), dueDate: isoOf(referred + this.rng.int(7, 21)), status: final, feedback, respondedOn: final === 'pending' || chosen.responded === null ? null : isoOf(chosen.responded), respondedBy: final !== 'pending' && kind === 'internal' ? 'return.officer' : null });
    };
    if (reason === 'avr_departed') refer('internal', 'avr', 'iom', 'completed');
    else if (c.closedOn === null ? this.chance(0.35) : this.chance(0.1)) refer('internal', 'avr', 'iom');
    if (flags.some((f) => f === 'unaccompanied_child' || f === 'victim_of_trafficking' || f === 'gbv_survivor') && this.chance(0.5)) refer('internal', 'protection', 'iom');
    for (const organisation of ['ngo-sahel-solidarite', 'ngo-kayes-avenir']) {
      const wanted = reason === 'referred_out' || flags.length > 0 ? 0.6 : 0.15;
      const on = isoOf(Math.min(lastDay, opened + 3));
      if (this.hasConsent(person, organisation, c.openedOn) && this.hasConsent(person, organisation, on) && this.chance(wanted)) {
        const service: ReferralService = flags.includes('medical_needs') ? 'medical' : flags.length > 0 ? this.rng.pick(['psychosocial', 'legal', 'shelter', 'family_tracing'] as const) : 'livelihood';
        refer('external', service, organisation, reason === 'referred_out' ? 'completed' : undefined);
      }
    }
  }

  private task(c: DemoTransitCase, kind: TaskKind, created: number, assignedTo: string, lastDay: number, requiresApproval = false): void {
    const due = created + this.rng.int(5, 20);
    const closed = c.closedOn !== null;
    const status: TaskStatus = closed ? (this.chance(0.9) ? 'done' : 'cancelled') : requiresApproval && this.chance(0.6) ? 'awaiting_approval' : this.chance(0.3) && created + 3 <= lastDay ? 'done' : 'open';
    const completed = status === 'done' || status === 'awaiting_approval' ? isoOf(Math.min(lastDay, created + this.rng.int(1, Math.max(1, lastDay - created)))) : null;
    c.tasks.push({ kind, title: this.rng.pick(TASK_TITLES[kind]), dueDate: isoOf(due), assignedTo, status, requiresApproval, createdOn: isoOf(Math.min(created, lastDay)), completedOn: completed, completedBy: completed ? assignedTo : null, approvedOn: requiresApproval && status === 'done' ? completed : null, approvedBy: requiresApproval && status === 'done' ? SUPERVISOR : null, outcome: completed ? this.rng.pick(NOTE_TEXTS.outcome) : null });
  }

  private tasks(c: DemoTransitCase, member: Member, flags: VulnerabilityFlag[], staff: string, lastDay: number): void {
    const opened = dayOf(c.openedOn);
    // A child's best-interest decision is approved by the protection officer (SPEC §5).
    if (member.child === 'unaccompanied' || member.child === 'separated') this.task(c, 'best_interest_determination', opened + 1, staff, lastDay, true);
    if (flags.includes('unaccompanied_child') || flags.includes('separated_child')) this.task(c, 'family_tracing', opened + 2, staff, lastDay);
    if (c.referrals.some((r) => r.service === 'avr') && this.chance(0.4)) this.task(c, 'document_request', opened + 2, staff, lastDay);
    if (this.chance(c.closedOn === null ? 0.6 : 0.2)) this.task(c, 'follow_up', Math.min(lastDay, opened + this.rng.int(1, 10)), staff, lastDay);
  }

  private notes(c: DemoTransitCase, party: Party, flags: VulnerabilityFlag[], staff: string, lastDay: number): void {
    const opened = dayOf(c.openedOn);
    c.notes.push({ body: this.rng.pick(party.convoy ? NOTE_TEXTS.convoy : NOTE_TEXTS.intake), sensitive: false, on: c.openedOn, by: staff });
    if (flags.some((f) => f === 'gbv_survivor' || f === 'victim_of_trafficking' || f === 'mental_health')) c.notes.push({ body: this.rng.pick(NOTE_TEXTS.sensitive), sensitive: true, on: isoOf(Math.min(lastDay, opened + 1)), by: staff });
    if (this.chance(0.3)) c.notes.push({ body: this.rng.pick(NOTE_TEXTS.followUp), sensitive: false, on: isoOf(Math.min(lastDay, opened + this.rng.int(1, 5))), by: staff });
  }
}

/** The fields duplicate scoring compares, from a demo record. */
export function asMatching(p: DemoPerson): PersonForMatching {
  return { givenName: p.givenName, familyName: p.familyName, otherNames: p.otherNames, sex: p.sex, dateOfBirth: p.dateOfBirth, dobPrecision: p.dobPrecision, nationality: p.nationality, phones: p.phones, documentNumbers: p.documents.flatMap((d) => (d.number ? [d.number] : [])) };
}

/** People in transit and their cases for a seed and scale, in registration order, batch by batch. */
export function* generatePeople(options: { seed: number; scale: number }, batchSize = 1000): Generator<DemoPeopleBatch> {
  yield* new PeopleGenerator(options.seed, options.scale).batches(batchSize);
}

