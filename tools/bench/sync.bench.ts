// Offline sync benchmark (not a test): a caseworker's first caseload download of 5,000 transit
// cases (with their people and the reference data) and a push of 500 queued changes — time and
// bytes on the wire, and the time the same exchange would take on a 3G-like link — each beside a
// baseline measured in the same run: the same rows read by one direct SQL query, and the same
// records inserted by plain single-row INSERTs.
//   DATABASE_URL=postgres://…/scratch tsx tools/bench/sync.bench.ts [cases=5000] [changes=500]
// The database must be a throwaway one: the benchmark loads the demo and its own site into it.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { newId, personMatchingKeys, type SyncChange, type SyncChangeResult, type SyncPullResponse } from '@taama/core';
import { connect } from '../../apps/server/src/platform/db/database';
import { buildApp } from '../../apps/server/src/platform/http/app';
import { hashPassword } from '../../apps/server/src/platform/auth/password';
import { prepareDatabase } from '../../apps/server/src/setup';
import type { Config } from '../../apps/server/src/config';

export interface SyncBenchRow {
  measure: string;
  taama: string;
  baseline: string;
  ratio: string;
  note?: string;
}

const PASSWORD = 'Bench-Password-2025!';

/**
 * The 3G-like link the modelled times assume (WebPageTest's "3G" profile): 300 ms round trip,
 * 1.6 Mbit/s down, 768 kbit/s up, no compression (the API sends JSON as is). A request costs one
 * round trip plus its bytes at the link's rate, on top of the time the server took.
 */
export const LINK_3G = { rttMs: 300, downBitsPerSecond: 1_600_000, upBitsPerSecond: 768_000 };

function linkMs(requests: number, upBytes: number, downBytes: number, serverMs: number): number {
  return requests * LINK_3G.rttMs + (upBytes * 8 * 1000) / LINK_3G.upBitsPerSecond + (downBytes * 8 * 1000) / LINK_3G.downBitsPerSecond + serverMs;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.001)).toFixed(2)}×`;

/** Runs the benchmark against an existing database URL; returns one row per measure. */
export async function runSyncBench(opts: { databaseUrl: string; log: (line: string) => void; cases?: number; changes?: number }): Promise<SyncBenchRow[]> {
  const cases = opts.cases ?? 5000;
  const changes = opts.changes ?? 500;
  const { log } = opts;
  const handle = connect(opts.databaseUrl, 'postgres', { max: 4 });
  const db = handle.db;
  try {
    await prepareDatabase(handle, { demo: true, demoPassword: PASSWORD, demoSeed: 1, demoScale: 1 });

    // A site of its own, so the caseload is exactly the cases loaded here.
    const code = `bench-sync-${randomBytes(3).toString('hex')}`;
    const org = await db.selectFrom('organisations').select('id').where('code', '=', 'iom').executeTakeFirstOrThrow();
    const siteId = newId();
    const prefix = Array.from(randomBytes(4), (b) => String.fromCharCode(65 + (b % 26))).join('');
    await db.insertInto('sites').values({ id: siteId, code, name: `Bench ${code}`, kind: 'transit_centre', organisationId: org.id, pcode: 'ML0701', countryCode: 'MLI', capacity: null, caseCodePrefix: prefix, createdBy: null, updatedBy: null }).execute();
    const roleId = newId();
    await db.insertInto('roles').values({ id: roleId, code: `r_${code.replace(/-/g, '_')}`, name: 'bench caseworker', scope: 'site', maxSensitivity: 'personal', permissions: ['person.read', 'person.create', 'person.update', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'reference.read', 'sync.use'], createdBy: null, updatedBy: null }).execute();
    const userId = newId();
    await db.insertInto('users').values({ id: userId, username: code, displayName: 'Bench caseworker', email: null, passwordHash: await hashPassword(PASSWORD), organisationId: org.id, siteId, regionPcode: null, createdBy: null, updatedBy: null }).execute();
    await db.insertInto('userRoles').values({ userId, roleId }).execute();

    log(`loading ${cases} people and transit cases at ${code}…`);
    const caseIds: string[] = [];
    const personOfCase = new Map<string, string>();
    for (let start = 0; start < cases; start += 1000) {
      const people = Array.from({ length: Math.min(1000, cases - start) }, (_, i) => {
        const n = start + i;
        const givenName = ['Awa', 'Moussa', 'Fatoumata', 'Ibrahim', 'Mariam'][n % 5] ?? 'Awa';
        const familyName = ['Traoré', 'Keïta', 'Diallo', 'Coulibaly', 'Touré'][n % 5] ?? 'Traoré';
        return { id: newId(), caseId: newId(), n, givenName, familyName, ...personMatchingKeys({ givenName, familyName }) };
      });
      caseIds.push(...people.map((p) => p.caseId));
      for (const p of people) personOfCase.set(p.caseId, p.id);
      const rows = JSON.stringify(people.map((p) => ({ id: p.id, case_number: `${prefix}-P-${p.n}`, given_name: p.givenName, family_name: p.familyName, name_key: p.nameKey, family_key: p.familyKey, given_key: p.givenKey })));
      await sql`insert into people (id, case_number, given_name, family_name, sex, nationality, name_key, family_key, given_key, organisation_id, site_id, region_pcode, registered_on)
        select r.id, r.case_number, r.given_name, r.family_name, 'female', 'MLI', r.name_key, r.family_key, r.given_key, ${org.id}, ${siteId}, 'ML0701', date '2025-03-01'
        from jsonb_to_recordset(${rows}::jsonb) as r(id uuid, case_number text, given_name text, family_name text, name_key text, family_key text, given_key text)`.execute(db);
      const caseRows = JSON.stringify(people.map((p) => ({ id: p.caseId, case_number: `${prefix}-TC-${p.n}`, person_id: p.id })));
      await sql`insert into transit_cases (id, case_number, person_id, organisation_id, site_id, region_pcode, assigned_to, opened_on)
        select r.id, r.case_number, r.person_id, ${org.id}, ${siteId}, 'ML0701', ${userId}, date '2025-03-02'
        from jsonb_to_recordset(${caseRows}::jsonb) as r(id uuid, case_number text, person_id uuid)`.execute(db);
    }
    await sql`analyze people`.execute(db);
    await sql`analyze transit_cases`.execute(db);

    const config = { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: opts.databaseUrl, demo: false, demoPassword: PASSWORD, demoSeed: 1, demoScale: 1, secret: 'bench-secret-bench-secret-bench-secret', secureCookies: false, logLevel: 'silent', loginRateLimitPerMinute: 1_000_000, webDist: undefined, version: 'bench' } as Config;
    const app = await buildApp({ config, database: handle }, { logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: code, password: PASSWORD } });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    const deviceId = newId();

    // Initial caseload download: every page until nothing more is waiting.
    log('first pull of the caseload…');
    let cursor: string | undefined;
    let pages = 0;
    let records = 0;
    let downBytes = 0;
    let gzipBytes = 0;
    let upBytes = 0;
    let t = performance.now();
    for (;;) {
      const url = `/api/v1/sync/pull?deviceId=${deviceId}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
      pages++;
      upBytes += url.length + 120; // request line and headers, roughly
      downBytes += res.rawPayload.length;
      gzipBytes += gzipSync(res.rawPayload).length;
      const page = res.json() as SyncPullResponse;
      records += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - t;
    const caseRecords = records;

    // Baseline: the same cases, people and reference rows read by direct SQL, as JSON.
    t = performance.now();
    const direct = await sql<Record<string, unknown>>`select tc.*, row_to_json(p) as person from transit_cases tc join people p on p.id = tc.person_id where tc.site_id = ${siteId}`.execute(db);
    const reference = await Promise.all([sql`select * from sites`.execute(db), sql`select * from admin_units`.execute(db), sql`select * from countries`.execute(db)]);
    const directBytes = Buffer.byteLength(JSON.stringify([direct.rows, ...reference.map((r) => r.rows)]));
    const directMs = performance.now() - t;
    const directRows = direct.rows.length + reference.reduce((n, r) => n + r.rows.length, 0);

    // Push of queued changes: services recorded offline on the downloaded cases.
    log(`push of ${changes} queued changes…`);
    const outbox: SyncChange[] = Array.from({ length: changes }, (_, i) => ({
      idempotencyKey: newId(),
      type: 'service.create',
      record: { id: newId(), transitCaseId: caseIds[i % caseIds.length], type: 'food', date: '2025-03-03', quantity: 1 },
      recordedAt: new Date().toISOString(),
    }));
    const body = JSON.stringify({ deviceId, changes: outbox });
    t = performance.now();
    const pushed = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...headers, 'content-type': 'application/json' }, payload: body });
    const pushMs = performance.now() - t;
    if (pushed.statusCode !== 200) throw new Error(`push failed: ${pushed.statusCode} ${pushed.body}`);
    const results = (pushed.json() as { results: SyncChangeResult[] }).results;
    const applied = results.filter((r) => r.status === 'applied').length;
    if (applied !== changes) throw new Error(`push applied ${applied} of ${changes}: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
    const pushUp = Buffer.byteLength(body);
    const pushDown = pushed.rawPayload.length;

    // Replay of the same outbox: every change answers duplicate.
    t = performance.now();
    const replay = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...headers, 'content-type': 'application/json' }, payload: body });
    const replayMs = performance.now() - t;
    const duplicates = (replay.json() as { results: SyncChangeResult[] }).results.filter((r) => r.status === 'duplicate').length;

    // Baseline: the same 500 services by plain single-row INSERTs.
    t = performance.now();
    for (let i = 0; i < changes; i++) {
      const caseId = caseIds[i % caseIds.length] ?? '';
      await sql`insert into services (id, transit_case_id, person_id, site_id, type, date, quantity, recorded_by)
        values (${newId()}, ${caseId}, ${personOfCase.get(caseId) ?? null}, ${siteId}, 'food', date '2025-03-03', 1, ${userId})`.execute(db);
    }
    const insertMs = performance.now() - t;
    await app.close();

    const pull3g = linkMs(pages, upBytes, downBytes, pullMs);
    const direct3g = linkMs(1, 200, directBytes, directMs);
    const push3g = linkMs(1, pushUp, pushDown, pushMs);
    const insert3g = linkMs(1, pushUp, 200, insertMs);
    return [
      { measure: `Sync: first caseload download (${cases.toLocaleString('en')} cases, ${caseRecords.toLocaleString('en')} records, ${pages} pages)`, taama: ms(pullMs), baseline: `${ms(directMs)} (direct SQL, ${directRows.toLocaleString('en')} rows)`, ratio: ratio(pullMs, directMs) },
      { measure: 'Sync: first download, bytes on the wire', taama: kb(downBytes), baseline: `${kb(directBytes)} (the SQL rows as JSON)`, ratio: ratio(downBytes, directBytes), note: `${kb(gzipBytes)} gzipped` },
      { measure: 'Sync: first download on 3G (modelled)', taama: ms(pull3g), baseline: `${ms(direct3g)} (direct SQL rows)`, ratio: ratio(pull3g, direct3g), note: '300 ms RTT, 1.6 Mbit/s down, 768 kbit/s up, uncompressed' },
      { measure: `Sync: push of ${changes} queued changes (one request)`, taama: ms(pushMs), baseline: `${ms(insertMs)} (${changes} single-row INSERTs)`, ratio: ratio(pushMs, insertMs), note: `replay of the same ${changes}: ${ms(replayMs)}, ${duplicates} duplicate` },
      { measure: 'Sync: push, bytes on the wire (up / down)', taama: `${kb(pushUp)} / ${kb(pushDown)}`, baseline: '—', ratio: '—' },
      { measure: 'Sync: push on 3G (modelled)', taama: ms(push3g), baseline: `${ms(insert3g)} (INSERTs, same upload)`, ratio: ratio(push3g, insert3g), note: '300 ms RTT, 1.6 Mbit/s down, 768 kbit/s up' },
    ];
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
  const rows = await runSyncBench({ databaseUrl, log: (s) => console.log(s), cases: Number(process.argv[2] ?? 5000), changes: Number(process.argv[3] ?? 500) });
  console.log(['| measure | Taama | baseline, same run | ratio | note |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.measure} | ${r.taama} | ${r.baseline} | ${r.ratio} | ${r.note ?? ''} |`)].join('\n'));
}
