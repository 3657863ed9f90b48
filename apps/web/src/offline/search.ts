// Searching the local copy: the people search and the duplicate check run on the device with the
// same matching keys and scores as the server (core's personMatchingKeys / duplicateScore).
import { duplicateScore, nameSimilarity, personMatchingKeys, type PersonForMatching } from '@taama/core';
import { currentValue } from './merge';
import type { Vault } from './vault';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function forMatching(p: Record<string, unknown>): PersonForMatching {
  const documents = Array.isArray(p.documents) ? p.documents : [];
  return {
    givenName: str(p.givenName),
    familyName: str(p.familyName),
    otherNames: strings(p.otherNames),
    sex: (str(p.sex) || null) as PersonForMatching['sex'],
    dateOfBirth: str(p.dateOfBirth) || null,
    dobPrecision: (str(p.dobPrecision) || null) as PersonForMatching['dobPrecision'],
    nationality: str(p.nationality) || null,
    phones: strings(p.phones),
    documentNumbers: [
      ...strings(p.documentNumbers),
      ...documents.map((d: unknown) => (typeof d === 'object' && d !== null && 'number' in d ? str(d.number) : '')).filter(Boolean),
    ],
  };
}

/** The summary row the people list shows. */
function summary(p: Record<string, unknown>, score?: number): Record<string, unknown> {
  const fields = ['id', 'caseNumber', 'status', 'givenName', 'familyName', 'sex', 'dateOfBirth', 'dobPrecision', 'nationality', 'siteId', 'siteName', 'registeredOn'];
  const row: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, p[f] ?? null]));
  if (score !== undefined) row.score = score;
  return row;
}

/** People of the local copy matching a search (name keys, case number, phone, document). */
export function searchPeople(vault: Vault, q: string, limit = 50): Record<string, unknown>[] {
  const people = vault.all('person').map(currentValue);
  const query = q.trim();
  if (!query) return people.slice(0, limit).map((p) => summary(p));
  const needle = query.toLowerCase();
  const probeKeys = personMatchingKeys({ givenName: query, familyName: '' });
  const found: { p: Record<string, unknown>; score: number }[] = [];
  for (const p of people) {
    const m = forMatching(p);
    const exact = str(p.caseNumber).toLowerCase() === needle || (m.phones ?? []).some((x) => x.replace(/\s/g, '') === query.replace(/\s/g, '')) || (m.documentNumbers ?? []).some((d) => d.toLowerCase() === needle);
    if (exact) {
      found.push({ p, score: 1 });
      continue;
    }
    const keys = personMatchingKeys(m);
    const words = probeKeys.nameKey.split(' ').filter(Boolean);
    const hit = words.length > 0 && words.every((w) => keys.nameKey.split(' ').some((k) => k.startsWith(w)));
    if (hit) {
      found.push({ p, score: words.length / Math.max(1, keys.nameKey.split(' ').length) });
      continue;
    }
    // Spelling variants ("Mamadou" / "Mamadu") as the server's fuzzy search finds them.
    const similarity = nameSimilarity(query, [m.givenName, m.familyName, ...(m.otherNames ?? [])].join(' '));
    if (similarity >= 0.7) found.push({ p, score: similarity * 0.9 });
  }
  return found
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ p, score }) => summary(p, score));
}

/** Possible duplicates of a record being typed, scored against the local copy. */
export function duplicatesOf(vault: Vault, input: Record<string, unknown>): { id: string; score: number; reasons: string[]; person: Record<string, unknown> }[] {
  const probe = forMatching(input);
  if (!probe.givenName || !probe.familyName) return [];
  const out: { id: string; score: number; reasons: string[]; person: Record<string, unknown> }[] = [];
  for (const local of vault.all('person')) {
    const p = currentValue(local);
    const { score, reasons } = duplicateScore(probe, forMatching(p));
    if (score >= 0.6) out.push({ id: local.id, score, reasons, person: summary(p) });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 10);
}
