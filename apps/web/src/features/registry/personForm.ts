// The values of the person form (register and edit) and their translation to the API's input.
import type { ConsentMethod, DobPrecision, DocumentType, DuplicateCheckInput, IdentityDocumentInput, Person, PersonInput, PersonPatch, Sex } from '@taama/core';

export interface DocumentRow {
  type: DocumentType;
  number: string;
  issuingCountry: string;
  expiryDate: string;
}

export interface PersonFormValues {
  givenName: string;
  familyName: string;
  otherNames: string[];
  nameArabic: string;
  sex: Sex | '';
  dobPrecision: DobPrecision;
  /** YYYY-MM-DD when the precision is exact. */
  dateOfBirth: string;
  /** The year alone when the precision is `year` or `estimated`. */
  birthYear: string;
  nationality: string;
  birthCountry: string;
  birthPlace: string;
  languages: string[];
  phones: string[];
  originPcode: string;
  documents: DocumentRow[];
}

/** A blank form. */
export function emptyPerson(): PersonFormValues {
  return {
    givenName: '',
    familyName: '',
    otherNames: [],
    nameArabic: '',
    sex: '',
    dobPrecision: 'exact',
    dateOfBirth: '',
    birthYear: '',
    nationality: '',
    birthCountry: '',
    birthPlace: '',
    languages: [],
    phones: [''],
    originPcode: '',
    documents: [],
  };
}

/** A saved person as the form edits it. */
export function personToForm(person: Person): PersonFormValues {
  const dob = person.dateOfBirth ?? '';
  return {
    givenName: person.givenName ?? '',
    familyName: person.familyName ?? '',
    otherNames: [...(person.otherNames ?? [])],
    nameArabic: person.nameArabic ?? '',
    sex: person.sex,
    dobPrecision: person.dobPrecision,
    dateOfBirth: person.dobPrecision === 'exact' ? dob : '',
    birthYear: person.dobPrecision === 'exact' ? '' : dob.slice(0, 4),
    nationality: person.nationality,
    birthCountry: person.birthCountry ?? '',
    birthPlace: person.birthPlace ?? '',
    languages: [...person.languages],
    phones: person.phones?.length ? [...person.phones] : [''],
    originPcode: person.originPcode ?? '',
    documents: (person.documents ?? []).map((d) => ({ type: d.type, number: d.number ?? '', issuingCountry: d.issuingCountry ?? '', expiryDate: d.expiryDate ?? '' })),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The birth date as sent: the exact date, or 1 January of the year given. */
export function birthDate(values: Pick<PersonFormValues, 'dobPrecision' | 'dateOfBirth' | 'birthYear'>): string | null {
  if (values.dobPrecision === 'exact') return text(values.dateOfBirth);
  return /^\d{4}$/.test(values.birthYear.trim()) ? `${values.birthYear.trim()}-01-01` : null;
}

/** The phone numbers typed, spaces removed. */
export function phonesOf(values: Pick<PersonFormValues, 'phones'>): string[] {
  return values.phones.map((p) => p.replace(/[\s.-]/g, '')).filter((p) => p !== '');
}

function documentsOf(values: PersonFormValues): IdentityDocumentInput[] {
  return values.documents.map((d) => ({ type: d.type, number: text(d.number), issuingCountry: text(d.issuingCountry), expiryDate: text(d.expiryDate) }));
}

/** The identity fields shared by creation and edits. */
function identity(values: PersonFormValues) {
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    otherNames: values.otherNames.map((n) => n.trim()).filter(Boolean),
    nameArabic: text(values.nameArabic),
    sex: values.sex === '' ? 'unknown' : values.sex,
    dateOfBirth: birthDate(values),
    dobPrecision: values.dobPrecision,
    nationality: values.nationality,
    birthCountry: text(values.birthCountry),
    birthPlace: text(values.birthPlace),
    languages: values.languages,
    phones: phonesOf(values),
    originPcode: values.nationality === 'MLI' ? text(values.originPcode) : null,
    documents: documentsOf(values),
  } satisfies PersonPatch;
}

/** The registration request, with the registration consent when it was given. */
export function toPersonInput(values: PersonFormValues, consent: { given: boolean; method: ConsentMethod; givenOn: string }): PersonInput {
  return { ...identity(values), ...(consent.given ? { consent: { method: consent.method, givenOn: consent.givenOn } } : {}) };
}

/** Only the fields that changed since the record was loaded (an edit is a patch). */
export function toPersonPatch(before: PersonFormValues, after: PersonFormValues): PersonPatch {
  const a = identity(before);
  const b = identity(after);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) patch[key] = b[key];
  }
  return patch as PersonPatch;
}

/** What the live duplicate check sends, or null while the names are not typed yet. */
export function toDuplicateCheck(values: PersonFormValues): DuplicateCheckInput | null {
  const givenName = values.givenName.trim();
  const familyName = values.familyName.trim();
  if (!givenName || !familyName) return null;
  const dateOfBirth = birthDate(values);
  const phones = phonesOf(values).filter((p) => /^\+[1-9][0-9]{7,14}$/.test(p));
  const documentNumbers = values.documents.map((d) => d.number.trim()).filter(Boolean);
  return {
    givenName,
    familyName,
    ...(values.otherNames.length > 0 ? { otherNames: values.otherNames } : {}),
    ...(values.sex ? { sex: values.sex } : {}),
    ...(dateOfBirth ? { dateOfBirth, dobPrecision: values.dobPrecision } : {}),
    ...(values.nationality ? { nationality: values.nationality } : {}),
    ...(phones.length > 0 ? { phones } : {}),
    ...(documentNumbers.length > 0 ? { documentNumbers } : {}),
  };
}
