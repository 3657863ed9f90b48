import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, unique, type Harness } from '../../test/harness';
import { getSetting, putSetting } from './settings';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('settings', () => {
  it('falls back to the code default when nothing is stored', async () => {
    expect(await getSetting(h.database.db, unique('test.absent.'), { days: 7 })).toEqual({ days: 7 });
  });

  it('a stored object overrides only the fields it names; other values replace the default', async () => {
    const rules = unique('test.rules.');
    await putSetting(h.database.db, rules, { high: 9 }, null);
    expect(await getSetting(h.database.db, rules, { high: 7, medium: 3 })).toEqual({ high: 9, medium: 3 });
    const list = unique('test.list.');
    await putSetting(h.database.db, list, ['follow_up'], null);
    expect(await getSetting(h.database.db, list, ['best_interest_determination'])).toEqual(['follow_up']);
    await putSetting(h.database.db, list, 14, null);
    expect(await getSetting(h.database.db, list, 7)).toBe(14);
  });
});
