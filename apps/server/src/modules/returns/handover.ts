// The hand-over to reintegration (SPEC §6–§7): an inbound arrival opens a reintegration case in the
// region of destination, once per return case or arrival, through the reintegration module's service.
import type { Tx } from '../../platform/db/database';
import type { RequestContext } from '../../platform/auth/context';
import { openReintegrationCase } from '../reintegration/cases.open';
import { regionOf } from './returns.common';

/** What an arrival row carries into the hand-over. */
export interface ArrivalHandover {
  arrivalId: string;
  personId: string;
  returnCaseId: string | null;
  destinationPcode: string | null;
  organisationId: string;
  siteId: string | null;
  arrivedOn: string;
}

/** Opens (or finds) the reintegration case of an inbound arrival and links it to the arrival row. */
export async function handOver(tx: Tx, ctx: RequestContext, arrival: ArrivalHandover): Promise<string | null> {
  const regionPcode = regionOf(arrival.destinationPcode);
  // Without a destination there is no region to hand over to; the arrival desk sets it first.
  if (!regionPcode) return null;
  const opened = await openReintegrationCase(tx, ctx, {
    personId: arrival.personId,
    regionPcode,
    organisationId: arrival.organisationId,
    siteId: arrival.siteId,
    returnCaseId: arrival.returnCaseId,
    arrivalId: arrival.arrivalId,
    arrivedOn: arrival.arrivedOn,
  });
  await tx.updateTable('arrivals').set({ reintegrationCaseId: opened.id }).where('id', '=', arrival.arrivalId).execute();
  return opened.id;
}
