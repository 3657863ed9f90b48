// Table types of the free-movement module, merged into the Database interface by module augmentation
// (brought in through awareness.tables.ts, which platform/db/schema.ts imports).
import type { ColumnType, Generated } from 'kysely';

/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

interface Stamped {
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface BorderPostTable extends Stamped {
  id: string;
  name: string;
  pcode: string;
  neighbourCountry: string;
  type: string;
  corridor: string | null;
  lat: number | null;
  lon: number | null;
  organisationId: string;
}

export interface InstitutionTable extends Stamped {
  id: string;
  name: string;
  kind: string;
  countryCode: string;
  parentInstitutionId: string | null;
  organisationId: string;
}

export interface TrainingTable extends Stamped {
  id: string;
  title: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  days: number;
  place: string;
  pcode: string | null;
  borderPostId: string | null;
  organiserOrganisationId: string | null;
  organisationId: string;
}

export interface TrainingTraineeTable {
  id: string;
  trainingId: string;
  name: string;
  sex: string;
  institutionId: string;
  rank: string | null;
  daysAttended: number;
  completed: boolean;
  preScore: number | null;
  postScore: number | null;
  traineeKey: string;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface EquipmentHandoverTable extends Stamped {
  id: string;
  type: string;
  quantity: number;
  valueXof: number;
  recipientInstitutionId: string;
  borderPostId: string | null;
  handedOverOn: string;
  organisationId: string;
}

export interface MobilityIncidentTable extends Stamped {
  id: string;
  occurredOn: string;
  borderPostId: string | null;
  placeName: string | null;
  placePcode: string | null;
  corridor: string;
  agency: string;
  types: Json<string[]>;
  amountDemandedXof: number | null;
  documentsPresented: Json<string[]>;
  victimNationality: string | null;
  victimSex: string | null;
  victimsCount: number;
  reporterAnonymous: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  followUp: string | null;
  description: string | null;
  organisationId: string;
}

export interface MobilityTables {
  borderPosts: BorderPostTable;
  institutions: InstitutionTable;
  trainings: TrainingTable;
  trainingTrainees: TrainingTraineeTable;
  equipmentHandovers: EquipmentHandoverTable;
  mobilityIncidents: MobilityIncidentTable;
}

declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends MobilityTables {}
}
