// The administrator's replacement of the rights reference: used when valid, refused when not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RIGHTS_REFERENCE } from '@taama/core';
import { RIGHTS_FILE, rightsAnswer, rightsReferenceFor } from './rights.service';

describe('rights reference file', () => {
  it('uses the shipped reference when the data directory has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-'));
    expect(rightsReferenceFor(dir)).toBe(DEFAULT_RIGHTS_REFERENCE);
  });

  it('uses an administrator’s valid file from the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-'));
    // A reference in which the transition has ended: Mali to Senegal falls back to no regime.
    const replaced = { ...DEFAULT_RIGHTS_REFERENCE, version: 'local-1', transition: { countries: ['BFA', 'MLI', 'NER'], from: '2025-01-29', to: '2025-12-31' } };
    writeFileSync(join(dir, RIGHTS_FILE), JSON.stringify(replaced));
    expect(rightsAnswer(dir, { date: '2025-06-01', nationality: 'MLI', hostCountry: 'SEN' }).regime).toBe('aes_transition');
    expect(rightsAnswer(dir, { date: '2026-06-01', nationality: 'MLI', hostCountry: 'SEN' }).regime).toBe('none');
  });

  it('refuses a file that does not match the schema, naming the place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-'));
    writeFileSync(join(dir, RIGHTS_FILE), JSON.stringify({ ...DEFAULT_RIGHTS_REFERENCE, writtenOn: 'yesterday' }));
    expect(() => rightsReferenceFor(dir)).toThrow(/writtenOn/);
  });
});
