// Pure rules of the return screens: which workflow buttons a case shows, how full a movement is,
// when a travel document counts as expiring, and a refused transition in plain words.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { ReturnCase, ReturnStatus } from './types';

/** How a transition button behaves: a plain move asks for a note, a withdrawal for its reason. */
export type TransitionKind = 'move' | 'withdraw' | 'suspend' | 'resume';

/** One workflow button of a case. */
export interface TransitionButton {
  to: ReturnStatus;
  kind: TransitionKind;
}

// Departure and arrival are confirmed on the movement, never by a button on the case.
const MOVEMENT_ONLY: readonly ReturnStatus[] = ['departed', 'arrived'];

/** The buttons a case shows: its allowed moves when the caller may move it, movement-only ones left out. */
export function transitionButtons(c: Pick<ReturnCase, 'status' | 'allowedTransitions' | 'suspendedFrom' | 'abilities'>): TransitionButton[] {
  if (!c.abilities.transition) return [];
  return c.allowedTransitions
    .filter((to) => !MOVEMENT_ONLY.includes(to))
    .map((to): TransitionButton => {
      if (to === 'withdrawn') return { to, kind: 'withdraw' };
      if (to === 'suspended') return { to, kind: 'suspend' };
      if (c.status === 'suspended' && to === c.suspendedFrom) return { to, kind: 'resume' };
      return { to, kind: 'move' };
    })
    // Withdrawal and suspension come last: the way forward is what the officer looks for first.
    .sort((a, b) => rank(a.kind) - rank(b.kind));
}

function rank(kind: TransitionKind): number {
  return kind === 'move' || kind === 'resume' ? 0 : kind === 'suspend' ? 1 : 2;
}

/** A case waits for its movement: the next step happens on the movement page. */
export function awaitsMovement(c: Pick<ReturnCase, 'allowedTransitions' | 'status'>): boolean {
  return c.allowedTransitions.some((to) => MOVEMENT_ONLY.includes(to));
}

/** How full a movement is. */
export interface Capacity {
  seats: number;
  taken: number;
  free: number;
  /** 0–100, capped. */
  percent: number;
  level: 'ok' | 'almost' | 'full' | 'over';
}

/** The seats taken against the seats of a movement; "almost" from 90 %. */
export function capacity(seats: number, taken: number): Capacity {
  const free = seats - taken;
  const ratio = seats > 0 ? taken / seats : 1;
  const level = taken > seats ? 'over' : taken === seats ? 'full' : ratio >= 0.9 ? 'almost' : 'ok';
  return { seats, taken, free, percent: Math.min(100, Math.round(ratio * 100)), level };
}

/** Whether a case needing `needed` seats still fits. */
export function fits(c: Capacity, needed: number): boolean {
  return needed <= c.free;
}

/** Days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** The last day of a month given as YYYY-MM. */
export function monthEnd(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** An issued document's validity on `today`: expired, expiring within `days`, or valid. */
export function expiryState(expiresOn: string | null | undefined, today: string, days = 30): 'expired' | 'soon' | 'valid' | 'none' {
  if (!expiresOn) return 'none';
  const left = daysBetween(today, expiresOn);
  if (left <= 0) return 'expired';
  return left <= days ? 'soon' : 'valid';
}

/** Whole years between a date of birth and a day (null without a date of birth). */
export function ageOn(dateOfBirth: string | null | undefined, day: string): number | null {
  if (!dateOfBirth) return null;
  let age = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (day.slice(5) < dateOfBirth.slice(5, 10)) age -= 1;
  return age;
}

// The server names the rule a transition breaks by its field; each has its own sentence.
const MISSING: [RegExp, string][] = [
  [/^declaration/, 'returns:missing.declaration'],
  [/^bestInterest/, 'returns:missing.bestInterest'],
  [/^dueDiligence/, 'returns:missing.dueDiligence'],
  [/^travelDocument/, 'returns:missing.travelDocument'],
  [/^medical/, 'returns:missing.medical'],
  [/^destinationPcode/, 'returns:missing.destinationPcode'],
  [/^seats/, 'returns:missing.seats'],
];

/**
 * A refused transition or booking in plain words: what is missing (declaration, due diligence,
 * travel document, medical check, best-interest approval), or which moves are allowed instead.
 * Undefined when the error is not one of these (the generic wording applies).
 */
export function explainRefusal(t: TFunction, error: unknown): string[] | undefined {
  if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 422)) return undefined;
  const lines: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const path = field.replace(/^\//, '').replace(/\//g, '.');
    const known = MISSING.find(([pattern]) => pattern.test(path));
    const key = known?.[1];
    if (key && !lines.includes(t(key))) lines.push(t(key));
    else if (!key && path !== 'to') lines.push(`${path} — ${message}`);
  }
  const allowed = /cannot go from (\w+) to (\w+); allowed: ?(.*)$/.exec(error.message);
  if (allowed) {
    const [, from = '', to = '', rest = ''] = allowed;
    const names = rest.split(',').map((s) => s.trim()).filter(Boolean).map((s) => t(`returns:enum.status.${s}`, { defaultValue: s }));
    lines.unshift(
      t('returns:missing.forbidden', {
        from: t(`returns:enum.status.${from}`, { defaultValue: from }),
        to: t(`returns:enum.status.${to}`, { defaultValue: to }),
        allowed: names.length > 0 ? names.join(', ') : t('returns:missing.none'),
      }),
    );
  }
  if (lines.length === 0) return undefined;
  return lines;
}
