// The return and reintegration demo as loaded into the test database by the global setup (seed 1,
// scale 1): every generated record is there, arrivals and reintegration cases point to each other
// once, and the next real case, person or movement continues each series after the demo's numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateDemo, type DemoReturnsBatch } from '@taama/demo';
import { createHarness, type Harness } from '../../../test/harness';
import type { Tx } from '../../platform/db/database';
import { allocateCaseNumber, type CaseNumberKind } from '../registry/case-numbers';

let h: Harness;
let batches: DemoReturnsBatch[];

beforeAll(async () => {
  h = await createHarness();
  batches = [...(generateDemo({ seed: h.config.demoSeed, scale: h.config.demoScale }).returns?.batches() ?? [])];
});
afterAll(() => h.close());

const count = async (table: string, where = sql`true`) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(h.database.db)).rows[0]?.n;

/** Runs `work` in a transaction that is rolled back, so allocating a number leaves no trace. */
async function peek<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await h.database.db
    .transaction()
    .execute(async (tx) => {
      out = await work(tx);
      throw new Error('rollback');
    })
    .catch((e: unknown) => {
      if (!(e instanceof Error) || e.message !== 'rollback') throw e;
    });
  return out as T;
}

/** The highest number of a series and year among the loaded records, e.g. `ML-BKO-AVR` 2021. */
async function highest(table: 'returnCases' | 'reintegrationCases' | 'people', series: string, year: number): Promise<number> {
  const prefix = `${series}-${year}-`;
  const rows = await h.database.db.selectFrom(table).select('caseNumber').where('caseNumber', 'like', `${prefix}%`).execute();
  return Math.max(0, ...rows.map((r) => r.caseNumber.slice(prefix.length)).filter((rest) => /^\d{6}$/.test(rest)).map(Number));
}

describe('the return demo', () => {
  // Other tests add their own cases to the shared database: counts are of the demo's records only.
  it('loads every generated case, returnee, movement and arrival', async () => {
    const cases = batches.flatMap((b) => b.cases);
    const numbers = cases.map((c) => c.caseNumber);
    const demoCase = sql`return_case_id in (select id from return_cases where case_number = any(${numbers}))`;
    expect(cases.length).toBeGreaterThan(3500);
    expect(await count('return_cases', sql`case_number = any(${numbers})`)).toBe(cases.length);
    const movements = batches.flatMap((b) => b.movements);
    expect(await count('movements', sql`reference = any(${movements.map((m) => m.reference)})`)).toBe(movements.length);
    expect(await count('movement_passengers', demoCase)).toBe(movements.reduce((k, m) => k + m.passengers.length, 0));
    expect(await count('arrivals', demoCase)).toBe(cases.filter((c) => c.arrival).length);
    expect(await count('return_case_members', demoCase)).toBe(cases.reduce((n, c) => n + c.members.length, 0));
    const returnees = batches.flatMap((b) => b.returnees).length;
    expect(await count('people', sql`owner_id = (select id from users where username = 'return.officer') and registered_on <= '2021-12-31'`)).toBe(returnees);
    // Outbound cases of the people demo's transit migrants point to their transit case and person.
    const linked = await sql<{ n: number }>`select count(*)::int as n from return_cases r join transit_cases t on t.id = r.transit_case_id where t.person_id = r.person_id and r.case_number = any(${numbers})`.execute(h.database.db);
    expect(linked.rows[0]?.n).toBe(cases.filter((c) => c.transitCase).length);
    expect(linked.rows[0]?.n).toBeGreaterThan(50);
  });

  it('gives every inbound arrival exactly one reintegration case, linked both ways', async () => {
    const inbound = batches.flatMap((b) => b.cases).filter((c) => c.direction === 'inbound' && c.arrival).map((c) => c.caseNumber);
    const rows = await sql<{ arrivals: number; linked: number; cases: number; all: number }>`
      with demo as (select id from return_cases where case_number = any(${inbound}))
      select (select count(*)::int from arrivals a where a.return_case_id in (select id from demo)) as arrivals,
             (select count(*)::int from arrivals a join reintegration_cases c on c.id = a.reintegration_case_id and c.arrival_id = a.id and c.return_case_id = a.return_case_id and c.person_id = a.person_id
               where a.return_case_id in (select id from demo)) as linked,
             (select count(distinct arrival_id)::int from reintegration_cases where return_case_id in (select id from demo)) as cases,
             (select count(*)::int from reintegration_cases where return_case_id in (select id from demo)) as all`.execute(h.database.db);
    expect(rows.rows[0]).toEqual({ arrivals: inbound.length, linked: inbound.length, cases: inbound.length, all: inbound.length });
  });

  it('continues every case-number series after the demo: returns, reintegration and returnees', async () => {
    const bko = await h.siteId('bko-sogoniko');
    const kayes = await h.siteId('kayes');
    const gao = await h.siteId('gao');
    const next = (site: string, on: string, kind: CaseNumberKind) => peek((tx) => allocateCaseNumber(tx, site, on, kind));
    const cases: [string, string, CaseNumberKind, 'returnCases' | 'reintegrationCases' | 'people', string][] = [
      [bko, '2021-06-01', 'return_case', 'returnCases', 'ML-BKO-AVR'],
      [gao, '2019-03-01', 'return_case', 'returnCases', 'ML-GAO-AVR'],
      [kayes, '2020-06-01', 'reintegration_case', 'reintegrationCases', 'ML-KAY-RI'],
      [bko, '2019-05-01', 'person', 'people', 'ML-BKO'],
    ];
    for (const [site, on, kind, table, series] of cases) {
      const last = await highest(table, series, Number(on.slice(0, 4)));
      expect(last, series).toBeGreaterThan(0);
      expect(await next(site, on, kind)).toBe(`${series}-${on.slice(0, 4)}-${String(last + 1).padStart(6, '0')}`);
    }
  });

  it('continues the movement references of each year', async () => {
    const rows = await sql<{ year: number; lastValue: number; highest: number }>`
      select s.year, s.last_value, (select max(split_part(reference, '-', 3)::int) from movements where split_part(reference, '-', 2)::int = s.year) as highest
      from movement_reference_sequences s`.execute(h.database.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows.rows) expect(r.lastValue, String(r.year)).toBe(r.highest);
  });
});
