// Fuzzing every route of the OpenAPI document (SPEC §13, §15: "zero 500s from malformed input"):
// a user holding every permission sends generated hostile requests; every answer is below 500 and
// every refusal has the error shape {error: {code, message, fields?}}. Seeded and bounded: about
// twelve requests a route by default, TAAMA_FUZZ_RUNS=<n> for more, TAAMA_FUZZ_SEED to change the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@taama/core';
import { createHarness, type Harness } from '../harness';
import { hostileRequests } from './hostile';
import { routeKey, routesOf, type OpenApiDoc, type RouteInfo } from './routes';

const RUNS = Number(process.env.TAAMA_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.TAAMA_FUZZ_SEED ?? 20_251_129);

/** Routes the fuzzer leaves alone: signing out would end the fuzzing session. */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login']);

let h: Harness;
let token: string;
let routes: RouteInfo[];
let total = 0;

beforeAll(async () => {
  h = await createHarness();
  routes = routesOf((await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc).filter((r) => !SKIPPED.has(routeKey(r)));
  token = (await h.userWith({ permissions: [...PERMISSIONS], scope: 'all', maxSensitivity: 'sensitive', site: 'gao' })).token;
});
afterAll(async () => {
  await h.close();
});

/** What is wrong with an answer, or undefined when it is a proper answer. */
function problemOf(status: number, contentType: string, body: string): string | undefined {
  if (status >= 500) return `status ${status}: ${body.slice(0, 300)}`;
  if (status < 400) return undefined;
  if (!contentType.includes('application/json')) return `status ${status} with content type ${contentType}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `status ${status} with a body that is not JSON`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; fields?: unknown } }).error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return `status ${status} without the error shape: ${body.slice(0, 200)}`;
  if (error.fields !== undefined && (typeof error.fields !== 'object' || error.fields === null || Object.values(error.fields).some((v) => typeof v !== 'string'))) return `status ${status} with malformed fields`;
  return undefined;
}

/** The area of a route (its first path segment after /api/v1), one test per area. */
function areaOf(route: RouteInfo): string {
  return route.path.split('/')[3] ?? '';
}

describe('fuzzing every route', () => {
  it('knows the routes', () => {
    expect(routes.length).toBeGreaterThan(200);
  });

  const areas = ['auth', 'me', 'users', 'roles', 'permissions', 'organisations', 'sites', 'audit', 'reference', 'people', 'duplicates', 'groups', 'transit-cases', 'stays', 'referrals', 'tasks', 'protection', 'flows', 'indicators', 'logframe', 'periods', 'reports', 'budget', 'awareness', 'mobility', 'reintegration-cases', 'reintegration-projects', 'reintegration', 'rss', 'arrivals', 'returns', 'movements', 'health'];

  it.each(areas)('/%s: no 500, every refusal in the error shape', { timeout: 600_000 }, async (area) => {
    const failures: string[] = [];
    const mine = routes.filter((r) => areaOf(r) === area);
    for (const [i, route] of mine.entries()) {
      const seed = SEED + routes.indexOf(route) * 7919 + i;
      for (const req of hostileRequests(route, seed, RUNS, token)) {
        const res = await h.app.inject({ method: req.method as 'GET', url: req.url, headers: req.headers, ...(req.payload === undefined ? {} : { payload: req.payload }) });
        total++;
        const problem = problemOf(res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
        if (problem) failures.push(`${routeKey(route)} [${req.what}] (seed ${seed}) → ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('covers every route (each area above is tested)', () => {
    const missing = routes.filter((r) => !areas.includes(areaOf(r))).map(routeKey);
    expect(missing).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(routes.length * RUNS - routes.length);
  });
});
