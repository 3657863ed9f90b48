// RSS scoring and instrument validation, table-driven, on a small custom instrument and on the
// default instrument shipped with the server.
import { describe, expect, it } from 'vitest';
import defaultInstrument from '../../../../apps/server/src/modules/reintegration/rss-default-instrument.json' with { type: 'json' };
import { checkRssAnswers, rssBand, scoreRss, validateRssInstrument, type RssInstrument } from './rss';

const yesNo = (yes: number, no: number | null = 0) => [
  { value: 'yes', score: yes },
  { value: 'no', score: no },
  { value: 'dont_know', score: null },
];

/** Economic: a (w .5), b (w .5, no missingScore); social: c (w .5), d = mean(c, e) (w .5), e (w 0); psychosocial: f (w 1). */
const custom: RssInstrument = {
  version: 'test-1',
  minAnsweredShare: 0.75,
  bands: { status: 'provisional', low: [0, 0.5], high: [0.5, 1] },
  items: [
    { code: 'a', dimension: 'economic', weight: 0.5, compositeWeight: 0.25, missingScore: 0.5, options: yesNo(1) },
    { code: 'b', dimension: 'economic', weight: 0.5, compositeWeight: 0.25, options: yesNo(1) },
    { code: 'c', dimension: 'social', weight: 0.5, compositeWeight: 0.1, missingScore: 0.5, options: yesNo(1) },
    { code: 'e', dimension: 'social', weight: 0, compositeWeight: 0, missingScore: 0, options: yesNo(1) },
    { code: 'd', dimension: 'social', weight: 0.5, compositeWeight: 0.2, derived: { op: 'mean', of: ['c', 'e'] } },
    { code: 'f', dimension: 'psychosocial', weight: 1, compositeWeight: 0.2, missingScore: 0.5, options: yesNo(1) },
  ],
};

describe('scoreRss on a custom instrument', () => {
  const cases: { name: string; answers: Record<string, string | null>; scores: Record<string, number | null>; complete: boolean }[] = [
    { name: 'all answered yes', answers: { a: 'yes', b: 'yes', c: 'yes', e: 'yes', f: 'yes' }, scores: { economic: 1, social: 1, psychosocial: 1, composite: 1 }, complete: true },
    // a=0, b=1 → .5; c=1, e=0 → d=.5 → social (.5·1+.5·.5)=.75; composite (.25·0+.25·1+.1·1+0+.2·.5+.2·0)/1 = .45
    { name: 'mixed answers', answers: { a: 'no', b: 'yes', c: 'yes', e: 'no', f: 'no' }, scores: { economic: 0.5, social: 0.75, psychosocial: 0, composite: 0.45 }, complete: true },
    // a missing → .5; b null-scored and no missingScore → left out: kept economic share .5 < .75 → null;
    // composite kept .75 of 1 → (.25·.5+.1·.5+.2·.25+.2·.5)/.75 with c=.5,e=0 → d=.25
    { name: 'missing and null-scored answers', answers: { b: 'dont_know' }, scores: { economic: null, social: 0.375, psychosocial: 0.5, composite: 0.4333 }, complete: false },
    { name: 'nothing answered', answers: {}, scores: { economic: null, social: 0.375, psychosocial: 0.5, composite: 0.4333 }, complete: false },
    // e answered yes, c unanswered (.5) → d = .75
    { name: 'derived from a missing input', answers: { a: 'yes', b: 'no', e: 'yes', f: 'yes' }, scores: { economic: 0.5, social: 0.625, psychosocial: 1, composite: 0.65 }, complete: true },
  ];
  it.each(cases)('$name', ({ answers, scores, complete }) => {
    const result = scoreRss(custom, answers);
    for (const [key, value] of Object.entries(scores)) {
      if (value === null) expect(result.scores[key as keyof typeof result.scores]).toBeNull();
      else expect(result.scores[key as keyof typeof result.scores]).toBeCloseTo(value, 4);
    }
    expect(result.complete).toBe(complete);
  });

  it('keeps a score when the kept share meets the minimum exactly, and drops it below', () => {
    const lenient = { ...custom, minAnsweredShare: 0.5 };
    expect(scoreRss(lenient, { a: 'no' }).scores.economic).toBe(0);
    expect(scoreRss(lenient, { a: 'no' }).keptShare.economic).toBe(0.5);
    expect(scoreRss({ ...custom, minAnsweredShare: 0.51 }, { a: 'no' }).scores.economic).toBeNull();
  });

  it('clamps a derived sum', () => {
    const summed: RssInstrument = {
      ...custom,
      items: custom.items.map((it) => (it.code === 'd' ? { ...it, derived: { op: 'sum' as const, of: ['c', 'e'], clamp: [0, 1] as [number, number] } } : it)),
    };
    expect(scoreRss(summed, { a: 'yes', b: 'yes', c: 'yes', e: 'yes', f: 'yes' }).itemScores.d).toBe(1);
    expect(scoreRss(summed, { a: 'yes', b: 'yes', c: 'no', e: 'no', f: 'yes' }).itemScores.d).toBe(0);
  });

  it('puts the composite in its band', () => {
    expect(scoreRss(custom, { a: 'yes', b: 'yes', c: 'yes', e: 'yes', f: 'yes' }).band).toBe('high');
    expect(scoreRss(custom, { a: 'no', b: 'no', c: 'no', e: 'no', f: 'no' }).band).toBe('low');
    expect(rssBand(custom, null)).toBeNull();
  });
});

describe('checkRssAnswers', () => {
  it.each([
    [{ a: 'maybe' }, { 'answers.a': 'must be one of: yes, no, dont_know' }],
    [{ zz: 'yes' }, { 'answers.zz': 'is not a question of instrument test-1' }],
    [{ d: 'yes' }, { 'answers.d': 'is computed from other answers, not asked' }],
    [{ a: null, b: 'no' }, {}],
  ])('%j → %j', (answers, errors) => {
    expect(checkRssAnswers(custom, answers as Record<string, string | null>)).toEqual(errors);
  });
});

describe('validateRssInstrument', () => {
  it('accepts the custom and the default instrument', () => {
    expect(validateRssInstrument(custom)).toEqual({});
    expect(validateRssInstrument(defaultInstrument as RssInstrument)).toEqual({});
  });
  const broken: [string, (i: RssInstrument) => RssInstrument, string][] = [
    ['dimension weights not summing to 1', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'a' ? { ...it, weight: 0.4 } : it)) }), 'weights.economic'],
    ['composite weights not summing to 1', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'f' ? { ...it, compositeWeight: 0.3 } : it)) }), 'weights.composite'],
    ['duplicate codes', (i) => ({ ...i, items: [...i.items, { ...i.items[0]!, weight: 0, compositeWeight: 0 }] }), 'items.6.code'], // eslint-disable-line @typescript-eslint/no-non-null-assertion -- the fixture has items
    ['an option score above 1', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'a' ? { ...it, options: [{ value: 'yes', score: 1.5 }] } : it)) }), 'items.0.options.0.score'],
    ['a derived item naming an unknown item', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'd' ? { ...it, derived: { op: 'mean' as const, of: ['c', 'zz'] } } : it)) }), 'items.4.derived.of.1'],
    ['a cycle', (i) => ({ ...i, items: [...i.items.filter((it) => it.code !== 'e'), { code: 'e', dimension: 'social' as const, weight: 0, compositeWeight: 0, derived: { op: 'mean' as const, of: ['d'] } }] }), 'items.3.derived.of'],
    ['both options and derived', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'd' ? { ...it, options: [{ value: 'x', score: 1 }] } : it)) }), 'items.4'],
    ['a bad version', (i) => ({ ...i, version: 'has space' }), 'version'],
    ['a band out of [0, 1]', (i) => ({ ...i, bands: { low: [0, 2] } }), 'bands.low'],
    ['a skip condition on a later item', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'a' ? { ...it, askIf: { item: 'c', in: ['no'] } } : it)) }), 'items.0.askIf.item'],
    ['a skip condition on an unknown item', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'c' ? { ...it, askIf: { item: 'zz', in: ['no'] } } : it)) }), 'items.2.askIf.item'],
    ['a skip condition on a value that is not an option', (i) => ({ ...i, items: i.items.map((it) => (it.code === 'c' ? { ...it, askIf: { item: 'a', in: ['no', 'maybe'] } } : it)) }), 'items.2.askIf.in.1'],
  ];
  it.each(broken)('refuses %s', (_name, breakIt, path) => {
    expect(Object.keys(validateRssInstrument(breakIt(custom)))).toContain(path);
  });
});

describe('the default instrument', () => {
  const instrument = defaultInstrument as RssInstrument;
  it('has 29 questions and 2 derived items, and follows SPEC on the minimum share', () => {
    expect(instrument.items.filter((i) => i.options).length).toBe(29);
    expect(instrument.items.filter((i) => i.derived).length).toBe(2);
    expect(instrument.minAnsweredShare).toBe(0.75);
  });
  it('scores an empty survey as every item at its missing score (IOM: unanswered counts 0.5)', () => {
    const result = scoreRss(instrument, {});
    // remigration = clamp(able_to_stay .5 + leave_wish_or_need 0) = .5; everything else .5
    expect(result.scores).toEqual({ economic: 0.5, social: 0.5, psychosocial: 0.5, composite: 0.5 });
    expect(result.complete).toBe(true);
  });
  it('scores the best answers as 1', () => {
    const best = Object.fromEntries(instrument.items.filter((i) => i.options).map((i) => [i.code, [...(i.options ?? [])].sort((x, y) => (y.score ?? -1) - (x.score ?? -1))[0]?.value ?? null]));
    expect(scoreRss(instrument, best).scores).toEqual({ economic: 1, social: 1, psychosocial: 1, composite: 1 });
  });
});

describe('a skipped question', () => {
  // c is asked only after "no" to a; both economic a and social c have a missing score of 0.5.
  const skipping: RssInstrument = { ...custom, items: custom.items.map((it) => (it.code === 'c' ? { ...it, askIf: { item: 'a', in: ['no'] } } : it)) };
  it('is valid when it looks back at an option of an earlier question', () => {
    expect(validateRssInstrument(skipping)).toEqual({});
  });
  it('is left out, not scored as unanswered: its weight leaves the score and derived items ignore it', () => {
    const skipped = scoreRss(skipping, { a: 'yes', b: 'yes', e: 'yes', f: 'yes' });
    expect(skipped.itemScores.c).toBeNull();
    // social = d only = mean(e) = 1; unanswered (asked) c would have made it (.5·.5 + .5·mean(.5, 1)) = .625.
    expect(skipped.scores.social).toBe(1);
    const asked = scoreRss(skipping, { a: 'no', b: 'yes', e: 'yes', f: 'yes' });
    expect(asked.itemScores.c).toBe(0.5);
    expect(asked.scores.social).toBe(0.625);
  });
  it('ignores an answer given to it while skipped', () => {
    expect(scoreRss(skipping, { a: 'yes', b: 'yes', c: 'no', e: 'yes', f: 'yes' }).itemScores.c).toBeNull();
  });
});

describe('the default instrument skip rule', () => {
  it('asks leave_wish_or_need only after "no" to able_to_stay', () => {
    const item = (defaultInstrument as RssInstrument).items.find((i) => i.code === 'leave_wish_or_need');
    expect(item?.askIf).toEqual({ item: 'able_to_stay', in: ['no'] });
  });
});
