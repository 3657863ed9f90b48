// Small statistics and formatting helpers shared by the benchmark modules.
import { performance } from 'node:perf_hooks';

/** The q-quantile (0..1) of samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? Number.NaN;
}

/** Median and p95 of a list of durations in milliseconds. */
export function summary(samples: readonly number[]): { median: number; p95: number; n: number } {
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), n: samples.length };
}

/** Runs `work` once per item and returns each run's duration in milliseconds. */
export async function timeEach<T>(items: readonly T[], work: (item: T, index: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const t = performance.now();
    await work(items[i] as T, i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? `${Math.round(value)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

/** "median / p95" of durations. */
export function medianP95(samples: readonly number[]): string {
  const s = summary(samples);
  return `${ms(s.median)} / ${ms(s.p95)}`;
}

/** A rate with thousands separators, e.g. "52,310 rows/s". */
export function rate(perSecond: number, unit: string): string {
  return `${Math.round(perSecond).toLocaleString('en')} ${unit}/s`;
}

/** How many times `slow` is of `fast` (time ratio), as text. */
export function ratio(slow: number, fast: number): string {
  if (!(fast > 0) || !Number.isFinite(slow)) return '–';
  return `${(slow / fast).toFixed(2)}×`;
}

/** Counts with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en');
}
