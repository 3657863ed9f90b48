import { describe, expect, it } from 'vitest';
import { participantKey, surveyChange, uniqueReach, validateListAgainstReach, validateReach, reachOfList } from './reach';
import { DEFAULT_SURVEY_INSTRUMENT, scoreResponse } from './survey';

describe('validateReach', () => {
  it('accepts a counted reach whose groups add up to the total', () => {
    expect(validateReach('community_dialogue', { total: 10, men: 4, women: 3, boys: 2, girls: 1 })).toEqual({});
  });
  it('names reached.total when the groups do not add up', () => {
    expect(validateReach('community_dialogue', { total: 11, men: 4, women: 3, boys: 2, girls: 1 })).toEqual({ 'reached.total': 'must equal men + women + boys + girls (10)' });
  });
  it('refuses negative and fractional counts', () => {
    expect(Object.keys(validateReach('door_to_door', { total: 0, men: -1, women: 1, boys: 0, girls: 0 }))).toEqual(['reached.men']);
    expect(Object.keys(validateReach('door_to_door', { total: 1.5, men: 1.5, women: 0, boys: 0, girls: 0 }))).toEqual(['reached.total', 'reached.men']);
  });
  it('allows an estimate for mass media and mixed types only', () => {
    expect(validateReach('radio_broadcast', { estimatedAudience: 5000 })).toEqual({});
    expect(validateReach('video_screening', { estimatedAudience: 300 })).toEqual({});
    expect(validateReach('caravan', { estimatedAudience: 300 })).toEqual({});
    expect(Object.keys(validateReach('community_dialogue', { estimatedAudience: 300 }))).toEqual(['reached.estimatedAudience']);
  });
});

describe('named lists', () => {
  const list = [
    { sex: 'male' as const, ageGroup: 'adult' as const },
    { sex: 'female' as const, ageGroup: 'adult' as const },
    { sex: 'female' as const, ageGroup: 'child' as const },
  ];
  it('counts a list by sex × age group', () => {
    expect(reachOfList(list)).toEqual({ total: 3, men: 1, women: 1, boys: 0, girls: 1 });
  });
  it('flags a counted reach that differs from the list', () => {
    expect(validateListAgainstReach({ total: 3, men: 1, women: 1, boys: 0, girls: 1 }, list)).toEqual({});
    expect(validateListAgainstReach({ total: 3, men: 2, women: 1, boys: 0, girls: 0 }, list)).toEqual({
      'reached.men': 'is 2 but the participant list has 1',
      'reached.girls': 'is 0 but the participant list has 1',
    });
    expect(Object.keys(validateListAgainstReach({ estimatedAudience: 3 }, list))).toEqual(['participants']);
  });
  it('recognises spelling variants and word order in the participant key', () => {
    expect(participantKey('Mamadou Traoré', 'male', 'c1')).toBe(participantKey('traore mamadou', 'male', 'c1'));
    expect(participantKey('Mamadou Traoré', 'male', 'c1')).not.toBe(participantKey('Mamadou Traoré', 'male', 'c2'));
    expect(participantKey('Mamadou Traoré', 'male', 'c1')).not.toBe(participantKey('Mamadou Traoré', 'female', 'c1'));
  });
});

describe('uniqueReach', () => {
  it('adds unlisted counted reach, counts repeat participants once and keeps estimates apart', () => {
    const a = { key: 'awa|female|c1', sex: 'female' as const, ageGroup: 'adult' as const };
    const b = { key: 'ali|male|c1', sex: 'male' as const, ageGroup: 'child' as const };
    const result = uniqueReach([
      { reach: { total: 5, men: 2, women: 2, boys: 1, girls: 0 } },
      { reach: { total: 2, men: 0, women: 1, boys: 1, girls: 0 }, participants: [a, b] },
      { reach: { total: 1, men: 0, women: 1, boys: 0, girls: 0 }, participants: [a] },
      { reach: { estimatedAudience: 10000 } },
    ]);
    expect(result).toEqual({ total: 7, men: 2, women: 3, boys: 2, girls: 0, estimatedAudience: 10000 });
  });
});

describe('surveys', () => {
  it('scores the share of correct answers, unanswered counting as wrong', () => {
    const all = Object.fromEntries(DEFAULT_SURVEY_INSTRUMENT.items.map((i) => [i.code, i.correct]));
    expect(scoreResponse(DEFAULT_SURVEY_INSTRUMENT, all)).toEqual({ score: 1 });
    expect(scoreResponse(DEFAULT_SURVEY_INSTRUMENT, { desert_risk: 'false', sea_risk: 'false' })).toEqual({ score: 0.125 });
  });
  it('names unknown items and values', () => {
    expect(scoreResponse(DEFAULT_SURVEY_INSTRUMENT, { nope: 'true', desert_risk: 'maybe' }, 'responses.0.answers')).toEqual({
      errors: { 'responses.0.answers.nope': 'is not an item of instrument kap-2024-1', 'responses.0.answers.desert_risk': 'must be one of true, false' },
    });
  });
  it('computes the change of the mean score between phases', () => {
    expect(surveyChange([
      { phase: 'before', score: 0.5 },
      { phase: 'before', score: 0.25 },
      { phase: 'after', score: 0.75 },
    ])).toEqual({ before: { n: 2, meanScore: 0.375 }, after: { n: 1, meanScore: 0.75 }, change: 0.375 });
    expect(surveyChange([{ phase: 'before', score: 0.5 }]).change).toBeNull();
  });
  it('ships an instrument of about eight items with a correct answer among the options', () => {
    expect(DEFAULT_SURVEY_INSTRUMENT.items.length).toBe(8);
    for (const item of DEFAULT_SURVEY_INSTRUMENT.items) expect(item.options.map((o) => o.value)).toContain(item.correct);
  });
});
