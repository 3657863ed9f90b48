// Every source of qualifying events, by the rule name an indicator's computation refers to.
import type { IndicatorSource } from '@taama/core';
import type { EventSource } from './types';
import { protectionFirstService } from './protection';
import { flowsCollectionsCompleted } from './flows';
import { returnsArrivalAssistance, returnsOutboundDeparted } from './returns';
import { reintegrationFirstAssistance } from './reintegration';
import { awarenessActivitiesHeld, awarenessCommunitiesReached, awarenessPeopleReached } from './awareness';
import { mobilityEquipmentItems, mobilityInstitutionsSupported, mobilityTraineesCompleted } from './mobility';

export type { EventSource } from './types';

/** The source of each rule name; the record keeps the two lists in step at compile time. */
export const SOURCES: Record<IndicatorSource, EventSource> = {
  'protection.first_service': protectionFirstService,
  'awareness.people_reached': awarenessPeopleReached,
  'returns.outbound_departed': returnsOutboundDeparted,
  'returns.arrival_assistance': returnsArrivalAssistance,
  'reintegration.first_assistance_delivered': reintegrationFirstAssistance,
  'mobility.institutions_supported': mobilityInstitutionsSupported,
  'mobility.trainees_completed': mobilityTraineesCompleted,
  'awareness.activities_held': awarenessActivitiesHeld,
  'mobility.equipment_items': mobilityEquipmentItems,
  'flows.collections_completed': flowsCollectionsCompleted,
  'awareness.communities_reached': awarenessCommunitiesReached,
};
