// API shapes around the flow data: import reports and progress, remembered column mappings, the
// data-quality view, dashboard statistics and open-data publications (SPEC §8).
import { Type, type Static } from 'typebox';
import { Codes, CountryCode, DateString, Timestamp, Uuid } from '../schemas/common';
import { EXPORT_GROUP_BY, FLOW_DIRECTIONS, IMPORT_KINDS, IMPORT_MODES, IMPORT_STATUSES, TREND_INTERVALS } from './codes';
import { FmpId } from './schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

// ── Import ──────────────────────────────────────────────────────────────────────────────────────

export const FieldError = Type.Object({ field: Type.String(), message: Type.String() });
export type FieldError = Static<typeof FieldError>;

export const ImportQuery = Type.Object({ mode: Codes(IMPORT_MODES) }, { additionalProperties: false });
export type ImportQuery = Static<typeof ImportQuery>;

export const RejectedRow = Type.Object({
  row: Type.Integer({ description: 'line number in the file, header = 1 (Excel row number for XLSX)' }),
  errors: Type.Array(FieldError),
});
export type RejectedRow = Static<typeof RejectedRow>;

export const ImportReport = Type.Object({
  importId: Type.String(),
  kind: Codes(IMPORT_KINDS),
  mode: Codes(IMPORT_MODES),
  /** Rows written (dry-run: rows that would be written; all-or-nothing with rejections: 0). */
  imported: Type.Integer(),
  /** Rows whose stable row key was already stored (re-import of the same data). */
  duplicates: Type.Integer(),
  rejected: Type.Array(RejectedRow),
  totalRows: Type.Integer(),
  columns: Type.Object({
    recognised: Type.Record(Type.String(), Type.String()),
    unrecognised: Type.Array(Type.String()),
  }),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportProgress = Type.Object({
  status: Codes(IMPORT_STATUSES),
  rowsRead: Type.Integer(),
  bytesRead: Type.Integer(),
  totalBytes: Nullable(Type.Integer()),
});
export type ImportProgress = Static<typeof ImportProgress>;

export const ImportIdParams = Type.Object({ importId: Type.String({ pattern: '^[0-9a-fA-F-]{36}$' }) }, { additionalProperties: false });
export type ImportIdParams = Static<typeof ImportIdParams>;

export const ImportHistoryItem = Type.Object({
  id: Type.String(),
  kind: Codes(IMPORT_KINDS),
  fileName: Nullable(Type.String()),
  source: Nullable(Type.String()),
  mode: Codes(IMPORT_MODES),
  status: Codes(IMPORT_STATUSES),
  userId: Nullable(Uuid),
  username: Nullable(Type.String()),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  totalRows: Type.Integer(),
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
});
export type ImportHistoryItem = Static<typeof ImportHistoryItem>;
export const ImportHistory = Type.Object({ items: Type.Array(ImportHistoryItem), nextCursor: Nullable(Type.String()) });
export type ImportHistory = Static<typeof ImportHistory>;

/** Source column (header as written in the file) → Taama field name. */
export const ColumnMapping = Type.Record(Type.String({ maxLength: 300 }), Type.String({ maxLength: 100 }));
export type ColumnMapping = Static<typeof ColumnMapping>;

export const FlowMapping = Type.Object({
  source: Type.String(),
  kind: Codes(IMPORT_KINDS),
  mapping: ColumnMapping,
  updatedAt: Timestamp,
});
export type FlowMapping = Static<typeof FlowMapping>;
export const FlowMappingList = Type.Object({ items: Type.Array(FlowMapping) });
export type FlowMappingList = Static<typeof FlowMappingList>;
export const MappingSource = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}$', description: 'name under which a mapping is remembered' });
export const FlowMappingParams = Type.Object({ kind: Codes(IMPORT_KINDS), source: MappingSource }, { additionalProperties: false });
export type FlowMappingParams = Static<typeof FlowMappingParams>;
export const FlowMappingBody = Type.Object({ mapping: ColumnMapping }, { additionalProperties: false });
export type FlowMappingBody = Static<typeof FlowMappingBody>;

export const IMPORT_FIELD_TYPES = ['string', 'integer', 'date', 'time', 'boolean', 'country', 'pcode', 'enum', 'enum_list', 'nationalities'] as const;
export type ImportFieldType = (typeof IMPORT_FIELD_TYPES)[number];

export const ImportField = Type.Object({
  name: Type.String({ description: 'Taama field (camelCase)' }),
  column: Type.String({ description: 'snake_case column name of flow-schemas.md' }),
  type: Codes(IMPORT_FIELD_TYPES),
  required: Type.Boolean(),
  codes: Type.Optional(Type.Array(Type.String())),
  hxl: Nullable(Type.String()),
});
export type ImportField = Static<typeof ImportField>;
export const ImportFieldsQuery = Type.Object({ kind: Codes(IMPORT_KINDS) }, { additionalProperties: false });
export const ImportFieldList = Type.Object({ items: Type.Array(ImportField) });
export type ImportFieldList = Static<typeof ImportFieldList>;

// ── Data quality ────────────────────────────────────────────────────────────────────────────────

export const QualityQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), fmpId: Type.Optional(FmpId) },
  { additionalProperties: false },
);
export type QualityQuery = Static<typeof QualityQuery>;

export const QualityReport = Type.Object({
  rejected: Type.Integer(),
  suspicious: Type.Array(Type.Object({ countId: Type.String(), fmpId: Type.String(), date: Type.String(), rule: Type.String(), detail: Type.String() })),
  missingDays: Type.Array(Type.Object({ fmpId: Type.String(), days: Type.Integer(), dates: Type.Array(Type.String()) })),
  outliers: Type.Array(Type.Object({ countId: Type.String(), fmpId: Type.String(), date: Type.String(), total: Type.Integer(), expectedMax: Type.Number() })),
  duplicateSubmissions: Type.Array(
    Type.Object({ countIds: Type.Array(Type.String()), fmpId: Type.String(), date: Type.String(), enumeratorId: Nullable(Type.String()) }),
  ),
});
export type QualityReport = Static<typeof QualityReport>;

// ── Statistics ──────────────────────────────────────────────────────────────────────────────────

const statsFilters = {
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  fmpId: Type.Optional(FmpId),
  direction: Type.Optional(Codes(FLOW_DIRECTIONS)),
  nationality: Type.Optional(CountryCode),
  status: Type.Optional(Codes(['validated', 'all'] as const, { description: 'validated (default) or all statuses' })),
};
export const FlowStatsQuery = Type.Object(statsFilters, { additionalProperties: false });
export type FlowStatsQuery = Static<typeof FlowStatsQuery>;
export const FlowTrendsQuery = Type.Object({ ...statsFilters, interval: Type.Optional(Codes(TREND_INTERVALS)) }, { additionalProperties: false });
export type FlowTrendsQuery = Static<typeof FlowTrendsQuery>;
export const FlowReasonsQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    fmpId: Type.Optional(FmpId),
    nationality: Type.Optional(CountryCode),
    direction: Type.Optional(Codes(FLOW_DIRECTIONS)),
    status: Type.Optional(Codes(['validated', 'all'] as const)),
    by: Type.Optional(Codes(['nationality', 'region'] as const)),
  },
  { additionalProperties: false },
);
export type FlowReasonsQuery = Static<typeof FlowReasonsQuery>;

export const FlowTrends = Type.Object({ items: Type.Array(Type.Object({ period: Type.String(), direction: Type.String(), total: Type.Integer() })) });
export type FlowTrends = Static<typeof FlowTrends>;
export const FlowOd = Type.Object({ items: Type.Array(Type.Object({ origin: Type.String(), destination: Type.String(), total: Type.Integer() })) });
export type FlowOd = Static<typeof FlowOd>;
export const FlowComposition = Type.Object({
  total: Type.Integer(),
  sexAge: Type.Object({ men: Type.Integer(), women: Type.Integer(), boys: Type.Integer(), girls: Type.Integer(), sexAgeUnknown: Type.Integer() }),
  nationalities: Type.Array(Type.Object({ country: Type.String(), count: Type.Integer() })),
  vulnerable: Type.Object({
    childrenUnder5: Type.Integer(),
    unaccompaniedChildren: Type.Integer(),
    pregnantWomen: Type.Integer(),
    elderly60plus: Type.Integer(),
    personsWithDisability: Type.Integer(),
  }),
});
export type FlowComposition = Static<typeof FlowComposition>;
export const FlowPointStats = Type.Object({
  items: Type.Array(Type.Object({ fmpId: Type.String(), name: Type.String(), lat: Nullable(Type.Number()), lon: Nullable(Type.Number()), total: Type.Integer() })),
});
export type FlowPointStats = Static<typeof FlowPointStats>;
export const FlowRegionStats = Type.Object({ items: Type.Array(Type.Object({ pcode: Type.String(), total: Type.Integer() })) });
export type FlowRegionStats = Static<typeof FlowRegionStats>;
export const FlowReasons = Type.Object({
  items: Type.Array(
    Type.Object({
      group: Type.String(),
      n: Type.Integer(),
      reasons: Type.Array(Type.Object({ reason: Type.String(), count: Nullable(Type.Integer()), percent: Nullable(Type.Number()) })),
    }),
  ),
});
export type FlowReasons = Static<typeof FlowReasons>;

// ── Open data and publication ───────────────────────────────────────────────────────────────────

export const FlowExportQuery = Type.Object(
  {
    groupBy: Type.Optional(Codes(EXPORT_GROUP_BY)),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    fmpId: Type.Optional(FmpId),
    direction: Type.Optional(Codes(FLOW_DIRECTIONS)),
  },
  { additionalProperties: false },
);
export type FlowExportQuery = Static<typeof FlowExportQuery>;

export const PublicationInput = Type.Object(
  {
    groupBy: Codes(EXPORT_GROUP_BY),
    from: DateString,
    to: DateString,
    fmpId: Type.Optional(FmpId),
    direction: Type.Optional(Codes(FLOW_DIRECTIONS)),
  },
  { additionalProperties: false },
);
export type PublicationInput = Static<typeof PublicationInput>;

export const Publication = Type.Object({
  id: Uuid,
  publishedAt: Timestamp,
  publishedBy: Nullable(Type.String({ description: 'username of the publisher' })),
  publishedById: Nullable(Uuid),
  filters: PublicationInput,
  rows: Type.Integer(),
  sha256: Type.String(),
});
export type Publication = Static<typeof Publication>;
export const PublicationList = Type.Object({ items: Type.Array(Publication), nextCursor: Nullable(Type.String()) });
export type PublicationList = Static<typeof PublicationList>;

export const ExportMetadata = Type.Object({
  source: Type.String(),
  period: Type.Object({ from: Nullable(Type.String()), to: Nullable(Type.String()) }),
  groupBy: Codes(EXPORT_GROUP_BY),
  filters: Type.Record(Type.String(), Type.Unknown()),
  method: Type.String(),
  licence: Type.String(),
  suppressionRules: Type.Array(Type.String()),
  generatedAt: Timestamp,
  rows: Type.Integer(),
  suppressedCells: Type.Integer(),
});
export type ExportMetadata = Static<typeof ExportMetadata>;
