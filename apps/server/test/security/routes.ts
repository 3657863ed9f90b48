// The API as the security tests see it: every route of the OpenAPI document with its declared access
// rule, and the expected answer of each default role (SPEC §1) derived from that rule and the role
// definitions in core. The expectation table is written as Markdown next to the tests, so a change
// of a route's permission or of a role shows up in review as a changed line.
import { DEFAULT_ROLES, type Permission, type RoleDefinition } from '@taama/core';

/** How a route is reached, as its OpenAPI description states it (written by the auth plugin). */
export type Access = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

export interface ParamInfo {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** A JSON Schema node as the OpenAPI document carries it. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  'x-sensitivity'?: string;
  $ref?: string;
}

export interface RouteInfo {
  method: string;
  /** OpenAPI form: `/api/v1/people/{id}`. */
  path: string;
  access: Access;
  params: ParamInfo[];
  /** The JSON body schema, when the route takes a JSON body. */
  body?: JsonSchema;
  /** Content types of the body the route accepts (multipart routes have none declared). */
  bodyTypes: string[];
  /** The success response schema (200 or 201), for field checks. */
  response?: JsonSchema;
}

interface OpenApiOperation {
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/** The OpenAPI document's shape, as far as these tests read it. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Reads a route's access rule from the sentence the auth plugin appends to its description. */
export function accessOf(description: string | undefined): Access | undefined {
  if (!description) return undefined;
  const permission = /Requires permission `([A-Za-z.]+)`/.exec(description)?.[1];
  if (permission) return { kind: 'permission', permission: permission as Permission };
  if (description.includes('Any signed-in user.')) return { kind: 'authenticated' };
  if (description.includes('Public.')) return { kind: 'public' };
  return undefined;
}

/** Every operation of the document (the document itself excluded), sorted by path then method. */
export function routesOf(doc: OpenApiDoc): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (path === '/api/v1/openapi.json') continue;
      const access = accessOf(op.description);
      if (!access) throw new Error(`${method.toUpperCase()} ${path} states no access rule in the OpenAPI document`);
      const content = op.requestBody?.content ?? {};
      const ok = op.responses?.['200'] ?? op.responses?.['201'];
      routes.push({
        method: method.toUpperCase(),
        path,
        access,
        params: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in as ParamInfo['in'], required: Boolean(p.required), schema: p.schema ?? {} })),
        body: content['application/json']?.schema,
        bodyTypes: Object.keys(content),
        response: ok?.content?.['application/json']?.schema,
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** `GET /api/v1/people/{id}`: how the table and the failures name a route. */
export function routeKey(route: Pick<RouteInfo, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** What a role may expect from a route before any record is looked at. */
export type Expected = 401 | 403 | 'ok';

/**
 * Deliberate exceptions to "holding the permission opens the route", each with its reason. They are
 * rules of a service, not of the gate, and the table shows them so nobody mistakes them for drift.
 */
export const SERVICE_RULES: { routes: string[]; roles: (role: RoleDefinition) => boolean; who: string; expected: 403; why: string }[] = [
  {
    routes: ['GET /api/v1/indicators/{code}/records'],
    roles: (r) => r.maxSensitivity === 'public',
    who: 'a public ceiling (donor)',
    expected: 403,
    why: 'aggregates only, no record-level drill-down (decision 17)',
  },
  {
    routes: ['GET /api/v1/people/{id}/photo'],
    roles: (r) => r.maxSensitivity !== 'sensitive',
    who: 'a ceiling below sensitive',
    expected: 403,
    why: 'a photo is sensitive data',
  },
  {
    routes: ['GET /api/v1/rss/instruments', 'GET /api/v1/rss/instruments/{version}'],
    roles: (r) => !r.permissions.includes('reintegrationCase.read') && !r.permissions.includes('rssInstrument.manage'),
    who: 'neither reintegrationCase.read nor rssInstrument.manage',
    expected: 403,
    why: 'instruments are reintegration work',
  },
];

/** The gate's answer for a role (or an anonymous caller) on a route. */
export function expectedFor(route: RouteInfo, role: RoleDefinition | 'anonymous'): Expected {
  if (route.access.kind === 'public') return 'ok';
  if (role === 'anonymous') return 401;
  const rule = SERVICE_RULES.find((r) => r.routes.includes(routeKey(route)) && r.roles(role));
  if (rule) return rule.expected;
  if (route.access.kind === 'authenticated') return 'ok';
  return role.permissions.includes(route.access.permission) ? 'ok' : 403;
}

/** The default roles, in the order of SPEC §1. */
export const ROLES: readonly RoleDefinition[] = DEFAULT_ROLES;

/** One demo user per default role (the README's demo users): the matrix signs in as them. */
export const DEMO_USER_OF_ROLE: Record<string, string> = {
  caseworker: 'caseworker.gao',
  return_officer: 'return.officer',
  reintegration_officer: 'reintegration.kayes',
  protection_officer: 'protection.officer',
  awareness_officer: 'awareness.officer',
  data_officer: 'data.officer',
  me_officer: 'me.officer',
  government_partner: 'gov.partner',
  donor: 'donor',
  administrator: 'admin',
};

const SHORT: Record<string, string> = {
  caseworker: 'case',
  return_officer: 'ret',
  reintegration_officer: 'reint',
  protection_officer: 'prot',
  awareness_officer: 'aware',
  data_officer: 'data',
  me_officer: 'm&e',
  government_partner: 'gov',
  donor: 'donor',
  administrator: 'admin',
};

function cell(e: Expected): string {
  return e === 'ok' ? '✓' : String(e);
}

/** The expectation table as Markdown: one line per route, one column per role. */
export function expectationTable(routes: readonly RouteInfo[]): string {
  const header = ['route', 'access', 'anon', ...ROLES.map((r) => SHORT[r.code] ?? r.code)];
  const lines = [
    '<!-- Generated by apps/server/test/security/access-matrix.test.ts from the OpenAPI document and the default roles; regenerate with UPDATE_ACCESS_MATRIX=1. -->',
    '# Access matrix: route × default role',
    '',
    '✓ = the route answers the role (2xx for its own in-scope records and lists; 404 for records outside its scope, 4xx for bad input);',
    '401 = not signed in; 403 = the role lacks the permission. Columns: ' + ROLES.map((r) => `${SHORT[r.code] ?? r.code} = ${r.code} (${r.scope}, ${r.maxSensitivity})`).join('; ') + '.',
    '',
    'Service rules beyond the gate: ' + SERVICE_RULES.map((r) => `${r.routes.join(', ')}: ${r.expected} for ${r.who} (${r.why})`).join('; ') + '.',
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
  ];
  for (const route of routes) {
    const access = route.access.kind === 'permission' ? `\`${route.access.permission}\`` : route.access.kind;
    lines.push(`| ${routeKey(route)} | ${access} | ${cell(expectedFor(route, 'anonymous'))} | ${ROLES.map((r) => cell(expectedFor(route, r))).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

/** Tells whether a route writes (the CSRF rule applies to it). */
export function isWrite(route: Pick<RouteInfo, 'method'>): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
}

/** The names of the path parameters of a route, in order. */
export function pathParams(route: Pick<RouteInfo, 'path'>): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/** Fills a route's path with values (each parameter by name; missing names get `fallback`). */
export function fillPath(route: Pick<RouteInfo, 'path'>, values: Record<string, string>, fallback: (name: string) => string): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback(name)));
}
