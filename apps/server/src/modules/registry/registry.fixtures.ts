// Test fixtures for registry tests: an isolated site of their own, and people registered through the API.
import { bearer, unique, type Harness } from '../../../test/harness';

/** Creates a transit centre nobody else uses, so a test's people never meet another test's. */
export async function isolatedSite(h: Harness, adminToken: string, organisation = 'iom'): Promise<{ id: string; code: string; prefix: string }> {
  const code = unique('site-');
  const prefix = `T${Math.random().toString(36).slice(2, 6).toUpperCase().replace(/[^A-Z]/g, 'Q')}`;
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/sites',
    headers: bearer(adminToken),
    payload: { code, name: `Centre ${code}`, kind: 'transit_centre', organisationId: await h.orgId(organisation), pcode: 'ML0701', capacity: 10, caseCodePrefix: prefix },
  });
  if (res.statusCode !== 201) throw new Error(`site creation failed: ${res.body}`);
  return { id: (res.json() as { id: string }).id, code, prefix };
}

/** Registers a person and returns the response body (throws unless 201). */
export async function register(h: Harness, token: string, person: Record<string, unknown>) {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/people', headers: bearer(token), payload: { sex: 'male', nationality: 'MLI', ...person } });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; caseNumber: string; version: number; possibleDuplicates: { id: string; score: number; reasons: string[] }[] } & Record<string, unknown>;
}

export const PERSON_PERMISSIONS = ['person.read', 'person.create', 'person.update'] as const;
