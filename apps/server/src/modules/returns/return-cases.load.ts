// The whole return case page in one read: the case, its sub-records and the caller's abilities.
import { manualTransitions, type ReturnCase, type ReturnStatus } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inScope } from '../../platform/access/scope';
import { can, scopeFor, type RequestContext } from '../../platform/auth/context';
import type { Permission } from '@taama/core';
import { RETURN_SCOPE, transitionMap } from './returns.common';
import { medicalQuery, memberQuery, returnCaseQuery, travelDocumentQuery } from './returns.queries';
import { presentMedical, presentMember, presentReturnSummary, presentTravelDocument } from './returns.present';

const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Tells whether a case lies in the caller's scope for a permission. */
async function inScopeFor(db: Db | Tx, ctx: RequestContext, permission: Permission, id: string): Promise<boolean> {
  if (!can(ctx, permission)) return false;
  const row = await db.selectFrom('returnCases as rc').select('rc.id').where('rc.id', '=', id).where(inScope(scopeFor(ctx, permission), RETURN_SCOPE)).executeTakeFirst();
  return row !== undefined;
}

/** Builds the full case; the caller has already checked it is in scope. */
export async function loadReturnCase(db: Db | Tx, ctx: RequestContext, id: string): Promise<ReturnCase> {
  const row = await returnCaseQuery(db).where('rc.id', '=', id).executeTakeFirstOrThrow();
  const rc = await db
    .selectFrom('returnCases as rc')
    .leftJoin('users as bru', 'bru.id', 'rc.bidRecordedBy')
    .leftJoin('users as bau', 'bau.id', 'rc.bidApprovedBy')
    .selectAll('rc')
    .select(['bru.displayName as bidRecordedByName', 'bau.displayName as bidApprovedByName'])
    .where('rc.id', '=', id)
    .executeTakeFirstOrThrow();
  const members = await memberQuery(db).where('m.returnCaseId', '=', id).execute();
  const documents = await travelDocumentQuery(db).where('td.returnCaseId', '=', id).orderBy('td.requestedOn', 'desc').orderBy('td.createdAt', 'desc').execute();
  const medical = await medicalQuery(db).where('mc.returnCaseId', '=', id).orderBy('mc.examinedOn', 'desc').orderBy('mc.createdAt', 'desc').execute();
  // The movement the case travels (or is booked) on: the latest it was not a no-show on.
  const movement = await db
    .selectFrom('movementPassengers as mp')
    .innerJoin('movements as m', 'm.id', 'mp.movementId')
    .select(['m.id', 'm.reference', 'm.departureDate'])
    .where('mp.returnCaseId', '=', id)
    .where('mp.departureStatus', '<>', 'no_show')
    .where('m.status', '<>', 'cancelled')
    .orderBy('m.departureDate', 'desc')
    .executeTakeFirst();
  const arrival = await db
    .selectFrom('arrivals as a')
    .leftJoin('reintegrationCases as ric', 'ric.id', 'a.reintegrationCaseId')
    .select(['a.id', 'a.arrivedOn', 'a.siteId', 'a.reintegrationCaseId', 'ric.caseNumber as reintegrationCaseNumber'])
    .where('a.returnCaseId', '=', id)
    .executeTakeFirst();
  const status = row.status as ReturnStatus;
  const suspendedFrom = (rc.suspendedFrom as ReturnStatus | null) ?? null;
  const update = await inScopeFor(db, ctx, 'returnCase.update', id);
  const transition = await inScopeFor(db, ctx, 'returnCase.transition', id);
  const approve = await inScopeFor(db, ctx, 'returnCase.approve', id);
  const open = status !== 'closed' && status !== 'withdrawn';
  const allowed = transition && open ? manualTransitions(status, suspendedFrom, await transitionMap(db)) : [];
  return {
    ...presentReturnSummary(row),
    organisationId: rc.organisationId,
    destinationPcode: rc.destinationPcode,
    destinationLocality: rc.destinationLocality,
    fromCountry: rc.fromCountry,
    requestedOn: rc.requestedOn,
    transitCaseId: rc.transitCaseId,
    members: members.map(presentMember),
    declaration: rc.declarationSignedOn ? { signedOn: rc.declarationSignedOn, witness: rc.declarationWitness ?? '' } : null,
    dueDiligence: rc.dueDiligenceCheckedOn && rc.dueDiligenceOutcome ? { checkedOn: rc.dueDiligenceCheckedOn, outcome: rc.dueDiligenceOutcome as 'cleared' | 'concerns', note: rc.dueDiligenceNote } : null,
    bestInterest:
      rc.bidDeterminedOn && rc.bidOutcome
        ? {
            determinedOn: rc.bidDeterminedOn,
            outcome: rc.bidOutcome as 'return_in_best_interest' | 'not_in_best_interest',
            note: rc.bidNote,
            recordedBy: rc.bidRecordedBy ? { id: rc.bidRecordedBy, displayName: rc.bidRecordedByName ?? '' } : null,
            approvedBy: rc.bidApprovedBy ? { id: rc.bidApprovedBy, displayName: rc.bidApprovedByName ?? '' } : null,
            approvedAt: isoOrNull(rc.bidApprovedAt),
          }
        : null,
    travelDocuments: documents.map(presentTravelDocument),
    medicalChecks: medical.map(presentMedical),
    movement: movement ? { id: movement.id, reference: movement.reference, departureDate: movement.departureDate } : null,
    arrival: arrival ? { id: arrival.id, arrivedOn: arrival.arrivedOn, siteId: arrival.siteId } : null,
    reintegrationCaseId: arrival?.reintegrationCaseId ?? null,
    reintegrationCaseNumber: arrival?.reintegrationCaseNumber ?? null,
    suspendedFrom,
    withdrawalReason: (rc.withdrawalReason as ReturnCase['withdrawalReason']) ?? null,
    allowedTransitions: allowed,
    abilities: {
      update: update && open,
      transition: transition && open,
      approveBestInterest: approve && open && rc.bidOutcome !== null && rc.bidApprovedAt === null && rc.bidRecordedBy !== ctx.user.id,
      addDocument: update && open,
      addMedical: update && open,
    },
    createdAt: new Date(rc.createdAt).toISOString(),
    updatedAt: new Date(rc.updatedAt).toISOString(),
  };
}
