// Kysely table types of protection in transit (migration 0002).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;

export interface TransitCaseTable {
  id: string;
  caseNumber: string;
  personId: string;
  organisationId: string;
  siteId: string;
  regionPcode: string | null;
  assignedTo: string | null;
  status: Generated<string>;
  closureReason: string | null;
  priority: string | null;
  openedOn: string;
  closedOn: string | null;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface TransitCaseEventTable {
  id: string;
  transitCaseId: string;
  action: string;
  details: Json;
  at: Generated<Date>;
  byUser: string | null;
}

export interface StayTable {
  id: string;
  transitCaseId: string;
  personId: string;
  siteId: string;
  checkIn: string;
  checkOut: string | null;
  bed: string | null;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ScreeningTable {
  id: string;
  transitCaseId: string;
  personId: string;
  sequence: number;
  formVersion: Generated<number>;
  screenedOn: string;
  flags: string[];
  riskFactors: Json;
  protectiveFactors: Json;
  priority: string;
  priorityBecause: string;
  notes: string | null;
  screenedBy: string | null;
  createdAt: Generated<Date>;
}

export interface ServiceTable {
  id: string;
  transitCaseId: string;
  personId: string;
  siteId: string;
  type: string;
  date: string;
  quantity: number;
  provider: string | null;
  costXof: number | null;
  note: string | null;
  recordedBy: string | null;
  createdAt: Generated<Date>;
}

export interface ReferralTable {
  id: string;
  transitCaseId: string;
  personId: string;
  kind: string;
  service: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  siteId: string;
  reason: string | null;
  referredOn: string;
  dueDate: string | null;
  status: Generated<string>;
  feedback: string | null;
  respondedAt: Timestamp | null;
  respondedBy: string | null;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface TaskTable {
  id: string;
  transitCaseId: string;
  kind: string;
  title: string;
  dueDate: string | null;
  assignedTo: string | null;
  status: Generated<string>;
  requiresApproval: Generated<boolean>;
  outcome: string | null;
  completedAt: Timestamp | null;
  completedBy: string | null;
  approvedAt: Timestamp | null;
  approvedBy: string | null;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface CaseNoteTable {
  id: string;
  transitCaseId: string;
  body: string;
  sensitive: Generated<boolean>;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ProtectionTables {
  transitCases: TransitCaseTable;
  transitCaseEvents: TransitCaseEventTable;
  stays: StayTable;
  screenings: ScreeningTable;
  services: ServiceTable;
  referrals: ReferralTable;
  tasks: TaskTable;
  caseNotes: CaseNoteTable;
}
