// Training rules (SPEC §10): completion needs attendance; officials and institutions are counted once.
import { nameTokens } from '../registry/names';

/** Tells whether a trainee attended enough days to be marked as having completed the training. */
export function canComplete(daysAttended: number, days: number, minShare: number): boolean {
  return daysAttended >= minShare * days - 1e-9;
}

/** Field errors of a trainee list against a training's length and the completion rule. */
export function validateTrainees(trainees: readonly { daysAttended: number; completed: boolean }[], days: number, minShare: number): Record<string, string> {
  const errors: Record<string, string> = {};
  trainees.forEach((t, i) => {
    if (t.daysAttended > days) errors[`trainees.${i}.daysAttended`] = `must be between 0 and ${days} (the training's days)`;
    else if (t.completed && !canComplete(t.daysAttended, days, minShare)) {
      errors[`trainees.${i}.completed`] = `needs at least ${Math.ceil(minShare * days - 1e-9)} of ${days} days attended (${Math.round(minShare * 100)} %)`;
    }
  });
  return errors;
}

/** The key that recognises an official across trainings: canonical name tokens + institution. */
export function traineeKey(name: string, institutionId: string): string {
  return `${nameTokens(name).sort().join(' ')}|${institutionId}`;
}

/** Mean of the scores present, or null without any. */
export function meanOf(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length === 0 ? null : Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
}
