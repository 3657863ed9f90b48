// Request validation: bodies are checked strictly (no coercion, unknown fields refused); query
// strings and path parameters are text, so they are coerced to the declared types.
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { SENSITIVITY_KEYWORD } from '@taama/core';

// ajv-formats is CommonJS with a default export; under ESM interop the function sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: false, ...options });
  addFormats(ajv);
  ajv.addKeyword(SENSITIVITY_KEYWORD);
  return ajv;
}

/** Installs the two validators on the app. */
export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv({ coerceTypes: false });
  const coercing = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
}

/** Turns Ajv errors into `{ "field.path": "message" }`, one message per field. */
export function fieldErrors(errors: readonly ErrorObject[], context?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    let path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      path = [path, (error.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      path = [path, (error.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
      message = 'is not an allowed field';
    } else if (error.keyword === 'enum') {
      message = `must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    } else if (error.keyword === 'anyOf' && path in fields) {
      continue; // the branch errors already say more
    }
    if (!path) path = context === 'body' ? 'body' : (context ?? 'request');
    if (!(path in fields)) fields[path] = message;
  }
  return fields;
}
