// The import's bulk path on both engines: files spanning several write batches (COPY on PostgreSQL,
// multi-row inserts on the embedded database), CSV edge cases, duplicates and rollbacks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { newId } from '@taama/core';
import { pinConnection } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { countRow } from './counts.service';
import { BATCH_SIZE } from './import/import.service';
import { copyWriter } from './import/write';
import { countInput, multipart, SNAKE_HEADER, snakeRow } from './test-helpers';

let h: Harness;
let officer: string;
let batch: number;
beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('data.officer');
  batch = h.database.kind === 'postgres' ? BATCH_SIZE.copy : BATCH_SIZE.insert;
});
afterAll(() => h.close());

// Thousands of rows per test: removed as soon as the test ends, so that files running beside this
// one on PostgreSQL (which compare table sizes before and after) see them for as short a time as possible.
const made: string[] = [];
afterEach(async () => {
  if (made.length > 0) await h.database.db.deleteFrom('flowCounts').where('importId', 'in', made.splice(0)).execute();
});

interface Report {
  importId: string;
  imported: number;
  duplicates: number;
  totalRows: number;
  rejected: { row: number; errors: { field: string; message: string }[] }[];
}

async function importCsv(mode: string, content: string | Buffer, fields: Record<string, string> = {}): Promise<Report> {
  const body = multipart(fields, { name: 'bulk.csv', content });
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/import?mode=${mode}`, headers: { ...bearer(officer), ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(200);
  const report = res.json() as Report;
  made.push(report.importId);
  return report;
}

const storedBy = async (importId: string) => Number((await h.database.db.selectFrom('flowCounts').select((eb) => eb.fn.countAll().as('n')).where('importId', '=', importId).executeTakeFirstOrThrow()).n);

/** The i-th of a series of valid rows (2021 dates at ML-FMP-06), each different from the others. */
function row(i: number): string {
  const date = `2021-${String(2 + (i % 10)).padStart(2, '0')}-${String(1 + (Math.floor(i / 10) % 28)).padStart(2, '0')}`;
  return snakeRow({ date, men: i % 97, women: Math.floor(i / 97) % 89, boys: Math.floor(i / 8633) % 7 });
}

/** `n` rows of the series from `offset`. */
function rows(n: number, offset: number): string[] {
  return Array.from({ length: n }, (_, k) => row(k + offset));
}

describe('CSV edge cases through the whole import', () => {
  it('BOM, CRLF, quoted cells with delimiters, quotes and line breaks, blank lines (not numbered)', async () => {
    const header = `${SNAKE_HEADER},origin_locality,enumerator_id`;
    const lines = [
      header,
      `${snakeRow({ date: '2021-03-05', men: 41 })},"Gao, quartier ""Château""","enum-1"`,
      '',
      `${snakeRow({ date: '2021-03-05', men: 42 })},"line one\nline two\ttab \\ backslash",enum-2`,
      ' , ,',
      `${snakeRow({ date: '2021-03-05', men: 43, total: 1 })},Tessit,enum-3`,
    ];
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
    const report = await importCsv('valid-only', content);
    expect(report).toMatchObject({ imported: 2, duplicates: 0, totalRows: 3 });
    // The header is row 1; blank lines are skipped and not counted, as before.
    expect(report.rejected).toEqual([{ row: 4, errors: [{ field: 'total', message: expect.stringMatching(/must equal/) }] }]);
    const stored = await h.database.db.selectFrom('flowCounts').select(['men', 'originLocality', 'enumeratorId', 'fmpId']).where('importId', '=', report.importId).orderBy('men').execute();
    expect(stored).toEqual([
      { men: 41, originLocality: 'Gao, quartier "Château"', enumeratorId: 'enum-1', fmpId: 'ML-FMP-06' },
      { men: 42, originLocality: 'line one\nline two\ttab \\ backslash', enumeratorId: 'enum-2', fmpId: 'ML-FMP-06' },
    ]);
  });
});

describe('files spanning several write batches', () => {
  it('a rejected row in the middle of a batch: the rest of that batch is stored, the row reported by number', async () => {
    const data = rows(batch + 50, 0);
    data[120] = snakeRow({ date: '2021-04-04', fmp: 'ML-FMP-77' });
    const report = await importCsv('valid-only', [SNAKE_HEADER, ...data].join('\n'));
    expect(report.rejected).toEqual([{ row: 122, errors: [{ field: 'fmpId', message: 'ML-FMP-77 is not a known flow monitoring point' }] }]);
    expect(report).toMatchObject({ imported: batch + 49, duplicates: 0, totalRows: batch + 50 });
    expect(await storedBy(report.importId)).toBe(batch + 49);
  });

  it('duplicates inside one batch and across batches are skipped and counted', async () => {
    // Kobo submissions keyed by _id: id 7 twice in the first batch, id 3 again in the second.
    const header = `${SNAKE_HEADER},_id`;
    const data = rows(batch + 10, 200_000).map((line, i) => `${line},${i}`);
    data[20] = `${row(300_000)},7`;
    data[batch + 5] = `${row(300_001)},3`;
    const report = await importCsv('valid-only', [header, ...data].join('\n'), { source: 'bulk-dup-test' });
    expect(report).toMatchObject({ imported: batch + 8, duplicates: 2, rejected: [] });
    expect(await storedBy(report.importId)).toBe(batch + 8);
    // The same file again: every row is already there, in every batch.
    const again = await importCsv('valid-only', [header, ...data].join('\n'), { source: 'bulk-dup-test' });
    expect(again).toMatchObject({ imported: 0, duplicates: batch + 10, rejected: [] });
    expect(await storedBy(again.importId)).toBe(0);
  });

  it('all-or-nothing rolls back batches already written when a later row is rejected; dry-run writes nothing', async () => {
    const data = rows(batch + 30, 400_000);
    data[batch + 20] = snakeRow({ date: '2021-05-05', total: 999 });
    const content = [SNAKE_HEADER, ...data].join('\n');
    const failed = await importCsv('all-or-nothing', content);
    expect(failed.imported).toBe(0);
    expect(failed.rejected).toEqual([{ row: batch + 22, errors: [{ field: 'total', message: expect.stringMatching(/must equal/) }] }]);
    expect(await storedBy(failed.importId)).toBe(0);
    const dry = await importCsv('dry-run', content);
    expect(dry).toMatchObject({ imported: batch + 29, duplicates: 0 });
    expect(await storedBy(dry.importId)).toBe(0);
    // Without the bad row the same file goes in whole, audited once.
    data[batch + 20] = row(500_000);
    const good = await importCsv('all-or-nothing', [SNAKE_HEADER, ...data].join('\n'));
    expect(good).toMatchObject({ imported: batch + 30, rejected: [] });
    expect(await storedBy(good.importId)).toBe(batch + 30);
    expect(await h.database.db.selectFrom('auditLog').select('id').where('entityId', '=', good.importId).execute()).toHaveLength(1);
  });

  it('two imports of the same file at once store each row once', async () => {
    const content = [SNAKE_HEADER, ...rows(batch + 100, 600_000)].join('\n');
    const [a, b] = await Promise.all([importCsv('valid-only', content), importCsv('valid-only', content)]);
    expect(a.imported + b.imported).toBe(batch + 100);
    expect(a.duplicates + b.duplicates).toBe(batch + 100);
    expect((await storedBy(a.importId)) + (await storedBy(b.importId))).toBe(batch + 100);
  });
});

describe('the COPY writer (PostgreSQL)', () => {
  it('a clash the key lookup cannot see (two new rows, one id) falls back to insert … on conflict do nothing', async (t) => {
    if (h.database.kind !== 'postgres') t.skip();
    const pinned = await pinConnection(h.database.db);
    if (!pinned) throw new Error('the test database is not a connected handle');
    const organisationId = (await h.database.db.selectFrom('organisations').select('id').where('code', '=', 'iom').executeTakeFirstOrThrow()).id;
    const id = newId();
    const importId = newId();
    const make = (rowKey: string) => ({ id, rowKey, givenId: false, row: countRow(countInput({ date: '2021-06-06' }), { id, status: 'submitted', organisationId, userId: null, importId, rowKey }) as Record<string, unknown> });
    try {
      const inserted = await inTransaction(pinned.db, (tx) => copyWriter('flow_counts', pinned.client)(tx, [make(`test:${newId()}`), make(`test:${newId()}`)]));
      expect(inserted).toBe(1);
      // The connection is still usable after the failed COPY.
      expect(await storedBy(importId)).toBe(1);
      expect((await pinned.client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      made.push(importId);
    } finally {
      pinned.release();
    }
  });
});
