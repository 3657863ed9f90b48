// Property-based checks of the sync protocol against the real API: whatever the interleaving of
// pushes, replays (also concurrent ones) and pulls from two devices, every change has exactly one
// effect, none is lost, the server ends in the same state and every device's copy converges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newId, type Permission, type SyncChange } from '@taama/core';
import { createHarness, unique, type Harness } from '../../../test/harness';
import { makeSite } from '../protection/test-people';
import { change, device, LocalCopy, push, type Device } from './sync.fixtures';

const FIELD: Permission[] = ['person.read', 'person.create', 'person.update', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'reference.read', 'sync.use'];

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await createHarness();
  const site = await makeSite(h, null);
  token = (await h.userWith({ permissions: FIELD, scope: 'site', site: site.code, maxSensitivity: 'personal' })).token;
});
afterAll(() => h.close());

type Step = { kind: 'push'; device: 0 | 1; picks: number[] } | { kind: 'concurrent'; pick: number } | { kind: 'pull'; device: 0 | 1 };

const OUTBOX_SIZE = 5;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), device: fc.constantFrom(0 as const, 1 as const), picks: fc.array(fc.nat(OUTBOX_SIZE - 1), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('concurrent' as const), pick: fc.nat(OUTBOX_SIZE - 1) }),
  fc.record({ kind: fc.constant('pull' as const), device: fc.constantFrom(0 as const, 1 as const) }),
);

/** A person and their case, created online-equivalently by one push; then an outbox about them. */
async function scenario(devices: Device[]) {
  const personId = newId();
  const caseId = newId();
  const [first] = devices;
  if (!first) throw new Error('no device');
  const created = await push(h, first, [
    change('person.create', { id: personId, givenName: 'Fanta', familyName: unique('Sissoko'), sex: 'female', nationality: 'MLI' }),
    change('transitCase.create', { id: caseId, personId, openedOn: '2025-06-01' }),
  ]);
  expect(created.map((r) => r.status)).toEqual(['applied', 'applied']);
  const serviceIds = [newId(), newId(), newId()];
  // Three new services and two edits of different fields of the person, both made on version 1.
  const outbox: SyncChange[] = [
    ...serviceIds.map((id, i) => change('service.create', { id, transitCaseId: caseId, type: 'food', date: '2025-06-0' + String(i + 2) })),
    change('person.update', { id: personId, phones: ['+22376000001'] }, { baseVersion: 1, base: { phones: [] } }),
    change('person.update', { id: personId, birthPlace: 'Kidal' }, { baseVersion: 1, base: { birthPlace: null } }),
  ];
  return { personId, caseId, serviceIds, outbox };
}

describe('sync properties', () => {
  it('any interleaving of pushes, replays and pulls converges, with exactly one effect per change and none lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const devices = [device(token), device(token)];
        const copies = [new LocalCopy(), new LocalCopy()];
        const { personId, caseId, serviceIds, outbox } = await scenario(devices);
        const pick = (i: number): SyncChange => {
          const c = outbox[i];
          if (!c) throw new Error(`no change ${i}`);
          return c;
        };
        for (const s of steps) {
          let results;
          if (s.kind === 'push') results = await push(h, devices[s.device] as Device, s.picks.map(pick));
          else if (s.kind === 'concurrent') results = (await Promise.all(devices.map((d) => push(h, d, [pick(s.pick)])))).flat();
          else await (copies[s.device] as LocalCopy).sync(h, devices[s.device] as Device);
          // Never lost: a change is applied or was already; never rejected, never a conflict.
          for (const r of results ?? []) expect(['applied', 'duplicate']).toContain(r.status);
        }
        // The outbox is flushed once more, as a device does until everything is acknowledged.
        const flushed = await push(h, devices[0] as Device, outbox);
        for (const r of flushed) expect(['applied', 'duplicate']).toContain(r.status);
        const again = await push(h, devices[1] as Device, outbox);
        expect(again.map((r) => r.status)).toEqual(outbox.map(() => 'duplicate'));

        // Exactly one effect per change, and the same end state whatever the order.
        const services = await h.database.db.selectFrom('services').select('id').where('transitCaseId', '=', caseId).execute();
        expect(services.map((x) => x.id).sort()).toEqual([...serviceIds].sort());
        const person = await h.database.db.selectFrom('people').select(['phones', 'birthPlace', 'version']).where('id', '=', personId).executeTakeFirstOrThrow();
        expect(person).toEqual({ phones: ['+22376000001'], birthPlace: 'Kidal', version: 3 });

        // Every device's copy converges to what a fresh device downloads.
        const fresh = new LocalCopy();
        await fresh.sync(h, device(token));
        for (const [i, copy] of copies.entries()) {
          await copy.sync(h, devices[i] as Device);
          expect([...copy.records.keys()].sort()).toEqual([...fresh.records.keys()].sort());
          expect(copy.get('person', personId)).toEqual(fresh.get('person', personId));
        }
        expect(fresh.get('person', personId)).toMatchObject({ version: 3, birthPlace: 'Kidal' });
        for (const id of serviceIds) expect(fresh.ids('service')).toContain(id);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});
