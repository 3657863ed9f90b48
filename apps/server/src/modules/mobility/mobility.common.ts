// Shared pieces of the free-movement module: dates, scope columns, place and reference look-ups, settings.
import { DEFAULT_COMPLETION_MIN_SHARE, MOBILITY_TARGETS } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { can, type RequestContext } from '../../platform/auth/context';
import { Invalid } from '../../platform/errors';
import { getSetting } from '../../platform/settings';

export const TRAINING_SCOPE = { organisation: 't.organisation_id' };
export const EQUIPMENT_SCOPE = { organisation: 'e.organisation_id' };
export const INCIDENT_SCOPE = { organisation: 'i.organisation_id' };

/** Today as YYYY-MM-DD in UTC. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Throws 400 naming the field when a date lies after today. */
export function notInFuture(field: string, date: string | undefined | null): void {
  if (date && date > today()) throw new Invalid({ [field]: 'must not be in the future' });
}

/** The ISO timestamp of a database time. */
export function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}

/** What the caller may do with a free-movement record. */
export function mobilityAbilities(ctx: RequestContext): { update: boolean } {
  return { update: can(ctx, 'mobility.manage') };
}

/** Escapes LIKE wildcards in a search term. */
export function likeTerm(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A Mali cercle or commune P-code (admin-2 or admin-3), or 400 naming the field. */
export async function maliPlace(db: Db | Tx, field: string, pcode: string): Promise<{ pcode: string; name: string }> {
  const unit = await db.selectFrom('adminUnits').select(['pcode', 'name', 'level']).where('pcode', '=', pcode).executeTakeFirst();
  if (!unit || (unit.level !== 2 && unit.level !== 3)) throw new Invalid({ [field]: 'must be a Mali cercle (admin-2) or commune (admin-3) P-code' });
  return unit;
}

/** A known ISO3 country, or 400 naming the field. */
export async function country(db: Db | Tx, field: string, iso3: string): Promise<void> {
  const found = await db.selectFrom('countries').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  if (!found) throw new Invalid({ [field]: 'must be a known ISO 3166-1 alpha-3 country code' });
}

/** A border post by id, or 400 naming the field. */
export async function borderPostRef(db: Db | Tx, field: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await db.selectFrom('borderPosts').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new Invalid({ [field]: 'refers to an unknown border post' });
}

/** An institution by id, or 400 naming the field. */
export async function institutionRef(db: Db | Tx, field: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await db.selectFrom('institutions').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new Invalid({ [field]: 'refers to an unknown institution' });
}

/** The share of a training's days a trainee must attend to complete it (setting `mobility.completion_min_share`). */
export async function completionMinShare(db: Db | Tx): Promise<number> {
  const value = await getSetting<number>(db, 'mobility.completion_min_share', DEFAULT_COMPLETION_MIN_SHARE);
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : DEFAULT_COMPLETION_MIN_SHARE;
}

/** The targets in force: the `mobility.targets` setting over the core defaults. */
export function mobilityTargets(db: Db | Tx): Promise<{ officialsTrained: number }> {
  return getSetting(db, 'mobility.targets', { ...MOBILITY_TARGETS });
}
