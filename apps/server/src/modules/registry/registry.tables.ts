// Kysely table types of the people registry (migration 0002).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;

export interface CaseNumberSequenceTable {
  series: string;
  year: number;
  lastValue: Generated<number>;
}

export interface PersonTable {
  id: string;
  caseNumber: string;
  status: Generated<string>;
  mergedIntoId: string | null;
  givenName: string;
  familyName: string;
  otherNames: Generated<string[]>;
  nameArabic: string | null;
  sex: string;
  dateOfBirth: string | null;
  dobPrecision: Generated<string>;
  birthYear: number | null;
  nationality: string;
  birthCountry: string | null;
  birthPlace: string | null;
  languages: Generated<string[]>;
  phones: Generated<string[]>;
  originPcode: string | null;
  nameKey: string;
  familyKey: string;
  givenKey: string;
  organisationId: string;
  siteId: string | null;
  regionPcode: string | null;
  ownerId: string | null;
  registeredOn: string;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface IdentityDocumentTable {
  id: string;
  personId: string;
  type: string;
  number: string | null;
  numberKey: string | null;
  issuingCountry: string | null;
  expiryDate: string | null;
}

export interface PersonPhotoTable {
  personId: string;
  contentType: string;
  data: Buffer;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ConsentTable {
  id: string;
  personId: string;
  kind: string;
  organisationId: string | null;
  method: string;
  givenOn: string;
  withdrawnOn: string | null;
  note: string | null;
  recordedBy: string | null;
  createdAt: Generated<Date>;
}

export interface PersonGroupTable {
  id: string;
  kind: string;
  name: string | null;
  organisationId: string;
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface PersonGroupMemberTable {
  groupId: string;
  personId: string;
  relationship: string;
  isHead: Generated<boolean>;
}

export interface DuplicateCandidateTable {
  id: string;
  firstId: string;
  secondId: string;
  score: number;
  reasons: string[];
  status: Generated<string>;
  detectedAt: Generated<Date>;
  resolvedAt: Timestamp | null;
  resolvedBy: string | null;
}

export interface PersonMergeTable {
  id: string;
  sourceId: string;
  survivorId: string;
  moved: Json;
  mergedAt: Generated<Date>;
  mergedBy: string | null;
  unmergedAt: Timestamp | null;
  unmergedBy: string | null;
}

export interface RegistryTables {
  caseNumberSequences: CaseNumberSequenceTable;
  people: PersonTable;
  identityDocuments: IdentityDocumentTable;
  personPhotos: PersonPhotoTable;
  consents: ConsentTable;
  personGroups: PersonGroupTable;
  personGroupMembers: PersonGroupMemberTable;
  duplicateCandidates: DuplicateCandidateTable;
  personMerges: PersonMergeTable;
}
