// Kysely table types of sustainable reintegration (migration 0006_reintegration).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;

interface Stamped {
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface ReintegrationCaseTable extends Stamped {
  id: string;
  caseNumber: string;
  personId: string;
  returnCaseId: string | null;
  arrivalId: string | null;
  status: Generated<string>;
  statusBefore: string | null;
  regionPcode: string;
  siteId: string | null;
  organisationId: string;
  counsellorId: string | null;
  referredToOrganisationId: string | null;
  referredFrom: string | null;
  arrivedOn: string | null;
  planDueOn: string | null;
  openedOn: string;
  closedOn: string | null;
}

export interface ReintegrationCaseEventTable {
  id: string;
  reintegrationCaseId: string;
  action: string;
  details: Json;
  at: Generated<Date>;
  byUser: string | null;
}

export interface ReintegrationAssessmentTable {
  id: string;
  reintegrationCaseId: string;
  kind: string;
  assessedOn: string;
  /** JSON text (free-form keys). */
  answers: string;
  notes: string | null;
  assessedBy: string | null;
  createdAt: Generated<Date>;
}

export interface ReintegrationPlanTable extends Stamped {
  id: string;
  reintegrationCaseId: string;
  status: Generated<string>;
  goals: string[];
  submittedAt: Timestamp | null;
  submittedBy: string | null;
  approvedAt: Timestamp | null;
  approvedBy: string | null;
  returnedNote: string | null;
}

export interface ReintegrationProjectTable extends Stamped {
  id: string;
  name: string;
  level: string;
  type: string;
  dimension: string;
  regionPcode: string;
  communePcode: string | null;
  budgetXof: number;
  organisationId: string;
}

export interface ProjectBeneficiaryTable {
  id: string;
  projectId: string;
  position: number;
  reintegrationCaseId: string | null;
  communityMemberName: string | null;
  sharePercent: number | null;
  apportionedXof: number;
}

export interface AssistanceItemTable extends Stamped {
  id: string;
  reintegrationCaseId: string;
  projectId: string | null;
  dimension: string;
  level: string;
  type: string;
  mode: string;
  provider: string | null;
  inKind: boolean;
  plannedXof: number;
  actualXof: number | null;
  description: string | null;
  status: Generated<string>;
  approvedOn: string | null;
  deliveredOn: string | null;
  cancelledOn: string | null;
  certificateMime: string | null;
  certificateSize: number | null;
  certificateUploadedAt: Timestamp | null;
}

export interface AssistanceCertificateTable {
  assistanceItemId: string;
  contentType: string;
  data: Buffer;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface AssistanceInstalmentTable {
  id: string;
  assistanceItemId: string;
  amountXof: number;
  disbursedOn: string;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface MonitoringVisitTable extends Stamped {
  id: string;
  reintegrationCaseId: string;
  scheduledOn: string;
  monthsAfterApproval: number | null;
  status: Generated<string>;
  visitedOn: string | null;
  findings: string | null;
  businessStatus: string | null;
  note: string | null;
}

export interface SpotCheckTable {
  id: string;
  seed: string;
  percent: number;
  population: number;
  organisationId: string;
  drawnAt: Generated<Date>;
  drawnBy: string | null;
}

export interface SpotCheckItemTable {
  id: string;
  spotCheckId: string;
  assistanceItemId: string;
  outcome: string | null;
  note: string | null;
  checkedAt: Timestamp | null;
  checkedBy: string | null;
}

export interface RssInstrumentTable {
  id: string;
  version: string;
  status: Generated<string>;
  /** JSON text of the instrument (its keys are codes we must not re-case). */
  definition: string;
  itemCount: number;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface RssResultTable {
  id: string;
  reintegrationCaseId: string;
  round: string;
  instrumentVersion: string;
  surveyedOn: string;
  /** JSON text: item code → option value or null. */
  answers: string;
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
  complete: boolean;
  band: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface SatisfactionSurveyTable {
  id: string;
  reintegrationCaseId: string;
  surveyedOn: string;
  /** JSON text: question code → score 1–5. */
  answers: string;
  meanScore: number;
  comment: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ReintegrationTables {
  reintegrationCases: ReintegrationCaseTable;
  reintegrationCaseEvents: ReintegrationCaseEventTable;
  reintegrationAssessments: ReintegrationAssessmentTable;
  reintegrationPlans: ReintegrationPlanTable;
  reintegrationProjects: ReintegrationProjectTable;
  projectBeneficiaries: ProjectBeneficiaryTable;
  assistanceItems: AssistanceItemTable;
  assistanceInstalments: AssistanceInstalmentTable;
  assistanceCertificates: AssistanceCertificateTable;
  monitoringVisits: MonitoringVisitTable;
  spotChecks: SpotCheckTable;
  spotCheckItems: SpotCheckItemTable;
  rssInstruments: RssInstrumentTable;
  rssResults: RssResultTable;
  satisfactionSurveys: SatisfactionSurveyTable;
}

// The reintegration tables join the Database interface (declaration merging; schema.ts imports this file).
declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends ReintegrationTables {}
}
