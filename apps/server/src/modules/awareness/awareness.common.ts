// Shared pieces of the awareness module: dates, scope columns, place look-ups and settings.
import { AWARENESS_TARGETS } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { can, type RequestContext } from '../../platform/auth/context';
import { Invalid } from '../../platform/errors';
import { getSetting } from '../../platform/settings';

/** Where activities, campaigns and surveys keep the columns row scopes filter on. */
export const ACTIVITY_SCOPE = { organisation: 'a.organisation_id', pcode: 'a.region_pcode' };
export const CAMPAIGN_SCOPE = { organisation: 'c.organisation_id' };
export const SURVEY_SCOPE = { organisation: 's.organisation_id' };

/** Today as YYYY-MM-DD in UTC, the calendar the server judges "future" dates by. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Throws 400 naming the field when a date lies after today. */
export function notInFuture(field: string, date: string | undefined | null): void {
  if (date && date > today()) throw new Invalid({ [field]: 'must not be in the future' });
}

/** Throws 400 when a period ends before it starts. */
export function assertPeriod(startsOn: string, endsOn: string, field = 'endsOn', startField = 'startsOn'): void {
  if (endsOn < startsOn) throw new Invalid({ [field]: `must be on or after ${startField} (${startsOn})` });
}

/** The ISO timestamp of a database time. */
export function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}

/** What the caller may do with an awareness record. */
export function awarenessAbilities(ctx: RequestContext): { update: boolean } {
  return { update: can(ctx, 'awareness.manage') };
}

/** A Mali commune (admin-3) by P-code with its region, or 400 naming the field. */
export async function communeOf(db: Db | Tx, field: string, pcode: string): Promise<{ pcode: string; name: string; regionPcode: string }> {
  const unit = await db.selectFrom('adminUnits').select(['pcode', 'name', 'level']).where('pcode', '=', pcode).executeTakeFirst();
  if (!unit || unit.level !== 3) throw new Invalid({ [field]: 'must be a Mali commune (admin-3) P-code' });
  return { pcode: unit.pcode, name: unit.name, regionPcode: unit.pcode.slice(0, 4) };
}

/** The targets in force: the `awareness.targets` setting over the core defaults. */
export async function awarenessTargets(db: Db | Tx): Promise<{ communities: number; peopleReached: number }> {
  return getSetting(db, 'awareness.targets', { ...AWARENESS_TARGETS });
}

/** Escapes LIKE wildcards in a search term. */
export function likeTerm(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
