// API schemas of the results framework (SPEC §11, §13): indicator values and their records, the
// registry and logframe, manual values, period sign-off, reports and the budget.
import { Type, type Static } from 'typebox';
import { Codes, DateString, Nullable, PageQuery, Timestamp, Uuid, Version } from './common';
import { DISAGGREGATIONS } from '../results/counting';
import { INDICATOR_SOURCES } from '../results/indicators';

const Localised = Type.Object({ fr: Type.String(), en: Type.String() });
/** Loosely typed on purpose: the service checks them and names the field and the rule (400). */
const LooseDate = Type.String({ maxLength: 30, description: 'YYYY-MM-DD' });
export const INTERVALS = ['quarter', 'month', 'year'] as const;
export const QUARTER_PATTERN = '^[0-9]{4}Q[1-4]$';

export const IndicatorsQuery = Type.Object(
  {
    from: Type.Optional(LooseDate),
    to: Type.Optional(LooseDate),
    by: Type.Optional(Type.String({ maxLength: 200, description: `comma-separated: ${DISAGGREGATIONS.join(', ')}` })),
    interval: Type.Optional(Codes(INTERVALS)),
    lang: Type.Optional(Codes(['fr', 'en'], { description: 'language of titles and units; the user’s by default' })),
  },
  { additionalProperties: false },
);
export type IndicatorsQuery = Static<typeof IndicatorsQuery>;

export const Restatement = Type.Object({
  period: Type.String(),
  signedOff: Type.Number({ description: 'the value reported when the period was signed off' }),
  current: Type.Number({ description: 'the value the records give today' }),
  difference: Type.Number({ description: 'current − signedOff' }),
});
export type Restatement = Static<typeof Restatement>;

export const IndicatorValue = Type.Object({
  code: Type.String(),
  title: Type.String({ description: 'in the caller’s language' }),
  level: Type.String(),
  unit: Type.String(),
  mode: Codes(['automatic', 'manual']),
  baseline: Type.Number(),
  value: Type.Number({ description: 'the span’s value (signed-off quarters show their signed-off value)' }),
  target: Nullable(Type.Number()),
  percentOfTarget: Nullable(Type.Number({ description: 'cumulative value / total target, in %' })),
  periods: Type.Array(Type.Object({ period: Type.String(), value: Type.Number(), target: Type.Optional(Type.Number()), signedOff: Type.Optional(Type.Boolean()) })),
  cumulative: Type.Number({ description: 'since the programme start, up to the span’s end' }),
  disaggregations: Type.Record(Type.String(), Type.Record(Type.String(), Nullable(Type.Number())), { description: 'per dimension, key → value; null = a small cell suppressed for public-level callers' }),
  suppressed: Type.Optional(Type.Boolean({ description: 'some small cells were hidden (disclosure control)' })),
  available: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'why an indicator is not available (its module is not installed)' })),
  ruleVersion: Type.Integer(),
  restatements: Type.Array(Restatement),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

export const IndicatorList = Type.Object({
  from: DateString,
  to: DateString,
  interval: Codes(INTERVALS),
  by: Type.Array(Codes(DISAGGREGATIONS)),
  items: Type.Array(IndicatorValue),
});
export type IndicatorList = Static<typeof IndicatorList>;

export const IndicatorCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const IndicatorRecordsQuery = Type.Object({ from: Type.Optional(LooseDate), to: Type.Optional(LooseDate), ...PageQuery }, { additionalProperties: false });
export type IndicatorRecordsQuery = Static<typeof IndicatorRecordsQuery>;

export const IndicatorRecord = Type.Object({
  recordId: Type.String(),
  recordType: Type.String({ description: 'e.g. service, flow_collection' }),
  date: DateString,
  subject: Type.String({ description: 'a stable pseudonym of the person for roles without person.read; the id otherwise' }),
  personId: Type.Optional(Uuid),
  amount: Type.Number(),
  sex: Type.String(),
  ageGroup: Type.String(),
  nationality: Type.String(),
  region: Type.String(),
  partner: Type.String(),
  site: Type.String(),
  link: Type.Optional(Type.String({ description: 'where the UI opens the record (roles with person.read)' })),
});
export type IndicatorRecord = Static<typeof IndicatorRecord>;

export const IndicatorRecordPage = Type.Object({ items: Type.Array(IndicatorRecord), nextCursor: Nullable(Type.String()), pseudonymised: Type.Boolean() });

const Computation = Type.Union([
  Type.Object({ mode: Type.Literal('automatic'), source: Codes(INDICATOR_SOURCES), kind: Codes(['distinct', 'sum']), version: Type.Integer() }),
  Type.Object({ mode: Type.Literal('manual'), version: Type.Integer() }),
]);

export const IndicatorDefinitionView = Type.Object({
  code: Type.String(),
  title: Localised,
  level: Type.String(),
  unit: Localised,
  baseline: Type.Number(),
  target: Nullable(Type.Number()),
  periodTargets: Type.Record(Type.String(), Type.Number()),
  partner: Type.String(),
  dataSource: Localised,
  computation: Computation,
  version: Version,
  updatedAt: Timestamp,
});
export type IndicatorDefinitionView = Static<typeof IndicatorDefinitionView>;

export const IndicatorDefinitionPatch = Type.Object(
  {
    title: Type.Optional(Type.Object({ fr: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false })),
    level: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    unit: Type.Optional(Type.Object({ fr: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false })),
    baseline: Type.Optional(Type.Number({ minimum: 0 })),
    target: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
    periodTargets: Type.Optional(Type.Record(Type.String({ pattern: QUARTER_PATTERN }), Type.Number({ minimum: 0 }))),
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    dataSource: Type.Optional(Type.Object({ fr: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false })),
    computation: Type.Optional(
      Type.Union([
        Type.Object({ mode: Type.Literal('automatic'), source: Codes(INDICATOR_SOURCES), kind: Codes(['distinct', 'sum']) }, { additionalProperties: false }),
        Type.Object({ mode: Type.Literal('manual') }, { additionalProperties: false }),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type IndicatorDefinitionPatch = Static<typeof IndicatorDefinitionPatch>;

export const LogframeNodeView = Type.Object({
  code: Type.String(),
  parent: Nullable(Type.String()),
  kind: Codes(['goal', 'objective', 'output', 'activity']),
  title: Localised,
  partner: Nullable(Type.String()),
  indicators: Type.Array(Type.String({ description: 'codes of the indicators attached here' })),
});
export const Logframe = Type.Object({ items: Type.Array(LogframeNodeView) });

export const ManualValueFields = Type.Object(
  {
    period: Type.String({ pattern: QUARTER_PATTERN, description: 'a quarter, e.g. 2025Q1' }),
    value: Type.Number({ minimum: 0, maximum: 1e12 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ManualValueFields = Static<typeof ManualValueFields>;

export const ManualValue = Type.Object({
  id: Uuid,
  indicatorCode: Type.String(),
  period: Type.String(),
  value: Type.Number(),
  note: Nullable(Type.String()),
  status: Codes(['pending', 'approved', 'rejected', 'superseded']),
  enteredBy: Uuid,
  enteredAt: Timestamp,
  decidedBy: Nullable(Uuid),
  decidedAt: Nullable(Timestamp),
  evidence: Type.Array(Type.Object({ id: Uuid, fileName: Type.String(), contentType: Type.String(), bytes: Type.Integer(), sha256: Type.String() })),
  version: Version,
  abilities: Type.Object({ approve: Type.Boolean() }),
});
export type ManualValue = Static<typeof ManualValue>;

export const ManualValueParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), id: Uuid }, { additionalProperties: false });
export const ManualDecision = Type.Object({ decision: Codes(['approve', 'reject']) }, { additionalProperties: false });

export const PeriodParams = Type.Object({ period: Type.String({ maxLength: 20 }) }, { additionalProperties: false });
export const SignOffInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const PeriodStatus = Type.Object({
  period: Type.String(),
  from: DateString,
  to: DateString,
  status: Codes(['open', 'ended', 'signed_off']),
  signedOffAt: Nullable(Timestamp),
  signedOffBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type PeriodStatus = Static<typeof PeriodStatus>;
export const PeriodList = Type.Object({ items: Type.Array(PeriodStatus) });

export const ReportSpanQuery = Type.Object({ from: Type.Optional(LooseDate), to: Type.Optional(LooseDate), lang: Type.Optional(Codes(['fr', 'en'])) }, { additionalProperties: false });
export type ReportSpanQuery = Static<typeof ReportSpanQuery>;
export const EutfReportQuery = Type.Object({ period: Type.String({ maxLength: 20 }), lang: Type.Optional(Codes(['fr', 'en'])) }, { additionalProperties: false });
export type EutfReportQuery = Static<typeof EutfReportQuery>;

export const BudgetContractInput = Type.Object(
  { code: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,39}$' }), partner: Type.String({ minLength: 1, maxLength: 40 }), amountEur: Type.Number({ minimum: 0, maximum: 1e11 }), startDate: DateString, endDate: DateString },
  { additionalProperties: false },
);
export type BudgetContractInput = Static<typeof BudgetContractInput>;
export const BudgetContract = Type.Object({ id: Uuid, code: Type.String(), partner: Type.String(), amountEur: Type.Number(), startDate: DateString, endDate: DateString, version: Version });
export const BudgetLineInput = Type.Object(
  { contractId: Uuid, outputCode: Type.String({ minLength: 1, maxLength: 40 }), label: Type.String({ minLength: 1, maxLength: 200 }), amountEur: Type.Number({ minimum: 0, maximum: 1e11 }) },
  { additionalProperties: false },
);
export type BudgetLineInput = Static<typeof BudgetLineInput>;
export const BudgetLine = Type.Object({ id: Uuid, contractId: Uuid, outputCode: Type.String(), label: Type.String(), amountEur: Type.Number() });
export const ExpenditureInput = Type.Object(
  { lineId: Uuid, spentOn: DateString, currency: Codes(['XOF', 'EUR']), amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e13 }), description: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ExpenditureInput = Static<typeof ExpenditureInput>;
export const Expenditure = Type.Object({ id: Uuid, lineId: Uuid, spentOn: DateString, currency: Type.String(), amount: Type.Number(), amountEur: Type.Number(), description: Type.String() });
export const BudgetSummary = Type.Object({
  asOf: DateString,
  totalEur: Type.Number(),
  spentEur: Type.Number(),
  burnRate: Nullable(Type.Number({ description: 'spent / budget, in %' })),
  timeElapsed: Nullable(Type.Number({ description: 'share of the contracts’ duration elapsed, in %' })),
  contracts: Type.Array(Type.Object({ code: Type.String(), partner: Type.String(), amountEur: Type.Number(), spentEur: Type.Number(), burnRate: Nullable(Type.Number()), timeElapsed: Nullable(Type.Number()) })),
  outputs: Type.Array(Type.Object({ outputCode: Type.String(), budgetEur: Type.Number(), spentEur: Type.Number(), beneficiaries: Nullable(Type.Number()), costPerBeneficiaryEur: Nullable(Type.Number()) })),
});
export const BudgetSummaryQuery = Type.Object({ asOf: Type.Optional(LooseDate) }, { additionalProperties: false });
