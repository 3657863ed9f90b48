// How reintegration rows leave the server.
import type { AssistanceItem, Instalment, Plan, ReintegrationCaseSummary, RssResult, Visit } from '@taama/core';
import { presentSummary } from '../registry/people.present';
import type { CaseSummaryRow, ItemRow, VisitRow } from './reintegration.queries';

/** An ISO timestamp from a database value. */
export const isoOf = (value: Date | string): string => new Date(value).toISOString();
/** An ISO timestamp or null. */
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : isoOf(value));

/** `{id, displayName}` of a user, or null. */
export function userRef(id: string | null, displayName: string | null | undefined): { id: string; displayName: string } | null {
  return id ? { id, displayName: displayName ?? '' } : null;
}

/** Parses JSON text we stored ourselves (answers, definitions). */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The latest RSS result packed by caseSummaryQuery as `round|composite|complete`. */
function latestRss(packed: string | null): ReintegrationCaseSummary['latestRss'] {
  if (!packed) return null;
  const [round, composite, complete] = packed.split('|');
  return { round: round as 'baseline' | 'followup', composite: composite ? Number(composite) : null, complete: complete === 'true' };
}

/** A caseload line. */
export function presentCaseSummary(row: CaseSummaryRow): ReintegrationCaseSummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status as ReintegrationCaseSummary['status'],
    person: presentSummary(row),
    regionPcode: row.regionPcode,
    counsellor: userRef(row.counsellorId, row.counsellorName),
    arrivedOn: row.arrivedOn,
    planDueOn: row.planDueOn,
    planOverdue: Boolean(row.planOverdue),
    nextVisitOn: row.nextVisitOn,
    visitOverdue: Boolean(row.visitOverdue),
    budgetPlannedXof: Number(row.budgetPlannedXof),
    budgetDisbursedXof: Number(row.budgetDisbursedXof),
    latestRss: latestRss(row.latestRss),
    version: row.version,
  };
}

/** An assistance item with its instalments. */
export function presentItem(row: ItemRow, instalments: Instalment[]): AssistanceItem {
  return {
    id: row.id,
    reintegrationCaseId: row.reintegrationCaseId,
    dimension: row.dimension as AssistanceItem['dimension'],
    level: row.level as AssistanceItem['level'],
    type: row.type as AssistanceItem['type'],
    mode: row.mode as AssistanceItem['mode'],
    provider: row.provider,
    inKind: row.inKind,
    plannedXof: row.plannedXof,
    actualXof: row.actualXof,
    apportionedXof: row.apportionedXof === null ? null : Number(row.apportionedXof),
    disbursedXof: Number(row.disbursedXof),
    description: row.description,
    projectId: row.projectId,
    status: row.status as AssistanceItem['status'],
    approvedOn: row.approvedOn,
    deliveredOn: row.deliveredOn,
    cancelledOn: row.cancelledOn,
    instalments,
    certificate:
      row.certificateMime && row.certificateUploadedAt
        ? { mimeType: row.certificateMime, sizeBytes: row.certificateSize ?? 0, uploadedAt: isoOf(row.certificateUploadedAt), url: `/api/v1/reintegration-cases/${row.reintegrationCaseId}/assistance/${row.id}/certificate` }
        : null,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

/** A monitoring visit; overdue when still scheduled after its date. */
export function presentVisit(row: VisitRow, today: string): Visit {
  return {
    id: row.id,
    reintegrationCaseId: row.reintegrationCaseId,
    caseNumber: row.caseNumber,
    scheduledOn: row.scheduledOn,
    monthsAfterApproval: row.monthsAfterApproval,
    status: row.status as Visit['status'],
    visitedOn: row.visitedOn,
    findings: row.findings,
    businessStatus: row.businessStatus as Visit['businessStatus'],
    overdue: row.status === 'scheduled' && row.scheduledOn < today,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

interface PlanRow {
  id: string;
  status: string;
  goals: string[];
  submittedAt: Date | null;
  submittedBy: string | null;
  submittedByName: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  approvedByName: string | null;
  returnedNote: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A plan with who submitted and approved it. */
export function presentPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    status: row.status as Plan['status'],
    goals: row.goals,
    submittedAt: isoOrNull(row.submittedAt),
    submittedBy: userRef(row.submittedBy, row.submittedByName),
    approvedAt: isoOrNull(row.approvedAt),
    approvedBy: userRef(row.approvedBy, row.approvedByName),
    returnedNote: row.returnedNote,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

interface RssRow {
  id: string;
  round: string;
  instrumentVersion: string;
  surveyedOn: string;
  answers: string;
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
  complete: boolean;
  band: string | null;
  createdAt: Date;
}

/** An RSS result (answers included on the case page). */
export function presentRss(row: RssRow, withAnswers = true): RssResult {
  return {
    id: row.id,
    round: row.round as RssResult['round'],
    instrumentVersion: row.instrumentVersion,
    surveyedOn: row.surveyedOn,
    scores: { economic: row.economic, social: row.social, psychosocial: row.psychosocial, composite: row.composite },
    complete: row.complete,
    band: row.band,
    ...(withAnswers ? { answers: parseJson<Record<string, string | null>>(row.answers) } : {}),
    createdAt: isoOf(row.createdAt),
  };
}
