// The pure rules of the return screens: workflow buttons, capacity, expiry, ages and refusals in words.
import { describe, expect, it } from 'vitest';
import i18n from '../../app/i18n';
import { ApiError } from '../../api/client';
import { ageOn, awaitsMovement, capacity, expiryState, explainRefusal, fits, monthEnd, transitionButtons } from './logic';
import type { ReturnCase } from './types';

const ABLE = { update: true, transition: true, approveBestInterest: false, addDocument: true, addMedical: true };

function state(overrides: Partial<Pick<ReturnCase, 'status' | 'allowedTransitions' | 'suspendedFrom' | 'abilities'>>) {
  return { status: 'counselled' as const, allowedTransitions: [], suspendedFrom: null, abilities: ABLE, ...overrides };
}

describe('transition buttons', () => {
  it('show the allowed moves first, then suspension, then withdrawal', () => {
    const buttons = transitionButtons(state({ allowedTransitions: ['withdrawn', 'eligible', 'suspended', 'ineligible'] }));
    expect(buttons).toEqual([
      { to: 'eligible', kind: 'move' },
      { to: 'ineligible', kind: 'move' },
      { to: 'suspended', kind: 'suspend' },
      { to: 'withdrawn', kind: 'withdraw' },
    ]);
  });

  it('show nothing to a caller who may not move the case', () => {
    expect(transitionButtons(state({ allowedTransitions: ['eligible'], abilities: { ...ABLE, transition: false } }))).toEqual([]);
  });

  it('leave departure and arrival to the movement', () => {
    const booked = state({ status: 'booked', allowedTransitions: ['departed', 'withdrawn', 'suspended'] });
    expect(transitionButtons(booked).map((b) => b.to)).toEqual(['suspended', 'withdrawn']);
    expect(awaitsMovement(booked)).toBe(true);
    expect(awaitsMovement(state({ allowedTransitions: ['eligible'] }))).toBe(false);
  });

  it('offer to resume a suspended case where it stopped', () => {
    const buttons = transitionButtons(state({ status: 'suspended', suspendedFrom: 'documents_pending', allowedTransitions: ['documents_pending', 'withdrawn'] }));
    expect(buttons).toEqual([
      { to: 'documents_pending', kind: 'resume' },
      { to: 'withdrawn', kind: 'withdraw' },
    ]);
  });
});

describe('capacity', () => {
  it('counts free seats and warns from 90 %', () => {
    expect(capacity(100, 40)).toEqual({ seats: 100, taken: 40, free: 60, percent: 40, level: 'ok' });
    expect(capacity(100, 90).level).toBe('almost');
    expect(capacity(100, 100).level).toBe('full');
    expect(capacity(100, 103)).toMatchObject({ free: -3, percent: 100, level: 'over' });
  });

  it('fits a household only when all its seats are free', () => {
    const c = capacity(10, 7);
    expect(fits(c, 3)).toBe(true);
    expect(fits(c, 4)).toBe(false);
  });
});

describe('expiry', () => {
  it('flags a document expiring within 30 days, and an expired one', () => {
    expect(expiryState('2025-04-30', '2025-04-01')).toBe('soon');
    expect(expiryState('2025-05-01', '2025-04-01')).toBe('soon');
    expect(expiryState('2025-05-02', '2025-04-01')).toBe('valid');
    expect(expiryState('2025-04-01', '2025-04-01')).toBe('expired');
    expect(expiryState('2025-03-01', '2025-04-01')).toBe('expired');
    expect(expiryState(null, '2025-04-01')).toBe('none');
  });
});

describe('age', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn(null, '2026-06-15')).toBeNull();
  });
});

describe('refusals in plain words', () => {
  const t = i18n.getFixedT('fr');

  it('name what is missing before eligibility', () => {
    const error = new ApiError(422, 'validation_failed', 'preconditions not met', {
      'declaration.signedOn': 'the signed voluntary return declaration is required before eligible',
      'declaration.witness': 'the declaration’s witness is required before eligible',
      bestInterest: 'an unaccompanied child needs an approved best-interest determination in favour of return',
    });
    expect(explainRefusal(t, error)).toEqual([
      "Il manque la déclaration de retour volontaire signée, avec sa date et son témoin (onglet Étapes).",
      "Il manque une détermination de l'intérêt supérieur favorable au retour, approuvée par un superviseur (onglet Étapes).",
    ]);
  });

  it('name the due diligence, travel document and medical check before booking', () => {
    const error = new ApiError(422, 'validation_failed', 'x', { dueDiligence: 'a', travelDocuments: 'b', medicalChecks: 'c' });
    const lines = explainRefusal(i18n.getFixedT('en'), error) ?? [];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/due-diligence/);
    expect(lines[1]).toMatch(/travel document/);
    expect(lines[2]).toMatch(/medical check/);
  });

  it('translate a forbidden move with the allowed ones', () => {
    const error = new ApiError(409, 'conflict', 'cannot go from requested to booked; allowed: counselled, withdrawn, suspended', { to: 'not allowed' });
    expect(explainRefusal(t, error)).toEqual(['Le dossier ne peut pas passer de « Demandé » à « Réservé ». Étapes possibles : Conseillé, Retiré, Suspendu.']);
  });

  it('leave other errors to the generic wording', () => {
    expect(explainRefusal(t, new ApiError(412, 'stale', 'x'))).toBeUndefined();
    expect(explainRefusal(t, new Error('boom'))).toBeUndefined();
    expect(explainRefusal(t, new ApiError(409, 'conflict', 'already on movement MV-2025-0001'))).toBeUndefined();
  });
});

describe('month ends', () => {
  it('know leap years and short months', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2025-04')).toBe('2025-04-30');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
  });
});
