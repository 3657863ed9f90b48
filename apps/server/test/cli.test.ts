// The taama CLI as a real process on real databases: usage errors, migrate, seed, users, audit
// verify, db shell, and backup/restore round trips embedded → embedded and, when the suite runs on
// PostgreSQL, embedded → PostgreSQL → embedded, each checked row for row.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '@taama/core';
import { connect, openDatabase, type DatabaseHandle } from '../src/platform/db/database';
import { acquireLock, lockPath } from '../src/platform/db/lock';
import { verifyPassword } from '../src/platform/auth/password';

const CLI = fileURLToPath(new URL('../src/cli/taama.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO_PASSWORD = 'Cli-Test-Demo-Pass-1';
const onPostgres = inject('databaseKind') === 'postgres';
const hasPsql = (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, 'psql')));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `taama <args>` as its own process; the embedded database in `dataDir` unless DATABASE_URL is given. */
function taama(args: string[], env: Record<string, string>, input = ''): Promise<Result> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', TAAMA_NEW_PASSWORD: '', TAAMA_DEMO_PASSWORD: DEMO_PASSWORD, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const work = mkdtempSync(join(tmpdir(), 'taama-cli-'));
/** Data directories: A is the source, B a restore target, C a fresh target for the PostgreSQL round trip. */
const dirA = join(work, 'a');
const dirB = join(work, 'b');
const dirC = join(work, 'c');
const on = (dir: string) => ({ TAAMA_DATA_DIR: dir });
const file1 = join(work, 'a.taama');
/** A's content when file1 was taken: every restored copy must equal it. */
let sourceSnapshot: Record<string, string> = {};

async function withEmbedded<T>(dir: string, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir: dir });
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

async function withPostgres<T>(url: string, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = connect(url, 'postgres', { max: 1 });
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Row count and an order-independent digest of every table's content, plus the audit sequence:
 * equal snapshots mean equal databases, whichever engine holds them.
 */
async function snapshot(handle: DatabaseHandle): Promise<Record<string, string>> {
  return handle.db
    .withoutPlugins()
    .transaction()
    .execute(async (tx) => {
      await sql`set local timezone = 'UTC'`.execute(tx);
      const tables = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'schema_migrations%'
        order by 1`.execute(tx);
      const out: Record<string, string> = {};
      for (const { name } of tables.rows) {
        const r = await sql<{ n: number; digest: string }>`
          select count(*)::int as n,
                 md5(coalesce(string_agg(row_to_json(t)::text, E'\n' order by row_to_json(t)::text collate "C"), '')) as digest
          from ${sql.table(name)} t`.execute(tx);
        out[name] = `${r.rows[0]?.n} rows, md5 ${r.rows[0]?.digest}`;
      }
      const seq = await sql<{ v: string; called: boolean }>`select last_value::text as v, is_called as called from audit_log_seq_seq`.execute(tx);
      out['sequence audit_log_seq_seq'] = `${seq.rows[0]?.v} ${seq.rows[0]?.called}`;
      return out;
    });
}

/** Breaks the audit chain the way a superuser could: trigger off, one entry edited, trigger on. */
async function tamper(handle: DatabaseHandle): Promise<number> {
  return handle.db.withoutPlugins().transaction().execute(async (tx) => {
    const { rows } = await sql<{ seq: number }>`select seq from audit_log order by seq offset 1 limit 1`.execute(tx);
    const seq = rows[0]?.seq ?? 0;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(tx);
    await sql`update audit_log set details = '{"tampered": true}' where seq = ${seq}`.execute(tx);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(tx);
    return seq;
  });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('taama CLI on the embedded database', () => {
  it('answers usage errors with exit 2 and --help with exit 0, without opening a database', async () => {
    const untouched = join(work, 'untouched');
    const env = on(untouched);
    const [none, unknown, noRole, badOption, noDemo, noFile, help, weak] = await Promise.all([
      taama([], env),
      taama(['frobnicate'], env),
      taama(['users', 'create', 'ana.k', '--organisation', 'iom'], env),
      taama(['users', 'list', '--bogus'], env),
      taama(['seed'], env),
      taama(['backup'], env),
      taama(['restore', '--help'], env),
      taama(['users', 'create', 'weak.user', '--role', 'caseworker', '--organisation', 'iom', '--password', 'password123'], env),
    ]);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('missing command') });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(noRole).toMatchObject({ code: 2, stderr: expect.stringContaining('missing --role') });
    expect(noRole.stderr).toContain('users --help');
    expect(badOption).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(noDemo).toMatchObject({ code: 2, stderr: expect.stringContaining('--demo') });
    expect(noFile).toMatchObject({ code: 2, stderr: expect.stringContaining('missing <file>') });
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: npm run taama -- restore <file>') });
    // The password policy is checked before the database is touched: a failure, not a usage error.
    expect(weak).toMatchObject({ code: 1, stderr: expect.stringContaining('The password is too common') });
    expect(existsSync(join(untouched, 'pgdata'))).toBe(false);
  });

  it('migrate prepares empty data directories', async () => {
    // B, a restore target later, is migrated at the same time: two first starts in parallel.
    const [a, b] = await Promise.all([taama(['migrate'], on(dirA)), taama(['migrate'], on(dirB))]);
    for (const r of [a, b]) {
      expect(r.code).toBe(0);
      // Every module adds its migration; the platform's comes first.
      expect(r.stdout).toMatch(/Applied \d+ migration\(s\): 0001_platform/);
      expect(r.stdout).toMatch(/Reference data added: adminUnits \d+, countries \d+/);
      expect(r.stdout).toContain('Default roles added: caseworker');
    }
    expect(existsSync(lockPath(dirA))).toBe(false);
  });

  it('seed --demo loads the demo into the empty database once, then refuses', async () => {
    const first = await taama(['seed', '--demo', '--seed', '7'], on(dirA));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo loaded \(seed 7, scale 1\).*12 users/);
    expect(first.stdout).toContain(`password "${DEMO_PASSWORD}"`);
    const [again, missing] = await Promise.all([taama(['seed', '--demo'], on(dirA)), taama(['users', 'reset-password', 'nobody.here'], on(dirB))]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no user "nobody.here"') });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has 12 user account(s); the demo loads only into an empty database');
  });

  it('users create, reset-password, disable, enable and list write the rows and audit entries', async () => {
    const name = 'Ana "Nana" Traoré\tparis';
    const [ana, unknownCodes] = await Promise.all([
      taama(['users', 'create', 'ana.traore', '--role', 'caseworker,data_officer', '--organisation', 'iom', '--site', 'gao', '--name', name], on(dirA)),
      // On B (migrated, empty): nothing is written, so B stays a valid restore target.
      taama(['users', 'create', 'some.one', '--role', 'nope', '--organisation', 'zzz'], on(dirB)),
    ]);
    expect(ana.code).toBe(0);
    const anaPassword = /Password \(shown only now[^)]*\): (\S+)/.exec(ana.stdout)?.[1] ?? '';
    expect(anaPassword.length).toBeGreaterThanOrEqual(20);
    expect(unknownCodes).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown organisation "zzz"; unknown role(s) "nope"') });

    const moussa = await taama(['users', 'create', 'moussa.k', '--role', 'donor', '--organisation', 'eu-delegation', '--region', 'ML07'], { ...on(dirA), TAAMA_NEW_PASSWORD: 'Sahel-route-2025' });
    expect(moussa.code).toBe(0);
    expect(moussa.stdout).not.toContain('Sahel-route-2025');

    // Live sessions for both, to see them closed; settings that exercise JSON null and numbers for the backup below.
    const ids = await withEmbedded(dirA, async ({ db }) => {
      const users = await db.selectFrom('users').select(['id', 'username', 'displayName', 'mustChangePassword', 'passwordHash', 'regionPcode']).where('username', 'in', ['ana.traore', 'moussa.k']).orderBy('username').execute();
      expect(users.map((u) => [u.username, u.displayName, u.mustChangePassword, u.regionPcode])).toEqual([
        ['ana.traore', name, true, null],
        ['moussa.k', 'moussa.k', true, 'ML07'],
      ]);
      expect(await verifyPassword(users[0]?.passwordHash, anaPassword)).toBe(true);
      expect(await verifyPassword(users[1]?.passwordHash, 'Sahel-route-2025')).toBe(true);
      const roles = await db.selectFrom('userRoles as ur').innerJoin('roles as r', 'r.id', 'ur.roleId').select('r.code').where('ur.userId', '=', users[0]?.id ?? '').orderBy('r.code').execute();
      expect(roles.map((r) => r.code)).toEqual(['caseworker', 'data_officer']);
      for (const u of users) {
        await db.insertInto('sessions').values({ id: newId(), tokenHash: randomBytes(16).toString('hex'), userId: u.id, csrfToken: 'x', expiresAt: new Date(Date.now() + 3_600_000) }).execute();
      }
      await db.insertInto('settings').values([
        { key: 'cli.test.null', value: 'null' },
        // Written as JSON text: the big number and the float keep digits JavaScript would round.
        { key: 'cli.test.values', value: '{"ratio": 0.30000000000000004, "big": 123456789012345678901234567890.5, "text": "é\\n\\"\\\\", "nested": {"none": null}}' },
      ]).execute();
      return { ana: users[0]?.id ?? '', moussa: users[1]?.id ?? '' };
    });

    const reset = await taama(['users', 'reset-password', 'moussa.k'], on(dirA));
    expect(reset.code).toBe(0);
    const moussaPassword = /Password \(shown only now[^)]*\): (\S+)/.exec(reset.stdout)?.[1] ?? '';
    expect((await taama(['users', 'disable', 'ana.traore'], on(dirA))).stdout).toContain('Disabled "ana.traore"; their sessions are closed.');

    const list = await taama(['users', 'list', '--json'], on(dirA));
    expect(list.code).toBe(0);
    const accounts = JSON.parse(list.stdout) as { username: string; status: string; roles: string[]; mustChangePassword: boolean; site: string | null }[];
    expect(accounts).toHaveLength(14);
    expect(accounts.find((a) => a.username === 'ana.traore')).toMatchObject({ status: 'disabled', roles: ['caseworker', 'data_officer'], site: 'gao', mustChangePassword: true });
    expect(accounts.find((a) => a.username === 'moussa.k')).toMatchObject({ status: 'active', mustChangePassword: true });
    expect((await taama(['users', 'enable', 'ana.traore'], on(dirA))).stdout).toContain('Enabled "ana.traore"');

    await withEmbedded(dirA, async ({ db }) => {
      const sessions = await db.selectFrom('sessions').select(['userId', 'revokedAt']).where('userId', 'in', [ids.ana, ids.moussa]).execute();
      expect(sessions).toHaveLength(2);
      expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
      const moussaRow = await db.selectFrom('users').select(['passwordHash']).where('id', '=', ids.moussa).executeTakeFirstOrThrow();
      expect(await verifyPassword(moussaRow.passwordHash, moussaPassword)).toBe(true);
      const anaRow = await db.selectFrom('users').select(['disabledAt']).where('id', '=', ids.ana).executeTakeFirstOrThrow();
      expect(anaRow.disabledAt).toBeNull();
      const audit = await db.selectFrom('auditLog').select(['action', 'entityId', 'actorUsername', 'actorId', 'details']).where('entityId', 'in', [ids.ana, ids.moussa]).orderBy('seq').execute();
      expect(audit.map((a) => [a.action, a.entityId === ids.ana ? 'ana' : 'moussa'])).toEqual([
        ['user.create', 'ana'],
        ['user.create', 'moussa'],
        ['user.password_reset', 'moussa'],
        ['user.disable', 'ana'],
        ['user.enable', 'ana'],
      ]);
      expect(audit.every((a) => a.actorUsername === 'cli' && a.actorId === null)).toBe(true);
      expect(audit[0]?.details).toEqual({ username: 'ana.traore', roles: ['caseworker', 'data_officer'] });
    });
  }, 120_000);

  it('backup then restore embedded → embedded gives an exact copy; damaged files and non-empty targets are refused', async () => {
    const backup = await taama(['backup', file1], on(dirA));
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*a\.taama/);
    expect(backup.stdout).toMatch(/users\s+14/);
    expect((await taama(['backup', file1], on(dirA))).stderr).toContain('exists; choose another name or pass --force');

    // Gzip-valid but without its end marker (as if interrupted): rows go in, then everything rolls back.
    const lines = gunzipSync(readFileSync(file1)).toString('utf8').trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\["end",/);
    const cut = join(work, 'cut.taama');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
    const damaged = await taama(['restore', cut], on(dirB));
    expect(damaged).toMatchObject({ code: 1, stderr: expect.stringContaining('is incomplete') });

    const restore = await taama(['restore', file1], on(dirB));
    expect(restore.stderr).toContain(`Restoring ${file1} (taken ${(JSON.parse(lines[0] ?? '{}') as { createdAt: string }).createdAt} from an embedded database) into the embedded database in ${dirB}`);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/users\s+14/);
    expect(restore.stdout).toMatch(/Audit chain: ok: \d+ entries/);

    // The source is not empty: refused, and (by the snapshots below) unchanged.
    const refused = await taama(['restore', file1], on(dirA));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The database is not empty \(14 user\(s\), \d+ audit entries\).*nothing was changed/);

    const [a, b] = await Promise.all([withEmbedded(dirA, snapshot), withEmbedded(dirB, snapshot)]);
    expect(a.users).toMatch(/^14 rows/);
    expect(a.settings).toMatch(/^2 rows/);
    expect(b).toEqual(a);
    sourceSnapshot = a;
  }, 120_000);

  it('audit verify: ok on the restored copy, exit 1 naming the entry after tampering with the source', async () => {
    const [verifiedCopy, seq] = await Promise.all([taama(['audit', 'verify'], on(dirB)), withEmbedded(dirA, tamper)]);
    expect(verifiedCopy.code).toBe(0);
    expect(verifiedCopy.stdout).toMatch(/^ok: \d+ entries\nhead: entry \d+ at /);
    const broken = await taama(['audit', 'verify'], on(dirA));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`broken: entry ${seq}: content does not match its hash`);
  });

  it.runIf(hasPsql)('db shell runs psql on the embedded database, and refuses a directory in use', async () => {
    const lock = acquireLock(dirA); // stands for a running server
    try {
      const [shell, refused] = await Promise.all([
        taama(['db', 'shell', '--', '-At', '-c', 'select count(*) from users'], on(dirB)),
        taama(['db', 'shell'], on(dirA)),
      ]);
      expect(shell.code).toBe(0);
      expect(shell.stdout.trim()).toBe('14');
      expect(existsSync(lockPath(dirB))).toBe(false);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`already in use by another Taama process (pid ${process.pid})`);
    } finally {
      lock.release();
    }
  });

  it('db shell without psql prints the URL, serves it until Ctrl-C, then stops the database', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'db', 'shell'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', TAAMA_DATA_DIR: dirB, PATH: join(work, 'no-such-bin') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /^(postgres:\/\/\S+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      void closed.then(() => reject(new Error(`exited early: ${stderr}`)));
    });
    expect(stderr).toContain('psql is not installed');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from users');
    await client.end();
    expect(rows[0]?.n).toBe(14);
    child.kill('SIGINT');
    expect(await closed).toBe(0);
    expect(existsSync(lockPath(dirB))).toBe(false);
  });
});

describe.runIf(onPostgres)('taama backup/restore across engines', () => {
  const scratch: string[] = [];
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
  });
  afterAll(async () => {
    for (const name of scratch) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  /** A new, empty PostgreSQL database on the test server; dropped after the run. */
  async function scratchDatabase(): Promise<string> {
    const name = `taama_cli_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    scratch.push(name);
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${name}`;
    return url.toString();
  }

  it('embedded → PostgreSQL → embedded: exact copies, verified chains, non-empty target refused', async () => {
    const url = await scratchDatabase();
    const pgEnv = { ...on(join(work, 'pg-config')), DATABASE_URL: url };
    const intoPostgres = await taama(['restore', file1], pgEnv);
    expect(intoPostgres.code).toBe(0);
    expect(intoPostgres.stdout).toMatch(/Audit chain: ok: \d+ entries/);
    expect(await withPostgres(url, snapshot)).toEqual(sourceSnapshot);

    const file2 = join(work, 'pg.taama');
    expect((await taama(['backup', file2], pgEnv)).code).toBe(0);
    // The restore into a fresh directory (first start, no schema yet) runs while PostgreSQL is checked.
    const [intoEmbedded, verified, refused] = await Promise.all([
      taama(['restore', file2], on(dirC)),
      taama(['audit', 'verify'], pgEnv),
      taama(['restore', file2], pgEnv),
    ]);
    expect(intoEmbedded.code).toBe(0);
    expect(intoEmbedded.stderr).toContain('from PostgreSQL');
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ entries/) });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('The database is not empty') });
    expect(await withPostgres(url, snapshot)).toEqual(sourceSnapshot);
    expect(await withEmbedded(dirC, snapshot)).toEqual(sourceSnapshot);

    const seq = await withPostgres(url, tamper);
    const broken = await taama(['audit', 'verify'], pgEnv);
    expect(broken).toMatchObject({ code: 1, stdout: expect.stringContaining(`broken: entry ${seq}: content does not match its hash`) });
  }, 120_000);
});
