// Starts the real server for the documentation tools: the built web app on the demo data, on a
// throwaway embedded database and a port of its own, and stops it (with its database) afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export interface DocsServer {
  url: string;
  password: string;
  /** What the server printed so far (its warnings and errors). */
  output(): string;
  stop(): Promise<void>;
}

export interface DocsServerOptions {
  /** Build the web app first when its sources changed (the screenshots need it, the API does not). */
  web: boolean;
  port?: number;
  /** Demo scale (1 = the full demo). */
  scale?: number;
}

/** Starts the server and resolves once it listens. */
export async function startDocsServer(options: DocsServerOptions): Promise<DocsServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taama-docs-'));
  const password = 'Docs-Demo-Password-1';
  const entry = options.web ? join(root, 'tools/start.ts') : join(root, 'apps/server/src/main.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: {
      ...process.env,
      TAAMA_DATA_DIR: dataDir,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      TAAMA_DEMO: '1',
      TAAMA_DEMO_PASSWORD: password,
      TAAMA_DEMO_SCALE: String(options.scale ?? 1),
      TAAMA_LOGIN_RATE_LIMIT: '10000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      // Building the web app and seeding the demo take minutes on a small machine.
      const timer = setTimeout(() => reject(new Error(`the server did not start within 10 minutes:\n${output}`)), 600_000);
      child.stdout?.on('data', () => {
        const match = /running at (http:\/\/[\d.]+:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code}:\n${output}`));
      });
    });
    return {
      url,
      password,
      output: () => output,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timeout = new Promise<void>((resolve) => setTimeout(resolve, 30_000));
          await Promise.race([exited, timeout]);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
        cleanUp();
      },
    };
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    cleanUp();
    throw error;
  }
}
