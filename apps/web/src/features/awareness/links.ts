// Links from a number to the records behind it: the activities or communities list with the filters
// that produced it.

function withQuery(path: string, filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

/** The filters the activities list reads from its URL. */
export interface ActivityFilters {
  from?: string;
  to?: string;
  type?: string;
  campaignId?: string;
  communityId?: string;
  regionPcode?: string;
  q?: string;
}

/** The activities list filtered as given (empty values left out). */
export function activitiesLink(filters: ActivityFilters): string {
  return withQuery('/awareness/activities', { ...filters });
}

/** The filters the communities list reads from its URL. */
export interface CommunityFilters {
  regionPcode?: string;
  communePcode?: string;
  highEmigration?: string;
  reached?: string;
  q?: string;
}

/** The communities list filtered as given. */
export function communitiesLink(filters: CommunityFilters): string {
  return withQuery('/awareness/communities', { ...filters });
}

/** The first and last day of a month `YYYY-MM` (undefined for anything else). */
export function monthRange(month: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const index = Number(match[2]);
  if (index < 1 || index > 12) return undefined;
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${match[1]}-${match[2]}-01`, to: `${match[1]}-${match[2]}-${String(last).padStart(2, '0')}` };
}

/** The narrower of a month and the dashboard's own period. */
export function within(range: { from: string; to: string }, filter: { from?: string; to?: string }): { from: string; to: string } {
  return { from: filter.from && filter.from > range.from ? filter.from : range.from, to: filter.to && filter.to < range.to ? filter.to : range.to };
}

/** A share of a target, in percent (0 when the target is not positive), capped at 100 for gauges. */
export function targetShare(value: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(100, Math.round((value / target) * 1000) / 10);
}
