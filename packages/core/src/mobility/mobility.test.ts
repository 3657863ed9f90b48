import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RightsReference } from '../schemas/mobility';
import { DEFAULT_RIGHTS_REFERENCE, rightsOn } from './rights';
import { canComplete, meanOf, traineeKey, validateTrainees } from './training';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

describe('rights reference', () => {
  it('the shipped file matches the RightsReference schema', () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const valid = ajv.validate(RightsReference, DEFAULT_RIGHTS_REFERENCE);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
  it('applies the ECOWAS regime to a Malian in Senegal before 2025-01-29', () => {
    const answer = rightsOn('2025-01-28', 'MLI', 'SEN');
    expect(answer.regime).toBe('ecowas');
    expect(answer.rules.map((r) => r.code)).toContain('ecowas_entry_90_days');
    expect(answer.rules.some((r) => r.code.startsWith('aes_'))).toBe(false);
  });
  it('applies the transition regime from 2025-01-29 between an AES state and a remaining member', () => {
    const answer = rightsOn('2025-01-29', 'MLI', 'SEN');
    expect(answer.regime).toBe('aes_transition');
    expect(answer.rules.map((r) => r.code).sort()).toEqual(['aes_transition_recognition', 'aes_withdrawal', 'ecowas_entry_90_days', 'ecowas_right_of_residence']);
    expect(answer.rules.filter((r) => r.code.startsWith('aes_')).every((r) => r.toBeChecked)).toBe(true);
    expect(rightsOn('2025-06-01', 'SEN', 'BFA').regime).toBe('aes_transition');
  });
  it('keeps the ECOWAS regime between remaining members and none inside a country or outside ECOWAS', () => {
    expect(rightsOn('2025-06-01', 'SEN', 'CIV').regime).toBe('ecowas');
    expect(rightsOn('2020-01-01', 'MLI', 'MLI').regime).toBe('none');
    expect(rightsOn('2020-01-01', 'MLI', 'MRT').regime).toBe('none');
    expect(rightsOn('2020-01-01', 'MLI', 'MRT').rules).toEqual([]);
    expect(rightsOn('2025-06-01', 'MLI', 'NER').regime).toBe('none');
  });
  it('shows a supplementary protocol only from its date', () => {
    expect(rightsOn('1985-01-01', 'MLI', 'SEN').rules.map((r) => r.code)).toEqual(['ecowas_entry_90_days']);
    expect(rightsOn('1991-01-01', 'MLI', 'SEN').rules.map((r) => r.code)).toHaveLength(5);
  });
});

describe('training completion', () => {
  it('needs the minimum share of days attended', () => {
    expect(canComplete(4, 5, 0.8)).toBe(true);
    expect(canComplete(3, 5, 0.8)).toBe(false);
    expect(canComplete(3, 3, 0.8)).toBe(true);
  });
  it('names the trainee whose completion lacks attendance, and days above the training', () => {
    expect(validateTrainees([{ daysAttended: 5, completed: true }, { daysAttended: 2, completed: true }, { daysAttended: 1, completed: false }], 5, 0.8)).toEqual({
      'trainees.1.completed': 'needs at least 4 of 5 days attended (80 %)',
    });
    expect(Object.keys(validateTrainees([{ daysAttended: 6, completed: false }], 5, 0.8))).toEqual(['trainees.0.daysAttended']);
  });
  it('keys officials by canonical name and institution', () => {
    expect(traineeKey('Oumar Diallo', 'i1')).toBe(traineeKey('DIALLO Oumar', 'i1'));
    expect(traineeKey('Oumar Diallo', 'i1')).not.toBe(traineeKey('Oumar Diallo', 'i2'));
  });
  it('averages the scores present', () => {
    expect(meanOf([50, null, 70])).toBe(60);
    expect(meanOf([null])).toBeNull();
  });
});
