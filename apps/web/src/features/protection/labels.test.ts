// Every registry and protection code has a label in French and in English, so no screen shows a raw code.
import { describe, expect, it } from 'vitest';
import {
  CLOSURE_REASONS, CONSENT_KINDS, CONSENT_METHODS, DOB_PRECISIONS, DOCUMENT_TYPES, DUPLICATE_REASONS, FACTOR_LEVELS, GROUP_KINDS, LANGUAGE_CODES, PERSON_STATUSES,
  PRIORITIES, PROTECTIVE_FACTORS, REFERRAL_KINDS, REFERRAL_SERVICES, REFERRAL_STATUSES, RELATIONSHIPS, RISK_FACTORS, SERVICE_TYPES, SEXES, TASK_KINDS, TASK_STATUSES,
  TIMELINE_KINDS, TRANSIT_CASE_STATUSES, VULNERABILITY_FLAGS,
} from '@taama/core';
import { resources } from '../../app/locales';

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const codes = (group: string, list: readonly string[]) => list.map((code) => `codes.${group}.${code}`);

describe('registry and protection labels', () => {
  it('name every code in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const registry = new Set(keys(resources[lang].registry));
      const expectedRegistry = [
        ...codes('sex', SEXES), ...codes('dobPrecision', DOB_PRECISIONS), ...codes('documentType', DOCUMENT_TYPES), ...codes('consentKind', CONSENT_KINDS),
        ...codes('consentMethod', CONSENT_METHODS), ...codes('groupKind', GROUP_KINDS), ...codes('relationship', RELATIONSHIPS), ...codes('personStatus', PERSON_STATUSES),
        ...codes('language', LANGUAGE_CODES), ...codes('duplicateReason', DUPLICATE_REASONS), ...TIMELINE_KINDS.map((k) => `timeline.kinds.${k}`),
      ];
      expect(expectedRegistry.filter((key) => !registry.has(key)), lang).toEqual([]);

      const protection = new Set(keys(resources[lang].protection));
      const expectedProtection = [
        ...codes('flag', VULNERABILITY_FLAGS), ...codes('level', FACTOR_LEVELS), ...codes('priority', PRIORITIES), ...codes('serviceType', SERVICE_TYPES),
        ...codes('caseStatus', TRANSIT_CASE_STATUSES), ...codes('closureReason', CLOSURE_REASONS), ...codes('referralKind', REFERRAL_KINDS),
        ...codes('referralService', REFERRAL_SERVICES), ...codes('referralStatus', REFERRAL_STATUSES), ...codes('taskKind', TASK_KINDS), ...codes('taskStatus', TASK_STATUSES),
        ...FACTOR_LEVELS.flatMap((level) => [...codes('riskFactor', RISK_FACTORS[level]), ...codes('protectiveFactor', PROTECTIVE_FACTORS[level])]),
        ...TRANSIT_CASE_STATUSES.map((s) => `case.moveTo.${s}`),
      ];
      expect(expectedProtection.filter((key) => !protection.has(key)), lang).toEqual([]);
    }
  });
});
