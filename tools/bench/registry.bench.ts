// Registry benchmark (not a test): at N people on PostgreSQL, the p95 of a fuzzy search through the
// whole HTTP stack and the throughput of registrations with their duplicate check, each beside the
// raw SQL doing the core of the same work, measured in the same run.
//   DATABASE_URL=postgres://…/scratch tsx tools/bench/registry.bench.ts [people=1000000]
// The database must be a throwaway one: the benchmark loads the demo and N synthetic people into it.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { nameTokens, newId, personMatchingKeys } from '@taama/core';
import { generatePeople } from '../demo/src/people';
import { connect, type DatabaseHandle } from '../../apps/server/src/platform/db/database';
import { buildApp } from '../../apps/server/src/platform/http/app';
import { prepareDatabase } from '../../apps/server/src/setup';
import type { Config } from '../../apps/server/src/config';

export interface RegistryBenchResult {
  people: number;
  searchP95Ms: number;
  searchSqlP95Ms: number;
  registrationsPerSecond: number;
  sqlInsertsPerSecond: number;
}

const PASSWORD = 'Bench-Password-2025!';

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0) * 100) / 100;
}

/** Fills the registry up to `target` people with synthetic records (names from the demo generator). */
async function fill(handle: DatabaseHandle, target: number, log: (s: string) => void): Promise<void> {
  const db = handle.db;
  const have = Number((await sql<{ n: string }>`select count(*) as n from people`.execute(db)).rows[0]?.n ?? 0);
  if (have >= target) return;
  const site = await db.selectFrom('sites').select(['id', 'organisationId', 'pcode']).where('code', '=', 'gao').executeTakeFirstOrThrow();
  let added = 0;
  const started = performance.now();
  for (const batch of generatePeople({ seed: 4242, scale: Math.ceil((target - have) / 2000) }, 5000)) {
    const rows = batch.people.slice(0, target - have - added).map((p, i) => ({
      id: newId(),
      case_number: `BN-${added + i}`,
      given_name: p.givenName,
      family_name: p.familyName,
      other_names: p.otherNames,
      sex: p.sex,
      date_of_birth: p.dateOfBirth,
      dob_precision: p.dobPrecision,
      birth_year: Number(p.dateOfBirth.slice(0, 4)),
      nationality: p.nationality,
      phones: p.phones,
      ...Object.fromEntries(Object.entries(personMatchingKeys(p)).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])),
      organisation_id: site.organisationId,
      site_id: site.id,
      region_pcode: site.pcode,
      registered_on: p.registeredOn,
    }));
    if (rows.length === 0) break;
    await sql`
      insert into people (id, case_number, given_name, family_name, other_names, sex, date_of_birth, dob_precision, birth_year, nationality, phones, name_key, family_key, given_key, organisation_id, site_id, region_pcode, registered_on)
      select id, case_number, given_name, family_name, other_names, sex, date_of_birth, dob_precision, birth_year, nationality, phones, name_key, family_key, given_key, organisation_id, site_id, region_pcode, registered_on
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, case_number text, given_name text, family_name text, other_names text[], sex text, date_of_birth date, dob_precision text, birth_year int, nationality text, phones text[], name_key text, family_key text, given_key text, organisation_id uuid, site_id uuid, region_pcode text, registered_on date)`.execute(db);
    added += rows.length;
    if (added % 100_000 < rows.length) log(`  ${have + added} people (${Math.round(added / ((performance.now() - started) / 1000))} rows/s)`);
    if (have + added >= target) break;
  }
  await sql`analyze people`.execute(db);
}

/** Runs the benchmark against an existing database URL. */
export async function runRegistryBench(options: { databaseUrl: string; people: number; searches?: number; seconds?: number; log?: (s: string) => void }): Promise<RegistryBenchResult> {
  const log = options.log ?? (() => undefined);
  const handle = connect(options.databaseUrl, 'postgres', { max: 4 });
  try {
    await prepareDatabase(handle, { demo: true, demoPassword: PASSWORD, demoSeed: 1, demoScale: 1 });
    log(`filling the registry to ${options.people} people…`);
    await fill(handle, options.people, log);
    const config = { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: options.databaseUrl, demo: false, demoPassword: PASSWORD, demoSeed: 1, demoScale: 1, secret: 'bench-secret-bench-secret-bench-secret', secureCookies: false, logLevel: 'silent', loginRateLimitPerMinute: 1_000_000, webDist: undefined, version: 'bench' } as Config;
    const app = await buildApp({ config, database: handle }, { logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'protection.officer', password: PASSWORD } });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };

    // Queries: real names of the registry, misspelt one way or another.
    const sample = await sql<{ givenName: string; familyName: string }>`select given_name, family_name from people tablesample system (1) limit ${options.searches ?? 200}`.execute(handle.db);
    const queries = sample.rows.map((r, i) => (i % 3 === 0 ? `${r.familyName} ${r.givenName}` : i % 3 === 1 ? `${r.givenName} ${r.familyName}`.replace(/ou/g, 'u') : `${r.givenName} ${r.familyName}`.toLowerCase()));
    const httpTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (const q of queries) {
      let t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}&limit=20`, headers });
      httpTimes.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`search failed: ${res.body}`);
      const needle = nameTokens(q).join(' ');
      t = performance.now();
      await handle.db.transaction().execute(async (tx) => {
        await sql`select set_config('pg_trgm.similarity_threshold', '0.3', true)`.execute(tx);
        await sql`select id from people where name_key % ${needle} order by similarity(name_key, ${needle}) desc limit 20`.execute(tx);
      });
      sqlTimes.push(performance.now() - t);
    }

    const seconds = options.seconds ?? 10;
    let registered = 0;
    const names = sample.rows;
    let t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) {
      const n = names[registered % names.length] ?? { givenName: 'Awa', familyName: 'Traoré' };
      const res = await app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: { givenName: n.givenName, familyName: n.familyName, sex: 'female', nationality: 'MLI', dateOfBirth: '1990-01-01' } });
      if (res.statusCode !== 201) throw new Error(`registration failed: ${res.body}`);
      registered++;
    }
    const registrationsPerSecond = registered / ((performance.now() - t0) / 1000);
    const site = await handle.db.selectFrom('sites').select(['id', 'organisationId']).where('code', '=', 'bko-sogoniko').executeTakeFirstOrThrow();
    let inserted = 0;
    t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) {
      const keys = personMatchingKeys({ givenName: 'Awa', familyName: 'Traoré' });
      await sql`insert into people (id, case_number, given_name, family_name, sex, nationality, name_key, family_key, given_key, organisation_id, site_id, registered_on)
        values (${newId()}, ${`BQ-${newId()}`}, 'Awa', 'Traoré', 'female', 'MLI', ${keys.nameKey}, ${keys.familyKey}, ${keys.givenKey}, ${site.organisationId}, ${site.id}, current_date)`.execute(handle.db);
      inserted++;
    }
    const sqlInsertsPerSecond = inserted / ((performance.now() - t0) / 1000);
    await app.close();
    return { people: options.people, searchP95Ms: p95(httpTimes), searchSqlP95Ms: p95(sqlTimes), registrationsPerSecond: Math.round(registrationsPerSecond), sqlInsertsPerSecond: Math.round(sqlInsertsPerSecond) };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to a throwaway PostgreSQL database.');
    process.exit(2);
  }
  const people = Number(process.argv[2] ?? 1_000_000);
  const r = await runRegistryBench({ databaseUrl, people, log: (s) => console.log(s) });
  console.log(`people ${r.people}: search p95 ${r.searchP95Ms} ms (raw trigram SQL p95 ${r.searchSqlP95Ms} ms, ratio ${(r.searchP95Ms / r.searchSqlP95Ms).toFixed(2)}); registrations ${r.registrationsPerSecond}/s with duplicate check (raw single-row INSERT ${r.sqlInsertsPerSecond}/s, ratio ${(r.sqlInsertsPerSecond / r.registrationsPerSecond).toFixed(2)})`);
}
