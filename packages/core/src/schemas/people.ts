// The people registry's API shapes (SPEC §4, §13), shared by the server routes and the web forms.
import { Type, type Static } from 'typebox';
import { CONSENT_KINDS, CONSENT_METHODS, DOB_PRECISIONS, DOCUMENT_TYPES, GROUP_KINDS, PERSON_STATUSES, RELATIONSHIPS, SEXES } from '../registry/codes';
import { DUPLICATE_REASONS } from '../registry/duplicates';
import { Codes, CountryCode, DateString, Nullable, Page, PageQuery, Pcode, RecordStamp, Timestamp, Uuid, sensitive } from './common';

const Name = Type.String({ minLength: 1, maxLength: 100 });

/** A phone number in E.164 form: +, country code, subscriber number, 8 to 15 digits in all. */
export const E164 = Type.String({ pattern: '^\\+[1-9][0-9]{7,14}$', description: 'E.164 phone number, e.g. +22376123456' });

export const IdentityDocumentInput = Type.Object(
  {
    type: Codes(DOCUMENT_TYPES),
    number: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
    issuingCountry: Type.Optional(Nullable(CountryCode)),
    expiryDate: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type IdentityDocumentInput = Static<typeof IdentityDocumentInput>;

const personFields = {
  givenName: Name,
  familyName: Name,
  otherNames: Type.Optional(Type.Array(Name, { maxItems: 10, description: 'aliases and other spellings' })),
  nameArabic: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  sex: Codes(SEXES),
  dateOfBirth: Type.Optional(Nullable(DateString)),
  dobPrecision: Type.Optional(Codes(DOB_PRECISIONS)),
  nationality: CountryCode,
  birthCountry: Type.Optional(Nullable(CountryCode)),
  birthPlace: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{3}$|^other$' }), { maxItems: 10 })),
  phones: Type.Optional(Type.Array(E164, { maxItems: 5 })),
  originPcode: Type.Optional(Nullable(Pcode)),
  documents: Type.Optional(Type.Array(IdentityDocumentInput, { maxItems: 10 })),
};

export const PersonInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    ...personFields,
    phone: Type.Optional(E164),
    siteId: Type.Optional(Uuid),
    registeredOn: Type.Optional(DateString),
    consent: Type.Optional(Type.Object({ method: Codes(CONSENT_METHODS), givenOn: Type.Optional(DateString) }, { additionalProperties: false })),
  },
  { additionalProperties: false, description: 'A person to register; `phone` is a shorthand for one entry of `phones`.' },
);
export type PersonInput = Static<typeof PersonInput>;

export const PersonPatch = Type.Partial(Type.Object(personFields), { additionalProperties: false, minProperties: 1 });
export type PersonPatch = Static<typeof PersonPatch>;

export const IdentityDocument = Type.Object({
  id: Uuid,
  type: Codes(DOCUMENT_TYPES),
  number: Nullable(Type.String()),
  issuingCountry: Nullable(Type.String()),
  expiryDate: Nullable(Type.String()),
});

export const Consent = Type.Object({
  id: Uuid,
  personId: Uuid,
  kind: Codes(CONSENT_KINDS),
  organisationId: Nullable(Uuid),
  organisationName: Nullable(Type.String()),
  method: Codes(CONSENT_METHODS),
  givenOn: Type.String(),
  recordedBy: Nullable(Type.String()),
  withdrawnOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Consent = Static<typeof Consent>;

export const ConsentInput = Type.Object(
  {
    kind: Codes(CONSENT_KINDS),
    organisationId: Type.Optional(Uuid),
    method: Codes(CONSENT_METHODS),
    givenOn: DateString,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ConsentInput = Static<typeof ConsentInput>;

export const ConsentWithdrawal = Type.Object({ withdrawnOn: DateString, note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export type ConsentWithdrawal = Static<typeof ConsentWithdrawal>;

export const GroupMember = Type.Object({
  personId: Uuid,
  caseNumber: Type.String(),
  displayName: Type.String(),
  relationship: Codes(RELATIONSHIPS),
  isHead: Type.Boolean(),
});

export const Group = Type.Object({
  id: Uuid,
  kind: Codes(GROUP_KINDS),
  name: Nullable(Type.String()),
  members: Type.Array(GroupMember),
  version: Type.Integer(),
});
export type Group = Static<typeof Group>;

export const GroupMemberInput = Type.Object(
  { personId: Uuid, relationship: Codes(RELATIONSHIPS), isHead: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type GroupMemberInput = Static<typeof GroupMemberInput>;

export const GroupInput = Type.Object(
  { kind: Codes(GROUP_KINDS), name: Type.Optional(Type.String({ maxLength: 200 })), members: Type.Array(GroupMemberInput, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type GroupInput = Static<typeof GroupInput>;

/** What the registry says about a person; personal fields are omitted for roles below `personal`. */
export const Person = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Codes(PERSON_STATUSES),
  mergedIntoId: Nullable(Uuid),
  givenName: sensitive('personal', Type.String()),
  familyName: sensitive('personal', Type.String()),
  otherNames: sensitive('personal', Type.Array(Type.String())),
  nameArabic: sensitive('personal', Nullable(Type.String())),
  sex: Codes(SEXES),
  dateOfBirth: sensitive('personal', Nullable(Type.String())),
  dobPrecision: Codes(DOB_PRECISIONS),
  birthYear: Nullable(Type.Integer()),
  ageGroup: Nullable(Type.Union([Type.Literal('child'), Type.Literal('adult')])),
  nationality: Type.String(),
  birthCountry: Nullable(Type.String()),
  birthPlace: sensitive('personal', Nullable(Type.String())),
  languages: Type.Array(Type.String()),
  phones: sensitive('personal', Type.Array(Type.String())),
  originPcode: Nullable(Type.String()),
  documents: sensitive('personal', Type.Array(IdentityDocument)),
  hasPhoto: Type.Boolean(),
  consents: Type.Array(Consent),
  groups: Type.Array(Group),
  organisationId: Uuid,
  siteId: Nullable(Uuid),
  siteName: Nullable(Type.String()),
  registeredOn: Type.String(),
  abilities: Type.Object({ update: Type.Boolean(), merge: Type.Boolean(), openTransitCase: Type.Boolean(), viewPhoto: Type.Boolean() }),
  ...RecordStamp,
});
export type Person = Static<typeof Person>;

/** One row of a people list or search result. */
export const PersonSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Codes(PERSON_STATUSES),
  givenName: sensitive('personal', Type.String()),
  familyName: sensitive('personal', Type.String()),
  sex: Codes(SEXES),
  dateOfBirth: sensitive('personal', Nullable(Type.String())),
  dobPrecision: Codes(DOB_PRECISIONS),
  nationality: Type.String(),
  siteId: Nullable(Uuid),
  siteName: Nullable(Type.String()),
  registeredOn: Type.String(),
  score: Type.Optional(Type.Number({ description: 'search rank in [0, 1] when searched with q' })),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const PossibleDuplicate = Type.Object({
  id: Uuid,
  score: Type.Number(),
  reasons: Type.Array(Codes(DUPLICATE_REASONS)),
  person: PersonSummary,
});
export type PossibleDuplicate = Static<typeof PossibleDuplicate>;

export const PersonCreated = Type.Object({ ...Person.properties, possibleDuplicates: Type.Array(PossibleDuplicate) });
export type PersonCreated = Static<typeof PersonCreated>;

export const DuplicateCheckInput = Type.Object(
  {
    givenName: Name,
    familyName: Name,
    otherNames: personFields.otherNames,
    sex: Type.Optional(Codes(SEXES)),
    dateOfBirth: Type.Optional(Nullable(DateString)),
    dobPrecision: Type.Optional(Codes(DOB_PRECISIONS)),
    nationality: Type.Optional(CountryCode),
    phones: personFields.phones,
    documentNumbers: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
  },
  { additionalProperties: false, description: 'A record being typed, checked for duplicates before it is saved' },
);
export type DuplicateCheckInput = Static<typeof DuplicateCheckInput>;

export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'name, case number, phone or document number' })),
    nationality: Type.Optional(CountryCode),
    sex: Type.Optional(Codes(SEXES)),
    siteId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const PeoplePage = Page(PersonSummary);

export const MergeInput = Type.Object({ intoId: Uuid }, { additionalProperties: false, description: 'the surviving record' });
export type MergeInput = Static<typeof MergeInput>;

/** A pair waiting in the duplicate review queue. */
export const DuplicatePair = Type.Object({
  id: Uuid,
  score: Type.Number(),
  reasons: Type.Array(Codes(DUPLICATE_REASONS)),
  detectedAt: Timestamp,
  first: PersonSummary,
  second: PersonSummary,
});
export type DuplicatePair = Static<typeof DuplicatePair>;

export const Merge = Type.Object({
  id: Uuid,
  sourceId: Uuid,
  survivorId: Uuid,
  mergedAt: Timestamp,
  mergedBy: Nullable(Type.String()),
  unmergedAt: Nullable(Timestamp),
  moved: Type.Record(Type.String(), Type.Integer(), { description: 'linked records moved, by kind' }),
});
export type Merge = Static<typeof Merge>;

export const TIMELINE_KINDS = ['registered', 'updated', 'consent', 'consent_withdrawn', 'transit_case_opened', 'transit_case_status', 'screening', 'service', 'referral', 'stay_in', 'stay_out', 'note', 'task', 'merged', 'unmerged'] as const;

export const TimelineEntry = Type.Object({
  at: Type.String({ description: 'date or timestamp of the event' }),
  kind: Codes(TIMELINE_KINDS),
  recordId: Nullable(Uuid),
  summary: Type.Record(Type.String(), Type.Unknown(), { description: 'codes and values; the UI words them' }),
  by: Nullable(Type.String()),
});
export type TimelineEntry = Static<typeof TimelineEntry>;
