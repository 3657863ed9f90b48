// `taama seed --demo`: loads the synthetic demo (SPEC §14) into an empty database.
import { sql } from 'kysely';
import { generateDemo } from '@taama/demo';
import { loadDemo } from '../../modules/demo/demo.load';
import { CommandFailed, EXIT_OK, expectPositionals, HELP_OPTION, INVOCATION, integerOption, numberOption, parseCommand, UsageError, type CommandRun } from '../args';
import { describeDatabase, withDatabase } from '../runtime';
import { prepareSchema } from './migrate';

const HELP = `Usage: ${INVOCATION} seed --demo [--seed N] [--scale F]

Loads the synthetic demo (organisations, sites, one user per role and generated activity; never
real people) into an EMPTY database, after applying migrations. Refuses when any user exists.

Options:
  --demo        load the demo (required; the only kind of seed today)
  --seed N      random seed, the same seed always gives the same data (default TAAMA_DEMO_SEED or 2018)
  --scale F     1 = the scale of the real action; larger for benchmarks (default TAAMA_DEMO_SCALE or 1)

Every demo user's password is TAAMA_DEMO_PASSWORD (or its documented default).`;

const OPTIONS = {
  ...HELP_OPTION,
  demo: { type: 'boolean' },
  seed: { type: 'string' },
  scale: { type: 'string' },
} as const;

export const runSeed: CommandRun = async (args, io) => {
  const { values, positionals } = parseCommand(args, OPTIONS);
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  expectPositionals(positionals, []);
  if (!values.demo) throw new UsageError('say what to seed: --demo');
  // Checked before the database opens; the defaults come from the configuration.
  const seedArg = values.seed === undefined ? undefined : integerOption('seed', values.seed, 0, 0, 2 ** 31 - 1);
  const scaleArg = values.scale === undefined ? undefined : numberOption('scale', values.scale, 1, 0.001, 1000);
  return withDatabase(io, async (handle, config) => {
    const seed = seedArg ?? config.demoSeed;
    const scale = scaleArg ?? config.demoScale;
    io.err(`Seeding the ${describeDatabase(handle, config)}`);
    await prepareSchema(handle, io);
    const { n } = await sql<{ n: number }>`select count(*)::int as n from users`.execute(handle.db).then((r) => r.rows[0] ?? { n: 0 });
    if (n > 0) {
      throw new CommandFailed(`The database already has ${n} user account(s); the demo loads only into an empty database. Use a new TAAMA_DATA_DIR or an empty PostgreSQL database.`);
    }
    const started = Date.now();
    const demo = generateDemo({ seed, scale });
    const loaded = await loadDemo(handle.db, demo, config.demoPassword);
    io.out(`Demo loaded (seed ${seed}, scale ${scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${demo.organisations.length} organisations, ${demo.sites.length} sites, ${loaded.users} users`);
    io.out(`Demo users (password "${config.demoPassword}"): ${demo.users.map((u) => u.username).join(', ')}`);
    return EXIT_OK;
  });
};
