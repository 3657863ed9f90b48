// How records leave the sync routes: shaped and redacted by the same schema the online route
// answers with, since sync records travel as free-form objects the response hook cannot see into.
import { redact, type Sensitivity } from '@taama/core';

interface ObjectSchema {
  properties?: Record<string, unknown>;
}

/** JSON round trip: dates become ISO strings, undefined disappears (what the device stores). */
export function toJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Keeps the properties the schema declares (as the online response serializer does) and drops
 * those labelled above the caller's ceiling (as the online redaction hook does).
 */
export function shapeRecord(schema: unknown, value: Record<string, unknown>, ceiling: Sensitivity): Record<string, unknown> {
  const declared = (schema as ObjectSchema).properties;
  const picked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!declared || key in declared) picked[key] = item;
  }
  return redact(schema, toJson(picked), ceiling);
}
