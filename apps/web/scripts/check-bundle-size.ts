// Fails (exit 1) when the sign-in page's first load, JavaScript and CSS compressed with gzip, is
// above the SPEC §15 budget. The web build runs the same check (vite.config.ts); this is the
// stand-alone form for an existing build:  tsx apps/web/scripts/check-bundle-size.ts [dist]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_LOAD_BUDGET_BYTES, firstLoad, kb, type LoadSize } from './bundle-size';

/** One line describing the first load against the budget. */
export function describeFirstLoad(size: LoadSize): string {
  const total = size.js.gzip + size.css.gzip;
  return (
    `First load (sign-in page, ${size.files.length} files): JS ${kb(size.js.gzip)} gzip / ${kb(size.js.brotli)} brotli, ` +
    `CSS ${kb(size.css.gzip)} gzip / ${kb(size.css.brotli)} brotli; ${kb(total)} of the ${kb(FIRST_LOAD_BUDGET_BYTES)} budget (gzip, JS + CSS)`
  );
}

/** Whether the first load fits the budget. */
export function withinBudget(size: LoadSize): boolean {
  return size.js.gzip + size.css.gzip <= FIRST_LOAD_BUDGET_BYTES;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist'));
  const size = firstLoad(dist);
  console.log(describeFirstLoad(size));
  if (!withinBudget(size)) {
    console.error('The first load is over budget: move what the sign-in page does not need behind a lazy import.');
    process.exit(1);
  }
}
