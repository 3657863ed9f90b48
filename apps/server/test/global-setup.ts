// Starts the test database once for the whole run: the embedded one in a temporary directory, or
// the PostgreSQL server named by DATABASE_URL. Either way it is migrated and seeded with the demo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/platform/db/database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/platform/db/embedded';
import { prepareDatabase } from '../src/setup';
import { TEST_DEMO_PASSWORD } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'pglite' | 'postgres';
  }
}

let embedded: EmbeddedDatabase | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.DATABASE_URL;
  let url: string;
  if (external) {
    url = external;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'taama-test-'));
    embedded = await startEmbeddedDatabase(dir);
    url = embedded.url;
  }
  const handle = connect(url, external ? 'postgres' : 'pglite', { max: 2 });
  await prepareDatabase(handle, { demo: true, demoPassword: TEST_DEMO_PASSWORD, demoSeed: 1, demoScale: 1 });
  await handle.close();
  project.provide('databaseUrl', url);
  project.provide('databaseKind', external ? 'postgres' : 'pglite');
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
