// Command-line plumbing shared by every command: argument parsing, usage errors, output, exit codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line itself is wrong (unknown option, missing argument): exit 2 with a usage hint. */
export class UsageError extends Error {}

/** The command ran but could not do what was asked; the message says why: exit 1. */
export class CommandFailed extends Error {}

/** Exit code after Ctrl-C or SIGTERM (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

/** The command was stopped by a signal; what it had begun was rolled back: exit 130. */
export class Interrupted extends Error {
  constructor(readonly signal: string) {
    super(`${signal}: stopped; nothing half-done was committed`);
  }
}

export type Env = Record<string, string | undefined>;

/** Where a command writes and what environment it reads; `process` in the real CLI. */
export interface Io {
  /** One line (or block) of normal output, on stdout. */
  out(text: string): void;
  /** Progress, warnings and errors, on stderr. */
  err(text: string): void;
  env: Env;
}

/** Runs one top-level command (`taama <name> …`) with the arguments after its name; returns the exit code. */
export type CommandRun = (args: string[], io: Io) => Promise<number>;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** `--help` / `-h`, accepted by every command. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses a command's arguments strictly; any parse problem becomes a UsageError. */
export function parseCommand<const O extends OptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Checks the number of positional arguments and returns them. */
export function expectPositionals(positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names.slice(positionals.length).map((n) => `<${n}>`).join(' ')}`);
  if (positionals.length > names.length) throw new UsageError(`unexpected argument "${positionals[names.length] ?? ''}"`);
  return positionals;
}

/** Parses an integer option within bounds. */
export function integerOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

/** Parses a decimal option within bounds. */
export function numberOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

/** Formats rows as a left-aligned text table with a header line. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The way the CLI is invoked from a checkout, for help texts. */
export const INVOCATION = 'npm run taama --';
