// The API guide's curl examples, run as written against a real server on the demo data: each
// tagged block (`# example: <name>` on its first line) must answer the status and shape the guide
// promises. Only the variables the guide tells readers to set (TAAMA_URL, TAAMA_PASSWORD, TOKEN…)
// are filled in; the command lines themselves are not changed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage, root } from './markdown';
import { startDocsServer, type DocsServer } from './server';

type Body = Record<string, unknown>;

interface Expectation {
  /** The demo user whose token is in $TOKEN (none: no token needed). */
  user?: string;
  /** The status of each run (a block run twice lists two). */
  statuses: number[];
  check: (body: Body, env: Record<string, string>) => void;
}

const items = (body: Body) => body.items as Body[];

const EXPECTED: Record<string, Expectation> = {
  login: {
    statuses: [200],
    check: (body) => {
      expect(body.token).toEqual(expect.any(String));
      expect(body.user).toMatchObject({ username: 'caseworker.gao' });
    },
  },
  me: { user: 'caseworker.gao', statuses: [200], check: (body) => expect(body).toMatchObject({ username: 'caseworker.gao', permissions: expect.any(Array), scope: expect.any(String) }) },
  'register-person': {
    user: 'caseworker.gao',
    statuses: [201],
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), version: 1, givenName: 'Mahamadou', possibleDuplicates: expect.any(Array) }),
  },
  'search-people': {
    user: 'caseworker.gao',
    statuses: [200],
    check: (body) => {
      expect(items(body)).toHaveLength(2);
      expect(body.nextCursor).toEqual(expect.any(String));
    },
  },
  'next-page': { user: 'caseworker.gao', statuses: [200], check: (body) => expect(items(body).length).toBeGreaterThan(0) },
  'update-person': { user: 'caseworker.gao', statuses: [200], check: (body) => expect(body).toMatchObject({ version: 2, birthPlace: 'Kayes' }) },
  'stale-update': {
    user: 'caseworker.gao',
    statuses: [412],
    check: (body) => expect(body).toMatchObject({ error: { code: 'stale_version', details: { currentVersion: 2 } } }),
  },
  'bad-input': {
    user: 'caseworker.gao',
    statuses: [400],
    check: (body) => {
      const error = body.error as { fields: Record<string, string> };
      expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['familyName', 'sex']));
    },
  },
  'create-with-id': {
    user: 'caseworker.gao',
    // Sent twice: created, then "already exists" for the same id.
    statuses: [201, 409],
    check: (body, env) => {
      if ('error' in body) expect(body).toMatchObject({ error: { code: 'already_exists' } });
      else expect(body.id).toBe(env.CLIENT_ID);
    },
  },
  'import-dry-run': {
    user: 'data.officer',
    statuses: [200],
    check: (body) => {
      expect(body).toMatchObject({ mode: 'dry-run', imported: 3, totalRows: 4 });
      expect(body.rejected).toEqual([expect.objectContaining({ row: 5, errors: [expect.objectContaining({ field: 'total' })] })]);
    },
  },
  'import-valid-only': { user: 'data.officer', statuses: [200], check: (body) => expect(body).toMatchObject({ mode: 'valid-only', imported: 3, duplicates: 0 }) },
  indicators: {
    user: 'me.officer',
    statuses: [200],
    check: (body) => {
      const indicator = items(body).find((i) => i.code === '3.4');
      expect(indicator).toMatchObject({ value: expect.any(Number), target: expect.anything(), periods: expect.any(Array), disaggregations: { sex: expect.any(Object) } });
      expect(indicator?.value).toBeGreaterThan(0);
    },
  },
  'indicator-records': { user: 'me.officer', statuses: [200], check: (body) => expect(items(body).length).toBeGreaterThan(0) },
  openapi: { statuses: [200], check: (body) => expect(String(body.openapi)).toMatch(/^3\.1/) },
  logout: { user: 'caseworker.gao', statuses: [204], check: () => undefined },
};

const GUIDES = { en: 'docs/guide/en/api.md', fr: 'docs/guide/fr/api.md' } as const;

/** A guide's tagged curl examples, in order. */
function examplesOf(path: string): { name: string | undefined; command: string }[] {
  return parsePage(path)
    .fences.filter((f) => f.info === 'sh' && f.content.includes('curl'))
    .map((f) => ({ name: /^# example: ([a-z-]+)\n/.exec(f.content)?.[1], command: f.content.trim() }));
}

// The English examples run against the server; the French guide must hold the very same commands
// (only the prose around them is translated), which the first test checks.
const examples = examplesOf(GUIDES.en);

let server: DocsServer;
let scratch: string;
const env: Record<string, string> = {};

/** A fresh token for a demo user (outside the examples, which the reader runs as one user at a time). */
async function tokenFor(user: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: server.password }) });
  if (!res.ok) throw new Error(`${user} cannot sign in: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Runs one example's command line with curl and returns its status and JSON body. */
function run(command: string, variables: Record<string, string>): { status: number; body: Body } {
  const bodyFile = join(scratch, 'body');
  rmSync(bodyFile, { force: true });
  // Appended options only redirect the answer and print the status; the command is the guide's.
  const status = execFileSync('bash', ['-c', `${command} -o '${bodyFile}' -w '%{http_code}'`], { cwd: root, env: { ...process.env, ...variables }, encoding: 'utf8' });
  let text = '';
  try {
    text = readFileSync(bodyFile, 'utf8');
  } catch {
    // no body (204)
  }
  return { status: Number(status.trim()), body: text ? (JSON.parse(text) as Body) : {} };
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'taama-api-guide-'));
  // A fifth of the demo is plenty for the examples and seeds in a fraction of the time.
  server = await startDocsServer({ web: false, scale: 0.2 });
  Object.assign(env, { TAAMA_URL: server.url, TAAMA_PASSWORD: server.password, CLIENT_ID: '0192f0d2-5a1b-7c3d-8e4f-a0b1c2d3e4f5' });
});

afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('API guide', () => {
  it('tags every curl example and expects something of each', () => {
    expect(examples.map((e) => e.name)).not.toContain(undefined);
    expect(examples.map((e) => e.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('gives the French reader the same commands, character for character, in the same order', () => {
    expect(examplesOf(GUIDES.fr)).toEqual(examples);
  });

  it('links the OpenAPI document in both languages', () => {
    for (const path of Object.values(GUIDES)) {
      const text = readFileSync(join(root, path), 'utf8');
      expect(text, path).toContain('/api/v1/openapi.json');
      expect(text, path).toContain('/api/docs');
    }
  });

  it('runs every curl example as written, in order, with the documented answers', async () => {
    const tokens = new Map<string, string>();
    for (const example of examples) {
      const name = example.name ?? '';
      const expected = EXPECTED[name];
      if (!expected) throw new Error(`no expectation for example ${name}`);
      if (expected.user && !tokens.has(expected.user)) tokens.set(expected.user, await tokenFor(expected.user));
      const variables = { ...env, TOKEN: expected.user ? (tokens.get(expected.user) ?? '') : '' };
      for (const status of expected.statuses) {
        const result = run(example.command, variables);
        expect(result.status, `${name}: ${JSON.stringify(result.body)}`).toBe(status);
        expected.check(result.body, variables);
        // What later examples use, as a reader would copy it from the answer.
        if (name === 'register-person') env.PERSON_ID = String(result.body.id);
        if (name === 'search-people') env.CURSOR = String(result.body.nextCursor);
      }
    }
  });
});
