// Name normalisation for duplicate detection: folding, spelling variants, a phonetic block key and
// a similarity that ignores name order and compound-name spacing. Pure: runs on server and device.
import { DEFAULT_NAME_VARIANTS, type VariantTable } from './name-variants';

/** Lower case, accents removed, anything but letters turned into single spaces. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

// Built once per table: the duplicate check scores up to 200 candidates with the same rules, and
// building the index folds every variant: rebuilt per candidate, it cost about 7 ms of API CPU per
// registration.
const builtIndexes = new WeakMap<VariantTable, ReadonlyMap<string, string>>();

/** A lookup from every variant to its canonical form (tables are treated as immutable). */
export function variantIndex(table: VariantTable = DEFAULT_NAME_VARIANTS): ReadonlyMap<string, string> {
  const built = builtIndexes.get(table);
  if (built) return built;
  const index = buildVariantIndex(table);
  builtIndexes.set(table, index);
  return index;
}

function buildVariantIndex(table: VariantTable): Map<string, string> {
  const index = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(table)) {
    index.set(canonical, canonical);
    for (const variant of variants) index.set(foldName(variant), canonical);
  }
  return index;
}

const defaultIndex = variantIndex();

/** The canonical tokens of a name: folded, split, each variant replaced by its canonical form. */
export function nameTokens(value: string, index: ReadonlyMap<string, string> = defaultIndex): string[] {
  const folded = foldName(value);
  return folded === '' ? [] : folded.split(' ').map((token) => index.get(token) ?? token);
}

/**
 * A coarse phonetic key of one token, for candidate blocks: sounds written differently in French and
 * English transliteration (ou/u, dj/j, ch/sh, c/k/q, y/i, doubled letters, silent h) fall together,
 * then vowel runs collapse.
 */
export function phoneticKey(token: string, index: ReadonlyMap<string, string> = defaultIndex): string {
  let s = index.get(foldName(token)) ?? foldName(token).replace(/ /g, '');
  s = s
    .replace(/^di(?=[aeiou])/, 'j')
    .replace(/dj/g, 'j')
    .replace(/tch/g, 'c')
    .replace(/(ch|sh)/g, 's')
    .replace(/ph/g, 'f')
    .replace(/(kh|gh)/g, (m) => m[0] ?? '')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ou/g, 'u')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/h/g, '')
    .replace(/(.)\1+/g, '$1');
  // A French silent final e goes; every run of vowels becomes one "a", so ou/u, ai/a, e/é fall
  // together while Traoré and Touré (tr-a-r / t-a-r) stay in different blocks.
  return s.replace(/([^aeiou])e$/, '$1').replace(/[aeiou]+/g, 'a');
}

/** Trigrams of a word as pg_trgm makes them: two leading spaces, one trailing. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Trigram similarity of two words in [0, 1] (Jaccard of their trigram sets, as pg_trgm). */
export function trigramSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

function tokenSetSimilarity(a: string[], b: string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return 0;
  const used = new Set<number>();
  let weighted = 0;
  let weights = 0;
  for (const token of short) {
    let best = 0;
    let bestAt = -1;
    long.forEach((other, i) => {
      if (used.has(i)) return;
      const sim = token === other ? 1 : trigramSimilarity(token, other);
      if (sim > best) {
        best = sim;
        bestAt = i;
      }
    });
    if (bestAt >= 0) used.add(bestAt);
    weighted += best * token.length;
    weights += token.length;
  }
  // Tokens of the longer name left unmatched (a middle name only one record has) count for less.
  const unmatched = long.filter((_, i) => !used.has(i)).reduce((n, t) => n + t.length, 0);
  return weighted / (weights + unmatched * 0.25);
}

/**
 * Similarity of two full names in [0, 1], whatever the order of given and family names and however
 * compound names are spaced ("Abdoul Karim" / "Abdoulkarim").
 */
export function nameSimilarity(a: string, b: string, index: ReadonlyMap<string, string> = defaultIndex): number {
  const ta = nameTokens(a, index);
  const tb = nameTokens(b, index);
  if (ta.length === 0 || tb.length === 0) return 0;
  const bySet = tokenSetSimilarity(ta, tb);
  const joined = trigramSimilarity([...ta].sort().join(''), [...tb].sort().join(''));
  const spacing = trigramSimilarity(ta.join(''), tb.join(''));
  return Math.max(bySet, joined, spacing);
}

/**
 * The keys a person record is stored with for candidate search: the canonical tokens of the whole
 * name (trigram-indexed) and the phonetic keys of the family and first given name (block indexes).
 */
export function personMatchingKeys(p: { givenName: string; familyName: string; otherNames?: readonly string[] }, index: ReadonlyMap<string, string> = defaultIndex): { nameKey: string; familyKey: string; givenKey: string } {
  const family = nameTokens(p.familyName, index);
  const given = nameTokens(p.givenName, index);
  const nameKey = [...given, ...family, ...(p.otherNames ?? []).flatMap((n) => nameTokens(n, index))].join(' ');
  // A compound family name ("Ag Mohamed") blocks on its last token, the one most often kept alone.
  const familyKey = phoneticKey(family.at(-1) ?? '', index);
  const givenKey = phoneticKey(given[0] ?? '', index);
  return { nameKey, familyKey, givenKey };
}
