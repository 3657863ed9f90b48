// `npm run bench`: every benchmark against a throwaway PostgreSQL database, printed as a table and
// written to docs/benchmarks.md. Sizes are arguments so a small machine can run a smaller pass:
//   DATABASE_URL=postgres://…/scratch npm run bench -- [people=1000000] [flowRows=1000000]
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runFlowsBench } from './flows.bench';
import { runRegistryBench } from './registry.bench';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to a throwaway PostgreSQL database: the benchmarks fill it.');
  process.exit(2);
}
const people = Number(process.argv[2] ?? 1_000_000);
const flowRows = Number(process.argv[3] ?? 1_000_000);
const log = (line: string) => console.log(line);

const registry = await runRegistryBench({ databaseUrl, people, log });
const flows = await runFlowsBench({ databaseUrl, rows: flowRows, log });

const rows: [string, string, string, string][] = [
  ['Person fuzzy search p95 (HTTP, ranked)', `${registry.searchP95Ms} ms`, `${registry.searchSqlP95Ms} ms (trigram SQL)`, `${(registry.searchP95Ms / registry.searchSqlP95Ms).toFixed(2)}×`],
  ['Registrations with duplicate check', `${registry.registrationsPerSecond}/s`, `${registry.sqlInsertsPerSecond}/s (single-row INSERT)`, `${(registry.sqlInsertsPerSecond / Math.max(1, registry.registrationsPerSecond)).toFixed(2)}×`],
  ['Flow count import', `${flows.importRowsPerSecond} rows/s`, `${flows.copyRowsPerSecond} rows/s (COPY)`, `${flows.ratio}×`],
];
rows.push(...(await (await import('./results.bench')).resultsBenchRows({ databaseUrl, people, log })));
const table = ['| measure | Taama | baseline, same run | ratio |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(`\n${table}`);
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, PostgreSQL, ${people.toLocaleString('en')} people and ${flowRows.toLocaleString('en')} flow rows. Each line has its baseline measured in the same run. Targets: SPEC §15.\n\n${table}\n`,
);
