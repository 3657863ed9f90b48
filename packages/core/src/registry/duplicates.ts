// Duplicate scoring (SPEC §4): how likely two person records describe the same person, and why.
import { nameSimilarity, variantIndex } from './names';
import type { VariantTable } from './name-variants';

export interface PersonForMatching {
  givenName: string;
  familyName: string;
  otherNames?: readonly string[];
  sex?: 'male' | 'female' | 'other' | 'unknown' | null;
  /** YYYY-MM-DD, or YYYY-01-01 with `dobPrecision: 'year'`. */
  dateOfBirth?: string | null;
  dobPrecision?: 'exact' | 'year' | 'estimated' | null;
  nationality?: string | null;
  phones?: readonly string[];
  documentNumbers?: readonly string[];
}

export const DUPLICATE_REASONS = [
  'same_document',
  'same_phone',
  'same_name',
  'similar_name',
  'same_birth_date',
  'same_birth_year',
  'close_birth_year',
  'same_nationality',
  'different_sex',
  'different_birth_year',
  'different_nationality',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Weights and thresholds: configuration, not code (SPEC §4). */
export interface DuplicateRules {
  weights: { name: number; birth: number; nationality: number; sex: number; phone: number };
  penalties: { differentSex: number; differentBirthYear: number; differentNationality: number };
  /** A shared identity document number lifts the score to at least this. */
  documentFloor: number;
  /** Name similarity from which the name counts as similar. */
  similarName: number;
  /** Score from which a record is shown as a possible duplicate. */
  candidateThreshold: number;
  variants?: VariantTable;
}

export const DEFAULT_DUPLICATE_RULES: DuplicateRules = {
  weights: { name: 0.55, birth: 0.2, nationality: 0.1, sex: 0.05, phone: 0.1 },
  penalties: { differentSex: 0.3, differentBirthYear: 0.3, differentNationality: 0.15 },
  documentFloor: 0.95,
  similarName: 0.6,
  candidateThreshold: 0.6,
};

export interface DuplicateScore {
  score: number;
  reasons: DuplicateReason[];
}

const UNKNOWN_COUNTRY = 'OOO';

function fullName(p: PersonForMatching): string {
  return [p.givenName, p.familyName, ...(p.otherNames ?? [])].join(' ');
}

function year(date: string | null | undefined): number | undefined {
  const match = date ? /^(\d{4})-/.exec(date) : null;
  return match?.[1] ? Number(match[1]) : undefined;
}

function normalisedDocuments(p: PersonForMatching): Set<string> {
  return new Set((p.documentNumbers ?? []).map((d) => d.toUpperCase().replace(/[^A-Z0-9]/g, '')).filter((d) => d.length >= 4));
}

/** Scores a pair of records in [0, 1] with the reasons behind the score. */
export function duplicateScore(a: PersonForMatching, b: PersonForMatching, rules: DuplicateRules = DEFAULT_DUPLICATE_RULES): DuplicateScore {
  const index = variantIndex(rules.variants);
  const reasons: DuplicateReason[] = [];
  const w = rules.weights;
  let score = 0;

  const names = nameSimilarity(fullName(a), fullName(b), index);
  score += w.name * names;
  if (names >= 0.999) reasons.push('same_name');
  else if (names >= rules.similarName) reasons.push('similar_name');

  const ya = year(a.dateOfBirth);
  const yb = year(b.dateOfBirth);
  if (ya !== undefined && yb !== undefined) {
    const exactBoth = a.dobPrecision !== 'year' && a.dobPrecision !== 'estimated' && b.dobPrecision !== 'year' && b.dobPrecision !== 'estimated';
    const tolerance = a.dobPrecision === 'estimated' || b.dobPrecision === 'estimated' ? 3 : 1;
    if (exactBoth && a.dateOfBirth === b.dateOfBirth) {
      score += w.birth;
      reasons.push('same_birth_date');
    } else if (ya === yb) {
      score += w.birth * 0.75;
      reasons.push('same_birth_year');
    } else if (Math.abs(ya - yb) <= tolerance) {
      score += w.birth * 0.4;
      reasons.push('close_birth_year');
    } else {
      score -= rules.penalties.differentBirthYear;
      reasons.push('different_birth_year');
    }
  }

  const na = a.nationality && a.nationality !== UNKNOWN_COUNTRY ? a.nationality : undefined;
  const nb = b.nationality && b.nationality !== UNKNOWN_COUNTRY ? b.nationality : undefined;
  if (na && nb) {
    if (na === nb) {
      score += w.nationality;
      reasons.push('same_nationality');
    } else {
      score -= rules.penalties.differentNationality;
      reasons.push('different_nationality');
    }
  }

  const known = (s: PersonForMatching['sex']) => s === 'male' || s === 'female';
  if (known(a.sex) && known(b.sex)) {
    if (a.sex === b.sex) score += w.sex;
    else {
      score -= rules.penalties.differentSex;
      reasons.push('different_sex');
    }
  }

  const phonesA = new Set((a.phones ?? []).map((p) => p.replace(/[^\d+]/g, '')));
  if ((b.phones ?? []).some((p) => phonesA.has(p.replace(/[^\d+]/g, '')))) {
    score += w.phone;
    reasons.push('same_phone');
  }

  const docsA = normalisedDocuments(a);
  if ([...normalisedDocuments(b)].some((d) => docsA.has(d))) {
    score = Math.max(score, rules.documentFloor);
    reasons.unshift('same_document');
  }

  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}

/** Tells whether a score is high enough to show the pair as a possible duplicate. */
export function isPossibleDuplicate(result: DuplicateScore, rules: DuplicateRules = DEFAULT_DUPLICATE_RULES): boolean {
  return result.score >= rules.candidateThreshold;
}

