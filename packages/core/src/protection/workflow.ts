// State machines of transit cases and referrals (SPEC §5), as data the server and the UI share.
import type { ReferralStatus, TransitCaseStatus } from './codes';

export const TRANSIT_CASE_TRANSITIONS: Readonly<Record<TransitCaseStatus, readonly TransitCaseStatus[]>> = {
  open: ['active', 'closed'],
  active: ['referred', 'closed'],
  referred: ['active', 'closed'],
  closed: ['active'],
};

/** Referral statuses the receiving organisation may move to from each status. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  pending: ['accepted', 'declined', 'closed_without_service'],
  accepted: ['completed', 'closed_without_service'],
  declined: [],
  completed: [],
  closed_without_service: [],
};

/** The statuses a record may move to next. */
export function nextStatuses<S extends string>(machine: Readonly<Record<S, readonly S[]>>, from: S): readonly S[] {
  return machine[from];
}

/** Tells whether a move is allowed by the machine. */
export function canMove<S extends string>(machine: Readonly<Record<S, readonly S[]>>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

/** A referral still waiting for the receiving side to act. */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status === 'pending' || status === 'accepted';
}

/** Tells whether a referral's due date has passed while it is still open (dates as YYYY-MM-DD). */
export function isReferralOverdue(referral: { status: ReferralStatus; dueDate: string | null }, today: string): boolean {
  return isReferralOpen(referral.status) && referral.dueDate !== null && referral.dueDate < today;
}
