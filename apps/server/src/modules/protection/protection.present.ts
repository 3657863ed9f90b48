// How protection records leave the server. Field-level sensitivity is stripped by the redaction hook;
// what depends on the row (a sensitive flag named in a priority reason) is masked here.
import {
  isReferralOverdue,
  isSensitiveFlag,
  REFERRAL_TRANSITIONS,
  type Note,
  type Referral,
  type ReferralStatus,
  type Screening,
  type Service,
  type Stay,
  type Task,
  type TransitCaseSummary,
  type VulnerabilityFlag,
} from '@taama/core';
import { can, type RequestContext } from '../../platform/auth/context';
import { presentSummary } from '../registry/people.present';
import { today } from './protection.common';
import type { CaseQueryRow, NoteRow, ReferralRow, ScreeningRow, ServiceRow, StayRow, TaskRow } from './protection.queries';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const isoOf = (value: Date | string): string => new Date(value).toISOString();

/** Tells whether the caller is cleared for trafficking, GBV and health details. */
export function cleared(ctx: RequestContext): boolean {
  return ctx.maxSensitivity === 'sensitive';
}

/** A screening; sensitive flags go to `sensitiveFlags`, and a reason naming one is masked for uncleared callers. */
export function presentScreening(ctx: RequestContext, row: ScreeningRow): Screening {
  const flags = row.flags as VulnerabilityFlag[];
  const reasonFlag = row.priorityBecause.startsWith('flag:') ? (row.priorityBecause.slice(5) as VulnerabilityFlag) : undefined;
  const masked = reasonFlag !== undefined && isSensitiveFlag(reasonFlag) && !cleared(ctx);
  return {
    id: row.id,
    transitCaseId: row.transitCaseId,
    sequence: row.sequence,
    formVersion: row.formVersion,
    screenedOn: row.screenedOn,
    flags: flags.filter((f) => !isSensitiveFlag(f)),
    sensitiveFlags: flags.filter((f) => isSensitiveFlag(f)),
    riskFactors: row.riskFactors,
    protectiveFactors: row.protectiveFactors,
    priority: row.priority as Screening['priority'],
    priorityBecause: masked ? 'flag:sensitive' : row.priorityBecause,
    notes: row.notes,
    screenedBy: row.screenedByName,
    createdAt: isoOf(row.createdAt),
  };
}

/** A service delivered. */
export function presentService(row: ServiceRow): Service {
  return {
    id: row.id,
    transitCaseId: row.transitCaseId,
    type: row.type as Service['type'],
    date: row.date,
    quantity: row.quantity,
    provider: row.provider,
    costXof: row.costXof === null ? null : Number(row.costXof),
    note: row.note,
    recordedBy: row.recordedByName,
    createdAt: isoOf(row.createdAt),
  };
}

/** A referral with what the caller may do with it: only the receiving organisation responds. */
export function presentReferral(ctx: RequestContext, row: ReferralRow): Referral {
  const status = row.status as ReferralStatus;
  const receiving = can(ctx, 'referral.manage') && ctx.user.organisationId === row.toOrganisationId;
  const next = receiving ? [...REFERRAL_TRANSITIONS[status]] : [];
  return {
    id: row.id,
    transitCaseId: row.transitCaseId,
    caseNumber: row.caseNumber,
    person: presentSummary(row),
    kind: row.kind as Referral['kind'],
    service: row.service as Referral['service'],
    fromOrganisationId: row.fromOrganisationId,
    fromOrganisationName: row.fromOrganisationName,
    toOrganisationId: row.toOrganisationId,
    toOrganisationName: row.toOrganisationName,
    reason: row.reason,
    referredOn: row.referredOn,
    dueDate: row.dueDate,
    status,
    overdue: isReferralOverdue({ status, dueDate: row.dueDate }, today()),
    feedback: row.feedback,
    respondedAt: iso(row.respondedAt),
    respondedBy: row.respondedByName,
    abilities: { respond: next.length > 0, nextStatuses: next },
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

/** Tells whether a task is past its due date while still open. */
export function taskOverdue(status: string, dueDate: string | null): boolean {
  return (status === 'open' || status === 'awaiting_approval') && dueDate !== null && dueDate < today();
}

/** A task with what the caller may do: approval is never by the one who completed it. */
export function presentTask(ctx: RequestContext, row: TaskRow): Task {
  return {
    id: row.id,
    transitCaseId: row.transitCaseId,
    caseNumber: row.caseNumber,
    kind: row.kind as Task['kind'],
    title: row.title,
    dueDate: row.dueDate,
    assignedTo: row.assignedTo,
    assignedToName: row.assignedToName,
    status: row.status as Task['status'],
    requiresApproval: row.requiresApproval,
    outcome: row.outcome,
    completedAt: iso(row.completedAt),
    completedBy: row.completedByName,
    approvedAt: iso(row.approvedAt),
    approvedBy: row.approvedByName,
    overdue: taskOverdue(row.status, row.dueDate),
    abilities: {
      complete: can(ctx, 'transitCase.update') && row.status === 'open',
      approve: can(ctx, 'transitCase.approve') && row.status === 'awaiting_approval' && row.completedBy !== ctx.user.id,
    },
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

/** A case note. */
export function presentNote(row: NoteRow): Note {
  return { id: row.id, transitCaseId: row.transitCaseId, body: row.body, sensitive: row.sensitive, createdBy: row.createdByName, createdAt: isoOf(row.createdAt) };
}

/** Nights between check-in and check-out (or today while the person is still there). */
export function nightsOf(checkIn: string, checkOut: string | null): number {
  const end = checkOut ?? today();
  return Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000));
}

/** A stay at a site. */
export function presentStay(row: StayRow, overCapacity?: { occupied: number; capacity: number }): Stay {
  return {
    id: row.id,
    transitCaseId: row.transitCaseId,
    siteId: row.siteId,
    checkIn: row.checkIn,
    checkOut: row.checkOut,
    bed: row.bed,
    nights: nightsOf(row.checkIn, row.checkOut),
    ...(overCapacity ? { overCapacity } : {}),
    version: row.version,
  };
}

/** A caseload line. */
export function presentCaseSummary(row: CaseQueryRow, openTasks: number, overdueTasks: number): TransitCaseSummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    person: presentSummary(row),
    siteId: row.siteId,
    siteName: row.siteName,
    status: row.status as TransitCaseSummary['status'],
    priority: row.priority as TransitCaseSummary['priority'],
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    assignedTo: row.assignedTo,
    assignedToName: row.assignedToName,
    openTasks,
    overdueTasks,
  };
}
