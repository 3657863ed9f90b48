// The counting rule on real records (SPEC §11): the API's numbers against a direct SQL count of the
// same services and against the core reference implementation fed with the same events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { computeIndicator, DISAGGREGATIONS, newId, reconciles, type IndicatorList, type IndicatorValue, type QualifyingEvent } from '@taama/core';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { fieldTeam } from './results.fixtures';

let h: Harness;
let me: { token: string };
let team: Awaited<ReturnType<typeof fieldTeam>>;
const ids = { a: '', b: '', c: '', d: '', d2: '', e: '', f: '' };

beforeAll(async () => {
  h = await createHarness();
  team = await fieldTeam(h);
  me = await h.userWith({ permissions: ['indicator.read', 'person.read'], scope: 'all', maxSensitivity: 'internal' });
  // A: served in Q1 and Q2 → counted in Q1 only.
  ids.a = await team.person({ sex: 'female', dateOfBirth: '1990-05-01' });
  await team.served(ids.a, ['2024-02-10', '2024-05-03']);
  // B: 17 at the first service, 18 at the second → a child, in Q1.
  ids.b = await team.person({ sex: 'male', dateOfBirth: '2006-04-01' });
  await team.served(ids.b, ['2024-03-01', '2024-06-01']);
  // C: nothing known but the nationality → unknowns, in Q3.
  ids.c = await team.person({ sex: 'unknown', dateOfBirth: null, nationality: 'GIN' });
  await team.served(ids.c, ['2024-08-01']);
  // D and its duplicate D2, merged: one person, first served (as D2) in Q2.
  ids.d = await team.person({ sex: 'male', dateOfBirth: '1985-01-01' });
  ids.d2 = await team.person({ sex: 'male', dateOfBirth: '1985-01-01' });
  await team.served(ids.d, ['2024-07-01']);
  await team.served(ids.d2, ['2024-04-10']);
  await team.merge(ids.d2, ids.d);
  // E: first served before the span → in the cumulative value, not in 2024.
  ids.e = await team.person({ sex: 'female', dateOfBirth: '2000-01-01', nationality: 'CIV' });
  await team.served(ids.e, ['2023-12-20', '2024-02-01']);
  // F: only after the span.
  ids.f = await team.person();
  await team.served(ids.f, ['2025-01-05']);
});
afterAll(() => h.close());

const get = (url: string, token = me.token) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

async function indicator(query: string, code = '3.2'): Promise<IndicatorValue> {
  const res = await get(`/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const item = (res.json() as IndicatorList).items.find((i) => i.code === code);
  if (!item) throw new Error(`no indicator ${code}`);
  return item;
}

/**
 * How far the signed-off figures up to `to` stand from the records today (Σ current − signed off):
 * a quarter signed off by another test keeps its snapshot in every cumulative value.
 */
async function restated(to: string): Promise<number> {
  const whole = await indicator(`from=2018-01-01&to=${to}`);
  return whole.restatements.reduce((sum, r) => sum + r.difference, 0);
}

/** Hand-written: each surviving person's first service since the programme start, and its date. */
async function firstServices(): Promise<{ subject: string; date: string }[]> {
  const rows = await sql<{ subject: string; date: string }>`
    select coalesce(p.merged_into_id, p.id)::text as subject, min(s.date) as date
      from services s join people p on p.id = s.person_id
     where s.date >= date '2018-01-01'
     group by 1`.execute(h.database.db);
  return rows.rows;
}

async function recordsFor(from: string, to: string): Promise<{ personId?: string; date: string; ageGroup: string; subject: string }[]> {
  const out: { personId?: string; date: string; ageGroup: string; subject: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(`/indicators/3.2/records?from=${from}&to=${to}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: { personId?: string; date: string; ageGroup: string; subject: string }[]; nextCursor: string | null };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('indicator 3.2 on protection services', () => {
  it('matches a direct SQL count per quarter, for the span and cumulatively', async () => {
    const v = await indicator('from=2024-01-01&to=2024-12-31&interval=quarter');
    const first = await firstServices();
    const inQuarter = (from: string, to: string) => first.filter((f) => f.date >= from && f.date <= to).length;
    expect(v.available).toBe(true);
    expect(v.value).toBe(inQuarter('2024-01-01', '2024-12-31'));
    expect(v.periods.map((p) => p.value)).toEqual([inQuarter('2024-01-01', '2024-03-31'), inQuarter('2024-04-01', '2024-06-30'), inQuarter('2024-07-01', '2024-09-30'), inQuarter('2024-10-01', '2024-12-31')]);
    expect(v.periods.reduce((a, p) => a + p.value, 0)).toBe(v.value);
    expect(v.cumulative).toBe(first.filter((f) => f.date <= '2024-12-31').length - (await restated('2024-12-31')));
    expect(v.percentOfTarget).toBe(Math.round((v.cumulative / 1600) * 1000) / 10);
  });

  it('counts a person served in two quarters once, in the first quarter only; a merged duplicate once; nobody first served outside the span', async () => {
    const mine = new Set(Object.values(ids));
    const year = (await recordsFor('2024-01-01', '2024-12-31')).filter((r) => r.personId && mine.has(r.personId));
    const byPerson = new Map(year.map((r) => [r.personId, r]));
    expect(year).toHaveLength(4);
    expect(byPerson.get(ids.a)?.date).toBe('2024-02-10');
    expect(byPerson.get(ids.b)?.date).toBe('2024-03-01');
    expect(byPerson.get(ids.c)?.date).toBe('2024-08-01');
    expect(byPerson.get(ids.d)?.date).toBe('2024-04-10'); // the duplicate's service, now the survivor's
    expect(byPerson.has(ids.d2)).toBe(false);
    expect(byPerson.has(ids.e)).toBe(false);
    expect(byPerson.has(ids.f)).toBe(false);
    const q2 = (await recordsFor('2024-04-01', '2024-06-30')).filter((r) => r.personId && mine.has(r.personId));
    expect(q2.map((r) => r.personId)).toEqual([ids.d]);
  });

  it('takes the age group at the date of the first event (a child who turns 18 between events)', async () => {
    const rows = await recordsFor('2024-01-01', '2024-12-31');
    expect(rows.find((r) => r.personId === ids.b)?.ageGroup).toBe('child');
    expect(rows.find((r) => r.personId === ids.c)?.ageGroup).toBe('unknown');
  });

  it('reconciles every disaggregation to the total, with unknowns shown', async () => {
    const v = await indicator(`from=2024-01-01&to=2024-12-31&by=${DISAGGREGATIONS.join(',')}`);
    for (const dimension of DISAGGREGATIONS) {
      const table = v.disaggregations[dimension] ?? {};
      expect(Object.values(table).reduce<number>((a, b) => a + (b ?? 0), 0), dimension).toBe(v.value);
    }
    expect(v.disaggregations.sex?.unknown).toBeGreaterThanOrEqual(1);
    expect(v.disaggregations.nationality?.GIN).toBeGreaterThanOrEqual(1);
  });

  it('gives the same numbers as the core reference implementation on the same events', async () => {
    const rows = await sql<{ subject: string; date: string; sex: string | null; dateOfBirth: string | null; nationality: string | null; region: string | null; partner: string | null; site: string | null; recordId: string }>`
      select sp.id::text as subject, s.date, sp.sex, sp.date_of_birth, sp.nationality, left(st.pcode, 4) as region, o.code as partner, st.code as site, s.id::text as record_id
        from services s
        join transit_cases tc on tc.id = s.transit_case_id
        join people p on p.id = s.person_id
        join people sp on sp.id = coalesce(p.merged_into_id, p.id)
        join sites st on st.id = s.site_id
        join organisations o on o.id = tc.organisation_id
       order by s.date, s.id`.execute(h.database.db);
    const events: QualifyingEvent[] = rows.rows.map((r) => ({ subject: r.subject, date: r.date, dateOfBirth: r.dateOfBirth, attributes: { sex: r.sex, nationality: r.nationality, region: r.region, partner: r.partner, site: r.site } }));
    for (const span of [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2019-01-01', to: '2021-06-30' }]) {
      const api = await indicator(`from=${span.from}&to=${span.to}&by=${DISAGGREGATIONS.join(',')}`);
      const reference = computeIndicator(events, { kind: 'distinct', span, programmeStart: '2018-01-01', interval: 'quarter', by: DISAGGREGATIONS });
      expect(reconciles(reference)).toBe(true);
      expect(api.value).toBe(reference.value);
      expect(api.cumulative).toBe(reference.cumulative - (await restated(span.to)));
      expect(api.periods.map((p) => ({ period: p.period, value: p.value }))).toEqual(reference.periods);
      expect(api.disaggregations).toEqual(reference.disaggregations);
    }
  });

  it('maps a duplicate the merge did not move to its survivor (defence in depth)', async () => {
    const survivor = await team.person({ sex: 'female', dateOfBirth: '1970-03-03' });
    await team.served(survivor, ['2024-11-20']);
    const stray = await team.person({ sex: 'female', dateOfBirth: '1970-03-03' });
    const caseId = await team.served(stray, []);
    // A service row left on the duplicate, as if a merge had missed it.
    await h.database.db.insertInto('services').values({ id: newId(), transitCaseId: caseId, personId: stray, siteId: team.site.id, type: 'nfi', date: '2024-11-02', quantity: 1, provider: null, costXof: null, note: null, recordedBy: null }).execute();
    await h.database.db.updateTable('people').set({ status: 'merged', mergedIntoId: survivor }).where('id', '=', stray).execute();
    const rows = (await recordsFor('2024-10-01', '2024-12-31')).filter((r) => r.personId === survivor || r.personId === stray);
    expect(rows).toEqual([expect.objectContaining({ personId: survivor, date: '2024-11-02' })]);
  });

  it('keeps an anonymised person’s contribution without their identity', async () => {
    const before = await indicator('from=2024-01-01&to=2024-12-31');
    await h.database.db.updateTable('people').set({ status: 'anonymised', givenName: '-', familyName: '-', dateOfBirth: null }).where('id', '=', ids.c).execute();
    const after = await indicator('from=2024-01-01&to=2024-12-31');
    expect(after.value).toBe(before.value);
  });

  it('reports indicators whose module is not installed as unavailable, with the reason', async () => {
    const res = await get('/indicators?from=2024-01-01&to=2024-12-31');
    const items = (res.json() as IndicatorList).items;
    const present = await sql<{ name: string | null }>`select to_regclass('return_cases')::text as name`.execute(h.database.db);
    const returns = items.find((i) => i.code === '3.4');
    if (present.rows[0]?.name === null) {
      expect(returns).toMatchObject({ available: false, value: 0 });
      expect(returns?.reason).toMatch(/returns module/);
    } else {
      expect(returns?.available).toBe(true);
    }
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['3.2', '3.3', '3.4', '3.5', '3.5 bis', '3.6', '3.7', '3.11', '4.1 bis', '4.6', '5.1', '5.2', '5.3', 'OS1.centres', 'OS4.communities']));
  });
});
