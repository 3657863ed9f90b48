// The free-movement form rules: completion needs attendance, mean scores and gain, and an anonymous
// report never carries a name or phone.
import { describe, expect, it } from 'vitest';
import { completionState, reporterInput, scoreSummary } from './rules';

describe('completion rule', () => {
  it.each([
    [5, 5, true],
    [4, 5, true],
    [3, 5, false],
    [0, 1, false],
    [1, 1, true],
    ['', 3, false],
    [8, 10, true],
    [7, 10, false],
  ] as const)('%s of %s days attended → completion allowed: %s', (attended, days, allowed) => {
    expect(completionState(attended, days).allowed).toBe(allowed);
  });

  it('says how many days are needed, with the default 80 % share or another', () => {
    expect(completionState(0, 5).minDays).toBe(4);
    expect(completionState(0, 3).minDays).toBe(3);
    expect(completionState(0, 10, 0.5).minDays).toBe(5);
  });
});

describe('scores', () => {
  it('averages the scores present and computes the gain over trainees with both', () => {
    expect(scoreSummary([
      { preScore: 40, postScore: 80 },
      { preScore: 60, postScore: 70 },
      { preScore: '', postScore: 90 },
    ])).toEqual({ pre: 50, post: 80, gain: 25 });
    expect(scoreSummary([{ preScore: '', postScore: '' }])).toEqual({ pre: null, post: null, gain: null });
  });
});

describe('anonymous reporting', () => {
  it('drops the name and phone typed before the toggle', () => {
    expect(reporterInput(true, 'Moussa Diarra', '+223 70 00 00 00')).toEqual({ anonymous: true });
  });

  it('keeps a named reporter, leaving out blank fields', () => {
    expect(reporterInput(false, ' Moussa Diarra ', '')).toEqual({ anonymous: false, name: 'Moussa Diarra' });
  });
});
