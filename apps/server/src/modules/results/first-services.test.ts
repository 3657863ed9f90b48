// The precomputed first protection services (migration 0012) against the same thing computed from
// scratch, after every kind of write that can move a subject's first service: single and bulk
// inserts, date changes, services moved between people, deletions, merges and unmerges through the
// registry's routes, and concurrent writers. Then the engine over the precomputed table against the
// engine sorting every service, for programme starts before, between and after people's services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { computeSource, type EngineOptions } from './engine';
import { protectionFirstService } from './sources/protection';
import { fieldTeam } from './results.fixtures';

// Every date is before 2018, the programme start of the other results tests, which compare whole
// database counts and may run at the same time on PostgreSQL.
const OPENED = '2009-01-01';

let h: Harness;
let team: Awaited<ReturnType<typeof fieldTeam>>;

beforeAll(async () => {
  h = await createHarness();
  team = await fieldTeam(h);
});
afterAll(() => h.close());

type Row = { subject: string; service: string; caseId: string; organisation: string; site: string | null; date: string };

/** The table as maintained by the triggers. */
async function maintained(db: Tx): Promise<Row[]> {
  const r = await sql<Row>`
    select subject_id::text as subject, service_id::text as service, transit_case_id::text as case_id, organisation_id::text as organisation,
           site_id::text as site, date::text as date
      from protection_first_services order by subject_id`.execute(db);
  return r.rows;
}

/** The same rows computed from every service, as the indicator's source defines them. */
async function fromScratch(db: Tx): Promise<Row[]> {
  const r = await sql<Row>`
    select subject::text as subject, service::text as service, case_id::text as case_id, organisation::text as organisation, site::text as site, date::text as date from (
      select distinct on (coalesce(p.merged_into_id, p.id)) coalesce(p.merged_into_id, p.id) as subject, s.id as service, s.transit_case_id as case_id,
             tc.organisation_id as organisation, s.site_id as site, s.date
        from services s join people p on p.id = s.person_id join transit_cases tc on tc.id = s.transit_case_id
       order by coalesce(p.merged_into_id, p.id), s.date, s.id) x
     order by subject`.execute(db);
  return r.rows;
}

/**
 * Both read from one snapshot: other test files write services at the same time on PostgreSQL,
 * and every committed state must have the table in step with the services.
 */
async function snapshot(): Promise<{ maintained: Row[]; fromScratch: Row[] }> {
  return h.database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => ({ maintained: await maintained(tx), fromScratch: await fromScratch(tx) }));
}

async function expectInStep(): Promise<void> {
  const { maintained: kept, fromScratch: computed } = await snapshot();
  expect(kept).toEqual(computed);
}

/** Services of one case inserted in one statement (the bulk path of an import or the demo loader). */
async function bulkServices(caseId: string, personId: string, dates: readonly string[]): Promise<string[]> {
  const ids = dates.map(() => newId());
  await h.database.db
    .insertInto('services')
    .values(dates.map((date, i) => ({ id: ids[i] as string, transitCaseId: caseId, personId, siteId: team.site.id, type: 'food', date, quantity: 1 })))
    .execute();
  return ids;
}

/** The ids of a person's services, oldest first. */
async function serviceIds(personId: string): Promise<string[]> {
  const rows = await h.database.db.selectFrom('services').select('id').where('personId', '=', personId).orderBy('date').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The element at `index` (negative: from the end); fails the test when there is none. */
function at<T>(items: readonly T[], index: number): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`no element ${index} in ${items.length}`);
  return item;
}

describe('protection_first_services', () => {
  it('follows inserts, date changes, moves and deletions of services', async () => {
    const a = await team.person();
    const b = await team.person();
    const caseA = await team.served(a, ['2014-05-01', '2014-03-01'], OPENED);
    await expectInStep();
    // Same-day services: the smaller id wins, whatever the insertion order.
    await bulkServices(caseA, a, ['2014-02-01', '2014-02-01', '2014-06-01']);
    await expectInStep();
    const caseB = await team.served(b, ['2014-04-01'], OPENED);
    // The first service moves later: the next one takes its place.
    await h.database.db.updateTable('services').set({ date: '2014-12-31' }).where('id', '=', at(await serviceIds(a), 0)).execute();
    await expectInStep();
    // A later service moves earlier than everything.
    const later = at(await serviceIds(a), -1);
    await h.database.db.updateTable('services').set({ date: '2013-01-01' }).where('id', '=', later).execute();
    await expectInStep();
    // A service moved to another person (the first of one, and earlier than the other's).
    await h.database.db.updateTable('services').set({ personId: b, transitCaseId: caseB }).where('id', '=', later).execute();
    await expectInStep();
    // Deleting the first service, then every service of a person.
    await h.database.db.deleteFrom('services').where('id', '=', later).execute();
    await expectInStep();
    await h.database.db.deleteFrom('services').where('personId', '=', b).execute();
    await expectInStep();
    // An update that touches nothing relevant leaves the row as it was.
    await h.database.db.updateTable('services').set({ quantity: 3 }).where('personId', '=', a).execute();
    await expectInStep();
    // A case transferred to another organisation moves its first services' partner with it.
    await h.database.db.updateTable('transitCases').set({ organisationId: await h.orgId('ngo-sahel-solidarite') }).where('id', '=', caseA).execute();
    await expectInStep();
    expect(new Set((await snapshot()).maintained.filter((r) => r.caseId === caseA).map((r) => r.organisation))).toEqual(new Set([await h.orgId('ngo-sahel-solidarite')]));
  });

  it('follows merges and unmerges through the registry routes', async () => {
    const survivor = await team.person({ sex: 'male', dateOfBirth: '1985-01-01' });
    const duplicate = await team.person({ sex: 'male', dateOfBirth: '1985-01-01' });
    await team.served(survivor, ['2014-07-01'], OPENED);
    await team.served(duplicate, ['2014-04-10'], OPENED);
    await team.merge(duplicate, survivor);
    await expectInStep();
    const rows = (await snapshot()).maintained;
    expect(rows.find((r) => r.subject === duplicate)).toBeUndefined();
    expect(rows.find((r) => r.subject === survivor)?.date).toBe('2014-04-10');
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/people/${duplicate}/unmerge`, headers: bearer(team.worker.token), payload: {} });
    expect(res.statusCode, res.body).toBeLessThan(300);
    await expectInStep();
    expect((await snapshot()).maintained.find((r) => r.subject === survivor)?.date).toBe('2014-07-01');
  });

  it('stays exact under concurrent writers on one subject', async () => {
    const p = await team.person();
    const caseId = await team.served(p, ['2014-06-15'], OPENED);
    const dates = Array.from({ length: 24 }, (_, i) => `2014-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`);
    // Inserts, date changes and deletions of the current first, all at once (on PostgreSQL they run
    // on separate connections; the embedded database serialises them).
    const inserted = await Promise.all(dates.map((d) => bulkServices(caseId, p, [d])));
    await Promise.all([
      ...inserted.slice(0, 8).map((ids) => h.database.db.deleteFrom('services').where('id', '=', at(ids, 0)).execute()),
      ...inserted.slice(8, 16).map((ids, i) => h.database.db.updateTable('services').set({ date: `2013-0${1 + (i % 9)}-1${i % 10}` }).where('id', '=', at(ids, 0)).execute()),
      ...dates.slice(0, 8).map((d) => bulkServices(caseId, p, [d.replace('2014', '2012')])),
    ]);
    await expectInStep();
  });
});

describe('the engine over the precomputed first services', () => {
  it('gives exactly what sorting every service gives, for any programme start', async () => {
    const c = await team.person({ sex: 'female', dateOfBirth: '2008-01-01', nationality: 'GIN' });
    await team.served(c, ['2011-03-01', '2014-01-10', '2014-09-01'], OPENED);
    const d = await team.person({ sex: 'male', dateOfBirth: null });
    await team.served(d, ['2009-12-31'], OPENED);
    const sorting = { ...protectionFirstService, firstEvents: undefined };
    for (const programmeStart of ['2008-01-01', '2011-06-01', '2014-02-01', '2014-08-15']) {
      const options: EngineOptions = { span: { from: '2014-01-01', to: '2014-12-31' }, programmeStart, interval: 'month', by: ['sex', 'ageGroup', 'nationality', 'region', 'partner', 'site', 'regionSexAge'] };
      const fast = await computeSource(h.database.db, protectionFirstService, 'distinct', options);
      const slow = await computeSource(h.database.db, sorting, 'distinct', options);
      expect(fast, programmeStart).toEqual(slow);
      expect([...fast.quarters.values()].reduce((n, q) => n + q.inSpan + q.before, 0), programmeStart).toBeGreaterThan(0);
    }
  });
});
