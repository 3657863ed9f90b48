// The free-movement rights reference (SPEC §10). Taama ships one (packages/core); an administrator
// replaces it by placing `rights-reference.json` in the data directory — checked against the core
// schema at first use, so a broken file is reported instead of half-applied.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DEFAULT_RIGHTS_REFERENCE, RightsReference, rightsOn, type RightsAnswer, type RightsQuery } from '@taama/core';

// ajv-formats is CommonJS with a default export; under ESM interop the function sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export const RIGHTS_FILE = 'rights-reference.json';

/** Reads and validates an administrator's reference file; throws a message naming what is wrong. */
export function readRightsReference(path: string): RightsReference {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  if (!ajv.validate(RightsReference, data)) {
    const first = ajv.errors?.[0];
    throw new Error(`${path} is not a valid rights reference: ${first?.instancePath ?? ''} ${first?.message ?? ''}`.trim());
  }
  return data as RightsReference;
}

const cache = new Map<string, RightsReference>();

/** The reference in force for a data directory: the administrator's file if present, else the shipped one. */
export function rightsReferenceFor(dataDir: string): RightsReference {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const path = join(dataDir, RIGHTS_FILE);
  const reference = existsSync(path) ? readRightsReference(path) : DEFAULT_RIGHTS_REFERENCE;
  cache.set(dataDir, reference);
  return reference;
}

/** The regime and rules for a national of one country in another on a date. */
export function rightsAnswer(dataDir: string, query: RightsQuery): RightsAnswer {
  return rightsOn(query.date, query.nationality, query.hostCountry, rightsReferenceFor(dataDir));
}
