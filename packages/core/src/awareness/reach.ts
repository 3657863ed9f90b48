// Counting people reached (SPEC §9): consistency of a counted reach, unique reach where named lists
// exist, and the change measured by before/after surveys. Pure functions, shared by server and web.
import { nameTokens } from '../registry/names';
import { allowsEstimate, type ActivityType, type ParticipantAgeGroup, type ParticipantSex } from './codes';

export interface CountedReach {
  total: number;
  men: number;
  women: number;
  boys: number;
  girls: number;
}
export interface EstimatedReach {
  estimatedAudience: number;
}
export type Reach = CountedReach | EstimatedReach;

/** Tells a counted reach from an estimated audience. */
export function isCounted(reach: Reach): reach is CountedReach {
  return 'total' in reach;
}

const PARTS = ['men', 'women', 'boys', 'girls'] as const;

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Checks a reach against the activity type: counts are non-negative integers, the four groups add up
 * to the total, and only mass-media (or mixed) activities may give an estimated audience.
 * Returns field errors keyed by path (`reached.total`…), empty when the reach is valid.
 */
export function validateReach(type: ActivityType, reach: Reach): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isCounted(reach)) {
    if (!allowsEstimate(type)) errors['reached.estimatedAudience'] = `an estimated audience is only allowed for mass-media activities; ${type} needs a head count`;
    else if (!isCount(reach.estimatedAudience)) errors['reached.estimatedAudience'] = 'must be a whole number ≥ 0';
    return errors;
  }
  for (const key of ['total', ...PARTS] as const) {
    if (!isCount(reach[key])) errors[`reached.${key}`] = 'must be a whole number ≥ 0';
  }
  if (Object.keys(errors).length > 0) return errors;
  const sum = reach.men + reach.women + reach.boys + reach.girls;
  if (sum !== reach.total) errors['reached.total'] = `must equal men + women + boys + girls (${sum})`;
  return errors;
}

export interface ListedParticipant {
  sex: ParticipantSex;
  ageGroup: ParticipantAgeGroup;
}

/** The counted reach that a named participant list stands for, by sex × age group. */
export function reachOfList(participants: readonly ListedParticipant[]): CountedReach {
  const reach: CountedReach = { total: 0, men: 0, women: 0, boys: 0, girls: 0 };
  for (const p of participants) {
    reach.total += 1;
    if (p.ageGroup === 'adult') reach[p.sex === 'male' ? 'men' : 'women'] += 1;
    else reach[p.sex === 'male' ? 'boys' : 'girls'] += 1;
  }
  return reach;
}

/** Field errors when an activity's counted reach differs from its participant list by sex × age group. */
export function validateListAgainstReach(reach: Reach, participants: readonly ListedParticipant[]): Record<string, string> {
  const listed = reachOfList(participants);
  if (!isCounted(reach)) return { participants: 'a named list needs an activity with a counted reach, not an estimated audience' };
  const errors: Record<string, string> = {};
  for (const key of ['total', ...PARTS] as const) {
    if (reach[key] !== listed[key]) errors[`reached.${key}`] = `is ${reach[key]} but the participant list has ${listed[key]}`;
  }
  return errors;
}

/**
 * The key under which a named participant is recognised again at another activity: the canonical
 * name tokens (spelling variants folded, order ignored), the sex and the community.
 */
export function participantKey(name: string, sex: ParticipantSex, communityKey: string): string {
  const tokens = nameTokens(name).sort();
  return `${tokens.join(' ')}|${sex}|${communityKey}`;
}

export interface ActivityForReach {
  reach: Reach;
  /** The named list, when the activity has one: each participant with their participant key. */
  participants?: readonly (ListedParticipant & { key: string })[] | null;
}

export interface UniqueReach extends CountedReach {
  /** Mass-media estimates, never added to the counted figures. */
  estimatedAudience: number;
}

/**
 * People reached across activities: the counted reach of activities without a named list, plus each
 * participant key of the listed activities once (the first attendance decides their group).
 * Estimated audiences are summed apart.
 */
export function uniqueReach(activities: readonly ActivityForReach[]): UniqueReach {
  const out: UniqueReach = { total: 0, men: 0, women: 0, boys: 0, girls: 0, estimatedAudience: 0 };
  const seen = new Set<string>();
  for (const activity of activities) {
    if (!isCounted(activity.reach)) {
      out.estimatedAudience += activity.reach.estimatedAudience;
      continue;
    }
    if (!activity.participants || activity.participants.length === 0) {
      for (const key of ['total', ...PARTS] as const) out[key] += activity.reach[key];
      continue;
    }
    const fresh = activity.participants.filter((p) => {
      if (seen.has(p.key)) return false;
      seen.add(p.key);
      return true;
    });
    const add = reachOfList(fresh);
    for (const key of ['total', ...PARTS] as const) out[key] += add[key];
  }
  return out;
}

export interface PhaseScore {
  n: number;
  meanScore: number | null;
}

/** Mean knowledge score before and after, and the change (after − before; null without both). */
export function surveyChange(scores: readonly { phase: 'before' | 'after'; score: number }[]): { before: PhaseScore; after: PhaseScore; change: number | null } {
  const phase = (p: 'before' | 'after'): PhaseScore => {
    const values = scores.filter((s) => s.phase === p).map((s) => s.score);
    const mean = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
    return { n: values.length, meanScore: mean === null ? null : round(mean) };
  };
  const before = phase('before');
  const after = phase('after');
  const change = before.meanScore === null || after.meanScore === null ? null : round(after.meanScore - before.meanScore);
  return { before, after, change };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
