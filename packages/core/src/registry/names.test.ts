import { describe, expect, it } from 'vitest';
import { foldName, nameSimilarity, nameTokens, personMatchingKeys, phoneticKey, trigramSimilarity } from './names';
import { duplicateScore, isPossibleDuplicate, type PersonForMatching } from './duplicates';

describe('foldName', () => {
  it.each([
    ['Traoré', 'traore'],
    ['TRAORE', 'traore'],
    ['Keïta', 'keita'],
    ['  Maïga-Touré ', 'maiga toure'],
    ["N'Diaye", 'n diaye'],
    ['Ségou', 'segou'],
  ])('%s → %s', (input, folded) => expect(foldName(input)).toBe(folded));
});

describe('nameTokens', () => {
  it('maps transliterations to one canonical form', () => {
    expect(nameTokens('Mamadou Keïta')).toEqual(nameTokens('MAHAMADOU KEITA'));
    expect(nameTokens('Mohamed Jallow')).toEqual(nameTokens('Mamadou Diallo'));
    expect(nameTokens('Usman Kulibali')).toEqual(nameTokens('Ousmane Coulibaly'));
  });
});

describe('phoneticKey', () => {
  it.each([
    ['Traoré', 'Trawore'],
    ['Diallo', 'Djallo'],
    ['Coulibaly', 'Kulubali'],
    ['Sissoko', 'Cissoko'],
    ['Diakité', 'Jakite'],
    ['Touré', 'Toure'],
  ])('%s and %s share a key', (a, b) => expect(phoneticKey(a)).toBe(phoneticKey(b)));
  it.each([
    ['Traoré', 'Diarra'],
    ['Keïta', 'Konaté'],
    ['Sangaré', 'Sissoko'],
    ['Traoré', 'Touré'],
    ['Koné', 'Konaté'],
  ])('%s and %s do not', (a, b) => expect(phoneticKey(a)).not.toBe(phoneticKey(b)));
});

describe('trigramSimilarity', () => {
  it('matches pg_trgm on known pairs', () => {
    // pg_trgm: similarity('traore', 'traoure') = 0.5; similarity('word', 'word') = 1
    expect(trigramSimilarity('traore', 'traoure')).toBeCloseTo(0.5, 5);
    expect(trigramSimilarity('word', 'word')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['Moussa Traoré', 'Traoré Moussa', 1],
    ['Abdoul Karim Sangaré', 'Abdoulkarim Sangare', 0.85],
    ['Fatoumata Binta Diallo', 'Fatoumata Diallo', 0.85],
    ['Mamadou Keïta', 'Mahamadou Keita', 1],
    ['Aminata Sissoko', 'Aminatou Cissoko', 1],
  ])('%s ~ %s (at least %s)', (a, b, at) => expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(at));
  it.each([
    ['Awa Diarra', 'Fatoumata Coulibaly'],
    ['Seydou Konaté', 'Ibrahim Sangaré'],
  ])('%s and %s stay apart', (a, b) => expect(nameSimilarity(a, b)).toBeLessThan(0.4));
});

describe('duplicateScore', () => {
  const base: PersonForMatching = { givenName: 'Mamadou', familyName: 'Traoré', sex: 'male', dateOfBirth: '1994-03-12', dobPrecision: 'exact', nationality: 'MLI', phones: ['+22376112233'] };

  const matches: [string, PersonForMatching, number, string[]][] = [
    ['the same record', base, 1, ['same_name', 'same_birth_date', 'same_nationality', 'same_phone']],
    ['a transliteration with the year only', { givenName: 'Mahamadou', familyName: 'TRAORE', sex: 'male', dateOfBirth: '1994-01-01', dobPrecision: 'year', nationality: 'MLI' }, 0.8, ['same_name', 'same_birth_year', 'same_nationality']],
    ['swapped given and family names', { givenName: 'Traoré', familyName: 'Mamadou', sex: 'male', dateOfBirth: '1994-03-12', nationality: 'MLI' }, 0.85, ['same_name', 'same_birth_date']],
    ['a different name but the same passport', { givenName: 'Moussa', familyName: 'Keita', documentNumbers: ['ab 123 456'] }, 0.95, ['same_document']],
    ['a misspelling outside the variant table, age estimated two years off', { givenName: 'Mamadou', familyName: 'Traori', sex: 'male', dateOfBirth: '1996-01-01', dobPrecision: 'estimated', nationality: 'MLI' }, 0.6, ['similar_name', 'close_birth_year', 'same_nationality']],
  ];
  it.each(matches)('%s is a possible duplicate', (_name, other, atLeast, reasons) => {
    const baseWithDoc = { ...base, documentNumbers: ['AB123456'] };
    const result = duplicateScore(baseWithDoc, other);
    expect(result.score).toBeGreaterThanOrEqual(atLeast);
    for (const reason of reasons) expect(result.reasons).toContain(reason);
    expect(isPossibleDuplicate(result)).toBe(true);
  });

  const apart: [string, PersonForMatching][] = [
    ['a namesake born 2001 in Guinea', { givenName: 'Mamadou', familyName: 'Traoré', sex: 'male', dateOfBirth: '2001-07-30', nationality: 'GIN' }],
    ['a namesake of the other sex', { givenName: 'Mamadou', familyName: 'Traoré', sex: 'female', dateOfBirth: '1987-01-01', dobPrecision: 'year', nationality: 'MLI' }],
    ['someone else entirely', { givenName: 'Awa', familyName: 'Diarra', sex: 'female', dateOfBirth: '1994-03-12', nationality: 'MLI' }],
  ];
  it.each(apart)('%s stays below the threshold', (_name, other) => {
    const result = duplicateScore(base, other);
    expect(isPossibleDuplicate(result)).toBe(false);
  });

  it('is symmetric and bounded', () => {
    const other: PersonForMatching = { givenName: 'Mohamed', familyName: 'Traore', dateOfBirth: '1995-05-05', nationality: 'MLI' };
    const ab = duplicateScore(base, other);
    const ba = duplicateScore(other, base);
    expect(ab.score).toBe(ba.score);
    expect(ab.score).toBeGreaterThanOrEqual(0);
    expect(ab.score).toBeLessThanOrEqual(1);
  });
});

describe('personMatchingKeys', () => {
  it('gives spelling variants the same block keys', () => {
    const a = personMatchingKeys({ givenName: 'Mamadou', familyName: 'Coulibaly' });
    const b = personMatchingKeys({ givenName: 'Mahamadou', familyName: 'Kulibali' });
    expect(a.familyKey).toBe(b.familyKey);
    expect(a.givenKey).toBe(b.givenKey);
    expect(a.nameKey).toBe(b.nameKey);
  });

  it('keeps different family names in different blocks', () => {
    expect(personMatchingKeys({ givenName: 'Mamadou', familyName: 'Traoré' }).familyKey).not.toBe(personMatchingKeys({ givenName: 'Mamadou', familyName: 'Touré' }).familyKey);
  });

  it('puts aliases into the searchable name key', () => {
    expect(personMatchingKeys({ givenName: 'Awa', familyName: 'Keïta', otherNames: ['Awa Diallo'] }).nameKey).toContain('diallo');
  });
});
