// Pulled changes into the local copy: upserts by version, removals, the device's edits kept on top.
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPullPage } from './engine';
import { baseOf, currentValue, mergePulled } from './merge';
import { freshIndexedDb, testVault } from './testing';
import type { LocalRecord } from './types';

const held: LocalRecord = { entity: 'person', id: 'p1', version: 2, record: { givenName: 'Awa', phones: ['1'] } };

describe('merging pulled changes', () => {
  beforeEach(() => freshIndexedDb());

  it('takes a newer server copy and keeps the queued edits on top', () => {
    const merged = mergePulled({ ...held, pending: { phones: ['9'] } }, { type: 'person', op: 'upsert', id: 'p1', version: 3, record: { givenName: 'Awa', phones: ['2'], sex: 'female' } });
    expect(merged).toEqual({ entity: 'person', id: 'p1', version: 3, record: { givenName: 'Awa', phones: ['2'], sex: 'female' }, pending: { phones: ['9'] } });
    if (!merged) throw new Error('merged to nothing');
    expect(currentValue(merged)).toMatchObject({ phones: ['9'], sex: 'female', version: 3 });
  });

  it('ignores an older copy and forgets a removed record', () => {
    expect(mergePulled(held, { type: 'person', op: 'upsert', id: 'p1', version: 1, record: { givenName: 'Old' } })).toBe(held);
    expect(mergePulled(held, { type: 'person', op: 'remove', id: 'p1', version: 2, record: null })).toBeNull();
  });

  it('takes the base values of the edited fields from the copy the user saw', () => {
    expect(baseOf({ ...held, pending: { phones: ['9'] } }, { phones: ['10'], sex: 'male', id: 'p1' })).toEqual({ phones: ['9'], sex: null });
  });

  it('applies a page to the store: upserts, removals and the cursor', async () => {
    const vault = await testVault();
    await vault.put(held);
    await vault.put({ entity: 'service', id: 's1', version: 1, record: { type: 'food' } });
    await applyPullPage(vault, {
      changes: [
        { type: 'person', op: 'upsert', id: 'p1', version: 4, record: { givenName: 'Awa', phones: [] } },
        { type: 'person', op: 'upsert', id: 'p2', version: 1, record: { givenName: 'Bakary' } },
        { type: 'service', op: 'remove', id: 's1', version: 1, record: null },
      ],
      cursor: 'c-2',
      hasMore: false,
      wipe: false,
    });
    expect(vault.all('person').map((r) => [r.id, r.version])).toEqual([
      ['p1', 4],
      ['p2', 1],
    ]);
    expect(vault.get('service', 's1')).toBeUndefined();
    expect(await vault.getMeta('cursor')).toBe('c-2');
  });
});
