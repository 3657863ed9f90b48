// Kysely table types of the results framework (migration 0008), spread into the Database interface.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface LogframeNodeTable {
  code: string;
  parentCode: string | null;
  kind: string;
  titleFr: string;
  titleEn: string;
  partner: string | null;
  sortOrder: Generated<number>;
}

export interface IndicatorDefinitionTable {
  code: string;
  titleFr: string;
  titleEn: string;
  level: string;
  unitFr: string;
  unitEn: string;
  baseline: number;
  target: number | null;
  periodTargets: Json<Record<string, number>>;
  partner: string;
  dataSourceFr: string;
  dataSourceEn: string;
  mode: string;
  ruleVersion: number;
  sortOrder: Generated<number>;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface IndicatorRuleTable {
  indicatorCode: string;
  ruleVersion: number;
  mode: string;
  source: string | null;
  kind: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface IndicatorManualValueTable {
  id: string;
  indicatorCode: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  value: number;
  note: string | null;
  status: Generated<string>;
  enteredBy: string;
  enteredAt: Generated<Date>;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  version: Generated<number>;
}

export interface IndicatorEvidenceTable {
  id: string;
  manualValueId: string;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  data: Buffer;
  uploadedAt: Generated<Date>;
  uploadedBy: string | null;
}

export interface PeriodSignoffTable {
  period: string;
  periodFrom: string;
  periodTo: string;
  note: string | null;
  signedOffAt: Generated<Date>;
  signedOffBy: string;
}

export interface PeriodSnapshotTable {
  period: string;
  indicatorCode: string;
  ruleVersion: number;
  available: boolean;
  value: number;
  disaggregations: Json<Record<string, Record<string, number>>>;
}

export interface BudgetContractTable {
  id: string;
  code: string;
  partner: string;
  amountEur: number;
  startDate: string;
  endDate: string;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface BudgetLineTable {
  id: string;
  contractId: string;
  outputCode: string;
  label: string;
  amountEur: number;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface BudgetExpenditureTable {
  id: string;
  lineId: string;
  spentOn: string;
  currency: string;
  amount: number;
  amountEur: number;
  description: string;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ResultsTables {
  logframeNodes: LogframeNodeTable;
  indicatorDefinitions: IndicatorDefinitionTable;
  indicatorRules: IndicatorRuleTable;
  indicatorManualValues: IndicatorManualValueTable;
  indicatorEvidence: IndicatorEvidenceTable;
  periodSignoffs: PeriodSignoffTable;
  periodSnapshots: PeriodSnapshotTable;
  budgetContracts: BudgetContractTable;
  budgetLines: BudgetLineTable;
  budgetExpenditures: BudgetExpenditureTable;
}
