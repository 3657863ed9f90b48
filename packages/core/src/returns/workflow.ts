// The return case state machine (SPEC §6) and the rules each step needs, as pure functions shared by
// the server (which enforces them) and the web app (which shows what is possible next).
import { MOVEMENT_ONLY_STATUSES, RETURN_FINAL_STATUSES, type ReturnDirection, type ReturnStatus } from './codes';

/** A transition map: for each status, where a case may go next (besides withdrawn and suspended). */
export type ReturnTransitionMap = Readonly<Partial<Record<ReturnStatus, readonly ReturnStatus[]>>>;

/** The default map; the setting `returns.transitions` replaces it with the same shape. */
export const DEFAULT_RETURN_TRANSITIONS: ReturnTransitionMap = {
  requested: ['counselled'],
  counselled: ['eligible', 'ineligible'],
  ineligible: ['counselled', 'closed'],
  eligible: ['documents_pending'],
  documents_pending: ['documents_ready'],
  documents_ready: ['medical_pending'],
  medical_pending: ['fit_to_travel', 'fit_with_escort', 'unfit'],
  unfit: ['medical_pending'],
  fit_to_travel: ['booked'],
  fit_with_escort: ['booked'],
  booked: ['departed'],
  departed: ['arrived'],
  arrived: ['closed'],
};

/** A case still in progress: anything but closed or withdrawn (suspended cases are open). */
export function isOpenReturnStatus(status: ReturnStatus): boolean {
  return !RETURN_FINAL_STATUSES.includes(status);
}

/**
 * Where a case may go next. Withdrawn and suspended are reachable from every open state; a suspended
 * case only goes back where it was suspended from, or is withdrawn.
 */
export function allowedTransitions(status: ReturnStatus, suspendedFrom: ReturnStatus | null, map: ReturnTransitionMap = DEFAULT_RETURN_TRANSITIONS): ReturnStatus[] {
  if (!isOpenReturnStatus(status)) return [];
  if (status === 'suspended') return suspendedFrom && suspendedFrom !== 'suspended' ? [suspendedFrom, 'withdrawn'] : ['withdrawn'];
  const next = (map[status] ?? []).filter((s) => s !== status && s !== 'suspended' && s !== 'withdrawn');
  return [...new Set(next), 'withdrawn', 'suspended'];
}

/** The transitions a user may request through the transitions route (departure and arrival come from movements). */
export function manualTransitions(status: ReturnStatus, suspendedFrom: ReturnStatus | null, map: ReturnTransitionMap = DEFAULT_RETURN_TRANSITIONS): ReturnStatus[] {
  return allowedTransitions(status, suspendedFrom, map).filter((s) => !MOVEMENT_ONLY_STATUSES.includes(s));
}

/** What the preconditions look at: the case as the server has it, plus today's date (YYYY-MM-DD). */
export interface ReturnCaseFacts {
  direction: ReturnDirection;
  destinationPcode: string | null;
  unaccompaniedChild: boolean;
  declaration: { signedOn: string | null; witness: string | null } | null;
  bestInterest: { outcome: string; approvedAt: string | null } | null;
  dueDiligence: { outcome: string } | null;
  /** The most recent medical check (by examination date, then recording time). */
  latestMedical: { outcome: string } | null;
  travelDocuments: readonly { status: string; expiresOn: string | null }[];
  today: string;
}

/** A rule a transition breaks, naming the field to fix. */
export interface PreconditionFailure {
  field: string;
  message: string;
}

/** Tells whether a case holds an issued travel document still valid after the given date. */
export function hasValidTravelDocument(documents: ReturnCaseFacts['travelDocuments'], after: string): boolean {
  return documents.some((d) => d.status === 'issued' && d.expiresOn !== null && d.expiresOn > after);
}

/** The rules a case must satisfy before entering `to`; empty when it may go. */
export function checkPreconditions(facts: ReturnCaseFacts, to: ReturnStatus): PreconditionFailure[] {
  const failures: PreconditionFailure[] = [];
  switch (to) {
    case 'eligible':
      if (!facts.declaration?.signedOn) failures.push({ field: 'declaration.signedOn', message: 'the signed voluntary return declaration is required before eligible' });
      if (!facts.declaration?.witness) failures.push({ field: 'declaration.witness', message: 'the declaration’s witness is required before eligible' });
      if (facts.unaccompaniedChild) {
        const bid = facts.bestInterest;
        if (!bid || bid.outcome !== 'return_in_best_interest' || !bid.approvedAt) {
          failures.push({ field: 'bestInterest', message: 'an unaccompanied child needs an approved best-interest determination in favour of return' });
        }
      }
      break;
    case 'fit_to_travel':
    case 'fit_with_escort':
    case 'unfit':
      if (facts.latestMedical?.outcome !== to) failures.push({ field: 'medicalChecks', message: `the latest medical check must have the outcome ${to}` });
      break;
    case 'booked':
      if (facts.dueDiligence?.outcome !== 'cleared') failures.push({ field: 'dueDiligence', message: 'the due-diligence check must be recorded as cleared before booking' });
      if (!hasValidTravelDocument(facts.travelDocuments, facts.today)) failures.push({ field: 'travelDocuments', message: 'an issued travel document valid after today is required before booking' });
      if (facts.latestMedical?.outcome !== 'fit_to_travel' && facts.latestMedical?.outcome !== 'fit_with_escort') {
        failures.push({ field: 'medicalChecks', message: 'the latest medical check must say fit to travel (with or without escort)' });
      }
      if (facts.direction === 'inbound' && !facts.destinationPcode) failures.push({ field: 'destinationPcode', message: 'an inbound return needs the destination P-code before booking' });
      break;
    default:
      break;
  }
  return failures;
}

/** Validates a configured transition map (setting `returns.transitions`); returns the problems found. */
export function validateTransitionMap(map: unknown, statuses: readonly string[]): string[] {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return ['must be an object of status → [statuses]'];
  const problems: string[] = [];
  for (const [from, to] of Object.entries(map)) {
    if (!statuses.includes(from)) problems.push(`unknown status ${from}`);
    if (!Array.isArray(to) || to.some((s) => typeof s !== 'string' || !statuses.includes(s))) problems.push(`${from}: must list known statuses`);
  }
  return problems;
}
