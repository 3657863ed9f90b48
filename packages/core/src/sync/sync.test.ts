// Table-driven checks of the offline merge rules: what merges, what conflicts, what is refused.
import { describe, expect, it } from 'vitest';
import { canonicalJson, changedFields, decideMerge, jsonEqual, resolutionChange, type SyncMergeInput } from './merge';
import { parseChangeType, SYNC_CHANGE_TYPES } from './codes';

const theirs = { id: 'p1', givenName: 'Awa', familyName: 'Traoré', phone: '+22370000000', languages: ['fr', 'bm'], version: 3 };

describe('decideMerge', () => {
  const cases: { name: string; input: Omit<SyncMergeInput, 'theirs' | 'theirsVersion'> & { theirsVersion?: number }; expected: ReturnType<typeof decideMerge> }[] = [
    {
      name: 'same version: the patch applies as sent',
      input: { mine: { phone: '+22371111111' }, base: { phone: '+22370000000' }, baseVersion: 3 },
      expected: { kind: 'apply', patch: { phone: '+22371111111' }, merged: false },
    },
    {
      name: 'same version: a field equal to its base is not a change',
      input: { mine: { phone: '+22370000000', familyName: 'Keita' }, base: { phone: '+22370000000', familyName: 'Traoré' }, baseVersion: 3 },
      expected: { kind: 'apply', patch: { familyName: 'Keita' }, merged: false },
    },
    {
      name: 'newer server, disjoint fields: the device field merges on top',
      input: { mine: { phone: '+22371111111' }, base: { phone: '+22370000000' }, baseVersion: 2 },
      expected: { kind: 'apply', patch: { phone: '+22371111111' }, merged: true },
    },
    {
      name: 'newer server changed the same field differently: conflict with both sides',
      input: { mine: { familyName: 'Keita' }, base: { familyName: 'Traore' }, baseVersion: 2 },
      expected: { kind: 'conflict', fields: [{ field: 'familyName', base: 'Traore', mine: 'Keita', theirs: 'Traoré' }] },
    },
    {
      name: 'newer server made the same change: nothing left to apply, no conflict',
      input: { mine: { familyName: 'Traoré' }, base: { familyName: 'Traore' }, baseVersion: 1 },
      expected: { kind: 'apply', patch: {}, merged: true },
    },
    {
      name: 'newer server, unknown base for a field whose value differs: conflict (never overwrite blind)',
      input: { mine: { givenName: 'Aïssata' }, base: undefined, baseVersion: 2 },
      expected: { kind: 'conflict', fields: [{ field: 'givenName', base: null, mine: 'Aïssata', theirs: 'Awa' }] },
    },
    {
      name: 'arrays compare by value: a reordered list is a change',
      input: { mine: { languages: ['bm', 'fr'] }, base: { languages: ['fr', 'bm'] }, baseVersion: 2 },
      expected: { kind: 'apply', patch: { languages: ['bm', 'fr'] }, merged: true },
    },
    {
      name: 'one overlapping field makes the whole edit a conflict (the disjoint one waits for the user)',
      input: { mine: { phone: '+22371111111', familyName: 'Keita' }, base: { phone: '+22370000000', familyName: 'Diallo' }, baseVersion: 2 },
      expected: { kind: 'conflict', fields: [{ field: 'familyName', base: 'Diallo', mine: 'Keita', theirs: 'Traoré' }] },
    },
    {
      name: 'bookkeeping fields never merge',
      input: { mine: { id: 'p1', version: 9, phone: '+22371111111' }, base: { phone: '+22370000000' }, baseVersion: 3 },
      expected: { kind: 'apply', patch: { phone: '+22371111111' }, merged: false },
    },
    {
      name: 'a base version the server never had is refused',
      input: { mine: { phone: '+22371111111' }, base: { phone: '+22370000000' }, baseVersion: 4 },
      expected: { kind: 'invalid_base' },
    },
    {
      name: 'null and absent are the same value',
      input: { mine: { otherNames: null }, base: { otherNames: null }, baseVersion: 1 },
      expected: { kind: 'apply', patch: {}, merged: true },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      expect(decideMerge({ ...input, theirs, theirsVersion: input.theirsVersion ?? 3 })).toEqual(expected);
    });
  }
});

describe('helpers', () => {
  it('changedFields keeps fields without a base value', () => {
    expect(changedFields({ a: 1, b: 2, c: 3 }, { a: 1, b: 5 })).toEqual(['b', 'c']);
  });
  it('jsonEqual compares nested objects by keys, not order', () => {
    expect(jsonEqual({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2 }] } })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: 1 }, [1])).toBe(false);
  });
  it('canonicalJson is independent of key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('resolutionChange sends the chosen values against the server version', () => {
    const fields = [
      { field: 'familyName', base: 'Traore', mine: 'Keita', theirs: 'Traoré' },
      { field: 'phone', base: null, mine: '+22371111111', theirs: '+22370000000' },
    ];
    expect(resolutionChange(theirs, { familyName: 'mine', phone: 'theirs' }, fields)).toEqual({
      record: { id: 'p1', familyName: 'Keita' },
      base: { familyName: 'Traoré' },
      baseVersion: 3,
    });
  });
  it('change types split into entity and operation', () => {
    expect(SYNC_CHANGE_TYPES).toContain('person.update');
    expect(SYNC_CHANGE_TYPES).not.toContain('arrival.update');
    expect(parseChangeType('arrivalAssistance.create')).toEqual({ entity: 'arrivalAssistance', op: 'create' });
  });
});
