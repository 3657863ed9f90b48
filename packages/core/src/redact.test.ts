import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { hasSensitiveFields, redact } from './redact';
import { sensitive } from './schemas/common';
import type { Sensitivity } from './access';

const Person = Type.Object({
  id: Type.String(),
  name: sensitive('personal', Type.String()),
  trafficking: sensitive('sensitive', Type.Boolean()),
  region: sensitive('internal', Type.Union([Type.String(), Type.Null()])),
  documents: Type.Array(Type.Object({ type: Type.String(), number: sensitive('personal', Type.String()) })),
  household: Type.Union([Type.Object({ head: sensitive('personal', Type.String()), size: Type.Integer() }), Type.Null()]),
});
const Page = Type.Object({ items: Type.Array(Person), nextCursor: Type.Union([Type.String(), Type.Null()]) });

const record = {
  id: 'p1',
  name: 'Awa Traoré',
  trafficking: true,
  region: 'ML07',
  documents: [{ type: 'passport', number: 'A123' }],
  household: { head: 'Moussa', size: 4 },
};

describe('redact', () => {
  const cases: [Sensitivity, string[], string[]][] = [
    ['public', ['id', 'documents', 'household'], ['name', 'trafficking', 'region']],
    ['internal', ['id', 'region', 'documents', 'household'], ['name', 'trafficking']],
    ['personal', ['id', 'name', 'region', 'documents', 'household'], ['trafficking']],
    ['sensitive', ['id', 'name', 'trafficking', 'region', 'documents', 'household'], []],
  ];
  it.each(cases)('with a %s ceiling keeps %j and drops %j', (ceiling, kept, dropped) => {
    const out = redact(Person, record, ceiling);
    for (const key of kept) expect(out).toHaveProperty(key);
    for (const key of dropped) expect(out).not.toHaveProperty(key);
  });

  it('applies inside arrays, nested objects and unions', () => {
    const out = redact(Page, { items: [record], nextCursor: null }, 'internal');
    expect(out.items[0]?.documents[0]).toEqual({ type: 'passport' });
    expect(out.items[0]?.household).toEqual({ size: 4 });
  });

  it('keeps null in a union and leaves the input untouched', () => {
    const out = redact(Person, { ...record, household: null }, 'public');
    expect(out.household).toBeNull();
    expect(record.name).toBe('Awa Traoré');
  });

  it('finds labels anywhere in a schema', () => {
    expect(hasSensitiveFields(Page)).toBe(true);
    expect(hasSensitiveFields(Type.Object({ a: Type.String() }))).toBe(false);
  });
});
