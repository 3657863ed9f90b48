// Flow dashboard aggregates through the HTTP API beside the same aggregates as direct SQL, over all
// validated flow counts (the whole programme, no filter: the heaviest case a dashboard asks for).
import { sql } from 'kysely';
import { call } from './app';
import type { BenchContext } from './context';
import type { BenchRow } from './rows';
import { count, medianP95, ratio, summary, timeEach } from './stats';

/** Each dashboard figure: its route and the SQL that computes the same numbers. */
const FIGURES = [
  { name: 'monthly trends by direction', path: '/flows/stats/trends?interval=month', direct: sql`select to_char(date_trunc('month', date::timestamp), 'YYYY-MM'), direction, sum(total) from flow_counts where status = 'validated' group by 1, 2 order by 1, 2` },
  { name: 'origin → destination', path: '/flows/stats/od', direct: sql`select origin_country, final_destination_country, sum(total) from flow_counts where status = 'validated' group by 1, 2 order by 3 desc` },
  { name: 'totals per point', path: '/flows/stats/points', direct: sql`select fmp_id, sum(total) from flow_counts where status = 'validated' group by 1` },
  {
    name: 'sex/age, nationality and vulnerability composition',
    path: '/flows/stats/composition',
    direct: sql`select sum(total), sum(men), sum(women), sum(boys), sum(girls), sum(sex_age_unknown), sum(children_under5), sum(unaccompanied_children), sum(pregnant_women), sum(elderly60plus), sum(persons_with_disability) from flow_counts where status = 'validated';
      select n->>'country', sum((n->>'count')::int) from flow_counts c cross join lateral jsonb_array_elements(c.nationalities) n where status = 'validated' group by 1`,
  },
] as const;

/** One row per dashboard figure. */
export async function dashboardBench(ctx: BenchContext): Promise<BenchRow[]> {
  const headers = await ctx.server.login('data.officer');
  const rowsIn = Number((await sql<{ n: number }>`select count(*)::int as n from flow_counts`.execute(ctx.handle.db)).rows[0]?.n ?? 0);
  const runs = Array.from({ length: ctx.runs }, (_, i) => i);
  const out: BenchRow[] = [];
  for (const f of FIGURES) {
    ctx.log(`  dashboard: ${f.name}…`);
    await call(ctx.server.base, headers, 'GET', f.path);
    const http = await timeEach(runs, () => call(ctx.server.base, headers, 'GET', f.path));
    const direct = await timeEach(runs, async () => {
      // The composition figure is two statements; run them one by one like the service does.
      for (const part of f.direct.compile(ctx.handle.db).sql.split(';')) if (part.trim() !== '') await sql.raw(part).execute(ctx.handle.db);
    });
    out.push({
      measure: `Flow dashboard: ${f.name} (${count(rowsIn)} flow rows), median / p95`,
      taama: medianP95(http),
      baseline: `${medianP95(direct)} (direct SQL)`,
      ratio: ratio(summary(http).median, summary(direct).median),
    });
  }
  return out;
}
