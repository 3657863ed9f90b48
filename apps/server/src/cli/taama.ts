// The `taama` command line: maintenance commands that read the same configuration as the server.
// Exit codes: 0 done, 1 failed (the message says why), 2 the command line was wrong.
import { CommandFailed, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Interrupted, INVOCATION, UsageError, type CommandRun, type Io } from './args';

interface CommandEntry {
  name: string;
  summary: string;
  /** Loaded on use, so help and usage errors answer at once and each command loads only what it needs. */
  load: () => Promise<CommandRun>;
}

const COMMANDS: CommandEntry[] = [
  { name: 'migrate', summary: 'apply pending migrations, reference data and default roles', load: async () => (await import('./commands/migrate')).runMigrate },
  { name: 'seed', summary: 'load the synthetic demo into an empty database (seed --demo)', load: async () => (await import('./commands/seed')).runSeed },
  { name: 'users', summary: 'create, list, reset-password, disable and enable accounts', load: async () => (await import('./commands/users')).runUsers },
  { name: 'audit', summary: 'verify the hash chain of the audit log (audit verify)', load: async () => (await import('./commands/audit')).runAudit },
  { name: 'backup', summary: 'write a consistent backup of the database to a file', load: async () => (await import('./commands/backup')).runBackup },
  { name: 'restore', summary: 'restore a backup into an empty database', load: async () => (await import('./commands/backup')).runRestore },
  { name: 'db', summary: 'open psql on the database (db shell; maintenance, server stopped)', load: async () => (await import('./commands/db-shell')).runDb },
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: ${INVOCATION} <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "${INVOCATION} <command> --help" for a command's options.

Configuration comes from the server's environment variables: TAAMA_DATA_DIR (embedded database,
default ./data) or DATABASE_URL (PostgreSQL), TAAMA_DEMO_PASSWORD, TAAMA_DEMO_SEED, TAAMA_SECRET.
The embedded database serves one process at a time: stop the server before using a command on it.`;
}

/** Runs one command line and returns the exit code; errors become messages, not stack traces. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(name === undefined ? 'taama: missing command.' : `taama: unknown command "${name}".`);
    io.err(help());
    return EXIT_USAGE;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`taama ${command.name}: ${error.message}`);
      io.err(`Run "${INVOCATION} ${command.name} --help" for usage.`);
      return EXIT_USAGE;
    }
    if (error instanceof Interrupted) {
      io.err(`taama ${command.name}: ${error.message}`);
      return EXIT_INTERRUPTED;
    }
    if (error instanceof CommandFailed) {
      io.err(`taama ${command.name}: ${error.message}`);
      return EXIT_FAILURE;
    }
    // Unexpected (a database error, a bug): the message, and the stack only when asked for.
    io.err(`taama ${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (io.env.TAAMA_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT_FAILURE;
  }
}

// Output piped into a command that stops reading (`| head`) must not crash a command half-way,
// before it has closed the database: further output is dropped instead.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const write = (stream: NodeJS.WriteStream, text: string) => {
  if (!closed.has(stream)) stream.write(text + '\n');
};

const io: Io = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  env: process.env,
};

main(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(EXIT_FAILURE);
  },
);
