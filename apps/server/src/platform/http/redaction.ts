// Field sensitivity, applied once on the way out: whatever a service returns, fields labelled
// above the caller's ceiling never reach the response.
import type { FastifyInstance } from 'fastify';
import { hasSensitiveFields, redact } from '@taama/core';

const labelled = new WeakMap<object, boolean>();

function responseSchema(schemas: unknown, status: number): object | undefined {
  if (!schemas || typeof schemas !== 'object') return undefined;
  const table = schemas as Record<string, unknown>;
  const schema = table[String(status)] ?? table[`${String(status)[0]}xx`] ?? table.default;
  return schema && typeof schema === 'object' ? schema : undefined;
}

/** Installs the redaction hook. */
export function installRedaction(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const ctx = request.ctx;
    if (!ctx || ctx.maxSensitivity === 'sensitive') return payload;
    const schema = responseSchema(request.routeOptions.schema?.response, reply.statusCode);
    if (!schema) return payload;
    let has = labelled.get(schema);
    if (has === undefined) {
      has = hasSensitiveFields(schema);
      labelled.set(schema, has);
    }
    return has ? redact(schema, payload, ctx.maxSensitivity) : payload;
  });
}
