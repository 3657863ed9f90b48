// The only reader of process.env: every setting, validated once at boot (SPEC §14, README).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoPassword: string;
  demoSeed: number;
  demoScale: number;
  secret: string;
  /** Cookies get the Secure flag (set TAAMA_SECURE_COOKIES=0 only for plain-HTTP LAN use). */
  secureCookies: boolean;
  logLevel: string;
  /** Sign-in attempts allowed per client address per minute (account lockout applies on top). */
  loginRateLimitPerMinute: number;
  webDist: string | undefined;
  version: string;
}

export class ConfigError extends Error {}

/** The documented default password of every demo user (demo mode only). */
export const DEFAULT_DEMO_PASSWORD = 'Taama-Demo-2025!';

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0 (got "${raw}")`);
}

/** Reads the secret from TAAMA_SECRET, or from (creating if needed) `<dataDir>/secret`. */
function loadSecret(env: Env, dataDir: string): string {
  const given = env.TAAMA_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new ConfigError('TAAMA_SECRET must be at least 32 characters');
    return given;
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Builds and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const dataDirRaw = env.TAAMA_DATA_DIR || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const host = env.HOST || '127.0.0.1';
  const demo = flag(env, 'TAAMA_DEMO', false);
  const demoPassword = env.TAAMA_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  if (demoPassword.length < 10) throw new ConfigError('TAAMA_DEMO_PASSWORD must be at least 10 characters');
  const webDist = env.TAAMA_WEB_DIST || resolve(new URL('../../web/dist', import.meta.url).pathname);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    dataDir,
    databaseUrl,
    demo,
    demoPassword,
    demoSeed: integer(env, 'TAAMA_DEMO_SEED', 2018, 0, 2 ** 31 - 1),
    demoScale: Number(env.TAAMA_DEMO_SCALE || '1'),
    secret: loadSecret(env, dataDir),
    secureCookies: flag(env, 'TAAMA_SECURE_COOKIES', false),
    logLevel: env.LOG_LEVEL || 'info',
    loginRateLimitPerMinute: integer(env, 'TAAMA_LOGIN_RATE_LIMIT', 30, 1, 100_000),
    webDist: existsSync(webDist) ? webDist : undefined,
    version: packageVersion(),
  };
}
