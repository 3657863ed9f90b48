// Registrations racing each other: distinct case numbers, every duplicate pair in the review queue
// (even when both records were being registered at the same moment), an intact audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness';
import { verifyAuditChain } from '../../platform/audit/audit';
import { isolatedSite, PERSON_PERMISSIONS, register } from './registry.fixtures';

const GIVEN = ['Mamadou', 'Awa', 'Oumar', 'Kadiatou', 'Fatoumata', 'Moussa', 'Seydou', 'Aminata', 'Boubacar', 'Mariam', 'Ibrahim', 'Salif', 'Hawa', 'Adama', 'Bakary', 'Djénéba', 'Lassana', 'Rokia', 'Sékou', 'Assétou', 'Modibo', 'Nana', 'Tiémoko', 'Oumou', 'Youssouf'];
const FAMILY = ['Coulibaly', 'Traoré', 'Keïta', 'Diarra', 'Sangaré', 'Konaté', 'Dembélé', 'Cissé', 'Touré', 'Maïga', 'Sidibé', 'Doumbia', 'Kanté', 'Camara', 'Sylla', 'Bagayoko', 'Fofana', 'Sissoko', 'Ballo', 'Guindo', 'Kouyaté', 'Samaké', 'Tangara', 'Berthé', 'Dicko'];

let h: Harness;
let worker: { id: string; token: string };
let site: { id: string; code: string; prefix: string };

beforeAll(async () => {
  h = await createHarness();
  site = await isolatedSite(h, await h.login('admin'));
  worker = await h.userWith({ permissions: [...PERSON_PERMISSIONS], scope: 'site', site: site.code });
});
afterAll(() => h.close());

describe('50 registrations at once', () => {
  it('get distinct consecutive case numbers, queue every pair of twins and keep the audit chain intact', async () => {
    // 25 people, each registered twice at the same moment (the second time with a spelling slip).
    const inputs = GIVEN.flatMap((given, i) => {
      const family = FAMILY[i] ?? 'Diallo';
      const base = { givenName: given, familyName: family, dateOfBirth: `${1970 + i}-03-1${i % 10}`, nationality: 'MLI', registeredOn: '2025-06-01' };
      return [base, { ...base, familyName: family.toLowerCase() }];
    });
    const people = await Promise.all(inputs.map((input) => register(h, worker.token, input)));

    const numbers = people.map((p) => p.caseNumber);
    expect(new Set(numbers).size).toBe(50);
    const sequence = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect((sequence.at(-1) ?? 0) - (sequence[0] ?? 0)).toBe(49); // consecutive: every registration succeeded, none lost its number

    const queued = await h.database.db.selectFrom('duplicateCandidates').select(['firstId', 'secondId']).where('status', '=', 'open').execute();
    const pairs = new Set(queued.map((q) => `${q.firstId}|${q.secondId}`));
    for (let i = 0; i < 50; i += 2) {
      const [a, b] = [people[i]?.id ?? '', people[i + 1]?.id ?? ''].sort();
      expect(pairs.has(`${a}|${b}`), `${GIVEN[i / 2] ?? ''} registered twice is not in the review queue`).toBe(true);
    }

    const entries = await h.database.db.selectFrom('auditLog').select(['entityId', 'seq']).where('action', '=', 'person.create').where('entityId', 'in', people.map((p) => p.id)).execute();
    expect(entries).toHaveLength(50);
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });
});
