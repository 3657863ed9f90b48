// Consent checks other modules rely on before sharing or referring (SPEC §3).
import type { ConsentKind } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';

/**
 * Tells whether a person holds an unwithdrawn consent of this kind; for `data_sharing`, with the
 * named organisation. Merged records carry their consents to the survivor, so this reads the survivor.
 */
export async function hasActiveConsent(db: Db | Tx, personId: string, kind: ConsentKind, organisationId?: string): Promise<boolean> {
  let q = db.selectFrom('consents').select('id').where('personId', '=', personId).where('kind', '=', kind).where('withdrawnOn', 'is', null);
  if (kind === 'data_sharing') {
    if (!organisationId) return false;
    q = q.where('organisationId', '=', organisationId);
  }
  return (await q.executeTakeFirst()) !== undefined;
}
