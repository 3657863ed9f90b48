// Calendar arithmetic on YYYY-MM-DD dates, in UTC so no time zone shifts a day.

/** The date `days` days before `date`. */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
