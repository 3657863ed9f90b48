import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGFRAME } from './logframe';
import { DEFAULT_INDICATORS, INDICATOR_SOURCES } from './indicators';

describe('the default logframe and indicators', () => {
  const codes = new Set(DEFAULT_LOGFRAME.map((n) => n.code));

  it('is one tree: unique codes, parents listed before their children, one goal over five objectives', () => {
    expect(codes.size).toBe(DEFAULT_LOGFRAME.length);
    const seen = new Set<string>();
    for (const node of DEFAULT_LOGFRAME) {
      if (node.parent !== null) expect(seen.has(node.parent), node.code).toBe(true);
      seen.add(node.code);
    }
    expect(DEFAULT_LOGFRAME.filter((n) => n.kind === 'goal').map((n) => n.code)).toEqual(['GO']);
    expect(DEFAULT_LOGFRAME.filter((n) => n.kind === 'objective').map((n) => n.code)).toEqual(['OS1', 'OS2', 'OS3', 'OS4', 'OS5']);
    for (const n of DEFAULT_LOGFRAME.filter((x) => x.kind === 'output')) expect(DEFAULT_LOGFRAME.find((p) => p.code === n.parent)?.kind).toBe('objective');
    for (const n of DEFAULT_LOGFRAME.filter((x) => x.kind === 'activity')) expect(DEFAULT_LOGFRAME.find((p) => p.code === n.parent)?.kind).toBe('output');
  });

  it('attaches every default indicator to a node, with a known source for automatic ones', () => {
    for (const d of DEFAULT_INDICATORS) {
      expect(codes.has(d.level), d.code).toBe(true);
      if (d.computation.mode === 'automatic') expect(INDICATOR_SOURCES).toContain(d.computation.source);
    }
    expect(new Set(DEFAULT_INDICATORS.map((d) => d.code)).size).toBe(DEFAULT_INDICATORS.length);
  });
});
