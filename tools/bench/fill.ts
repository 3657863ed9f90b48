// The bulk path to benchmark scales: people, their transit cases and services from the demo's
// people generator, and flow counts from the demo's flow generator, streamed into PostgreSQL with
// COPY (never through the API). Benchmark people carry case numbers of their own series (BN-…), so
// they never collide with the demo's; no audit entries are written for them (they are not records
// anybody registered).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { newId, personMatchingKeys } from '@taama/core';
import { generatePeople, streamFlowCounts } from '@taama/demo';
import type { DatabaseHandle } from '../../apps/server/src/platform/db/database';
import { countRow } from '../../apps/server/src/modules/flows/counts.service';
import { BULK_COLUMNS } from '../../apps/server/src/modules/flows/flows.bulk';
import { copyRows } from './copy';

/** People the demo generator makes per unit of scale (SPEC §14: ≈2,000 transit migrants). */
const PEOPLE_PER_SCALE = 2000;
/** Flow count rows the demo generator makes per unit of scale (≈40,000). */
const FLOW_ROWS_PER_SCALE = 39_700;
const BATCH = 5000;

const PEOPLE_COLUMNS = ['id', 'case_number', 'given_name', 'family_name', 'other_names', 'sex', 'date_of_birth', 'dob_precision', 'birth_year', 'nationality', 'birth_country', 'birth_place', 'languages', 'phones', 'origin_pcode', 'name_key', 'family_key', 'given_key', 'organisation_id', 'site_id', 'region_pcode', 'owner_id', 'registered_on'];
const CASE_COLUMNS = ['id', 'case_number', 'person_id', 'organisation_id', 'site_id', 'region_pcode', 'assigned_to', 'status', 'closure_reason', 'priority', 'opened_on', 'closed_on'];
const SERVICE_COLUMNS = ['id', 'transit_case_id', 'person_id', 'site_id', 'type', 'date', 'quantity', 'provider', 'cost_xof', 'recorded_by'];

/** The benchmark's own case-number series: the demo's numbers with BN for the country part. */
const benchNumber = (caseNumber: string) => caseNumber.replace(/^[A-Z]{2}-/, 'BN-');

async function idsByCode(handle: DatabaseHandle) {
  const orgs = new Map((await handle.db.selectFrom('organisations').select(['code', 'id']).execute()).map((r) => [r.code, r.id]));
  const sites = new Map((await handle.db.selectFrom('sites').select(['code', 'id', 'pcode']).execute()).map((r) => [r.code, r]));
  const users = new Map((await handle.db.selectFrom('users').select(['username', 'id']).execute()).map((r) => [r.username, r.id]));
  const must = <T>(map: Map<string, T>, code: string): T => {
    const v = map.get(code);
    if (v === undefined) throw new Error(`demo code ${code} is not in the database`);
    return v;
  };
  return { org: (c: string) => must(orgs, c), site: (c: string) => must(sites, c), user: (c: string) => must(users, c) };
}

/** Tops the registry up to `target` people (with transit cases and services) from the demo generator. */
export async function fillPeople(handle: DatabaseHandle, target: number, log: (line: string) => void): Promise<void> {
  const have = Number((await sql<{ n: number }>`select count(*)::int as n from people`.execute(handle.db)).rows[0]?.n ?? 0);
  const bench = Number((await sql<{ n: number }>`select count(*)::int as n from people where case_number like 'BN-%'`.execute(handle.db)).rows[0]?.n ?? 0);
  if (have >= target) return;
  if (bench > 0) throw new Error('the database holds part of an earlier benchmark fill: use a fresh database');
  const need = target - have;
  const ids = await idsByCode(handle);
  const client = await handle.pool.connect();
  const started = performance.now();
  let added = 0;
  // A trigram index is built far faster at once than row by row (and fastupdate is off, 0004).
  await client.query('drop index if exists people_name_key_trgm');
  try {
    for (const batch of generatePeople({ seed: 20_250, scale: Math.ceil(need / PEOPLE_PER_SCALE) + 1 }, BATCH)) {
      const people: unknown[][] = [];
      const cases: unknown[][] = [];
      const services: unknown[][] = [];
      for (const p of batch.people.slice(0, need - added)) {
        const id = newId();
        const site = ids.site(p.site);
        const keys = personMatchingKeys(p);
        const owner = ids.user(p.owner);
        people.push([id, benchNumber(p.caseNumber), p.givenName, p.familyName, p.otherNames, p.sex, p.dateOfBirth, p.dobPrecision, Number(p.dateOfBirth.slice(0, 4)), p.nationality, p.birthCountry, p.birthPlace, p.languages, p.phones, p.originPcode, keys.nameKey, keys.familyKey, keys.givenKey, ids.org(p.organisation), site.id, p.originPcode ?? site.pcode, owner, p.registeredOn]);
        const c = p.transitCase;
        if (!c) continue;
        const caseId = newId();
        const caseSite = ids.site(c.site);
        cases.push([caseId, benchNumber(c.caseNumber), id, ids.org(p.organisation), caseSite.id, caseSite.pcode, c.assignedTo ? ids.user(c.assignedTo) : null, c.status, c.closureReason, c.priority, c.openedOn, c.closedOn]);
        for (const s of c.services) services.push([newId(), caseId, id, caseSite.id, s.type, s.date, s.quantity, s.provider, s.costXof, ids.user(s.recordedBy)]);
      }
      await copyRows(client, 'people', PEOPLE_COLUMNS, people);
      await copyRows(client, 'transit_cases', CASE_COLUMNS, cases);
      await copyRows(client, 'services', SERVICE_COLUMNS, services);
      added += people.length;
      if (added % 100_000 < people.length || added >= need) log(`  ${(have + added).toLocaleString('en')} people (${Math.round(added / ((performance.now() - started) / 1000))} people/s with their cases and services)`);
      if (added >= need) break;
    }
  } finally {
    const t = performance.now();
    await client.query('create index if not exists people_name_key_trgm on people using gin (name_key gin_trgm_ops) with (fastupdate = off)');
    log(`  trigram index rebuilt in ${Math.round((performance.now() - t) / 1000)} s`);
    client.release();
  }
}

/** Tops flow counts up to `target` rows from the demo's flow generator (validated, one organisation). */
export async function fillFlowCounts(handle: DatabaseHandle, target: number, log: (line: string) => void): Promise<void> {
  const have = Number((await sql<{ n: number }>`select count(*)::int as n from flow_counts`.execute(handle.db)).rows[0]?.n ?? 0);
  if (have >= target) return;
  const need = target - have;
  const organisationId = (await handle.db.selectFrom('organisations').select('id').where('code', '=', 'iom').executeTakeFirstOrThrow()).id;
  const columns = Object.keys(BULK_COLUMNS.flow_counts);
  const camel = columns.map((c) => c.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase()));
  const client = await handle.pool.connect();
  const started = performance.now();
  let added = 0;
  await client.query('drop index if exists flow_counts_nationalities');
  try {
    const stream = streamFlowCounts(20_250, Math.ceil(need / FLOW_ROWS_PER_SCALE) + 1);
    const now = new Date().toISOString();
    while (added < need) {
      const rows: unknown[][] = [];
      // next(), not for…of: leaving a for…of closes the generator, and the next batch would be empty.
      for (let item = stream.next(); !item.done; item = stream.next()) {
        const { status: _status, rejectionReason: _reason, ...input } = item.value;
        const row = countRow(input, { id: newId(), status: 'validated', organisationId, userId: null, importId: null, rowKey: null }) as Record<string, unknown>;
        row.createdAt = now;
        row.updatedAt = now;
        rows.push(camel.map((k) => row[k] ?? null));
        if (rows.length >= 200_000 || added + rows.length >= need) break;
      }
      if (rows.length === 0) break;
      await copyRows(client, 'flow_counts', columns, rows);
      added += rows.length;
      if (added % 1_000_000 < rows.length || added >= need) log(`  ${(have + added).toLocaleString('en')} flow count rows (${Math.round(added / ((performance.now() - started) / 1000))} rows/s)`);
    }
    if (added < need) throw new Error(`the flow generator gave ${added} of the ${need} rows asked for`);
  } finally {
    await client.query('create index if not exists flow_counts_nationalities on flow_counts using gin (nationalities jsonb_path_ops) with (fastupdate = off)');
    client.release();
  }
}
