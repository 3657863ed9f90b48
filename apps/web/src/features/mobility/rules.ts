// Rules the free-movement forms apply as the user types: whether a trainee may be marked as having
// completed a training, the mean scores of a trainee list, and the reporter of an incident (an
// anonymous report carries no name or phone). Pure, so they are tested alone.
import { canComplete, DEFAULT_COMPLETION_MIN_SHARE, meanOf } from '@taama/core';

/** Whether the completion box may be ticked, and the days needed when it may not. */
export function completionState(daysAttended: number | '', days: number, minShare = DEFAULT_COMPLETION_MIN_SHARE): { allowed: boolean; minDays: number } {
  const minDays = Math.ceil(minShare * days - 1e-9);
  return { allowed: daysAttended !== '' && canComplete(daysAttended, days, minShare), minDays };
}

/** Mean pre and post scores of the trainees with a score, and the gain over those who have both. */
export function scoreSummary(trainees: readonly { preScore: number | '' | null; postScore: number | '' | null }[]): { pre: number | null; post: number | null; gain: number | null } {
  const num = (v: number | '' | null) => (typeof v === 'number' ? v : null);
  const both = trainees.filter((t) => num(t.preScore) !== null && num(t.postScore) !== null);
  const preBoth = meanOf(both.map((t) => num(t.preScore)));
  const postBoth = meanOf(both.map((t) => num(t.postScore)));
  return {
    pre: meanOf(trainees.map((t) => num(t.preScore))),
    post: meanOf(trainees.map((t) => num(t.postScore))),
    gain: preBoth === null || postBoth === null ? null : Math.round((postBoth - preBoth) * 10) / 10,
  };
}

/** The reporter as the API takes it: anonymous drops the name and phone typed before the toggle. */
export function reporterInput(anonymous: boolean, name: string, phone: string): { anonymous: boolean; name?: string; phone?: string } {
  if (anonymous) return { anonymous: true };
  return { anonymous: false, ...(name.trim() ? { name: name.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
}
