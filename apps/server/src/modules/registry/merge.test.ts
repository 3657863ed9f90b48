import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { verifyAuditChain } from '../../platform/audit/audit';
import { isolatedSite, register } from './registry.fixtures';

let h: Harness;
let reviewer: { id: string; token: string };
let site: { id: string; code: string };

beforeAll(async () => {
  h = await createHarness();
  site = await isolatedSite(h, await h.login('admin'));
  reviewer = await h.userWith({
    permissions: ['person.read', 'person.create', 'person.update', 'person.merge', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'referral.manage'],
    scope: 'site',
    site: site.code,
  });
});
afterAll(() => h.close());

const post = (url: string, payload?: object) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(reviewer.token), ...(payload ? { payload } : {}) });
const get = (url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(reviewer.token) });

async function linkedCounts(personId: string) {
  const db = h.database.db;
  const count = async (table: 'transitCases' | 'services' | 'referrals' | 'consents' | 'identityDocuments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('personId', '=', personId).executeTakeFirstOrThrow()).n);
  return { cases: await count('transitCases'), services: await count('services'), referrals: await count('referrals'), consents: await count('consents'), documents: await count('identityDocuments') };
}

async function withCase(personId: string, services: number) {
  const c = await post('/transit-cases', { personId, openedOn: '2025-04-01' });
  expect(c.statusCode).toBe(201);
  for (let i = 0; i < services; i++) expect((await post(`/transit-cases/${c.json().id}/services`, { type: 'food', date: '2025-04-02', quantity: 1 })).statusCode).toBe(201);
  expect((await post(`/transit-cases/${c.json().id}/referrals`, { kind: 'internal', service: 'avr' })).statusCode).toBe(201);
  return c.json().id as string;
}

describe('merge and unmerge', () => {
  it('moves every linked record to the survivor and back again, counts unchanged in total', async () => {
    const a = await register(h, reviewer.token, { givenName: 'Ibrahima', familyName: 'Diallo', dateOfBirth: '1992-07-07', nationality: 'GIN', consent: { method: 'explicit_oral' }, documents: [{ type: 'passport', number: 'G1234567' }] });
    const b = await register(h, reviewer.token, { givenName: 'Ibrahim', familyName: 'Jallow', dateOfBirth: '1992-01-01', dobPrecision: 'year', nationality: 'GIN', phone: '+224620000001', consent: { method: 'explicit_signed' } });
    expect(b.possibleDuplicates.map((d) => d.id)).toContain(a.id);
    const queue = (await get('/duplicates?limit=500')).json();
    expect(queue.items.some((p: { first: { id: string }; second: { id: string } }) => [p.first.id, p.second.id].sort().join() === [a.id, b.id].sort().join())).toBe(true);
    await withCase(a.id, 1);
    const bCase = await withCase(b.id, 2);
    const before = { a: await linkedCounts(a.id), b: await linkedCounts(b.id) };

    const merged = await post(`/people/${b.id}/merge`, { intoId: a.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: a.id, status: 'active', phones: ['+224620000001'], otherNames: ['Ibrahim Jallow'] });
    const afterMerge = await linkedCounts(a.id);
    expect(afterMerge).toEqual({
      cases: before.a.cases + before.b.cases,
      services: before.a.services + before.b.services,
      referrals: before.a.referrals + before.b.referrals,
      consents: before.a.consents + before.b.consents,
      documents: before.a.documents + before.b.documents,
    });
    expect(await linkedCounts(b.id)).toEqual({ cases: 0, services: 0, referrals: 0, consents: 0, documents: 0 });
    expect((await get(`/transit-cases/${bCase}`)).json().person.id).toBe(a.id);
    expect((await get(`/people/${b.id}`)).json()).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    expect((await get('/people?q=Jallow')).json().items.map((p: { id: string }) => p.id)).not.toContain(b.id);
    expect((await get('/duplicates?limit=500')).json().items.some((p: { first: { id: string } }) => p.first.id === b.id || p.first.id === a.id)).toBe(false);
    expect((await post(`/people/${a.id}/merge`, { intoId: b.id })).statusCode).toBe(409);

    const restored = await post(`/people/${b.id}/unmerge`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: b.id, status: 'active', mergedIntoId: null });
    expect(await linkedCounts(a.id)).toEqual(before.a);
    expect(await linkedCounts(b.id)).toEqual(before.b);
    expect((await get(`/people/${a.id}`)).json()).toMatchObject({ phones: [], otherNames: [] });
    expect((await get(`/people/${b.id}/merges`)).json().items[0]).toMatchObject({ sourceId: b.id, survivorId: a.id, moved: { transit_cases: 1, services: 2, referrals: 1, consents: 1 } });
    const actions = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', b.id).where('action', 'in', ['person.merge', 'person.unmerge']).orderBy('seq').execute();
    expect(actions.map((x) => x.action)).toEqual(['person.merge', 'person.unmerge']);
    expect((await post(`/people/${b.id}/unmerge`)).statusCode).toBe(409);
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });

  it('a dismissed pair leaves the queue; a record cannot merge into itself', async () => {
    const a = await register(h, reviewer.token, { givenName: 'Moussa', familyName: 'Samaké', dateOfBirth: '1985-02-02' });
    const b = await register(h, reviewer.token, { givenName: 'Mousa', familyName: 'Samake', dateOfBirth: '1985-02-02' });
    expect(b.possibleDuplicates.map((d) => d.id)).toContain(a.id);
    expect((await post(`/people/${b.id}/duplicates/${a.id}/dismiss`)).statusCode).toBe(204);
    expect(JSON.stringify((await get('/duplicates?limit=500')).json().items)).not.toContain(b.id);
    const self = await post(`/people/${a.id}/merge`, { intoId: a.id });
    expect(self.statusCode).toBe(400);
    expect(errorOf(self).fields).toHaveProperty('intoId');
  });

  it('two reviewers merging the same pair at once: one merge, no deadlock, nothing half-done', async () => {
    const a = await register(h, reviewer.token, { givenName: 'Bakary', familyName: 'Fofana', dateOfBirth: '1979-09-09' });
    const b = await register(h, reviewer.token, { givenName: 'Bakari', familyName: 'Fofanah', dateOfBirth: '1979-09-09' });
    const results = await Promise.all([post(`/people/${b.id}/merge`, { intoId: a.id }), post(`/people/${a.id}/merge`, { intoId: b.id })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const statuses = await h.database.db.selectFrom('people').select('status').where('id', 'in', [a.id, b.id]).execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['active', 'merged']);
    expect(await h.database.db.selectFrom('personMerges').select('id').where('sourceId', 'in', [a.id, b.id]).execute()).toHaveLength(1);
  });
});
