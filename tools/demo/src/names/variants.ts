// Spelling variants of a name as a second registration writes it (SPEC §4): another transliteration,
// accents dropped, given and family names swapped, a compound name split or joined, or the birth
// date known only by its year.
import { DEFAULT_NAME_VARIANTS, foldName, type DobPrecision } from '@taama/core';
import type { Rng } from '../rng';
import { NAME_POOLS } from './index';

export const SPELLING_VARIANTS = ['transliteration', 'accents', 'swapped', 'compound', 'year_only'] as const;
export type SpellingVariant = (typeof SPELLING_VARIANTS)[number];

export interface Spelled {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  dobPrecision: DobPrecision;
}

const capitalise = (s: string) => s.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** Compound given names, joined form → spaced form, so a variant can split or join them. */
const COMPOUNDS = new Map(
  Object.values(NAME_POOLS)
    .flatMap((p) => [...p.male, ...p.female])
    .filter((n) => n.includes(' '))
    .map((n) => [n.replace(/ /g, ''), n]),
);
/** Every spelling of a name in core's variant table, looked up from any of them. */
const GROUP_OF = new Map(
  Object.entries(DEFAULT_NAME_VARIANTS).flatMap(([canonical, variants]) => {
    const group = [...new Set([canonical, ...variants])];
    return group.map((v) => [v, group] as const);
  }),
);

function transliterate<T extends Spelled>(p: T, field: 'givenName' | 'familyName', rng: Rng): T | undefined {
  const tokens = p[field].split(' ');
  for (const [i, token] of tokens.entries()) {
    const folded = foldName(token);
    const choices = (GROUP_OF.get(folded) ?? []).filter((v) => v !== folded);
    if (choices.length > 0) {
      tokens[i] = capitalise(rng.pick(choices));
      return { ...p, [field]: tokens.join(' ') };
    }
  }
  return undefined;
}

/** The record written with one variant; the same record when the variant does not apply to it. */
export function spell<T extends Spelled>(p: T, variant: SpellingVariant, rng: Rng): T {
  switch (variant) {
    case 'year_only':
      return p.dobPrecision === 'exact' ? { ...p, dateOfBirth: `${p.dateOfBirth.slice(0, 4)}-01-01`, dobPrecision: 'year' } : p;
    case 'accents': {
      const [givenName, familyName] = [stripAccents(p.givenName), stripAccents(p.familyName)];
      return givenName === p.givenName && familyName === p.familyName ? p : { ...p, givenName, familyName };
    }
    case 'swapped':
      return { ...p, givenName: p.familyName, familyName: p.givenName };
    case 'compound': {
      const split = COMPOUNDS.get(p.givenName);
      if (split) return { ...p, givenName: split };
      return p.givenName.includes(' ') ? { ...p, givenName: p.givenName.replace(/ /g, '') } : p;
    }
    case 'transliteration': {
      const [field, other] = rng.next() < 0.5 ? (['givenName', 'familyName'] as const) : (['familyName', 'givenName'] as const);
      return transliterate(p, field, rng) ?? transliterate(p, other, rng) ?? p;
    }
  }
}
