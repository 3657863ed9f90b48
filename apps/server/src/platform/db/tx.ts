// One transaction per service call: everything inside commits together or not at all.
import type { Db, Tx } from './database';

/** Runs `work` in a transaction (READ COMMITTED; rows that must not race are locked FOR UPDATE). */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
