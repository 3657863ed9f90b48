// The real app on the real test database, plus helpers to sign in and to make users with given roles.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { newId, type Permission, type ScopeKind, type Sensitivity } from '@taama/core';
import type { Config } from '../src/config';
import { connect, type DatabaseHandle } from '../src/platform/db/database';
import { buildApp, type App } from '../src/platform/http/app';
import { hashPassword } from '../src/platform/auth/password';
import { TEST_DEMO_PASSWORD, TEST_SECRET } from './constants';

export interface Harness {
  app: App;
  database: DatabaseHandle;
  config: Config;
  /** Signs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a role with these grants and a user holding it; returns the user and its token. */
  userWith(options: UserOptions): Promise<{ id: string; username: string; token: string; organisationId: string }>;
  /** The id of a demo organisation or site by code. */
  orgId(code: string): Promise<string>;
  siteId(code: string): Promise<string>;
  close(): Promise<void>;
}

export interface UserOptions {
  permissions: Permission[];
  scope?: ScopeKind;
  maxSensitivity?: Sensitivity;
  organisation?: string;
  site?: string | null;
  regionPcode?: string | null;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: inject('databaseUrl'),
    demo: true,
    demoPassword: TEST_DEMO_PASSWORD,
    demoSeed: 1,
    demoScale: 1,
    secret: TEST_SECRET,
    secureCookies: false,
    // Server errors (5xx) always reach the test output, so a failure on CI names its cause;
    // TEST_LOG=info (or debug) shows everything.
    logLevel: process.env.TEST_LOG ?? 'error',
    loginRateLimitPerMinute: 100_000,
    webDist: undefined,
    version: 'test',
    ...overrides,
  };
}

/** A short unique suffix for names created by a test. */
export function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

export async function createHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const config = testConfig(overrides);
  const database = connect(inject('databaseUrl'), inject('databaseKind'), { max: 2 });
  const app = await buildApp({ config, database });
  await app.ready();
  const db = database.db;
  const login = async (username: string, password = TEST_DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  const codeId = async (table: 'organisations' | 'sites', code: string) =>
    (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  let cachedHash: string | undefined;
  return {
    app,
    database,
    config,
    login,
    orgId: (code) => codeId('organisations', code),
    siteId: (code) => codeId('sites', code),
    async userWith(options) {
      cachedHash ??= await hashPassword(TEST_DEMO_PASSWORD);
      const roleId = newId();
      const username = unique('t.');
      await db
        .insertInto('roles')
        .values({ id: roleId, code: unique('r_'), name: 'test role', scope: options.scope ?? 'all', maxSensitivity: options.maxSensitivity ?? 'personal', permissions: options.permissions, createdBy: null, updatedBy: null })
        .execute();
      const organisationId = await codeId('organisations', options.organisation ?? 'iom');
      const siteId = options.site ? await codeId('sites', options.site) : null;
      const id = newId();
      await db
        .insertInto('users')
        .values({ id, username, displayName: `Test ${username}`, email: `${username}@example.org`, passwordHash: cachedHash, organisationId, siteId, regionPcode: options.regionPcode ?? null, createdBy: null, updatedBy: null })
        .execute();
      await db.insertInto('userRoles').values({ userId: id, roleId }).execute();
      return { id, username, token: await login(username), organisationId };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Bearer header for a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The error body of a response. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string; fields?: Record<string, string> } {
  return (res.json() as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}
