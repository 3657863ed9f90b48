// Table types of the flows module, spread into the Database interface (platform/db/schema.ts).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

interface Stamped {
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface FlowCountTable extends Stamped {
  id: string;
  fmpId: string;
  date: string;
  observationWindow: string;
  windowStart: string | null;
  windowEnd: string | null;
  direction: string;
  originCountry: string;
  originPcode: string | null;
  originLocality: string | null;
  previousTransitLocality: string | null;
  nextDestinationCountry: string;
  finalDestinationCountry: string;
  destinationPcode: string | null;
  destinationLocality: string | null;
  transportMode: string;
  movementType: string;
  men: number;
  women: number;
  boys: number;
  girls: number;
  sexAgeUnknown: number;
  total: number;
  childrenUnder5: number;
  unaccompaniedChildren: number | null;
  pregnantWomen: number;
  elderly60plus: number;
  personsWithDisability: number;
  nationalities: Json<{ country: string; count: number }[]>;
  collectionMethod: string;
  enumeratorId: string | null;
  collectionId: string | null;
  status: string;
  validatedBy: string | null;
  validatedAt: NullableTimestamp;
  rejectionReason: string | null;
  organisationId: string;
  importId: string | null;
  rowKey: string | null;
}

export interface FlowSurveyTable extends Stamped {
  id: string;
  fmpId: string;
  date: string;
  enumeratorId: string | null;
  collectionId: string | null;
  consent: boolean;
  alreadySurveyed: Generated<boolean>;
  sex: string | null;
  age: number | null;
  nationality: string | null;
  birthCountry: string | null;
  maritalStatus: string | null;
  education: string | null;
  employmentBefore: string | null;
  occupationSector: string | null;
  departureCountry: string | null;
  departurePcode: string | null;
  departureLocality: string | null;
  timeSinceDeparture: string | null;
  previousAttempt: boolean | null;
  forciblyDisplaced: boolean | null;
  reasons: NullableJson<string[]>;
  lastTransitCountry: string | null;
  lastTransitLocality: string | null;
  transportModes: NullableJson<string[]>;
  travelGroup: string | null;
  groupSize: number | null;
  fundingSources: NullableJson<string[]>;
  nextCountry: string | null;
  finalDestinationCountry: string | null;
  destinationReasons: NullableJson<string[]>;
  plannedStay: string | null;
  intendsReturn: string | null;
  journeyDifficulties: NullableJson<string[]>;
  informationNeeds: NullableJson<string[]>;
  referredTo: NullableJson<string[]>;
  freeText: string | null;
  organisationId: string;
  importId: string | null;
  rowKey: string | null;
}

export interface FlowCollectionTable extends Stamped {
  id: string;
  kind: string;
  name: string;
  method: string;
  startDate: string;
  endDate: string | null;
  coverageText: string;
  coverageFmpIds: Json<string[]>;
  status: string;
  organisationId: string;
}

export interface FlowImportTable {
  id: string;
  kind: string;
  fileName: string | null;
  source: string | null;
  mode: string;
  status: string;
  userId: string | null;
  username: string | null;
  startedAt: Generated<Date>;
  finishedAt: NullableTimestamp;
  totalRows: Generated<number>;
  imported: Generated<number>;
  duplicates: Generated<number>;
  rejected: Generated<number>;
}

export interface FlowMappingTable {
  kind: string;
  source: string;
  mapping: Json<Record<string, string>>;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface FlowPublicationTable {
  id: string;
  publishedAt: Timestamp;
  publishedBy: string | null;
  publishedByUsername: string | null;
  filters: Json<Record<string, unknown>>;
  scope: Json<Record<string, unknown>>;
  rows: number;
  sha256: string;
}

/** The flows tables, keyed as Kysely sees them. */
export interface FlowTables {
  flowCounts: FlowCountTable;
  flowSurveys: FlowSurveyTable;
  flowCollections: FlowCollectionTable;
  flowImports: FlowImportTable;
  flowMappings: FlowMappingTable;
  flowPublications: FlowPublicationTable;
}

// The flows tables join the Database interface, and migration 0003_flows's columns join the
// platform's monitoring points table (declaration merging keeps schema.ts untouched).
declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends FlowTables {}
  interface FlowMonitoringPointTable {
    version: Generated<number>;
    updatedAt: Generated<Date>;
    activePeriods: ColumnType<{ from: string; to: string | null }[] | null, string | null | undefined, string | null>;
  }
}
