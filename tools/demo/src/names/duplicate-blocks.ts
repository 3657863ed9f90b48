// Candidate blocks for finding near-duplicates among many records without comparing all pairs:
// records meet only when they share a phonetic name key and a nearby birth year.
import { duplicateScore, nameTokens, personMatchingKeys, phoneticKey, variantIndex, type DuplicateReason, type DuplicateRules, type PersonForMatching } from '@taama/core';

export interface DuplicatePairFound {
  firstId: string;
  secondId: string;
  score: number;
  reasons: DuplicateReason[];
}

interface Blocked {
  id: string;
  year: number;
  estimated: boolean;
  person: PersonForMatching;
}

/**
 * Collects the pairs scoring at or above the rules' threshold, record by record. A record is compared
 * with earlier records whose family-name key equals one of its own name keys (family, first given,
 * last given: either name order, compound names) and whose birth year is within reach. Further apart,
 * duplicateScore's birth-year penalty keeps a pair below the threshold unless they share a document
 * (not blocked here: the registry's own check finds those).
 */
export class DuplicateFinder {
  private readonly blocks = new Map<string, Blocked[]>();
  private readonly index: ReadonlyMap<string, string>;
  readonly pairs: DuplicatePairFound[] = [];
  /** Pairs scored so far, to watch the cost of the blocks. */
  comparisons = 0;

  constructor(private readonly rules: DuplicateRules) {
    this.index = variantIndex(rules.variants);
  }

  /** Scores a record against the earlier records of its blocks, then files it; ids order each pair. */
  add(id: string, person: PersonForMatching): void {
    const year = Number((person.dateOfBirth ?? '').slice(0, 4));
    if (!Number.isInteger(year) || year === 0) return;
    const estimated = person.dobPrecision === 'estimated';
    const keys = personMatchingKeys(person, this.index);
    const lastGiven = phoneticKey(nameTokens(person.givenName, this.index).at(-1) ?? '', this.index);
    const seen = new Set<string>();
    for (const key of new Set([keys.familyKey, keys.givenKey, lastGiven])) {
      for (let y = year - 3; y <= year + 3; y++) {
        for (const other of this.blocks.get(`${key}|${y}`) ?? []) {
          if (seen.has(other.id) || Math.abs(other.year - year) > (estimated || other.estimated ? 3 : 1)) continue;
          seen.add(other.id);
          this.comparisons++;
          const { score, reasons } = duplicateScore(other.person, person, this.rules);
          if (score < this.rules.candidateThreshold) continue;
          const [firstId, secondId] = other.id < id ? [other.id, id] : [id, other.id];
          this.pairs.push({ firstId, secondId, score, reasons });
        }
      }
    }
    const own = `${keys.familyKey}|${year}`;
    const entry = { id, year, estimated, person };
    const block = this.blocks.get(own);
    if (block) block.push(entry);
    else this.blocks.set(own, [entry]);
  }
}
