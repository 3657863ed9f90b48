// Rules on person input that a JSON schema cannot say: dates, documents, site.
import type { IdentityDocumentInput, PersonInput, PersonPatch } from '@taama/core';
import { Invalid, type FieldErrors } from '../../platform/errors';

/** Today as YYYY-MM-DD in UTC (dates are compared as strings, never as local-time Dates). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD string is a real calendar date (the schema only checks its shape). */
export function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function checkDocuments(documents: readonly IdentityDocumentInput[] | undefined, errors: FieldErrors): void {
  documents?.forEach((doc, i) => {
    if (doc.type !== 'none' && !doc.number) errors[`documents.${i}.number`] = 'is required for this document type';
    if (doc.expiryDate && !isCalendarDate(doc.expiryDate)) errors[`documents.${i}.expiryDate`] = 'must be a real date';
  });
}

/** Throws 400 naming each field that breaks a rule. */
export function validatePerson(input: PersonInput | PersonPatch, today = todayUtc()): void {
  const errors: FieldErrors = {};
  if (input.dateOfBirth) {
    if (!isCalendarDate(input.dateOfBirth)) errors.dateOfBirth = 'must be a real date';
    else if (input.dateOfBirth > today) errors.dateOfBirth = 'must not be in the future';
  }
  if ('registeredOn' in input && input.registeredOn) {
    if (!isCalendarDate(input.registeredOn)) errors.registeredOn = 'must be a real date';
    else if (input.registeredOn > today) errors.registeredOn = 'must not be in the future';
    else if (input.dateOfBirth && input.dateOfBirth > input.registeredOn) errors.dateOfBirth = 'must not be after the registration date';
  }
  if ('consent' in input && input.consent?.givenOn && input.consent.givenOn > today) errors['consent.givenOn'] = 'must not be in the future';
  checkDocuments(input.documents, errors);
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
}

/** A year-only birth date is stored as 1 January of that year with precision `year`. */
export function normaliseBirthDate(dateOfBirth: string | null | undefined, precision: string | undefined): string | null {
  if (!dateOfBirth) return null;
  return precision === 'year' ? `${dateOfBirth.slice(0, 4)}-01-01` : dateOfBirth;
}
