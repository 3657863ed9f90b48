import { describe, expect, it } from 'vitest';
import { derivePriority, DEFAULT_PRIORITY_RULES } from './priority';
import { canMove, isReferralOverdue, REFERRAL_TRANSITIONS, TRANSIT_CASE_TRANSITIONS } from './workflow';
import { nightlyOccupancy, occupiesNight } from './occupancy';
import type { VulnerabilityFlag } from './codes';

describe('derivePriority', () => {
  const cases: { name: string; flags: VulnerabilityFlag[]; risk?: number; protective?: number; expected: string }[] = [
    { name: 'no flag, no factor', flags: [], expected: 'low' },
    { name: 'unaccompanied child', flags: ['unaccompanied_child'], expected: 'high' },
    { name: 'trafficking beats a medium flag', flags: ['pregnant', 'victim_of_trafficking'], expected: 'high' },
    { name: 'pregnant woman', flags: ['pregnant'], expected: 'medium' },
    { name: 'three risk factors', flags: [], risk: 3, expected: 'medium' },
    { name: 'three risks offset by one protective factor', flags: [], risk: 3, protective: 1, expected: 'low' },
    { name: 'seven net risks', flags: [], risk: 8, protective: 1, expected: 'high' },
  ];
  const codes = ['no_documents', 'irregular_status', 'no_money', 'health_condition', 'low_literacy', 'prior_exploitation', 'substance_use', 'family_debt'];
  it.each(cases)('$name → $expected', ({ flags, risk = 0, protective = 0, expected }) => {
    const result = derivePriority({
      flags,
      riskFactors: { individual: codes.slice(0, risk) },
      protectiveFactors: { household: ['family_support', 'family_contact', 'remittances_received'].slice(0, protective) },
    });
    expect(result.priority).toBe(expected);
  });

  it('follows configured rules, not constants', () => {
    const rules = { ...DEFAULT_PRIORITY_RULES, high: ['pregnant' as const], medium: [] };
    expect(derivePriority({ flags: ['pregnant'] }, rules)).toEqual({ priority: 'high', because: 'flag:pregnant' });
    expect(derivePriority({ flags: ['unaccompanied_child'] }, rules).priority).toBe('low');
  });
});

describe('workflows', () => {
  it.each([
    ['open', 'active', true],
    ['open', 'referred', false],
    ['active', 'referred', true],
    ['closed', 'active', true],
    ['closed', 'referred', false],
  ] as const)('transit case %s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(TRANSIT_CASE_TRANSITIONS, from, to)).toBe(allowed);
  });

  it.each([
    ['pending', 'accepted', true],
    ['pending', 'completed', false],
    ['accepted', 'completed', true],
    ['declined', 'accepted', false],
    ['completed', 'closed_without_service', false],
  ] as const)('referral %s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(REFERRAL_TRANSITIONS, from, to)).toBe(allowed);
  });

  it('a referral is overdue only while open and past its due date', () => {
    expect(isReferralOverdue({ status: 'pending', dueDate: '2025-01-10' }, '2025-01-11')).toBe(true);
    expect(isReferralOverdue({ status: 'pending', dueDate: '2025-01-11' }, '2025-01-11')).toBe(false);
    expect(isReferralOverdue({ status: 'completed', dueDate: '2025-01-01' }, '2025-01-11')).toBe(false);
    expect(isReferralOverdue({ status: 'accepted', dueDate: null }, '2025-01-11')).toBe(false);
  });
});

describe('occupancy', () => {
  it('counts a stay on the nights between check-in and check-out', () => {
    const stay = { checkIn: '2025-03-01', checkOut: '2025-03-03' };
    expect(['2025-02-28', '2025-03-01', '2025-03-02', '2025-03-03'].map((n) => occupiesNight(stay, n))).toEqual([false, true, true, false]);
    expect(occupiesNight({ checkIn: '2025-03-01', checkOut: null }, '2026-01-01')).toBe(true);
  });

  it('flags nights over capacity', () => {
    const stays = [
      { checkIn: '2025-03-01', checkOut: null },
      { checkIn: '2025-03-02', checkOut: '2025-03-03' },
    ];
    expect(nightlyOccupancy(stays, ['2025-03-01', '2025-03-02', '2025-03-03'], 1)).toEqual([
      { night: '2025-03-01', occupied: 1, overCapacity: false },
      { night: '2025-03-02', occupied: 2, overCapacity: true },
      { night: '2025-03-03', occupied: 1, overCapacity: false },
    ]);
  });
});
