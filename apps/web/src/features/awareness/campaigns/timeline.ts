// The months a campaign timeline shows, and which of them a campaign covers. Pure, so it is tested alone.

/** The months `YYYY-MM` from the month of `from` to the month of `to`, both included (at most `max`). */
export function monthsBetween(from: string, to: string, max = 24): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  while (months.length < max) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Whether the period `startsOn`–`endsOn` overlaps the month `YYYY-MM`. */
export function coversMonth(period: { startsOn: string; endsOn: string }, month: string): boolean {
  return period.startsOn.slice(0, 7) <= month && period.endsOn.slice(0, 7) >= month;
}

/** Activities counted per campaign and month: `counts.get(campaignId)?.get('YYYY-MM')`. */
export function activitiesByMonth(activities: readonly { campaignId?: string | null; date: string }[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const activity of activities) {
    if (!activity.campaignId) continue;
    const byMonth = counts.get(activity.campaignId) ?? new Map<string, number>();
    const month = activity.date.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    counts.set(activity.campaignId, byMonth);
  }
  return counts;
}
