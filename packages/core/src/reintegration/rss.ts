// The Reintegration Sustainability Survey (SPEC §7): a versioned instrument, its validation and the
// scoring of one survey. Pure functions: the server, the web app (live preview) and the tests share them.
import { ASSISTANCE_DIMENSIONS, type AssistanceDimension } from './codes';

export interface RssLabel {
  fr: string;
  en: string;
}

export interface RssOption {
  value: string;
  /** A score in [0, 1], or null: the answer counts as unanswered (it takes the item's missingScore). */
  score: number | null;
  label?: RssLabel;
}

export interface RssDerivation {
  op: 'mean' | 'sum';
  of: string[];
  /** Bounds a sum is clamped to; [0, 1] when absent. */
  clamp?: [number, number];
}

export interface RssItem {
  code: string;
  dimension: AssistanceDimension;
  weight: number;
  compositeWeight: number;
  /** The score an unanswered item (or a null-scored answer) takes; without it the item is left out. */
  missingScore?: number | null;
  label?: RssLabel;
  options?: RssOption[];
  derived?: RssDerivation;
  note?: string;
  /** Asked only when the earlier item `item` was answered with one of `in`; otherwise skipped. */
  askIf?: RssSkipCondition;
}

/** The condition under which a question is asked. */
export interface RssSkipCondition {
  item: string;
  in: string[];
}

/** A question skipped for these answers: its condition's item was not answered with one of its values. */
export function isSkipped(item: Pick<RssItem, 'askIf'>, answers: Readonly<Record<string, string | null | undefined>>): boolean {
  if (!item.askIf) return false;
  const answer = answers[item.askIf.item];
  return typeof answer !== 'string' || !item.askIf.in.includes(answer);
}

export interface RssInstrument {
  version: string;
  status?: string;
  source?: string;
  /** Minimum share of the weight that must be kept for a score; 0.75 when absent (SPEC §7). */
  minAnsweredShare?: number;
  rules?: Record<string, string>;
  /** Interpretation bands of a score: name → [from, to]; `status` says whether they are provisional. */
  bands?: Record<string, number[] | string>;
  items: RssItem[];
}

/** An answer per question code: an option value, or null for "not answered". */
export type RssAnswers = Record<string, string | null>;

export type RssScores = Record<AssistanceDimension | 'composite', number | null>;

export interface RssScoring {
  scores: RssScores;
  /** True when every score reached the instrument's minimum kept weight share. */
  complete: boolean;
  /** Share of the weight kept for each score, in [0, 1]. */
  keptShare: Record<AssistanceDimension | 'composite', number>;
  /** Each item's score after missing scores and derivations (null: left out). */
  itemScores: Record<string, number | null>;
  /** The band of the composite score, when the instrument has bands and the composite exists. */
  band: string | null;
}

/** The minimum kept weight share when an instrument does not state one (SPEC §7). */
export const DEFAULT_MIN_ANSWERED_SHARE = 0.75;
/** How far weight sums may drift from 1 (transcribed weights carry two decimals). */
export const WEIGHT_TOLERANCE = 0.001;

const SCORE_KEYS = [...ASSISTANCE_DIMENSIONS, 'composite'] as const;

function isUnit(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
}

/**
 * Checks an instrument; returns `{ "items.3.weight": "…" }` style errors (empty when valid): unique
 * codes, known dimensions, option scores in [0, 1] or null, derived items referring to existing
 * items without cycles, each dimension's weights and the composite weights summing to 1.
 */
export function validateRssInstrument(instrument: RssInstrument): Record<string, string> {
  const errors: Record<string, string> = {};
  const fail = (path: string, message: string) => {
    if (!(path in errors)) errors[path] = message;
  };
  if (typeof instrument.version !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(instrument.version)) {
    fail('version', 'must be 1–64 letters, digits, dots, dashes or underscores');
  }
  if (instrument.minAnsweredShare !== undefined && !isUnit(instrument.minAnsweredShare)) fail('minAnsweredShare', 'must be a number in [0, 1]');
  if (!Array.isArray(instrument.items) || instrument.items.length === 0) {
    fail('items', 'must list at least one item');
    return errors;
  }
  const byCode = new Map<string, RssItem>();
  instrument.items.forEach((item, i) => {
    const at = `items.${i}`;
    if (typeof item.code !== 'string' || !/^[a-z0-9][a-z0-9_]{0,63}$/.test(item.code)) fail(`${at}.code`, 'must be a lower-case code');
    else if (byCode.has(item.code)) fail(`${at}.code`, `duplicates the code ${item.code}`);
    else byCode.set(item.code, item);
    if (!(ASSISTANCE_DIMENSIONS as readonly string[]).includes(item.dimension)) fail(`${at}.dimension`, `must be one of: ${ASSISTANCE_DIMENSIONS.join(', ')}`);
    if (!isUnit(item.weight)) fail(`${at}.weight`, 'must be a number in [0, 1]');
    if (!isUnit(item.compositeWeight)) fail(`${at}.compositeWeight`, 'must be a number in [0, 1]');
    if (item.missingScore !== undefined && item.missingScore !== null && !isUnit(item.missingScore)) fail(`${at}.missingScore`, 'must be a number in [0, 1] or null');
    const hasOptions = item.options !== undefined;
    const hasDerived = item.derived !== undefined;
    if (hasOptions === hasDerived) fail(at, 'must have either options or derived, not both');
    if (hasOptions) {
      if (!Array.isArray(item.options) || item.options.length === 0) fail(`${at}.options`, 'must list at least one option');
      else {
        const values = new Set<string>();
        item.options.forEach((option, j) => {
          if (typeof option.value !== 'string' || option.value === '') fail(`${at}.options.${j}.value`, 'must be a non-empty text');
          else if (values.has(option.value)) fail(`${at}.options.${j}.value`, `duplicates the value ${option.value}`);
          else values.add(option.value);
          if (option.score !== null && !isUnit(option.score)) fail(`${at}.options.${j}.score`, 'must be a number in [0, 1] or null');
        });
      }
    }
    if (hasDerived && item.derived) {
      const d = item.derived;
      if (d.op !== 'mean' && d.op !== 'sum') fail(`${at}.derived.op`, 'must be mean or sum');
      if (!Array.isArray(d.of) || d.of.length === 0) fail(`${at}.derived.of`, 'must name at least one item');
      if (d.clamp !== undefined && (!Array.isArray(d.clamp) || d.clamp.length !== 2 || !isUnit(d.clamp[0]) || !isUnit(d.clamp[1]) || d.clamp[0] > d.clamp[1])) {
        fail(`${at}.derived.clamp`, 'must be [low, high] within [0, 1]');
      }
    }
  });
  // References and cycles, once every code is known.
  instrument.items.forEach((item, i) => {
    // A skip condition looks back: an earlier question and values among its options.
    if (item.askIf) {
      const at = instrument.items.findIndex((other) => other.code === item.askIf?.item);
      const target = at >= 0 && at < i ? instrument.items[at] : undefined;
      if (!target?.options) fail(`items.${i}.askIf.item`, `must be an earlier question of the instrument, not ${String(item.askIf.item)}`);
      else {
        const values = new Set(target.options.map((o) => o.value));
        (item.askIf.in ?? []).forEach((value, j) => {
          if (!values.has(value)) fail(`items.${i}.askIf.in.${j}`, `is not an option of ${target.code}`);
        });
      }
      if (item.derived) fail(`items.${i}.askIf`, 'only a question can be skipped, not a derived item');
    }
    item.derived?.of?.forEach((ref, j) => {
      if (!byCode.has(ref)) fail(`items.${i}.derived.of.${j}`, `refers to an unknown item ${String(ref)}`);
    });
  });
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, path: string[]): string[] | null => {
    if (state.get(code) === 'done') return null;
    if (state.get(code) === 'visiting') return [...path, code];
    state.set(code, 'visiting');
    for (const ref of byCode.get(code)?.derived?.of ?? []) {
      if (!byCode.has(ref)) continue;
      const cycle = visit(ref, [...path, code]);
      if (cycle) return cycle;
    }
    state.set(code, 'done');
    return null;
  };
  instrument.items.forEach((item, i) => {
    const cycle = byCode.get(item.code) === item ? visit(item.code, []) : null;
    if (cycle) fail(`items.${i}.derived.of`, `forms a cycle: ${cycle.slice(cycle.indexOf(cycle[cycle.length - 1] ?? '')).join(' → ')}`);
  });
  for (const dimension of ASSISTANCE_DIMENSIONS) {
    const sum = instrument.items.filter((it) => it.dimension === dimension).reduce((s, it) => s + (typeof it.weight === 'number' ? it.weight : 0), 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) fail(`weights.${dimension}`, `the ${dimension} items' weights sum to ${round(sum, 4)}, not 1`);
  }
  const composite = instrument.items.reduce((s, it) => s + (typeof it.compositeWeight === 'number' ? it.compositeWeight : 0), 0);
  if (Math.abs(composite - 1) > WEIGHT_TOLERANCE) fail('weights.composite', `the composite weights sum to ${round(composite, 4)}, not 1`);
  if (instrument.bands !== undefined) {
    if (typeof instrument.bands !== 'object' || instrument.bands === null || Array.isArray(instrument.bands)) fail('bands', 'must map band names to [from, to]');
    else {
      for (const [name, range] of Object.entries(instrument.bands)) {
        if (name === 'status') continue;
        if (!Array.isArray(range) || range.length !== 2 || !isUnit(range[0]) || !isUnit(range[1]) || range[0] > range[1]) fail(`bands.${name}`, 'must be [from, to] within [0, 1]');
      }
    }
  }
  return errors;
}

/** Checks answers against an instrument: every key a question's code, every value one of its options. */
export function checkRssAnswers(instrument: RssInstrument, answers: RssAnswers): Record<string, string> {
  const errors: Record<string, string> = {};
  const byCode = new Map(instrument.items.map((item) => [item.code, item]));
  for (const [code, value] of Object.entries(answers)) {
    const item = byCode.get(code);
    if (!item) errors[`answers.${code}`] = `is not a question of instrument ${instrument.version}`;
    else if (!item.options) errors[`answers.${code}`] = 'is computed from other answers, not asked';
    else if (value !== null && !item.options.some((o) => o.value === value)) {
      errors[`answers.${code}`] = `must be one of: ${item.options.map((o) => o.value).join(', ')}`;
    }
  }
  return errors;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Each item's score: answered option, else missingScore, else left out (null); derived from inputs. */
function itemScoresOf(instrument: RssInstrument, answers: RssAnswers): Record<string, number | null> {
  const byCode = new Map(instrument.items.map((item) => [item.code, item]));
  const memo = new Map<string, number | null>();
  const scoreOf = (code: string, depth: number): number | null => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const item = byCode.get(code);
    // A depth beyond the item count means a cycle, which validation refuses; leave the item out.
    if (!item || depth > instrument.items.length) return null;
    const fallback = item.missingScore ?? null;
    let score: number | null = null;
    if (item.derived) {
      const inputs = item.derived.of.map((ref) => scoreOf(ref, depth + 1)).filter((s): s is number => s !== null);
      if (inputs.length > 0) {
        const sum = inputs.reduce((a, b) => a + b, 0);
        if (item.derived.op === 'mean') score = sum / inputs.length;
        else {
          const [low, high] = item.derived.clamp ?? [0, 1];
          score = Math.min(high, Math.max(low, sum));
        }
      }
    } else if (isSkipped(item, answers)) {
      // Not asked for these answers: left out, never the missing score (SPEC §7; decision in docs).
      memo.set(code, null);
      return null;
    } else {
      const answer = answers[code];
      const option = answer === undefined || answer === null ? undefined : item.options?.find((o) => o.value === answer);
      score = option?.score ?? null;
    }
    const result = score ?? fallback;
    memo.set(code, result);
    return result;
  };
  return Object.fromEntries(instrument.items.map((item) => [item.code, scoreOf(item.code, 0)]));
}

/** The band a score falls in: the last band (by lower bound) starting at or below it. */
export function rssBand(instrument: Pick<RssInstrument, 'bands'>, score: number | null): string | null {
  if (score === null || !instrument.bands) return null;
  const bands = Object.entries(instrument.bands)
    .filter((entry): entry is [string, number[]] => Array.isArray(entry[1]))
    .sort((a, b) => (a[1][0] ?? 0) - (b[1][0] ?? 0));
  let found: string | null = null;
  for (const [name, [from]] of bands) if (score >= (from ?? 0)) found = name;
  return found;
}

/**
 * Scores one survey (answers already checked with checkRssAnswers). Per score: unanswered items and
 * null-scored answers take the item's missingScore, items without one are left out, derived items
 * come from their inputs' scores; score = Σ wᵢ·sᵢ / Σ wᵢ over the kept items, with the dimension
 * weights (dimension scores) or composite weights (composite). When the kept weight is below the
 * instrument's minimum share of the total, the score is null and the result incomplete.
 * Scores are rounded to 4 decimals.
 */
export function scoreRss(instrument: RssInstrument, answers: RssAnswers): RssScoring {
  const itemScores = itemScoresOf(instrument, answers);
  const minShare = instrument.minAnsweredShare ?? DEFAULT_MIN_ANSWERED_SHARE;
  const scores = {} as RssScores;
  const keptShare = {} as Record<(typeof SCORE_KEYS)[number], number>;
  let complete = true;
  for (const key of SCORE_KEYS) {
    const weightOf = (item: RssItem) => (key === 'composite' ? item.compositeWeight : item.dimension === key ? item.weight : 0);
    let total = 0;
    let kept = 0;
    let weighted = 0;
    for (const item of instrument.items) {
      const w = weightOf(item);
      // A skipped question was not meant to be asked: its weight leaves the total too.
      if (w <= 0 || isSkipped(item, answers)) continue;
      total += w;
      const s = itemScores[item.code];
      if (s === null || s === undefined) continue;
      kept += w;
      weighted += w * s;
    }
    const share = total > 0 ? kept / total : 0;
    keptShare[key] = round(share, 4);
    // A share a hair under the minimum from float sums still counts (weights are tolerant to 0.001 too).
    if (kept === 0 || share + 1e-9 < minShare) {
      scores[key] = null;
      complete = false;
    } else scores[key] = round(weighted / kept, 4);
  }
  return { scores, complete, keptShare, itemScores, band: rssBand(instrument, scores.composite) };
}
