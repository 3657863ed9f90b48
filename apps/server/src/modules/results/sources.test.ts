// The sources of modules built on other branches (returns, reintegration, awareness, free movement),
// run by the real engine against temporary tables with those modules' column names (as in their
// migrations 0005–0007). Temporary tables live in this session only and vanish with the rolled-back
// transaction, so the shared test database never sees them; once the modules are merged the same
// assertions run against fresh temporary tables that shadow the real ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId, type IndicatorSource } from '@taama/core';
import { createHarness, type Harness } from '../../../test/harness';
import type { Tx } from '../../platform/db/database';
import { computeSource, type EngineResult } from './engine';
import { SOURCES } from './sources';
import { fieldTeam } from './results.fixtures';

let h: Harness;
let team: Awaited<ReturnType<typeof fieldTeam>>;
let iom: string;
let aecid: string;

beforeAll(async () => {
  h = await createHarness();
  team = await fieldTeam(h);
  iom = await h.orgId('iom');
  aecid = await h.orgId('aecid');
});
afterAll(() => h.close());

class Rollback extends Error {}

/** Runs `work` in a transaction with the modules' tables as temporary tables, then rolls it all back. */
async function withModuleTables(work: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await h.database.db.transaction().execute(async (tx) => {
      await sql`
        create temp table return_cases (id uuid primary key, person_id uuid not null, direction text not null, organisation_id uuid not null, site_id uuid not null, region_pcode text) on commit drop;
        create temp table return_case_members (id uuid primary key, return_case_id uuid not null, person_id uuid not null) on commit drop;
        create temp table movements (id uuid primary key, departed_on date) on commit drop;
        create temp table movement_passengers (id uuid primary key, movement_id uuid not null, return_case_id uuid not null, departure_status text not null) on commit drop;
        create temp table arrivals (id uuid primary key, person_id uuid not null, return_case_id uuid, site_id uuid, destination_pcode text) on commit drop;
        create temp table arrival_assistance (id uuid primary key, arrival_id uuid not null, organisation_id uuid not null, given_on date not null) on commit drop;
        create temp table reintegration_cases (id uuid primary key, person_id uuid not null, region_pcode text not null, site_id uuid, organisation_id uuid not null) on commit drop;
        create temp table assistance_items (id uuid primary key, reintegration_case_id uuid not null, status text not null, delivered_on date) on commit drop;
        create temp table communities (id uuid primary key, region_pcode text not null) on commit drop;
        create temp table awareness_activities (id uuid primary key, date date not null, community_id uuid, commune_pcode text, region_pcode text, reach_total integer, men integer, women integer, boys integer, girls integer, estimated_audience integer, organisation_id uuid not null) on commit drop;
        create temp table awareness_participants (id uuid primary key, activity_id uuid not null, sex text not null, age_group text not null, participant_key text not null) on commit drop;
        create temp table border_posts (id uuid primary key, pcode text not null) on commit drop;
        create temp table trainings (id uuid primary key, ends_on date not null, pcode text, organisation_id uuid not null) on commit drop;
        create temp table training_trainees (id uuid primary key, training_id uuid not null, sex text not null, institution_id uuid not null, completed boolean not null, trainee_key text not null) on commit drop;
        create temp table equipment_handovers (id uuid primary key, quantity integer not null, recipient_institution_id uuid not null, border_post_id uuid, handed_over_on date not null, organisation_id uuid not null) on commit drop;
      `.execute(tx);
      await work(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

const year = { span: { from: '2024-01-01', to: '2024-12-31' }, programmeStart: '2018-01-01', interval: 'quarter' as const, by: ['sex', 'ageGroup', 'region', 'partner'] as const };

async function run(tx: Tx, source: IndicatorSource, kind: 'distinct' | 'sum'): Promise<{ value: number; quarters: number[]; dims: Record<string, Record<string, number>> }> {
  const r: EngineResult = await computeSource(tx, SOURCES[source], kind, year);
  const quarters = ['2024Q1', '2024Q2', '2024Q3', '2024Q4'].map((q) => r.quarters.get(q)?.inSpan ?? 0);
  const dims: Record<string, Record<string, number>> = {};
  for (const cells of r.quarters.values()) for (const [d, t] of Object.entries(cells.dims)) for (const [k, n] of Object.entries(t)) (dims[d] ??= {})[k] = (dims[d]?.[k] ?? 0) + n;
  const value = quarters.reduce((a, b) => a + b, 0);
  for (const [d, t] of Object.entries(dims)) expect(Object.values(t).reduce((a, b) => a + b, 0), `${source} ${d} reconciles`).toBe(value);
  return { value, quarters, dims };
}

describe('sources of the modules on other branches, on their column names', () => {
  it('3.4 counts each departed outbound traveller once (members too), at the first departure, merged duplicates as one', async () => {
    const p1 = await team.person({ sex: 'male' });
    const member = await team.person({ sex: 'female', dateOfBirth: '2015-01-01' });
    const p2 = await team.person();
    const p3 = await team.person();
    const duplicate = await team.person({ sex: 'male' });
    await h.database.db.updateTable('people').set({ status: 'merged', mergedIntoId: p1 }).where('id', '=', duplicate).execute();
    await withModuleTables(async (tx) => {
      const movement = async (departedOn: string | null) => {
        const id = newId();
        await sql`insert into movements values (${id}, ${departedOn})`.execute(tx);
        return id;
      };
      const travel = async (person: string, direction: string, movementId: string, status: string) => {
        const caseId = newId();
        await sql`insert into return_cases values (${caseId}, ${person}, ${direction}, ${iom}, ${team.site.id}, 'ML07')`.execute(tx);
        await sql`insert into movement_passengers values (${newId()}, ${movementId}, ${caseId}, ${status})`.execute(tx);
        return caseId;
      };
      const march = await movement('2024-03-10');
      const family = await travel(p1, 'outbound', march, 'departed');
      await sql`insert into return_case_members values (${newId()}, ${family}, ${member})`.execute(tx);
      await travel(p1, 'outbound', await movement('2024-08-01'), 'departed');
      await travel(duplicate, 'outbound', await movement('2024-02-01'), 'departed');
      await travel(p2, 'outbound', march, 'no_show');
      await travel(p3, 'inbound', march, 'departed');
      await travel(p3, 'outbound', await movement(null), 'departed');
      const r = await run(tx, 'returns.outbound_departed', 'distinct');
      expect(r.quarters).toEqual([2, 0, 0, 0]);
      expect(r.dims.sex).toEqual({ male: 1, female: 1 });
      expect(r.dims.ageGroup).toEqual({ adult: 1, child: 1 });
      expect(r.dims.region).toEqual({ ML07: 2 });
    });
  });

  it('3.5 and 3.5 bis count a returnee once, at the first item given / delivered', async () => {
    const returnee = await team.person({ sex: 'female' });
    await withModuleTables(async (tx) => {
      const arrival = newId();
      await sql`insert into arrivals values (${arrival}, ${returnee}, null, ${team.site.id}, 'ML0301')`.execute(tx);
      await sql`insert into arrival_assistance values (${newId()}, ${arrival}, ${iom}, '2024-05-01'), (${newId()}, ${arrival}, ${iom}, '2024-05-02')`.execute(tx);
      const arrivalResult = await run(tx, 'returns.arrival_assistance', 'distinct');
      expect(arrivalResult.quarters).toEqual([0, 1, 0, 0]);
      expect(arrivalResult.dims.region).toEqual({ ML03: 1 });
      const rc = newId();
      await sql`insert into reintegration_cases values (${rc}, ${returnee}, 'ML03', null, ${iom})`.execute(tx);
      await sql`insert into assistance_items values (${newId()}, ${rc}, 'delivered', '2024-07-01'), (${newId()}, ${rc}, 'planned', null), (${newId()}, ${rc}, 'cancelled', '2024-06-01'), (${newId()}, ${rc}, 'delivered', '2024-09-01')`.execute(tx);
      const assisted = await run(tx, 'reintegration.first_assistance_delivered', 'distinct');
      expect(assisted.quarters).toEqual([0, 0, 1, 0]);
      expect(assisted.dims.partner).toEqual({ iom: 1 });
    });
  });

  it('3.3 adds counted participants (named lists once per participant, estimates left out); 3.11 counts activities; OS4 communities', async () => {
    await withModuleTables(async (tx) => {
      const [c1, c2, a1, a2, a3, a4] = [newId(), newId(), newId(), newId(), newId(), newId()];
      await sql`insert into communities values (${c1}, 'ML01'), (${c2}, 'ML02')`.execute(tx);
      await sql`insert into awareness_activities values
        (${a1}, '2024-01-15', ${c1}, 'ML010101', 'ML01', 17, 10, 5, 0, 2, null, ${aecid}),
        (${a2}, '2024-02-01', ${c1}, 'ML010101', 'ML01', 2, 1, 0, 0, 1, null, ${aecid}),
        (${a3}, '2024-04-01', ${c2}, 'ML020101', 'ML02', 2, 2, 0, 0, 0, null, ${aecid}),
        (${a4}, '2024-05-01', null, null, null, null, null, null, null, null, 1000, ${aecid})`.execute(tx);
      await sql`insert into awareness_participants values
        (${newId()}, ${a2}, 'male', 'adult', 'k1'), (${newId()}, ${a2}, 'female', 'child', 'k2'),
        (${newId()}, ${a3}, 'male', 'adult', 'k1'), (${newId()}, ${a3}, 'male', 'adult', 'k3')`.execute(tx);
      const reached = await run(tx, 'awareness.people_reached', 'sum');
      expect(reached.quarters).toEqual([19, 1, 0, 0]);
      expect(reached.dims.sex).toEqual({ male: 12, female: 8 });
      expect(reached.dims.ageGroup).toEqual({ adult: 17, child: 3 });
      expect(reached.dims.region).toEqual({ ML01: 19, ML02: 1 });
      expect((await run(tx, 'awareness.activities_held', 'sum')).quarters).toEqual([2, 2, 0, 0]);
      const communities = await run(tx, 'awareness.communities_reached', 'distinct');
      expect(communities.quarters).toEqual([1, 1, 0, 0]);
    });
  });

  it('3.7 counts completed officials once, 3.6 institutions once (training or equipment), 4.1 bis adds quantities', async () => {
    await withModuleTables(async (tx) => {
      const [t1, t2, i1, i2, i3, post] = [newId(), newId(), newId(), newId(), newId(), newId()];
      await sql`insert into border_posts values (${post}, 'ML0103')`.execute(tx);
      await sql`insert into trainings values (${t1}, '2024-06-30', 'ML0901', ${aecid}), (${t2}, '2024-11-30', 'ML0901', ${aecid})`.execute(tx);
      await sql`insert into training_trainees values
        (${newId()}, ${t1}, 'male', ${i1}, true, 'amadou diallo'), (${newId()}, ${t1}, 'female', ${i1}, false, 'awa keita'),
        (${newId()}, ${t2}, 'male', ${i1}, true, 'amadou diallo'), (${newId()}, ${t2}, 'female', ${i2}, true, 'mariam sidibe')`.execute(tx);
      await sql`insert into equipment_handovers values (${newId()}, 5, ${i1}, ${post}, '2024-01-10', ${aecid}), (${newId()}, 3, ${i3}, null, '2024-12-01', ${aecid})`.execute(tx);
      const trained = await run(tx, 'mobility.trainees_completed', 'distinct');
      expect(trained.quarters).toEqual([0, 1, 0, 1]);
      expect(trained.dims.sex).toEqual({ male: 1, female: 1 });
      const institutions = await run(tx, 'mobility.institutions_supported', 'distinct');
      expect(institutions.quarters).toEqual([1, 0, 0, 2]);
      expect(institutions.dims.region).toEqual({ ML01: 1, ML09: 1, unknown: 1 });
      const items = await run(tx, 'mobility.equipment_items', 'sum');
      expect(items.quarters).toEqual([5, 0, 0, 3]);
    });
  });
});
