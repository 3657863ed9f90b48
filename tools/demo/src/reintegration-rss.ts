// Plausible answers to the RSS instrument: each respondent has a hidden level of well-being per
// dimension, and picks the answer whose score is near it, with some "don't know", refusals and skipped
// questions. The scores themselves always come from core's scoring function, never from here.
import { scoreRss, type RssAnswers, type RssInstrument, type RssScoring } from '@taama/core';
import type { Rng } from './rng';

export type Wellbeing = Record<'economic' | 'social' | 'psychosocial', number>;

/** Keeps a level within [0.02, 0.98]. */
const clamp = (x: number) => Math.min(0.98, Math.max(0.02, x));

/** A returnee's well-being at intake: economically low, socially and psychosocially middling. */
export function baselineWellbeing(rng: Rng): Wellbeing {
  return { economic: clamp(0.25 + rng.next() * 0.3), social: clamp(0.4 + rng.next() * 0.3), psychosocial: clamp(0.35 + rng.next() * 0.35) };
}

/** A year later: better when assistance was delivered (most for the dimension helped), a little worse without. */
export function followupWellbeing(rng: Rng, before: Wellbeing, helped: ReadonlySet<string>): Wellbeing {
  const change = (d: keyof Wellbeing) => (helped.size === 0 ? -0.05 : helped.has(d) ? 0.12 + rng.next() * 0.18 : 0.02 + rng.next() * 0.08) + (rng.next() - 0.5) * 0.1;
  return { economic: clamp(before.economic + change('economic')), social: clamp(before.social + change('social')), psychosocial: clamp(before.psychosocial + change('psychosocial')) };
}

/** Answers to every question of the instrument (derived items are computed, not asked). */
export function drawRssAnswers(rng: Rng, instrument: RssInstrument, level: Wellbeing): RssAnswers {
  const answers: RssAnswers = {};
  for (const item of instrument.items) {
    if (item.derived || !item.options || item.options.length === 0) continue;
    if (rng.next() < 0.02) {
      answers[item.code] = null;
      continue;
    }
    const unsure = item.options.filter((o) => o.score === null || ['dont_know', 'refused', 'not_applicable'].includes(o.value));
    if (unsure.length > 0 && rng.next() < 0.05) {
      answers[item.code] = rng.pick(unsure).value;
      continue;
    }
    const target = level[item.dimension];
    const scored = item.options.filter((o) => o.score !== null && !unsure.includes(o));
    const weights = scored.map((o) => Math.exp(-(((o.score ?? 0) - target) ** 2) / 0.04));
    const total = weights.reduce((s, w) => s + w, 0);
    let roll = rng.next() * total;
    let chosen = scored[scored.length - 1];
    for (const [i, o] of scored.entries()) {
      roll -= weights[i] ?? 0;
      if (roll < 0) {
        chosen = o;
        break;
      }
    }
    answers[item.code] = chosen?.value ?? null;
  }
  return answers;
}

/** One survey: answers drawn for `level`, scored with core's `scoreRss`. */
export function surveyRss(rng: Rng, instrument: RssInstrument, level: Wellbeing): { answers: RssAnswers; scoring: RssScoring } {
  const answers = drawRssAnswers(rng, instrument, level);
  return { answers, scoring: scoreRss(instrument, answers) };
}
