// Hostile input for every route, generated from its OpenAPI description with fast-check: wrong
// types, out-of-range and boundary values, oversized strings and arrays, unknown and prototype keys,
// malformed JSON, wrong content types, hostile path segments and query strings. Seeded, so a
// failure names a case that replays exactly.
import fc from 'fast-check';
import { newId } from '@taama/core';
import type { JsonSchema, ParamInfo, RouteInfo } from './routes';

/** One generated request (URL relative to the server, headers, raw payload). */
export interface HostileRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was done to the input, for the failure message. */
  what: string;
}

/** SQL injection strings (also used by the injection tests). */
export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  '" OR ""="',
  "1' UNION SELECT id, given_name, family_name FROM people --",
  "') OR pg_sleep(5) IS NULL --",
  '%\' AND 1=1 --',
  '\\',
  "' || (SELECT string_agg(username, ',') FROM users) || '",
  '$1',
  "ML01%' OR '%'='",
];

const HOSTILE_SEGMENTS = ['..', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%00', "' OR 1=1--", 'x'.repeat(199), '-1', '0', '1e309', 'null', '{}', '%E2%80%AE', '01900000-0000-7000-8000-00000000000g', ' ', 'ＡＢＣ'];

const WEIRD_STRINGS = ['', ' ', '\u0000', '\u202e', '😀'.repeat(50), '<script>alert(1)</script>', '=cmd|" /C calc"!A0', 'x'.repeat(10_000), '\ud800', '%', '_', '*', ...SQL_INJECTIONS];

/** Percent-encodes a string, lone surrogates (not encodable) replaced first. */
export function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** A plausible value for a schema (the base every mutation starts from). */
export function sampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branch = schema.anyOf ?? schema.oneOf;
  if (branch?.length) return sampleOf(branch.find((b) => b.type !== 'null') ?? branch[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return newId();
  if (schema.format === 'date') return '2025-03-01';
  if (schema.format === 'date-time') return '2025-03-01T10:00:00.000Z';
  if (schema.format === 'email') return 'someone@example.org';
  const byPattern: [RegExp, string][] = [
    [/\[A-Z\]\{3\}/, 'MLI'],
    [/\[A-Z\]\{2\}\[0-9\]/, 'ML01'],
    [/\^ML/, 'ML0101'],
    [/\\\+/, '+22370000000'],
    [/\[a-z0-9\]/, 'x1'],
    [/\[0-9\]\{4\}Q/, '2025Q1'],
  ];
  if (schema.pattern) for (const [re, v] of byPattern) if (re.test(schema.pattern)) return v;
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** A value of another type than the schema's. */
function wrongTypeFor(schema: JsonSchema): unknown[] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string' || schema.enum) return [12345, true, {}, [], -0.5];
  if (type === 'integer') return ['12', 1.5, true, [], {}, '1e3'];
  if (type === 'number') return ['12', true, [], {}];
  if (type === 'boolean') return ['true', 1, 0, 'yes', null];
  if (type === 'array') return ['a,b', 1, { 0: 'a' }, null];
  if (type === 'object') return ['{}', [], 1, null];
  return [{ $gt: '' }, [[[]]]];
}

/** Values beyond or at the edge of a schema's limits. */
function outOfRange(schema: JsonSchema): unknown[] {
  const out: unknown[] = [];
  if (schema.maxLength !== undefined) out.push('x'.repeat(schema.maxLength + 1));
  if (schema.minLength !== undefined && schema.minLength > 0) out.push('');
  if (schema.maximum !== undefined) out.push(schema.maximum + 1, Number.MAX_SAFE_INTEGER * 4);
  if (schema.minimum !== undefined) out.push(schema.minimum - 1, -2_147_483_649);
  if (schema.maxItems !== undefined) out.push(Array.from({ length: schema.maxItems + 1 }, () => sampleOf(schema.items)));
  if (schema.format === 'date') out.push('2025-02-30', '0000-01-01', '99999-01-01', '2025-1-1');
  if (schema.format === 'uuid') out.push('not-a-uuid', newId().toUpperCase() + 'x');
  if (schema.pattern) out.push('\u0000', 'ml01', 'ZZZZZZZZZZZZ');
  if (schema.enum) out.push('not_a_code', String(schema.enum[0]).toUpperCase());
  if (!out.length) out.push(...WEIRD_STRINGS.slice(0, 6));
  return out;
}

const BODY_MUTATIONS = ['not_object', 'malformed_json', 'unknown_field', 'prototype_key', 'drop_required', 'wrong_type', 'out_of_range', 'wrong_content_type', 'deep_nesting', 'null_required'] as const;

/** A body that breaks the route's schema in one chosen way (so nothing can be written). */
function hostileBody(schema: JsonSchema | undefined): fc.Arbitrary<{ payload: string; contentType: string; what: string }> {
  const base = (sampleOf(schema) ?? {}) as Record<string, unknown>;
  const props = Object.entries(schema?.properties ?? {});
  const required = schema?.required ?? [];
  return fc.tuple(fc.constantFrom(...BODY_MUTATIONS), fc.nat(), fc.nat()).map(([mutation, a, b]) => {
    const json = (value: unknown, what: string) => ({ payload: JSON.stringify(value), contentType: 'application/json', what });
    const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
    const prop = pick(props, a);
    switch (mutation) {
      case 'not_object':
        return json(pick([[], 'x', 42, null, true, [base]], a), 'a body that is not an object');
      case 'malformed_json':
        return { payload: pick(['{"a":', '{a:1}', "{'a':1}", '[1,2', '\u0000', '{"a":1}{"b":2}', 'NaN'], a) ?? '{', contentType: 'application/json', what: 'malformed JSON' };
      case 'unknown_field':
        return json({ ...base, [pick(['isAdmin', 'scope', 'organisationId_', 'version_', 'zz'], a) ?? 'zz']: true }, 'an unknown field');
      case 'prototype_key':
        return { payload: `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}${Object.keys(base).length ? ',' + JSON.stringify(base).slice(1, -1) : ''}}`, contentType: 'application/json', what: 'prototype keys' };
      case 'drop_required': {
        const key = pick(required, a);
        if (!key) return json({ ...base, zz: 1 }, 'an unknown field (nothing required)');
        const copy = { ...base };
        delete copy[key];
        return json(copy, `without required ${key}`);
      }
      case 'null_required': {
        const key = pick(required, a);
        return key ? json({ ...base, [key]: null, zz: 1 }, `null ${key}`) : json({ ...base, zz: null }, 'an unknown null field');
      }
      case 'wrong_type':
        return prop ? json({ ...base, [prop[0]]: pick(wrongTypeFor(prop[1]), b), zz: 1 }, `wrong type for ${prop[0]}`) : json([base], 'an array body');
      case 'out_of_range':
        return prop ? json({ ...base, [prop[0]]: pick(outOfRange(prop[1]), b), zz: 1 }, `out of range ${prop[0]}`) : json({ zz: 'x'.repeat(100_000) }, 'a long unknown field');
      case 'wrong_content_type':
        return { payload: pick(['<a/>', 'a=1&b=2', 'plain text', '\u0000\u0001'], a) ?? '', contentType: pick(['text/xml', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream', 'multipart/form-data; boundary=zz'], b) ?? 'text/plain', what: 'a wrong content type' };
      case 'deep_nesting':
        return { payload: '['.repeat(5000) + ']'.repeat(5000), contentType: 'application/json', what: 'deeply nested JSON' };
    }
  });
}

/** A value for a query parameter: valid edges (they reach the service) or invalid ones (they must be refused). */
function queryValue(p: ParamInfo): fc.Arbitrary<string> {
  const s = p.schema;
  const edges: string[] = [];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number') edges.push(String(s.minimum ?? 0), String(s.maximum ?? 2_147_483_648), '-1', '2147483648', '1e400', 'NaN', '1.5', '0x10', '');
  if (type === 'boolean') edges.push('true', 'false', '1', 'yes', '');
  if (s.format === 'date') edges.push('0001-01-01', '9999-12-31', '0000-01-01', '2024-02-29', '2025-02-29', '2025-13-01', '20250101');
  if (s.format === 'uuid') edges.push(newId(), 'not-a-uuid', "' OR 1=1--");
  if (s.enum) edges.push(...s.enum.map(String), 'nope', '');
  if (p.name === 'cursor') edges.push('%00', 'eyJ4IjoxfQ', 'W1siYSJdXQ', 'x'.repeat(300), '[[[[');
  if (p.name === 'period') edges.push('2021Q4', '2021Q5', '0000Q1', '9999Q4', '2021-Q1');
  if (p.name === 'by' || p.name === 'groupBy') edges.push('sex,ageGroup', 'sex,sex', 'nothing', ',,,', 'sex;drop');
  edges.push(...WEIRD_STRINGS.filter((w) => w.length < 2000));
  return fc.constantFrom(...edges);
}

/** Hostile requests for one route (a fixed number, from a seed). */
export function hostileRequests(route: RouteInfo, seed: number, runs: number, token: string): HostileRequest[] {
  const queryParams = route.params.filter((p) => p.in === 'query');
  const segment = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) });
  const query = fc.tuple(
    fc.subarray(queryParams).chain((ps) => fc.tuple(...ps.map((p) => queryValue(p).map((v) => [p.name, v] as const)))),
    fc.constantFrom<[string, string][]>([], [['unknownParam', '1']], [['limit', '1'], ['limit', '2']], [['q', '%']]),
  );
  const body: fc.Arbitrary<{ payload?: string | Buffer; contentType?: string; what: string }> =
    route.method === 'GET' || route.method === 'DELETE'
      ? fc.constant({ what: 'no body' })
      : route.body
        ? hostileBody(route.body)
        : fc.oneof(
            fc.constant({ what: 'no body' }),
            fc.uint8Array({ maxLength: 2048 }).chain((bytes) =>
              fc.constantFrom('multipart/form-data; boundary=----zz', 'image/jpeg', 'application/octet-stream', 'text/csv', 'application/json').map((contentType) => ({ payload: Buffer.from(bytes), contentType, what: `random bytes as ${contentType}` })),
            ),
          );
  const arb = fc.record({ segment, query, body, ifMatch: fc.constantFrom('1', '0', 'banana', '99999999999999999999', '"1"') });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ segment: seg, query: [params, extra], body: b, ifMatch }) => {
    const path = route.path.replace(/\{(\w+)\}/g, () => (seg === null ? newId() : encode(seg)));
    const qs = [...params, ...extra].map(([k, v]) => `${k}=${encode(v)}`).join('&');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'if-match': ifMatch };
    if (b.contentType) headers['content-type'] = b.contentType;
    return { method: route.method, url: qs ? `${path}?${qs}` : path, headers, payload: b.payload, what: `${b.what}; path segment ${seg === null ? 'uuid' : JSON.stringify(seg)}; query ${qs || '-'}` };
  });
}
