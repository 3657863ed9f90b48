// How person rows leave the server: the summary every list, search and linked record shows.
import type { PersonSummary } from '@taama/core';

/** The columns a person summary needs, from `people as p` left-joined to `sites as psite`. */
export const SUMMARY_COLUMNS = [
  'p.id as personId',
  'p.caseNumber as personCaseNumber',
  'p.status as personStatus',
  'p.givenName as personGivenName',
  'p.familyName as personFamilyName',
  'p.sex as personSex',
  'p.dateOfBirth as personDateOfBirth',
  'p.dobPrecision as personDobPrecision',
  'p.nationality as personNationality',
  'p.siteId as personSiteId',
  'psite.name as personSiteName',
  'p.registeredOn as personRegisteredOn',
] as const;

export interface SummaryRow {
  personId: string;
  personCaseNumber: string;
  personStatus: string;
  personGivenName: string;
  personFamilyName: string;
  personSex: string;
  personDateOfBirth: string | null;
  personDobPrecision: string;
  personNationality: string;
  personSiteId: string | null;
  personSiteName: string | null;
  personRegisteredOn: string;
}

/** Builds the API summary from a row selected with `summaryColumns`. */
export function presentSummary(row: SummaryRow, score?: number): PersonSummary {
  return {
    id: row.personId,
    caseNumber: row.personCaseNumber,
    status: row.personStatus as PersonSummary['status'],
    givenName: row.personGivenName,
    familyName: row.personFamilyName,
    sex: row.personSex as PersonSummary['sex'],
    dateOfBirth: row.personDateOfBirth,
    dobPrecision: row.personDobPrecision as PersonSummary['dobPrecision'],
    nationality: row.personNationality,
    siteId: row.personSiteId,
    siteName: row.personSiteName,
    registeredOn: row.personRegisteredOn,
    ...(score === undefined ? {} : { score }),
  };
}
