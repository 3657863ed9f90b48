import { describe, expect, it } from 'vitest';
import { RETURN_STATUSES, type ReturnStatus } from './codes';
import { allowedTransitions, checkPreconditions, DEFAULT_RETURN_TRANSITIONS, isOpenReturnStatus, manualTransitions, validateTransitionMap, type ReturnCaseFacts } from './workflow';

// The full expected machine, written out independently of DEFAULT_RETURN_TRANSITIONS.
const EXPECTED: Record<ReturnStatus, ReturnStatus[]> = {
  requested: ['counselled', 'withdrawn', 'suspended'],
  counselled: ['eligible', 'ineligible', 'withdrawn', 'suspended'],
  ineligible: ['counselled', 'closed', 'withdrawn', 'suspended'],
  eligible: ['documents_pending', 'withdrawn', 'suspended'],
  documents_pending: ['documents_ready', 'withdrawn', 'suspended'],
  documents_ready: ['medical_pending', 'withdrawn', 'suspended'],
  medical_pending: ['fit_to_travel', 'fit_with_escort', 'unfit', 'withdrawn', 'suspended'],
  unfit: ['medical_pending', 'withdrawn', 'suspended'],
  fit_to_travel: ['booked', 'withdrawn', 'suspended'],
  fit_with_escort: ['booked', 'withdrawn', 'suspended'],
  booked: ['departed', 'withdrawn', 'suspended'],
  departed: ['arrived', 'withdrawn', 'suspended'],
  arrived: ['closed', 'withdrawn', 'suspended'],
  closed: [],
  withdrawn: [],
  suspended: ['counselled', 'withdrawn'],
};

describe('return case transitions', () => {
  const pairs = RETURN_STATUSES.flatMap((from) => RETURN_STATUSES.map((to) => ({ from, to, allowed: EXPECTED[from].includes(to) })));
  it.each(pairs)('$from → $to allowed: $allowed', ({ from, to, allowed }) => {
    const suspendedFrom = from === 'suspended' ? 'counselled' : null;
    expect(allowedTransitions(from, suspendedFrom).includes(to)).toBe(allowed);
  });

  it('lists exactly the expected statuses, in order', () => {
    for (const from of RETURN_STATUSES) expect(allowedTransitions(from, from === 'suspended' ? 'counselled' : null)).toEqual(EXPECTED[from]);
  });

  it('a suspended case goes back only where it came from', () => {
    expect(allowedTransitions('suspended', 'booked')).toEqual(['booked', 'withdrawn']);
    expect(allowedTransitions('suspended', null)).toEqual(['withdrawn']);
  });

  it('departed and arrived are not manual transitions', () => {
    expect(manualTransitions('booked', null)).toEqual(['withdrawn', 'suspended']);
    expect(manualTransitions('departed', null)).toEqual(['withdrawn', 'suspended']);
    expect(manualTransitions('suspended', 'departed')).toEqual(['withdrawn']);
    expect(manualTransitions('arrived', null)).toEqual(['closed', 'withdrawn', 'suspended']);
  });

  it('follows a configured map', () => {
    const map = { ...DEFAULT_RETURN_TRANSITIONS, requested: ['eligible', 'counselled'] as ReturnStatus[] };
    expect(allowedTransitions('requested', null, map)).toEqual(['eligible', 'counselled', 'withdrawn', 'suspended']);
    expect(allowedTransitions('closed', null, { closed: ['requested'] })).toEqual([]);
  });

  it('open means neither closed nor withdrawn', () => {
    expect(RETURN_STATUSES.filter((s) => !isOpenReturnStatus(s))).toEqual(['closed', 'withdrawn']);
  });

  it('validates a configured map', () => {
    expect(validateTransitionMap({ requested: ['counselled'] }, RETURN_STATUSES)).toEqual([]);
    expect(validateTransitionMap({ nope: ['counselled'] }, RETURN_STATUSES)).toEqual(['unknown status nope']);
    expect(validateTransitionMap({ requested: ['x'] }, RETURN_STATUSES)).toEqual(['requested: must list known statuses']);
    expect(validateTransitionMap([], RETURN_STATUSES)).toHaveLength(1);
  });
});

describe('return case preconditions', () => {
  const ready: ReturnCaseFacts = {
    direction: 'inbound',
    destinationPcode: 'ML0101',
    unaccompaniedChild: false,
    declaration: { signedOn: '2025-01-02', witness: 'A. Diallo' },
    bestInterest: null,
    dueDiligence: { outcome: 'cleared' },
    latestMedical: { outcome: 'fit_to_travel' },
    travelDocuments: [{ status: 'issued', expiresOn: '2025-06-01' }],
    today: '2025-03-01',
  };
  const fields = (facts: Partial<ReturnCaseFacts>, to: ReturnStatus) => checkPreconditions({ ...ready, ...facts }, to).map((f) => f.field);

  it.each([
    { name: 'all facts present → eligible', facts: {}, to: 'eligible', expected: [] },
    { name: 'no declaration', facts: { declaration: null }, to: 'eligible', expected: ['declaration.signedOn', 'declaration.witness'] },
    { name: 'declaration without witness', facts: { declaration: { signedOn: '2025-01-02', witness: null } }, to: 'eligible', expected: ['declaration.witness'] },
    { name: 'unaccompanied child without BID', facts: { unaccompaniedChild: true }, to: 'eligible', expected: ['bestInterest'] },
    {
      name: 'unaccompanied child, BID not approved',
      facts: { unaccompaniedChild: true, bestInterest: { outcome: 'return_in_best_interest', approvedAt: null } },
      to: 'eligible',
      expected: ['bestInterest'],
    },
    {
      name: 'unaccompanied child, BID against return',
      facts: { unaccompaniedChild: true, bestInterest: { outcome: 'not_in_best_interest', approvedAt: '2025-01-03T00:00:00Z' } },
      to: 'eligible',
      expected: ['bestInterest'],
    },
    {
      name: 'unaccompanied child, approved BID',
      facts: { unaccompaniedChild: true, bestInterest: { outcome: 'return_in_best_interest', approvedAt: '2025-01-03T00:00:00Z' } },
      to: 'eligible',
      expected: [],
    },
    { name: 'fit_to_travel with matching check', facts: {}, to: 'fit_to_travel', expected: [] },
    { name: 'fit_with_escort with a fit check', facts: {}, to: 'fit_with_escort', expected: ['medicalChecks'] },
    { name: 'unfit without any check', facts: { latestMedical: null }, to: 'unfit', expected: ['medicalChecks'] },
    { name: 'unfit with an unfit check', facts: { latestMedical: { outcome: 'unfit' } }, to: 'unfit', expected: [] },
    { name: 'booked, everything in order', facts: {}, to: 'booked', expected: [] },
    { name: 'booked with escort', facts: { latestMedical: { outcome: 'fit_with_escort' } }, to: 'booked', expected: [] },
    { name: 'booked, due diligence missing', facts: { dueDiligence: null }, to: 'booked', expected: ['dueDiligence'] },
    { name: 'booked, due diligence concerns', facts: { dueDiligence: { outcome: 'concerns' } }, to: 'booked', expected: ['dueDiligence'] },
    { name: 'booked, document expires today', facts: { travelDocuments: [{ status: 'issued', expiresOn: '2025-03-01' }] }, to: 'booked', expected: ['travelDocuments'] },
    { name: 'booked, document only requested', facts: { travelDocuments: [{ status: 'requested', expiresOn: null }] }, to: 'booked', expected: ['travelDocuments'] },
    { name: 'booked, latest medical unfit', facts: { latestMedical: { outcome: 'unfit' } }, to: 'booked', expected: ['medicalChecks'] },
    { name: 'booked inbound without P-code', facts: { destinationPcode: null }, to: 'booked', expected: ['destinationPcode'] },
    { name: 'booked outbound without P-code', facts: { destinationPcode: null, direction: 'outbound' as const }, to: 'booked', expected: [] },
    { name: 'no rule for counselled', facts: { declaration: null, latestMedical: null }, to: 'counselled', expected: [] },
  ] as { name: string; facts: Partial<ReturnCaseFacts>; to: ReturnStatus; expected: string[] }[])('$name', ({ facts, to, expected }) => {
    expect(fields(facts, to)).toEqual(expected);
  });
});
