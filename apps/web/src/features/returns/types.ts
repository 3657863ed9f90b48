// The assisted-voluntary-return API shapes (SPEC §6) from core, under the names the screens use, and
// the few shapes the screens derive from them.
import type { ExpectedArrivals, Movement } from '@taama/core';

export {
  ARRIVAL_ASSISTANCE_TYPES,
  ARRIVAL_REFERRAL_NEEDS as REFERRAL_NEEDS,
  BEST_INTEREST_OUTCOMES,
  DUE_DILIGENCE_OUTCOMES,
  ESCORT_TYPES,
  MEDICAL_OUTCOMES,
  MOVEMENT_ESCORT_ROLES as ESCORT_ROLES,
  MOVEMENT_KINDS,
  MOVEMENT_STATUSES,
  RETURN_DIRECTIONS,
  RETURN_STATUSES,
  RETURN_WITHDRAWAL_REASONS,
  TRAVEL_DOCUMENT_STATUSES,
  TRAVEL_DOCUMENT_TYPES,
} from '@taama/core';

export type {
  Arrival,
  ArrivalAssistanceInput as AssistanceInput,
  ArrivalAssistanceType,
  ArrivalInput,
  ArrivalReferralNeed as ReferralNeed,
  ArrivalsQuery,
  BestInterestInput,
  BestInterestOutcome,
  DepartureInput,
  DueDiligenceOutcome,
  EscortType,
  ExpectedArrivals,
  ExpiringDocument,
  MedicalCheck,
  MedicalCheckInput,
  MedicalOutcome,
  Movement,
  MovementEscortRole as EscortRole,
  MovementInput,
  MovementKind,
  MovementPatch,
  MovementStatus,
  MovementSummary,
  MovementsQuery,
  Passenger,
  ReturnCase,
  ReturnCaseInput,
  ReturnCasePatch,
  ReturnCasesQuery,
  ReturnCaseSummary,
  ReturnDirection,
  ReturnEvent,
  ReturnPipeline,
  ReturnPipelineQuery,
  ReturnsDashboard,
  ReturnsSettings,
  ReturnStatus,
  ReturnTransitionInput,
  ReturnWithdrawalReason,
  TravelDocument,
  TravelDocumentInput,
  TravelDocumentPatch,
} from '@taama/core';

/** One leg of a movement as read back. */
export type MovementLeg = Movement['legs'][number];

/** One movement expected at the arrival desk. */
export type ExpectedMovement = ExpectedArrivals['items'][number];
