// Which RSS instrument a new survey uses: the newest verified one, else the newest of all.
import type { RssInstrumentSummary } from '../types';

/** The instrument new surveys are taken with (undefined when none is loaded). */
export function pickInstrument(items: readonly RssInstrumentSummary[]): RssInstrumentSummary | undefined {
  const newestFirst = [...items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return newestFirst.find((i) => i.status === 'verified') ?? newestFirst[0];
}
