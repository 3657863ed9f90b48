// Registry figures: person fuzzy search through the HTTP API beside the same ranked-name query run
// directly, and registrations with their duplicate check at concurrency 1, 10 and 50 beside
// single-row INSERTs at the same concurrency.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { newId, personMatchingKeys } from '@taama/core';
import { inTransaction } from '../../apps/server/src/platform/db/tx';
import { rankedByName } from '../../apps/server/src/modules/registry/people.repo';
import { call } from './app';
import type { BenchContext } from './context';
import type { BenchRow } from './rows';
import { count, medianP95, rate, ratio, summary, timeEach } from './stats';

const SEARCH_QUERIES = 120;
const CONCURRENCY = [1, 10, 50] as const;

/** Names of the registry, written the ways people type them: as registered, swapped, lower case, with ou→u. */
async function searchQueries(ctx: BenchContext): Promise<string[]> {
  const rows = await sql<{ givenName: string; familyName: string }>`
    select given_name, family_name from people where status = 'active' order by md5(id::text) limit ${SEARCH_QUERIES}`.execute(ctx.handle.db);
  return rows.rows.map((r, i) => {
    switch (i % 4) {
      case 0:
        return `${r.givenName} ${r.familyName}`;
      case 1:
        return `${r.familyName} ${r.givenName}`;
      case 2:
        return `${r.givenName} ${r.familyName}`.toLowerCase();
      default:
        return `${r.givenName} ${r.familyName}`.replace(/ou/g, 'u');
    }
  });
}

/** Runs `work` from `concurrency` workers for `seconds`; returns completed calls per second. */
async function throughput(concurrency: number, seconds: number, work: (i: number) => Promise<void>): Promise<number> {
  let done = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await work(next++);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** CPU time (ms) a process has used, from /proc (Linux); undefined where it cannot be read. */
function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name: state is the 1st, utime the 12th and stime the 13th (clock ticks, 100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * The processes that run the database's side: the backends of this database on a local PostgreSQL,
 * or the embedded engine (a child of this process). Empty when they cannot be observed.
 */
async function databasePids(ctx: BenchContext): Promise<number[]> {
  if (ctx.engine === 'postgres') {
    const host = new URL(ctx.handle.url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') return [];
    const rows = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(ctx.handle.db);
    return rows.rows.map((r) => r.pid);
  }
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (ppid === process.pid) children.push(Number(entry));
    } catch {
      // the process ended while listed
    }
  }
  return children;
}

/** CPU (ms) of each process that can be read. */
function cpuOf(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) used.set(pid, ms);
  }
  return used;
}

/**
 * CPU spent by this process (API and load generator) and by the database while `work` runs. The pool
 * opens backends during the run: one seen only at the end counts whole (it started within the run).
 */
async function cpuDuring<T>(ctx: BenchContext, work: () => Promise<T>): Promise<{ result: T; nodeMs: number; databaseMs: number | undefined }> {
  const before = cpuOf(await databasePids(ctx).catch(() => []));
  const node = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(node);
  const after = cpuOf(await databasePids(ctx).catch(() => []));
  let databaseMs: number | undefined;
  for (const [pid, ms] of after) databaseMs = (databaseMs ?? 0) + ms - (before.get(pid) ?? 0);
  return { result, nodeMs: (used.user + used.system) / 1000, databaseMs };
}

/** The search and registration rows. */
export async function registryBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { server, handle } = ctx;
  const headers = await server.login('protection.officer');
  const queries = await searchQueries(ctx);
  const people = Number((await sql<{ n: number }>`select count(*)::int as n from people`.execute(handle.db)).rows[0]?.n ?? 0);

  ctx.log(`  search: ${queries.length} names × ${ctx.runs > 3 ? 2 : 1} rounds…`);
  for (const q of queries.slice(0, 10)) await call(server.base, headers, 'GET', `/people?q=${encodeURIComponent(q)}&limit=20`);
  const rounds = ctx.runs > 3 ? [...queries, ...queries] : queries;
  const http = await timeEach(rounds, (q) => call(server.base, headers, 'GET', `/people?q=${encodeURIComponent(q)}&limit=20`));
  const direct = await timeEach(rounds, (q) => inTransaction(handle.db, (tx) => rankedByName(tx, { kind: 'all' }, {}, q, 200)));
  const s = summary(http);
  const d = summary(direct);
  rows.push({
    measure: `Person fuzzy search, median / p95 (${count(people)} people, ${http.length} searches)`,
    taama: medianP95(http),
    baseline: `${medianP95(direct)} (same ranked query, direct SQL)`,
    ratio: ratio(s.p95, d.p95),
    target: 'p95 ≤ 50 ms at 1 M people',
    met: people >= 1_000_000 ? s.p95 <= 50 : undefined,
    note: 'HTTP: auth, scope, audit entry, transaction, JSON; names typed as registered, swapped, lower case or with ou→u',
  });

  const site = await handle.db.selectFrom('sites').select(['id', 'organisationId']).where('code', '=', 'gao').executeTakeFirstOrThrow();
  const names = queries.map((q) => q.split(' '));
  for (const concurrency of CONCURRENCY) {
    ctx.log(`  registrations at concurrency ${concurrency}…`);
    let registered = 0;
    const measured = await cpuDuring(ctx, () =>
      throughput(concurrency, ctx.seconds, async (i) => {
        const [givenName = 'Awa', familyName = 'Traoré'] = names[i % names.length] ?? [];
        await call(server.base, headers, 'POST', '/people', { givenName, familyName, sex: i % 2 === 0 ? 'male' : 'female', nationality: 'MLI', dateOfBirth: `${1970 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`, siteId: site.id });
        registered++;
      }),
    );
    const perSecond = measured.result;
    const perRegistration = (ms: number) => `${(ms / Math.max(1, registered)).toFixed(1)} ms`;
    const cpu = `CPU per registration: API and load generator ${perRegistration(measured.nodeMs)}, database ${measured.databaseMs === undefined ? 'not observable' : perRegistration(measured.databaseMs)}`;
    ctx.log(`    ${Math.round(perSecond)}/s; ${cpu}`);
    const insertsPerSecond = await throughput(concurrency, ctx.seconds, async (i) => {
      const [givenName = 'Awa', familyName = 'Traoré'] = names[i % names.length] ?? [];
      const keys = personMatchingKeys({ givenName, familyName });
      await sql`insert into people (id, case_number, given_name, family_name, sex, nationality, birth_year, name_key, family_key, given_key, organisation_id, site_id, registered_on)
        values (${newId()}, ${`BQ-${newId()}`}, ${givenName}, ${familyName}, 'female', 'MLI', ${1970 + (i % 35)}, ${keys.nameKey}, ${keys.familyKey}, ${keys.givenKey}, ${site.organisationId}, ${site.id}, current_date)`.execute(handle.db);
    });
    rows.push({
      measure: `Registrations with duplicate check, concurrency ${concurrency}`,
      taama: rate(perSecond, 'req'),
      baseline: `${rate(insertsPerSecond, 'rows')} (single-row INSERT, same concurrency)`,
      ratio: ratio(insertsPerSecond, perSecond),
      target: '≥ 300/s',
      met: perSecond >= 300,
      note: concurrency === 1 ? `each: session, site check, case number, insert, duplicate candidates + scoring, review queue, audit entry (a second duplicate check when another registration overlapped); ${cpu}` : cpu,
    });
  }
  return rows;
}
