// Results benchmark (not a test): the full indicator table — every indicator, all six disaggregations,
// the whole programme — through the HTTP stack, beside the hand-written SQL that computes the same
// numbers for the installed sources, measured in the same run. At N people the registry is filled
// first (registry benchmark) and each person gets a transit case with five services (5 M at 1 M).
//   DATABASE_URL=postgres://…/scratch tsx tools/bench/results.bench.ts [people=1000000]
// Without DATABASE_URL it runs on the embedded database at demo scale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DISAGGREGATIONS } from '@taama/core';
import { connect, type DatabaseHandle } from '../../apps/server/src/platform/db/database';
import { startEmbeddedDatabase } from '../../apps/server/src/platform/db/embedded';
import { buildApp } from '../../apps/server/src/platform/http/app';
import { prepareDatabase } from '../../apps/server/src/setup';
import type { Config } from '../../apps/server/src/config';
import { runRegistryBench } from './registry.bench';

const PASSWORD = 'Bench-Password-2025!';
const RUNS = 7;

export interface ResultsBenchResult {
  people: number;
  services: number;
  tableMedianMs: number;
  sqlMedianMs: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

/** Gives every person without a transit case one, with five services spread over 2018–2021. */
async function fillServices(handle: DatabaseHandle, log: (s: string) => void): Promise<void> {
  const started = performance.now();
  await sql`
    insert into transit_cases (id, case_number, person_id, organisation_id, site_id, region_pcode, status, opened_on)
    select gen_random_uuid(), 'BT-' || p.id::text, p.id, p.organisation_id, coalesce(p.site_id, s.id), p.region_pcode, 'closed',
           date '2018-01-01' + (abs(hashtext(p.id::text)) % 1400)
      from people p cross join (select id from sites where code = 'gao') s
     where p.status = 'active' and not exists (select 1 from transit_cases tc where tc.person_id = p.id)`.execute(handle.db);
  await sql`
    insert into services (id, transit_case_id, person_id, site_id, type, date, quantity)
    select gen_random_uuid(), tc.id, tc.person_id, tc.site_id, 'food', tc.opened_on + g * 7, 1
      from transit_cases tc cross join generate_series(0, 4) g
     where tc.case_number like 'BT-%' and not exists (select 1 from services s where s.transit_case_id = tc.id)`.execute(handle.db);
  await sql`analyze transit_cases`.execute(handle.db);
  await sql`analyze services`.execute(handle.db);
  log(`  services filled in ${Math.round(performance.now() - started)} ms`);
}

/** The same numbers as the engine for protection (3.2) and flows (5.3), written by hand. */
async function handWritten(handle: DatabaseHandle): Promise<void> {
  await sql`
    with first as (
      select distinct on (coalesce(p.merged_into_id, p.id)) coalesce(p.merged_into_id, p.id) as subject, s.date, s.site_id, tc.organisation_id
        from services s join transit_cases tc on tc.id = s.transit_case_id join people p on p.id = s.person_id
       where s.date >= date '2018-01-01'
       order by coalesce(p.merged_into_id, p.id), s.date, s.id
    )
    select to_char(f.date, 'YYYY"Q"Q') as q, sp.sex, case when sp.date_of_birth is null then 'unknown' when date_part('year', age(f.date, sp.date_of_birth)) < 18 then 'child' else 'adult' end as age,
           sp.nationality, left(st.pcode, 4) as region, o.code as partner, st.code as site, count(*)
      from first f join people sp on sp.id = f.subject left join sites st on st.id = f.site_id left join organisations o on o.id = f.organisation_id
     where f.date <= current_date
     group by grouping sets ((1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7))`.execute(handle.db);
  await sql`select to_char(coalesce(end_date, start_date), 'YYYY"Q"Q'), count(*) from flow_collections where status = 'completed' group by 1`.execute(handle.db);
}

/** Runs the benchmark against a database URL (filled to `people` when above the demo). */
export async function runResultsBench(options: { databaseUrl: string; kind?: 'postgres' | 'pglite'; people: number; log?: (s: string) => void }): Promise<ResultsBenchResult> {
  const log = options.log ?? (() => undefined);
  const kind = options.kind ?? 'postgres';
  if (kind === 'postgres') await runRegistryBench({ databaseUrl: options.databaseUrl, people: options.people, searches: 5, seconds: 0.2, log });
  const handle = connect(options.databaseUrl, kind, { max: kind === 'postgres' ? 4 : 1 });
  try {
    await prepareDatabase(handle, { demo: true, demoPassword: PASSWORD, demoSeed: 1, demoScale: 1 });
    if (kind === 'postgres') await fillServices(handle, log);
    const people = Number((await sql<{ n: number }>`select count(*)::int as n from people`.execute(handle.db)).rows[0]?.n ?? 0);
    const services = Number((await sql<{ n: number }>`select count(*)::int as n from services`.execute(handle.db)).rows[0]?.n ?? 0);
    const config = { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: options.databaseUrl, demo: false, demoPassword: PASSWORD, demoSeed: 1, demoScale: 1, secret: 'bench-secret-bench-secret-bench-secret', secureCookies: false, logLevel: 'silent', loginRateLimitPerMinute: 1_000_000, webDist: undefined, version: 'bench' } as Config;
    const app = await buildApp({ config, database: handle }, { logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'me.officer', password: PASSWORD } });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    const url = `/api/v1/indicators?by=${DISAGGREGATIONS.join(',')}&interval=quarter`;
    const table: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      table.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`indicator table failed: ${res.body}`);
      t = performance.now();
      await handWritten(handle);
      direct.push(performance.now() - t);
    }
    await app.close();
    const result = { people, services, tableMedianMs: median(table), sqlMedianMs: median(direct) };
    log(`results: ${people} people, ${services} services: full indicator table ${result.tableMedianMs} ms (median of ${RUNS}), hand-written SQL ${result.sqlMedianMs} ms`);
    return result;
  } finally {
    await handle.close();
  }
}

/** The line of the benchmark table (tools/bench/run.ts). */
export async function resultsBenchRows(options: { databaseUrl: string; people: number; log?: (s: string) => void }): Promise<[string, string, string, string][]> {
  const r = await runResultsBench(options);
  return [[`Full indicator table, all disaggregations (${r.people.toLocaleString('en')} people, ${r.services.toLocaleString('en')} services)`, `${r.tableMedianMs} ms`, `${r.sqlMedianMs} ms (hand-written SQL)`, `${(r.tableMedianMs / Math.max(0.1, r.sqlMedianMs)).toFixed(2)}×`]];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (s: string) => console.log(s);
  if (process.env.DATABASE_URL) {
    await runResultsBench({ databaseUrl: process.env.DATABASE_URL, people: Number(process.argv[2] ?? 1_000_000), log });
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'taama-bench-'));
    const embedded = await startEmbeddedDatabase(dir);
    try {
      await runResultsBench({ databaseUrl: embedded.url, kind: 'pglite', people: 0, log });
    } finally {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
