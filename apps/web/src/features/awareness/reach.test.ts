// The reach an activity form records: which modes a type allows, the live sum and its consistency,
// what is sent, and how a participant list compares with the counted reach.
import { describe, expect, it } from 'vitest';
import { cellsSum, gridOfParticipants, listMismatch, reachErrors, reachInput, reachModes, type ReachGrid } from './reach';

const grid = (cells: Partial<ReachGrid>): ReachGrid => ({ total: '', men: '', women: '', boys: '', girls: '', ...cells });

describe('reach modes', () => {
  it.each([
    ['radio_broadcast', ['estimate']],
    ['sms_blast', ['estimate']],
    ['social_media_post', ['estimate']],
    ['video_screening', ['counted', 'estimate']],
    ['caravan', ['counted', 'estimate']],
    ['community_dialogue', ['counted']],
    ['door_to_door', ['counted']],
  ] as const)('%s allows %j', (type, modes) => {
    expect(reachModes(type)).toEqual(modes);
  });
});

describe('reach grid', () => {
  it('sums the cells, empty ones as zero', () => {
    expect(cellsSum(grid({ men: 12, women: 30, girls: 4 }))).toBe(46);
    expect(cellsSum(grid({}))).toBe(0);
  });

  it('accepts a total that adds up', () => {
    expect(reachErrors(grid({ total: 46, men: 12, women: 30, boys: 0, girls: 4 }))).toEqual({});
  });

  it('flags a total that does not add up, a missing total and bad cells', () => {
    expect(reachErrors(grid({ total: 50, men: 12, women: 30, girls: 4 }))).toEqual({ total: 'mismatch' });
    expect(reachErrors(grid({ men: 3 }))).toEqual({ total: 'required' });
    expect(reachErrors(grid({ total: 3, men: -1, women: 4 }))).toEqual({ men: 'integer' });
    expect(reachErrors(grid({ total: 2.5, men: 2.5 }))).toEqual({ men: 'integer', total: 'integer' });
  });

  it('sends counted reach with zeros for empty cells, or the estimate alone', () => {
    expect(reachInput('counted', grid({ total: 5, women: 5 }), 900)).toEqual({ total: 5, men: 0, women: 5, boys: 0, girls: 0 });
    expect(reachInput('estimate', grid({ total: 5, women: 5 }), 900)).toEqual({ estimatedAudience: 900 });
  });
});

describe('participant list against the reach', () => {
  const list = [
    { sex: 'male', ageGroup: 'adult' },
    { sex: 'female', ageGroup: 'adult' },
    { sex: 'female', ageGroup: 'adult' },
    { sex: 'male', ageGroup: 'child' },
  ] as const;

  it('counts men, women, boys and girls from the list', () => {
    expect(gridOfParticipants(list)).toEqual({ total: 4, men: 1, women: 2, boys: 1, girls: 0 });
  });

  it('names the cells where the list and the reach disagree', () => {
    expect(listMismatch({ total: 4, men: 1, women: 2, boys: 1, girls: 0 }, list)).toEqual([]);
    expect(listMismatch({ total: 4, men: 2, women: 2, boys: 0, girls: 0 }, list)).toEqual(['men', 'boys']);
  });
});
