// Every code of the flows module's lists has a French and an English label, and every field a
// flow count has (the import and the forms name fields by these labels).
import { describe, expect, it } from 'vitest';
import * as core from '@taama/core';
import { resources } from '../../app/locales';

const GROUPS: Record<string, readonly string[]> = {
  direction: core.FLOW_DIRECTIONS,
  observationWindow: core.OBSERVATION_WINDOWS,
  transportMode: core.TRANSPORT_MODES,
  movementType: core.MOVEMENT_TYPES,
  collectionMethod: core.COLLECTION_METHODS,
  status: core.FLOW_COUNT_STATUSES,
  fmpType: core.FMP_TYPES,
  collectionKind: core.COLLECTION_KINDS,
  collectionStatus: core.COLLECTION_STATUSES,
  collectionExerciseMethod: core.COLLECTION_EXERCISE_METHODS,
  surveySex: core.SURVEY_SEXES,
  maritalStatus: core.MARITAL_STATUSES,
  education: core.EDUCATION_LEVELS,
  employmentBefore: core.EMPLOYMENT_STATUSES,
  occupationSector: core.OCCUPATION_SECTORS,
  timeSinceDeparture: core.TIME_SINCE_DEPARTURE,
  reason: core.MIGRATION_REASONS,
  travelGroup: core.TRAVEL_GROUPS,
  fundingSource: core.FUNDING_SOURCES,
  destinationReason: core.DESTINATION_REASONS,
  plannedStay: core.PLANNED_STAYS,
  intendsReturn: core.RETURN_INTENTIONS,
  journeyDifficulty: core.JOURNEY_DIFFICULTIES,
  informationNeed: core.INFORMATION_NEEDS,
  referral: core.REFERRALS,
};

describe('flows labels', () => {
  it('label every code of every flows list in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const enums = resources[lang].flows.enums as Record<string, Record<string, string>>;
      const missing = Object.entries(GROUPS).flatMap(([group, codes]) => codes.filter((code) => !enums[group]?.[code]).map((code) => `${group}.${code}`));
      expect(missing, lang).toEqual([]);
    }
  });

  it('label every count field', () => {
    for (const lang of ['fr', 'en'] as const) {
      const fields = resources[lang].flows.fields as Record<string, string>;
      const expected = [...core.SEX_AGE_FIELDS, ...core.VULNERABILITY_FIELDS, 'total', 'fmpId', 'date', 'direction', 'originCountry', 'finalDestinationCountry'];
      expect(expected.filter((f) => !fields[f]), lang).toEqual([]);
    }
  });
});
