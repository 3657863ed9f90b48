// The generated access matrix (SPEC §1, §3): every route of the OpenAPI document × every default
// role (signed in as its demo user) and an anonymous caller answers as `access-matrix.md` says; reads
// of the fixtures' records answer 200 in scope and 404 out of scope; and no answer of any read —
// lists, searches, exports, reports, drill-downs — carries a fixture's name, phone, birth date or
// case number to a role without `person.read`, nor a sensitive text to a role below `sensitive`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type RoleDefinition, type Sensitivity } from '@taama/core';
import { bearer, createHarness, type Harness } from '../harness';
import { answerText, backedByFixtures, labelledAbove, urlFor } from './answers';
import { makeFixtures, type Fixtures } from './fixtures';
import { DEMO_USER_OF_ROLE, expectationTable, expectedFor, isWrite, routeKey, routesOf, type OpenApiDoc, type RouteInfo } from './routes';

const TABLE_FILE = fileURLToPath(new URL('./access-matrix.md', import.meta.url));

let h: Harness;
let routes: RouteInfo[];
let f: Fixtures;
let indicatorCodes: string[];
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await createHarness();
  const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc;
  routes = routesOf(doc);
  f = await makeFixtures(h);
  for (const username of Object.values(DEMO_USER_OF_ROLE)) tokens.set(username, await h.login(username));
  const defs = await h.app.inject({ method: 'GET', url: '/api/v1/indicators/definitions', headers: bearer(f.root.token) });
  indicatorCodes = (defs.json() as { items: { code: string }[] }).items.map((d) => d.code);
});
afterAll(() => h.close());

/** Routes the sweep must not call: signing out would end the session the sweep runs on. */
const NOT_SWEPT = new Set(['POST /api/v1/auth/logout']);

interface Answer {
  route: string;
  url: string;
  status: number;
  text: string;
  /** Labelled fields above the caller's ceiling found in a JSON answer (the redaction missed them). */
  overCeiling: string[];
}

/** Calls every route as one caller; reads on the fixtures, writes on unknown ids with an empty body. */
async function sweep(token: string | undefined, ceiling: Sensitivity = 'sensitive'): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const route of routes) {
    if (NOT_SWEPT.has(routeKey(route))) continue;
    const urls =
      route.path === '/api/v1/indicators/{code}/records' || route.path === '/api/v1/indicators/definitions/{code}'
        ? indicatorCodes.map((code) => urlFor(route, f, 'fixtures', { code }))
        : [urlFor(route, f, isWrite(route) ? 'unknown' : 'fixtures')];
    for (const url of urls) {
      const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(isWrite(route) ? { 'if-match': '1' } : {}) };
      const payload = isWrite(route) && route.body ? {} : undefined;
      const res = await h.app.inject({ method: route.method as 'GET', url, headers, ...(payload ? { payload } : {}) });
      const read = res.statusCode === 200 && !isWrite(route);
      const json = read && String(res.headers['content-type']).includes('json');
      answers.push({
        route: routeKey(route),
        url,
        status: res.statusCode,
        text: read ? await answerText(res) : '',
        overCeiling: json ? labelledAbove(route.response, res.json(), ceiling) : [],
      });
    }
  }
  return answers;
}

/** Every difference between what a caller got and what the table expects. */
function differences(answers: Answer[], role: RoleDefinition | 'anonymous'): string[] {
  const byKey = new Map(routes.map((r) => [routeKey(r), r]));
  const out: string[] = [];
  for (const a of answers) {
    const route = byKey.get(a.route);
    if (!route) continue;
    const expected = expectedFor(route, role);
    const fine =
      expected === 'ok'
        ? a.status < 500 && a.status !== 401 && a.status !== 403 && (isWrite(route) || route.params.some((p) => p.in === 'path') || a.status === 200)
        : a.status === expected;
    if (!fine) out.push(`${a.route} (${a.url}) → ${a.status}, expected ${expected === 'ok' ? (isWrite(route) ? 'past the gate' : '200') : expected}`);
  }
  return out;
}

describe('the expectation table', () => {
  it('is derived from the OpenAPI document and the default roles, and is up to date', () => {
    const table = expectationTable(routes);
    if (process.env.UPDATE_ACCESS_MATRIX) writeFileSync(TABLE_FILE, table);
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(table);
    expect(routes.length).toBeGreaterThan(200);
  });
});

describe('route × role', () => {
  it('anonymous callers get 401 everywhere but the public routes', async () => {
    expect(differences(await sweep(undefined), 'anonymous')).toEqual([]);
  });

  it.each(DEFAULT_ROLES.map((r) => [r.code, r] as const))('%s: every route answers as the table says, and nothing leaks', async (_code, role) => {
    const username = DEMO_USER_OF_ROLE[role.code];
    const token = username ? tokens.get(username) : undefined;
    expect(token).toBeDefined();
    const answers = await sweep(token, role.maxSensitivity);
    expect(differences(answers, role)).toEqual([]);
    const problems: string[] = answers.flatMap((a) => a.overCeiling.map((path) => `${a.route} (${a.url}) carries ${path}, labelled above ${role.maxSensitivity}`));
    const readsPeople = role.permissions.includes('person.read');
    for (const a of answers) {
      if (!readsPeople) for (const s of f.personal) if (a.text.includes(s)) problems.push(`${a.route} (${a.url}) carries personal data "${s}"`);
      if (role.maxSensitivity !== 'sensitive') for (const s of f.sensitive) if (a.text.includes(s)) problems.push(`${a.route} (${a.url}) carries sensitive text`);
    }
    expect(problems).toEqual([]);
  });
});

describe('sensitive data', () => {
  it('reach the cleared role (the scans above would see them)', async () => {
    const token = tokens.get('protection.officer') ?? '';
    const screenings = await h.app.inject({ method: 'GET', url: `/api/v1/transit-cases/${f.transitCase.id}/screenings`, headers: bearer(token) });
    expect(screenings.statusCode).toBe(200);
    expect(f.sensitive.some((s) => screenings.body.toLowerCase().includes(s))).toBe(true);
    const caseworker = tokens.get('caseworker.gao') ?? '';
    const people = await h.app.inject({ method: 'GET', url: `/api/v1/people?q=${f.p1.familyName}`, headers: bearer(caseworker) });
    expect(people.body.toLowerCase()).toContain(f.p1.familyName.toLowerCase());
  });
});

/**
 * Scope fixtures: for each route group, a caller who has the permission and the record in scope,
 * and one who has the permission but not the record. Adding a group is one line.
 */
const SCOPE_GROUPS: { prefix: string; id: (f: Fixtures) => string; inScope: string; outOfScope: string | { role: string; organisation: string; site?: string; regionPcode?: string } }[] = [
  { prefix: '/api/v1/people/{id}', id: (x) => x.p1.id, inScope: 'caseworker.gao', outOfScope: 'caseworker.bamako' },
  { prefix: '/api/v1/transit-cases/{id}', id: (x) => x.transitCase.id, inScope: 'caseworker.gao', outOfScope: 'caseworker.bamako' },
  { prefix: '/api/v1/returns/{id}', id: (x) => x.returnCase.id, inScope: 'return.officer', outOfScope: { role: 'return_officer', organisation: 'aecid' } },
  { prefix: '/api/v1/reintegration-cases/{id}', id: (x) => x.reintegrationCase.id, inScope: 'reintegration.kayes', outOfScope: 'gov.partner' },
  { prefix: '/api/v1/mobility/incidents/{id}', id: (x) => x.incident.id, inScope: 'awareness.officer', outOfScope: { role: 'awareness_officer', organisation: 'iom' } },
];

/** The default role a demo user holds. */
function roleOfUser(username: string): RoleDefinition | undefined {
  const code = Object.entries(DEMO_USER_OF_ROLE).find(([, u]) => u === username)?.[0];
  return DEFAULT_ROLES.find((r) => r.code === code);
}

describe('scope', () => {
  it.each(SCOPE_GROUPS.map((g) => [g.prefix, g] as const))('%s: 200 in scope, 404 out of scope, on every read and bodiless write', async (_prefix, group) => {
    const inToken = tokens.get(group.inScope) ?? (await h.login(group.inScope));
    let outToken: string;
    if (typeof group.outOfScope === 'string') outToken = tokens.get(group.outOfScope) ?? (await h.login(group.outOfScope));
    else {
      const def = DEFAULT_ROLES.find((r) => r.code === (group.outOfScope as { role: string }).role);
      if (!def) throw new Error(`no role ${group.outOfScope.role}`);
      outToken = (await h.userWith({ permissions: [...def.permissions], scope: def.scope, maxSensitivity: def.maxSensitivity, organisation: group.outOfScope.organisation, site: group.outOfScope.site ?? null, regionPcode: group.outOfScope.regionPcode ?? null })).token;
    }
    const inRole = roleOfUser(group.inScope);
    // Routes a service rule closes to the in-scope role (e.g. photos below the sensitive ceiling) say nothing about scope.
    const mine = routes.filter((r) => (r.path === group.prefix || r.path.startsWith(`${group.prefix}/`)) && backedByFixtures(r) && (!inRole || expectedFor(r, inRole) === 'ok'));
    expect(mine.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of mine) {
      const url = urlFor(route, f, 'fixtures');
      if (route.method === 'GET') {
        const inRes = await h.app.inject({ method: 'GET', url, headers: bearer(inToken) });
        if (inRes.statusCode !== 200) failures.push(`in scope ${routeKey(route)} → ${inRes.statusCode} ${inRes.body.slice(0, 200)}`);
      } else if (route.body || route.method === 'PUT' || route.method === 'PATCH') continue; // a body is validated before the record is looked up
      const outRes = await h.app.inject({ method: route.method as 'GET', url, headers: { ...bearer(outToken), 'if-match': '1' } });
      // The out-of-scope caller may also lack the permission of a write (403): either way nothing is revealed.
      if (outRes.statusCode !== 404 && !(isWrite(route) && outRes.statusCode === 403)) failures.push(`out of scope ${routeKey(route)} → ${outRes.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the audit trail', () => {
  it('keeps what was searched and which case was opened, but shows it only to readers of people', async () => {
    const caseworker = tokens.get('caseworker.gao') ?? '';
    await h.app.inject({ method: 'GET', url: `/api/v1/people?q=${f.p2.familyName}`, headers: bearer(caseworker) });
    const url = `/api/v1/audit?action=person.search&limit=20`;
    const admin = await h.app.inject({ method: 'GET', url, headers: bearer(tokens.get('admin') ?? '') });
    expect(admin.statusCode).toBe(200);
    expect(admin.body.toLowerCase()).not.toContain(f.p2.familyName.toLowerCase());
    expect(admin.json().items[0].details.q).toBe('(hidden)');
    const opened = await h.app.inject({ method: 'GET', url: `/api/v1/audit?recordId=${f.transitCase.id}`, headers: bearer(tokens.get('admin') ?? '') });
    expect(opened.json().items.length).toBeGreaterThan(0);
    expect(opened.body).not.toContain(f.transitCase.caseNumber);
    const auditor = await h.userWith({ permissions: ['audit.read', 'person.read'] });
    const full = await h.app.inject({ method: 'GET', url, headers: bearer(auditor.token) });
    expect(full.body.toLowerCase()).toContain(f.p2.familyName.toLowerCase());
  });
});
