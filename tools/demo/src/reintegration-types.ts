// The records of the reintegration demo (SPEC §7), as the loader receives them: the return case and
// the projects by their number or key, users by username, sites by code.
import type { AssessmentKind, AssistanceDimension, AssistanceLevel, AssistanceMode, AssistanceStatus, AssistanceType, BusinessStatus, PlanStatus, ReintegrationStatus, RssAnswers, RssRound, VisitStatus } from '@taama/core';
import type { DemoPersonRef } from './returns-people';

export interface DemoReintegrationEvent { on: string; by: string | null; action: string; details: Record<string, unknown> }
export interface DemoAssessment { kind: AssessmentKind; assessedOn: string; answers: Record<string, unknown>; notes: string | null; by: string | null }
export interface DemoPlan { status: PlanStatus; goals: string[]; createdOn: string; submittedOn: string | null; submittedBy: string | null; approvedOn: string | null; approvedBy: string | null; returnedNote: string | null }
export interface DemoInstalment { amountXof: number; disbursedOn: string }

export interface DemoAssistanceItem {
  dimension: AssistanceDimension;
  level: AssistanceLevel;
  type: AssistanceType;
  mode: AssistanceMode;
  provider: string | null;
  inKind: boolean;
  plannedXof: number;
  actualXof: number | null;
  description: string | null;
  status: AssistanceStatus;
  approvedOn: string | null;
  deliveredOn: string | null;
  cancelledOn: string | null;
  /** Key of the collective or community project the item is this beneficiary's share of. */
  project: string | null;
  instalments: DemoInstalment[];
}

export interface DemoVisit { scheduledOn: string; monthsAfterApproval: number | null; status: VisitStatus; visitedOn: string | null; findings: string | null; businessStatus: BusinessStatus | null }
export interface DemoRssResult { round: RssRound; surveyedOn: string; answers: RssAnswers; economic: number | null; social: number | null; psychosocial: number | null; composite: number | null; complete: boolean; band: string | null }
export interface DemoSatisfaction { surveyedOn: string; answers: Record<string, number>; meanScore: number; comment: string | null }

export interface DemoReintegrationCase {
  caseNumber: string;
  /** The inbound return case whose arrival opened this case (its number). */
  returnCase: string;
  person: DemoPersonRef;
  regionPcode: string;
  /** The case's site (the organisation's first site in the region); null when the region has none. */
  site: string | null;
  counsellor: string | null;
  referredTo: string | null;
  arrivedOn: string;
  planDueOn: string;
  openedOn: string;
  closedOn: string | null;
  status: ReintegrationStatus;
  statusBefore: ReintegrationStatus | null;
  events: DemoReintegrationEvent[];
  assessments: DemoAssessment[];
  plan: DemoPlan | null;
  items: DemoAssistanceItem[];
  visits: DemoVisit[];
  rss: DemoRssResult[];
  satisfaction: DemoSatisfaction[];
}

export interface DemoProjectBeneficiary { caseNumber: string | null; communityMemberName: string | null; sharePercent: number | null; apportionedXof: number }
export interface DemoProject { key: string; name: string; level: 'collective' | 'community'; type: AssistanceType; dimension: AssistanceDimension; regionPcode: string; communePcode: string | null; budgetXof: number; createdOn: string; beneficiaries: DemoProjectBeneficiary[] }

export interface DemoReintegrationBatch { cases: DemoReintegrationCase[]; projects: DemoProject[] }
