// Per-change validation against the online route's body schema, with the same strict options the
// HTTP layer uses for bodies (no coercion, unknown fields refused), so one malformed record is
// rejected alone, naming its fields, instead of failing the whole batch.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from 'typebox';
import { SENSITIVITY_KEYWORD } from '@taama/core';
import { fieldErrors } from '../../platform/http/validation';

// ajv-formats is CommonJS with a default export; under ESM interop the function sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: false, coerceTypes: false });
addFormats(ajv);
ajv.addKeyword(SENSITIVITY_KEYWORD);

const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Field errors of a record against a body schema, keyed `record.<path>`; empty when valid. */
export function recordErrors(schema: TSchema, record: unknown): Record<string, string> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(record)) return {};
  const fields = fieldErrors(validate.errors ?? [], 'body');
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) out[path === 'body' ? 'record' : `record.${path}`] = message;
  return out;
}
