// Opening a reintegration case for a returnee: called by the returns module when an inbound arrival
// is confirmed (and by POST /reintegration-cases). Idempotent per return case and per arrival.
import { newId } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid } from '../../platform/errors';
import { allocateCaseNumber } from '../registry/case-numbers';
import { addDays, isOpen, planDueDays, recordEvent } from './reintegration.common';

export interface OpenReintegrationCaseInput {
  personId: string;
  /** Admin-1 P-code of the region the returnee goes back to (e.g. ML01). */
  regionPcode: string;
  organisationId: string;
  siteId: string | null;
  returnCaseId: string | null;
  arrivalId: string | null;
  arrivedOn: string;
  /** Optional extras of a direct registration (POST /reintegration-cases). */
  id?: string;
  counsellorId?: string | null;
  referredToOrganisationId?: string | null;
  referredFrom?: string | null;
  openedOn?: string;
}

/**
 * The site whose series numbers the case: the given one, else the organisation's first active site
 * in the region (by code), else any active site of the organisation (by code).
 */
export async function caseNumberSite(tx: Tx, organisationId: string, regionPcode: string, siteId: string | null): Promise<string> {
  if (siteId) return siteId;
  const sites = await tx
    .selectFrom('sites')
    .select(['id', 'pcode'])
    .where('organisationId', '=', organisationId)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const inRegion = sites.find((s) => s.pcode?.startsWith(regionPcode));
  const chosen = inRegion ?? sites[0];
  if (!chosen) throw new Invalid({ siteId: 'is required: the organisation has no active site to number the case' });
  return chosen.id;
}

/** The existing case for this return case or arrival, if one was opened already. */
async function existingFor(tx: Tx, input: OpenReintegrationCaseInput): Promise<string | undefined> {
  if (!input.returnCaseId && !input.arrivalId) return undefined;
  let q = tx.selectFrom('reintegrationCases').select('id');
  q = q.where((eb) =>
    eb.or([
      ...(input.returnCaseId ? [eb('returnCaseId', '=', input.returnCaseId)] : []),
      ...(input.arrivalId ? [eb('arrivalId', '=', input.arrivalId)] : []),
    ]),
  );
  return (await q.executeTakeFirst())?.id;
}

/**
 * Opens (or finds) the reintegration case of a returnee, in the caller's transaction: status
 * `eligible`, plan due `reintegration.plan_due_days` after arrival, an RI case number, an event and
 * an audit entry. A second call for the same return case or arrival returns the first case with
 * `created: false`, also when both calls race (unique keys + `on conflict do nothing`, then read
 * back). When the person already has an open case (e.g. registered directly before the return was
 * confirmed), that case is linked to the return and returned instead of opening a second one.
 */
export async function openReintegrationCase(tx: Tx, actor: RequestContext | null, input: OpenReintegrationCaseInput): Promise<{ id: string; created: boolean }> {
  const found = await existingFor(tx, input);
  if (found) return { id: found, created: false };
  // Serialise openings per person: two confirmations of the same returnee cannot both open a case.
  await tx.selectFrom('people').select('id').where('id', '=', input.personId).forUpdate().executeTakeFirst();
  const again = await existingFor(tx, input);
  if (again) return { id: again, created: false };
  const open = await tx.selectFrom('reintegrationCases').select(['id', 'status', 'returnCaseId', 'arrivalId']).where('personId', '=', input.personId).orderBy('openedOn', 'desc').execute();
  const current = open.find((c) => isOpen(c.status));
  if (current && (input.returnCaseId || input.arrivalId)) {
    await tx
      .updateTable('reintegrationCases')
      .set({ returnCaseId: current.returnCaseId ?? input.returnCaseId, arrivalId: current.arrivalId ?? input.arrivalId })
      .where('id', '=', current.id)
      .execute();
    await recordEvent(tx, actor, current.id, 'linked', { returnCaseId: input.returnCaseId, arrivalId: input.arrivalId });
    return { id: current.id, created: false };
  }
  const siteId = await caseNumberSite(tx, input.organisationId, input.regionPcode, input.siteId);
  const openedOn = input.openedOn ?? input.arrivedOn;
  const caseNumber = await allocateCaseNumber(tx, siteId, openedOn, 'reintegration_case');
  const id = input.id ?? newId();
  const inserted = await tx
    .insertInto('reintegrationCases')
    .values({
      id,
      caseNumber,
      personId: input.personId,
      returnCaseId: input.returnCaseId,
      arrivalId: input.arrivalId,
      status: 'eligible',
      statusBefore: null,
      regionPcode: input.regionPcode,
      siteId: input.siteId,
      organisationId: input.organisationId,
      counsellorId: input.counsellorId ?? null,
      referredToOrganisationId: input.referredToOrganisationId ?? null,
      referredFrom: input.referredFrom ?? null,
      arrivedOn: input.arrivedOn,
      planDueOn: addDays(input.arrivedOn, await planDueDays(tx)),
      openedOn,
      closedOn: null,
      createdBy: actor?.user.id ?? null,
      updatedBy: actor?.user.id ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const raced = await existingFor(tx, input);
    if (raced) return { id: raced, created: false };
    throw new Conflict('A reintegration case with this id already exists', 'already_exists', { id: 'is already taken' });
  }
  await recordEvent(tx, actor, id, 'opened', { caseNumber, personId: input.personId, returnCaseId: input.returnCaseId, arrivalId: input.arrivalId });
  return { id, created: true };
}
