import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, unique, type Harness } from '../../../test/harness';
import { putSetting } from '../settings';
import { inTransaction } from './tx';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** The error PGlite raises when it trips over its own buffer bookkeeping (decision 23). */
const glitch = () => Object.assign(new Error('bad buffer ID: 0'), { code: 'XX000' });

const count = async (key: string) =>
  Number((await h.database.db.selectFrom('settings').select((eb) => eb.fn.countAll().as('n')).where('key', '=', key).executeTakeFirstOrThrow()).n);

describe('inTransaction', () => {
  it('runs a transaction again after the embedded engine glitch, and the failed attempt left nothing', async () => {
    const key = unique('test.tx.retry.');
    let attempts = 0;
    await inTransaction(h.database.db, async (tx) => {
      attempts += 1;
      await putSetting(tx, key, { attempt: attempts }, null);
      if (attempts === 1) throw glitch();
    });
    expect(attempts).toBe(2);
    expect(await count(key)).toBe(1);
  });

  it('gives up after six retries, and never retries another error', async () => {
    let attempts = 0;
    await expect(inTransaction(h.database.db, async () => { attempts += 1; throw glitch(); })).rejects.toThrow('bad buffer ID');
    expect(attempts).toBe(7);
    attempts = 0;
    await expect(inTransaction(h.database.db, async () => { attempts += 1; throw Object.assign(new Error('duplicate key'), { code: '23505' }); })).rejects.toThrow('duplicate key');
    expect(attempts).toBe(1);
  });
});
