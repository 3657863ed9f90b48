// What a manifest shows (SPEC §6): the movement header and one row per traveller, members included,
// with identity and travel document only — never medical, vulnerability or contact data.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { lockMovement, movementScope } from './movements.load';
import type { MovementLegRow } from './returns.tables';

export interface ManifestRow {
  no: number;
  fullName: string;
  sex: string;
  dateOfBirth: string;
  nationality: string;
  documentType: string;
  documentNumber: string;
  documentExpiresOn: string;
  caseNumber: string;
  seats: number | null;
}

export interface Manifest {
  reference: string;
  kind: string;
  direction: string;
  status: string;
  departureDate: string;
  arrivalDate: string | null;
  carrier: string | null;
  seats: number;
  legs: MovementLegRow[];
  escorts: { name: string; role: string }[];
  receptionSiteName: string | null;
  rows: ManifestRow[];
}

interface TravellerRow {
  returnCaseId: string;
  caseNumber: string;
  seats: number;
  principal: boolean;
  givenName: string;
  familyName: string;
  sex: string;
  dateOfBirth: string | null;
  nationality: string;
  orderKey: Date;
}

/**
 * Reads the manifest of a movement (expected and departed passengers; no-shows left out) and audits
 * the export, in the caller's transaction.
 */
export async function readManifest(tx: Tx, ctx: RequestContext, movementId: string, format: 'pdf' | 'xlsx'): Promise<Manifest> {
  const m = await lockMovement(tx, movementScope(ctx, 'movement.manage'), movementId);
  const site = m.receptionSiteId ? await tx.selectFrom('sites').select('name').where('id', '=', m.receptionSiteId).executeTakeFirst() : undefined;
  // Principals and their members, in boarding order; members follow their principal.
  const travellers = await sql<TravellerRow>`
    select mp.return_case_id, rc.case_number, mp.seats, true as principal, p.given_name, p.family_name, p.sex, p.date_of_birth::text as date_of_birth, p.nationality, mp.created_at as order_key, 0 as sub
      from movement_passengers mp join return_cases rc on rc.id = mp.return_case_id join people p on p.id = rc.person_id
     where mp.movement_id = ${movementId} and mp.departure_status <> 'no_show'
    union all
    select mp.return_case_id, rc.case_number, mp.seats, false, p.given_name, p.family_name, p.sex, p.date_of_birth::text, p.nationality, mp.created_at, 1
      from movement_passengers mp join return_cases rc on rc.id = mp.return_case_id join return_case_members rm on rm.return_case_id = rc.id join people p on p.id = rm.person_id
     where mp.movement_id = ${movementId} and mp.departure_status <> 'no_show'
    order by order_key, return_case_id, sub, family_name, given_name`.execute(tx);
  const caseIds = [...new Set(travellers.rows.map((t) => t.returnCaseId))];
  // The case's valid issued document (latest expiry) stands for the household travelling on it.
  const docs = caseIds.length > 0
    ? await tx.selectFrom('travelDocuments').select(['returnCaseId', 'type', 'number', 'expiresOn']).where('returnCaseId', 'in', caseIds).where('status', '=', 'issued').orderBy('expiresOn', 'desc').execute()
    : [];
  const docOf = new Map<string, (typeof docs)[number]>();
  for (const d of docs) if (!docOf.has(d.returnCaseId)) docOf.set(d.returnCaseId, d);
  const rows = travellers.rows.map((t, i) => {
    const doc = docOf.get(t.returnCaseId);
    return {
      no: i + 1,
      fullName: `${t.familyName.toUpperCase()} ${t.givenName}`,
      sex: t.sex,
      dateOfBirth: t.dateOfBirth ?? '',
      nationality: t.nationality,
      documentType: doc?.type ?? '',
      documentNumber: doc?.number ?? '',
      documentExpiresOn: doc?.expiresOn ?? '',
      caseNumber: t.caseNumber,
      seats: t.principal ? t.seats : null,
    };
  });
  await appendAudit(tx, actorOf(ctx), { action: `movement.manifest.${format}`, entityType: 'movement', entityId: movementId, details: { reference: m.reference, travellers: rows.length } });
  return {
    reference: m.reference, kind: m.kind, direction: m.direction, status: m.status, departureDate: m.departureDate, arrivalDate: m.arrivalDate, carrier: m.carrier,
    seats: m.seats, legs: m.legs, escorts: m.escorts, receptionSiteName: site?.name ?? null, rows,
  };
}
