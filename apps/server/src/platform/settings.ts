// Configuration kept as data (rules, thresholds): read from the `settings` table, with code defaults.
import type { Db, Tx } from './db/database';

/**
 * The value stored under `key`, shallow-merged over `fallback` when both are plain objects, so a
 * setting may override only some fields of a rule set; the fallback alone when nothing is stored.
 */
export async function getSetting<T>(db: Db | Tx, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  return settingOver(row.value, fallback);
}

/** A stored setting's value (undefined when none is stored) over its fallback, as `getSetting` merges them. */
export function settingOver<T>(stored: unknown, fallback: T): T {
  if (stored === undefined) return fallback;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(stored) && isObject(fallback)) return { ...fallback, ...stored } as T;
  return stored as T;
}

/** Stores a setting (an administrator's change or a test's). */
export async function putSetting(db: Db | Tx, key: string, value: unknown, userId: string | null): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updatedBy: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: new Date(), updatedBy: userId }))
    .execute();
}
