import { describe, expect, it } from 'vitest';
import { ageBand, canTransition, pointActiveOn, stripEndedSurvey, validateFlowCount, validateFlowSurvey, type FlowRuleContext } from './rules';
import type { FlowCountInput, FlowSurveyInput } from './schemas';

const base: FlowCountInput = {
  fmpId: 'ML-FMP-06',
  date: '2021-03-10',
  observationWindow: 'full_day',
  direction: 'outgoing',
  originCountry: 'MLI',
  nextDestinationCountry: 'NER',
  finalDestinationCountry: 'DZA',
  transportMode: 'bus',
  movementType: 'economic_long_term',
  men: 10,
  women: 4,
  boys: 3,
  girls: 2,
  sexAgeUnknown: 1,
  total: 20,
  childrenUnder5: 2,
  unaccompaniedChildren: 1,
  pregnantWomen: 1,
  elderly60plus: 2,
  personsWithDisability: 1,
  nationalities: [{ country: 'MLI', count: 12 }, { country: 'GIN', count: 5 }],
  collectionMethod: 'direct_observation',
};
const ctx: FlowRuleContext = { today: '2021-12-31', point: { activePeriods: [{ from: '2016-07-01', to: null }] }, pcodeExists: (p) => ['ML07', 'ML0701', 'ML01'].includes(p) };

describe('validateFlowCount', () => {
  it('accepts a consistent record', () => {
    expect(validateFlowCount(base, ctx)).toEqual([]);
  });

  it.each<[string, Partial<FlowCountInput>, Partial<FlowRuleContext>, string, RegExp]>([
    ['total ≠ Σ sex/age', { total: 21 }, {}, 'total', /must equal .* \(20\)/],
    ['total below Σ', { men: 11 }, {}, 'total', /\(21\), not 20/],
    ['under-5 above children', { childrenUnder5: 6 }, {}, 'childrenUnder5', /boys \+ girls \(5\)/],
    ['unaccompanied above children', { unaccompaniedChildren: 6 }, {}, 'unaccompaniedChildren', /boys \+ girls/],
    ['pregnant above women', { pregnantWomen: 5 }, {}, 'pregnantWomen', /women \(4\)/],
    ['elderly above adults', { elderly60plus: 15 }, {}, 'elderly60plus', /men \+ women \(14\)/],
    ['disability above total', { personsWithDisability: 21 }, {}, 'personsWithDisability', /total \(20\)/],
    ['nationalities above total', { nationalities: [{ country: 'MLI', count: 15 }, { country: 'GIN', count: 6 }] }, {}, 'nationalities', /add up to 21/],
    ['nationality twice', { nationalities: [{ country: 'MLI', count: 1 }, { country: 'MLI', count: 1 }] }, {}, 'nationalities', /more than once/],
    ['date in the future', { date: '2022-01-01' }, {}, 'date', /future/],
    ['unknown point', {}, { point: null }, 'fmpId', /not a known flow monitoring point/],
    ['point closed on that date', {}, { point: { activePeriods: [{ from: '2016-07-01', to: '2020-12-31' }] } }, 'date', /not active on 2021-03-10/],
    ['custom window without times', { observationWindow: 'custom' }, {}, 'windowStart', /required/],
    ['custom window reversed', { observationWindow: 'custom', windowStart: '14:00', windowEnd: '09:00' }, {}, 'windowEnd', /after windowStart/],
    ['origin P-code abroad', { originCountry: 'NER', originPcode: 'ML07' }, {}, 'originPcode', /Mali only/],
    ['unknown origin P-code', { originPcode: 'ML99' }, {}, 'originPcode', /not a known P-code/],
    ['destination P-code not in Mali', { destinationPcode: 'NE01' }, { }, 'destinationPcode', /Mali only/],
  ])('%s', (_name, patch, context, field, message) => {
    const errors = validateFlowCount({ ...base, ...patch }, { ...ctx, ...context });
    const hit = errors.find((e) => e.field === field);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('null unaccompanied children means "not assessed" and passes', () => {
    expect(validateFlowCount({ ...base, unaccompaniedChildren: null }, ctx)).toEqual([]);
  });

  it('nationalities may leave a remainder (unknown) below the total', () => {
    expect(validateFlowCount({ ...base, nationalities: [{ country: 'OOO', count: 20 }] }, ctx)).toEqual([]);
  });
});

describe('active periods and transitions', () => {
  it.each([
    ['2016-06-30', false],
    ['2016-07-01', true],
    ['2019-05-01', true],
    ['2019-06-01', false],
    ['2020-01-01', true],
  ])('%s active: %s', (date, active) => {
    expect(pointActiveOn([{ from: '2016-07-01', to: '2019-05-31' }, { from: '2020-01-01', to: null }], date)).toBe(active);
  });

  it.each([
    ['draft', 'submitted', true],
    ['draft', 'validated', false],
    ['submitted', 'validated', true],
    ['submitted', 'rejected', true],
    ['rejected', 'submitted', true],
    ['validated', 'rejected', false],
    ['validated', 'submitted', false],
  ])('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });
});

const survey: FlowSurveyInput = {
  fmpId: 'ML-FMP-06',
  date: '2021-03-10',
  consent: true,
  sex: 'male',
  age: 24,
  nationality: 'GIN',
  birthCountry: 'GIN',
  maritalStatus: 'single',
  education: 'primary',
  employmentBefore: 'unemployed_seeking',
  departureCountry: 'GIN',
  timeSinceDeparture: '2w_3m',
  previousAttempt: false,
  forciblyDisplaced: false,
  reasons: ['economic'],
  transportModes: ['bus'],
  travelGroup: 'alone',
  fundingSources: ['savings'],
  nextCountry: 'NER',
  finalDestinationCountry: 'DZA',
  destinationReasons: ['job_opportunities'],
  plannedStay: '3m_12m',
  intendsReturn: 'yes_when_possible',
  journeyDifficulties: ['none'],
  informationNeeds: [],
  referredTo: ['none'],
  freeText: 'tired',
};

describe('validateFlowSurvey', () => {
  it('accepts a complete interview', () => {
    expect(validateFlowSurvey(survey, ctx)).toEqual([]);
  });

  it.each<[string, Partial<FlowSurveyInput>, string, RegExp]>([
    ['no reason', { reasons: [] }, 'reasons', /at least one/],
    ['missing sex', { sex: undefined }, 'sex', /required when the respondent consented/],
    ['missing age', { age: undefined }, 'age', /required/],
    ['none with another difficulty', { journeyDifficulties: ['none', 'extortion'] }, 'journeyDifficulties', /"none" cannot/],
    ['none with a referral', { referredTo: ['none', 'avr'] }, 'referredTo', /"none" cannot/],
    ['alone with a group size', { groupSize: 4 }, 'groupSize', /travelling alone/],
    ['group of one', { travelGroup: 'group_no_family', groupSize: 1 }, 'groupSize', /at least 2/],
    ['departure P-code abroad', { departurePcode: 'ML07' }, 'departurePcode', /Mali only/],
    ['future date', { date: '2030-01-01' }, 'date', /future/],
  ])('%s', (_name, patch, field, message) => {
    const errors = validateFlowSurvey({ ...survey, ...patch }, ctx);
    expect(errors.find((e) => e.field === field)?.message, JSON.stringify(errors)).toMatch(message);
  });

  it('a refusal needs no answers and keeps none', () => {
    const refused: FlowSurveyInput = { ...survey, consent: false };
    expect(validateFlowSurvey({ fmpId: 'ML-FMP-06', date: '2021-03-10', consent: false }, ctx)).toEqual([]);
    expect(stripEndedSurvey(refused)).toEqual({ fmpId: 'ML-FMP-06', date: '2021-03-10', consent: false });
    expect(stripEndedSurvey({ ...survey, alreadySurveyed: true })).toEqual({ fmpId: 'ML-FMP-06', date: '2021-03-10', consent: true, alreadySurveyed: true });
  });

  it.each([
    [14, '<18'],
    [17, '<18'],
    [18, '18-24'],
    [34, '25-34'],
    [44, '35-44'],
    [59, '45-59'],
    [60, '60+'],
  ])('age %i is published as %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});
