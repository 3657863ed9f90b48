// `npm start`: builds the web app when its sources changed, then starts the server with the demo
// data on the embedded database (unless DATABASE_URL says otherwise).
//   --e2e  a throwaway data directory and port 8090, for the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The newest modification time of these files and of any file below these folders. */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isFile()) {
      latest = Math.max(latest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
  };
  paths.forEach(visit);
  return latest;
}

function buildWebIfStale(): void {
  const index = join(root, 'apps/web/dist/index.html');
  const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/core/src'].map((p) => join(root, p));
  if (existsSync(index) && statSync(index).mtimeMs >= newest(sources)) return;
  console.log('Building the web app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@taama/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app failed to build.');
    process.exit(result.status ?? 1);
  }
}

if (process.argv.includes('--e2e')) {
  process.env.TAAMA_DATA_DIR = mkdtempSync(join(tmpdir(), 'taama-e2e-'));
  process.env.PORT = process.env.PORT || '8090';
  process.env.DATABASE_URL = '';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
}
process.env.TAAMA_DEMO = process.env.TAAMA_DEMO || '1';
buildWebIfStale();
await import('../apps/server/src/main');
