// `taama db shell`: psql on the configured database, for maintenance with the server stopped.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { EXIT_FAILURE, EXIT_OK, HELP_OPTION, INVOCATION, parseCommand, UsageError, type CommandRun, type Io } from '../args';
import { withDatabase } from '../runtime';

const HELP = `Usage: ${INVOCATION} db shell [-- <psql arguments>]

Opens psql on the database, for maintenance with the server stopped.

With DATABASE_URL, runs psql on that URL. With the embedded database, starts it on a loopback port
(this takes the data directory's lock, so it refuses while a server uses the directory: the
embedded database must never serve two clients at once), runs psql on it and stops the database
when psql exits. If psql is not installed, prints the connection URL and keeps the database up
until Ctrl-C; connect with one PostgreSQL client at a time.

Arguments after "--" go to psql, e.g.: ${INVOCATION} db shell -- -c "select count(*) from users"`;

type PsqlOutcome = { ran: true; code: number } | { ran: false };

/** Runs psql with the terminal attached; Ctrl-C belongs to psql (it cancels a query) while it runs. */
function runPsql(url: string, args: string[]): Promise<PsqlOutcome> {
  return new Promise((resolve, reject) => {
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    const done = (outcome: PsqlOutcome | Error) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    // The password goes through the environment, not the command line other users can list.
    const target = new URL(url);
    const password = decodeURIComponent(target.password);
    target.password = '';
    const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
    const child = spawn('psql', [target.toString(), ...args], { stdio: 'inherit', env });
    const forward = () => child.kill('SIGTERM');
    process.on('SIGTERM', forward);
    child.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ENOENT' ? { ran: false } : error));
    child.once('exit', (code, signal) => done({ ran: true, code: code ?? (signal ? 128 + constants.signals[signal] : EXIT_FAILURE) }));
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function shell(psqlArgs: string[], io: Io): Promise<number> {
  return withDatabase(io, async (handle, config) => {
    // The pool opened alongside is never used, so psql is the database's only client.
    const embedded = handle.kind === 'pglite';
    if (embedded) io.err(`Embedded database in ${config.dataDir} started for maintenance; it stops when psql exits.`);
    const outcome = await runPsql(handle.url, psqlArgs);
    if (outcome.ran) return outcome.code;
    if (!embedded) {
      io.err('psql is not installed: connect to DATABASE_URL with any PostgreSQL client.');
      return EXIT_FAILURE;
    }
    io.err('psql is not installed. Connect one PostgreSQL client at a time to:');
    io.out(handle.url);
    io.err('Press Ctrl-C to stop the database.');
    await untilInterrupted();
    io.err('Stopping the embedded database.');
    return EXIT_OK;
  }, { ownSignals: true });
}

export const runDb: CommandRun = async (args, io) => {
  const separator = args.indexOf('--');
  const own = separator === -1 ? args : args.slice(0, separator);
  const psqlArgs = separator === -1 ? [] : args.slice(separator + 1);
  const { values, positionals } = parseCommand(own, HELP_OPTION);
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [sub, extra] = positionals;
  if (sub === undefined) throw new UsageError('missing subcommand: shell');
  if (sub !== 'shell') throw new UsageError(`unknown subcommand "${sub}": use shell`);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" (put psql arguments after "--")`);
  return shell(psqlArgs, io);
};
