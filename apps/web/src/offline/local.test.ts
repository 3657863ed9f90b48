// The offline-aware layer under the API client: carried writes become outbox changes with client
// ids and the right base, the device copy answers the reads the offline screens need.
import { beforeEach, describe, expect, it } from 'vitest';
import { isUuid } from '@taama/core';
import { handleOffline, NOT_HANDLED } from './local';
import { freshIndexedDb, testVault } from './testing';

const awa = { givenName: 'Awa', familyName: 'Maïga', sex: 'female', nationality: 'MLI', dateOfBirth: '1998-01-01', dobPrecision: 'year', phones: ['+22370000001'] };

describe('offline-aware requests', () => {
  beforeEach(() => freshIndexedDb());

  it('queues a registration with a client UUIDv7 id and answers it with local duplicates', async () => {
    const vault = await testVault();
    await vault.put({ entity: 'person', id: 'known', version: 2, record: { ...awa, caseNumber: 'ML-GAO-2024-000001' } });
    const created = (await handleOffline(vault, { method: 'POST', path: '/people', body: { ...awa, givenName: 'Awa' } })) as Record<string, unknown>;
    const [entry] = await vault.outbox();
    expect(entry?.change.type).toBe('person.create');
    expect(isUuid(String(entry?.change.record.id))).toBe(true);
    expect(entry?.change.record.id).toBe(created.id);
    expect(isUuid(entry?.change.idempotencyKey ?? '')).toBe(true);
    expect(created.possibleDuplicates).toMatchObject([{ id: 'known' }]);
    expect(vault.get('person', String(created.id))?.version).toBe(0);
  });

  it('puts the case id on a service recorded under a case', async () => {
    const vault = await testVault();
    await vault.put({ entity: 'transitCase', id: 'c1', version: 3, record: { id: 'c1', status: 'open' } });
    await handleOffline(vault, { method: 'POST', path: '/transit-cases/c1/services', body: { type: 'food', date: '2026-11-29', quantity: 1 } });
    const [entry] = await vault.outbox();
    expect(entry?.change).toMatchObject({ type: 'service.create', record: { transitCaseId: 'c1', type: 'food' } });
    const composed = (await handleOffline(vault, { method: 'GET', path: '/transit-cases/c1' })) as { services: unknown[]; abilities: { addServices: boolean } };
    expect(composed.services).toHaveLength(1);
    expect(composed.abilities.addServices).toBe(true);
  });

  it('numbers an offline screening and derives its priority with the same rule as the server', async () => {
    const vault = await testVault();
    await vault.put({ entity: 'transitCase', id: 'c1', version: 1, record: { id: 'c1', status: 'open' } });
    await vault.put({ entity: 'screening', id: 's1', version: 1, record: { id: 's1', transitCaseId: 'c1', sequence: 1 } });
    const screening = (await handleOffline(vault, { method: 'POST', path: '/transit-cases/c1/screenings', body: { flags: ['pregnant'], riskFactors: {}, protectiveFactors: {} } })) as Record<string, unknown>;
    expect(screening).toMatchObject({ sequence: 2, priority: 'medium', priorityBecause: 'flag:pregnant', transitCaseId: 'c1' });
    const composed = (await handleOffline(vault, { method: 'GET', path: '/transit-cases/c1' })) as { screenings: { id: string }[] };
    expect(composed.screenings.map((s) => s.id)).toEqual([screening.id, 's1']);
  });

  it('sends an edit with the version edited and the base values of the changed fields', async () => {
    const vault = await testVault();
    await vault.put({ entity: 'person', id: 'p1', version: 4, record: { ...awa, birthPlace: 'Gao' } });
    const answer = (await handleOffline(vault, { method: 'PATCH', path: '/people/p1', body: { birthPlace: 'Kidal' }, version: 4 })) as Record<string, unknown>;
    expect(answer).toMatchObject({ birthPlace: 'Kidal', abilities: { update: true } });
    const [entry] = await vault.outbox();
    expect(entry?.change).toMatchObject({ type: 'person.update', baseVersion: 4, record: { id: 'p1', birthPlace: 'Kidal' }, base: { birthPlace: 'Gao' } });
  });

  it('folds an edit of a record created offline into its queued creation', async () => {
    const vault = await testVault();
    const created = (await handleOffline(vault, { method: 'POST', path: '/people', body: awa })) as { id: string };
    await handleOffline(vault, { method: 'PATCH', path: `/people/${created.id}`, body: { birthPlace: 'Ménaka' }, version: 0 });
    const entries = await vault.outbox();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.change.record).toMatchObject({ id: created.id, birthPlace: 'Ménaka', givenName: 'Awa' });
  });

  it('searches the device copy and leaves other requests to fail as before', async () => {
    const vault = await testVault();
    await vault.put({ entity: 'person', id: 'p1', version: 1, record: { ...awa, caseNumber: 'ML-GAO-2024-000001' } });
    await vault.put({ entity: 'person', id: 'p2', version: 1, record: { givenName: 'Bakary', familyName: 'Traoré', caseNumber: 'ML-GAO-2024-000002' } });
    const found = (await handleOffline(vault, { method: 'GET', path: '/people', query: { q: 'maiga' } })) as { items: { id: string }[] };
    expect(found.items.map((p) => p.id)).toEqual(['p1']);
    const byNumber = (await handleOffline(vault, { method: 'GET', path: '/people', query: { q: 'ML-GAO-2024-000002' } })) as { items: { id: string }[] };
    expect(byNumber.items.map((p) => p.id)).toEqual(['p2']);
    expect(await handleOffline(vault, { method: 'GET', path: '/audit' })).toBe(NOT_HANDLED);
    expect(await handleOffline(vault, { method: 'POST', path: '/transit-cases/c1/tasks', body: {} })).toBe(NOT_HANDLED);
  });
});
