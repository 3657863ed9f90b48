// The rights reference shows the rules in force on the chosen date: the ECOWAS protocols before the
// withdrawal of Mali, Burkina Faso and Niger took effect (2025-01-29), the transitional regime with
// its "to be checked" mark from that date. Answers come from core's shipped reference (the server's data).
import { describe, expect, it } from 'vitest';
import { rightsOn } from '@taama/core';
import { concernsAesChange, dayBefore, rightsView } from './rightsView';

describe('rights view', () => {
  it('shows the ECOWAS regime for a Malian in Senegal the day before the withdrawal', () => {
    const view = rightsView(rightsOn(dayBefore('2025-01-29'), 'MLI', 'SEN'), 'fr');
    expect(view.regime).toBe('ecowas');
    expect(view.rules.map((r) => r.code)).toContain('ecowas_entry_90_days');
    expect(view.rules.some((r) => r.code.startsWith('aes_'))).toBe(false);
    // Oldest first: the 1979 protocol leads.
    expect(view.rules[0]?.validFrom.startsWith('1979')).toBe(true);
  });

  it('shows the transitional regime from 2025-01-29, marked to be checked, in the chosen language', () => {
    const fr = rightsView(rightsOn('2025-01-29', 'MLI', 'SEN'), 'fr');
    const en = rightsView(rightsOn('2025-01-29', 'MLI', 'SEN'), 'en');
    expect(fr.regime).toBe('aes_transition');
    expect(fr.rules.map((r) => r.code)).toEqual(expect.arrayContaining(['aes_withdrawal', 'aes_transition_recognition', 'ecowas_entry_90_days']));
    expect(fr.anyToCheck).toBe(true);
    expect(fr.rules.find((r) => r.code === 'aes_withdrawal')?.toBeChecked).toBe(true);
    expect(fr.notice).not.toBe(en.notice);
    expect(en.notice).toContain('2025');
  });

  it('keeps two remaining members under ECOWAS rules after the change, and no regime at home', () => {
    expect(rightsView(rightsOn('2025-06-01', 'SEN', 'CIV'), 'en').regime).toBe('ecowas');
    expect(rightsView(rightsOn('2025-06-01', 'MLI', 'MLI'), 'en').rules).toEqual([]);
  });

  it('knows which pairs the dated change concerns', () => {
    expect(concernsAesChange('NER', 'SEN')).toBe(true);
    expect(concernsAesChange('SEN', 'BFA')).toBe(true);
    expect(concernsAesChange('SEN', 'CIV')).toBe(false);
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  });
});
