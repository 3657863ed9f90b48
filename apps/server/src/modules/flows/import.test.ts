import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { multipart, SNAKE_HEADER, snakeRow } from './test-helpers';

let h: Harness;
let officer: string;
beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('data.officer');
});
afterAll(() => h.close());

async function importFile(kind: 'counts' | 'surveys', mode: string, file: { name: string; content: Buffer | string }, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const body = multipart(fields, file);
  return h.app.inject({ method: 'POST', url: `/api/v1/flows/${kind}/import?mode=${mode}`, headers: { ...bearer(officer), ...body.headers, ...headers }, payload: body.payload });
}
const countRows = async (fmpId: string, date: string) =>
  Number((await h.database.db.selectFrom('flowCounts').select((eb) => eb.fn.countAll().as('n')).where('fmpId', '=', fmpId).where('date', '=', date).executeTakeFirstOrThrow()).n);

describe('import modes and idempotence (snake_case names of flow-schemas.md)', () => {
  const csv = [SNAKE_HEADER, snakeRow({ date: '2022-06-01' }), snakeRow({ date: '2022-06-01', men: 7 }), snakeRow({ date: '2022-06-01', total: 99 }), snakeRow({ date: '2022-06-01', fmp: 'ML-FMP-77' }), snakeRow({ date: '2022-06-01' })].join('\n');

  it('dry-run reports every rejected row with reasons and writes nothing', async () => {
    const res = await importFile('counts', 'dry-run', { name: 'june.csv', content: csv });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'dry-run', imported: 3, duplicates: 0, totalRows: 5 });
    expect(report.rejected).toEqual([
      { row: 4, errors: [{ field: 'total', message: expect.stringMatching(/must equal .*\(10\), not 99/) }] },
      { row: 5, errors: [{ field: 'fmpId', message: 'ML-FMP-77 is not a known flow monitoring point' }] },
    ]);
    expect(report.columns.recognised).toMatchObject({ fmp_id: 'fmpId', sex_age_unknown: 'sexAgeUnknown', final_destination_country: 'finalDestinationCountry' });
    expect(await countRows('ML-FMP-06', '2022-06-01')).toBe(0);
  });

  it('all-or-nothing writes nothing when a row is rejected', async () => {
    const res = await importFile('counts', 'all-or-nothing', { name: 'june.csv', content: csv });
    expect(res.json()).toMatchObject({ imported: 0, rejected: [{ row: 4 }, { row: 5 }] });
    expect(await countRows('ML-FMP-06', '2022-06-01')).toBe(0);
  });

  it('valid-only imports the valid rows (identical rows kept apart); the same file again adds nothing', async () => {
    const first = (await importFile('counts', 'valid-only', { name: 'june.csv', content: csv })).json();
    expect(first).toMatchObject({ imported: 3, duplicates: 0 });
    expect(await countRows('ML-FMP-06', '2022-06-01')).toBe(3);
    const again = (await importFile('counts', 'valid-only', { name: 'june.csv', content: csv })).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
    expect(await countRows('ML-FMP-06', '2022-06-01')).toBe(3);
    const stored = await h.database.db.selectFrom('flowCounts').select(['status', 'movementType', 'observationWindow', 'nextDestinationCountry']).where('date', '=', '2022-06-01').execute();
    expect(stored[0]).toEqual({ status: 'submitted', movementType: 'unknown', observationWindow: 'full_day', nextDestinationCountry: 'DZA' });
  });

  it('all-or-nothing imports everything when every row is valid, audited once', async () => {
    const good = [SNAKE_HEADER, snakeRow({ date: '2022-06-02' }), snakeRow({ date: '2022-06-02', direction: 'incoming' })].join('\n');
    const res = (await importFile('counts', 'all-or-nothing', { name: 'good.csv', content: good })).json();
    expect(res).toMatchObject({ imported: 2, rejected: [] });
    const audit = await h.database.db.selectFrom('auditLog').select('details').where('entityId', '=', res.importId).execute();
    expect(audit).toHaveLength(1);
  });

  it('progress and history follow an import by the id the client chose', async () => {
    const importId = randomUUID();
    const res = await importFile('counts', 'valid-only', { name: 'progress.csv', content: [SNAKE_HEADER, snakeRow({ date: '2022-06-03' })].join('\n') }, {}, { 'x-import-id': importId });
    expect(res.json().importId).toBe(importId);
    const progress = (await h.app.inject({ method: 'GET', url: `/api/v1/flows/imports/${importId}/progress`, headers: bearer(officer) })).json();
    expect(progress).toMatchObject({ status: 'done', rowsRead: 1, bytesRead: expect.any(Number) });
    const history = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/imports', headers: bearer(officer) })).json();
    expect(history.items.find((i: { id: string }) => i.id === importId)).toMatchObject({ fileName: 'progress.csv', mode: 'valid-only', status: 'done', imported: 1, username: 'data.officer' });
  });
});

describe('KoboToolbox exports', () => {
  it('reads a current Kobo CSV: ";" delimiter, quoted cells, CRLF, group paths, metadata columns, re-import by _id', async () => {
    const header = ['start', 'end', 'fmp/fmp_id', 'fmp/date', 'movement/direction', 'movement/origin_country', 'movement/final_destination_country', 'movement/transport_mode', 'counts/men', 'counts/women', 'counts/boys', 'counts/girls', 'counts/sex_age_unknown', 'counts/total', 'transport_mode_other', '_id', '_uuid', '_submission_time', '_validation_status', '_index'];
    const row = (id: string, men: number) => ['2022-07-01T08:00:00.000+00:00', '2022-07-01T08:10:00.000+00:00', 'ML-FMP-03', '2022-07-01', 'incoming', 'MRT', 'MLI', 'bus', String(men), '2', '1', '0', '0', String(men + 3), '', id, randomUUID(), '2022-07-01T09:00:00', 'Approved', '1'];
    const text = [header, row('501', 10), row('502', 4)].map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n') + '\r\n';
    const res = await importFile('counts', 'valid-only', { name: 'kobo.csv', content: text }, { source: 'kobo-fmr-gogui' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, rejected: [] });
    expect(res.json().columns.recognised).toMatchObject({ 'counts/men': 'men', 'fmp/fmp_id': 'fmpId', _id: '(row key: koboId)' });
    expect(res.json().columns.unrecognised).toEqual(expect.arrayContaining(['start', '_uuid', 'transport_mode_other']));
    // An edited submission gets a new _uuid but keeps its _id: still a duplicate.
    const again = await importFile('counts', 'valid-only', { name: 'kobo.csv', content: text }, { source: 'kobo-fmr-gogui' });
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it('label headers with a mapping remembered per source, then the source alone', async () => {
    const text = ['Point;Jour;Sens;Provenance;Destination;Transport;Hommes;Femmes;Garçons;Filles;Total', 'ML-FMP-02;08/07/2022;Entrant;BFA;MLI;Moto;3;2;0;0;5'].join('\n');
    const mapping = { Point: 'fmpId', Jour: 'date', Sens: 'direction', Provenance: 'originCountry', Destination: 'finalDestinationCountry', Transport: 'transportMode' };
    const first = await importFile('counts', 'valid-only', { name: 'labels.csv', content: text }, { mapping: JSON.stringify(mapping), source: 'benena-labels' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ imported: 1, rejected: [] });
    const stored = await h.database.db.selectFrom('flowCounts').select(['direction', 'transportMode', 'date']).where('fmpId', '=', 'ML-FMP-02').where('date', '=', '2022-07-08').executeTakeFirstOrThrow();
    expect(stored).toEqual({ direction: 'incoming', transportMode: 'motorcycle', date: '2022-07-08' });
    const saved = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/mappings', headers: bearer(officer) })).json();
    expect(saved.items).toContainEqual(expect.objectContaining({ kind: 'counts', source: 'benena-labels', mapping }));
    const second = await importFile('counts', 'dry-run', { name: 'labels.csv', content: text.replace('08/07/2022', '09/07/2022') }, { source: 'benena-labels' });
    expect(second.json()).toMatchObject({ imported: 1, rejected: [] });
  });

  it('surveys: select_multiple as space-separated codes or as 0/1 option columns; consent false keeps no answers', async () => {
    const base = ['fmp_id', 'date', 'consent', 'sex', 'age', 'nationality', 'birth_country', 'marital_status', 'education', 'employment_before', 'departure_country', 'time_since_departure', 'previous_attempt', 'forcibly_displaced', 'transport_modes', 'travel_group', 'funding_sources', 'next_country', 'final_destination_country', 'destination_reasons', 'planned_stay', 'intends_return', 'journey_difficulties', 'information_needs', 'referred_to', 'free_text'];
    const answers = ['ML-FMP-06', '2022-08-01', 'yes', 'male', '23', 'GIN', 'GIN', 'single', 'primary', 'unemployed_seeking', 'GIN', '2w_3m', '0', '0', 'bus', 'alone', 'savings', 'NER', 'DZA', 'job_opportunities', '3m_12m', 'unknown', 'none', '', 'none', 'note'];
    const spaced = [[...base, 'reasons'].join(','), [...answers, 'economic gold_mining'].join(','), ['ML-FMP-06', '2022-08-01', 'no', ...new Array(base.length - 3).fill(''), ''].join(',')].join('\n');
    const a = await importFile('surveys', 'valid-only', { name: 'fms.csv', content: spaced });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ imported: 2, rejected: [] });
    const options = [[...base, 'reasons/economic', 'reasons/gold_mining', 'reasons/conflict'].join(','), [...answers.map((v) => (v === '23' ? '31' : v)), '1', '0', '1'].join(','), [...answers.map((v) => (v === '23' ? '32' : v)), '', '', ''].join(',')].join('\n');
    const b = await importFile('surveys', 'valid-only', { name: 'fms-options.csv', content: options });
    expect(b.json().imported).toBe(1);
    expect(b.json().rejected).toEqual([{ row: 3, errors: [{ field: 'reasons', message: 'is required when the respondent consented' }] }]);
    const rows = await h.database.db.selectFrom('flowSurveys').select(['age', 'reasons', 'consent', 'sex', 'freeText']).where('date', '=', '2022-08-01').orderBy('createdAt').execute();
    expect(rows).toEqual(expect.arrayContaining([
      { age: 23, reasons: ['economic', 'gold_mining'], consent: true, sex: 'male', freeText: 'note' },
      { age: null, reasons: null, consent: false, sex: null, freeText: null },
      { age: 31, reasons: ['economic', 'conflict'], consent: true, sex: 'male', freeText: 'note' },
    ]));
  });

  it('reads a Kobo XLSX: numbers typed, a calculated total as text, dates as Excel dates, absent cells empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('FMR Gao 2021');
    sheet.addRow(['fmp_id', 'date', 'direction', 'origin_country', 'final_destination_country', 'transport_mode', 'men', 'women', 'boys', 'girls', 'total', 'origin_locality']);
    sheet.addRow(['ML-FMP-06', new Date(Date.UTC(2022, 8, 5)), 'outgoing', 'MLI', 'DZA', 'truck', 30, 2, 1, 0, '33']);
    sheet.addRow(['ML-FMP-06', new Date(Date.UTC(2022, 8, 5)), 'outgoing', 'MLI', 'DZA', 'truck', 30, 2, 1, 0, '34', 'Gao']);
    workbook.addWorksheet('repeat_group').addRow(['_index', '_parent_index']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await importFile('counts', 'valid-only', { name: 'kobo.xlsx', content: bytes });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, totalRows: 2, rejected: [{ row: 3, errors: [{ field: 'total' }] }] });
    expect(await countRows('ML-FMP-06', '2022-09-05')).toBe(1);
  });
});

describe('mapping step helpers', () => {
  it('lists the importable fields with type, required flag, codes and HXL', async () => {
    const items = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/import-fields?kind=counts', headers: bearer(officer) })).json().items;
    expect(items.find((f: { name: string }) => f.name === 'direction')).toEqual({ name: 'direction', column: 'direction', type: 'enum', required: true, hxl: '#indicator+direction', codes: ['incoming', 'outgoing', 'transit', 'unknown'] });
    expect(items.find((f: { name: string }) => f.name === 'elderly60plus')).toMatchObject({ column: 'elderly_60plus', type: 'integer', required: false });
    const surveys = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/import-fields?kind=surveys', headers: bearer(officer) })).json().items;
    expect(surveys.find((f: { name: string }) => f.name === 'reasons')).toMatchObject({ type: 'enum_list', codes: expect.arrayContaining(['economic', 'gold_mining']) });
  });

  it('saves a mapping under a source; targets must be fields or options of a multiple choice', async () => {
    const ok = await h.app.inject({ method: 'PUT', url: '/api/v1/flows/mappings/surveys/kobo-fms-2022', headers: bearer(officer), payload: { mapping: { 'q1/raison_eco': 'reasons/economic', Sexe: 'sex', Commentaire: '' } } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'surveys', source: 'kobo-fms-2022', mapping: { Sexe: 'sex' } });
    const bad = await h.app.inject({ method: 'PUT', url: '/api/v1/flows/mappings/surveys/kobo-fms-2022', headers: bearer(officer), payload: { mapping: { x: 'reasons/flying' } } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.mapping).toMatch(/flying is not an option of reasons/);
  });

  it('import history shows only one\'s own imports to a user with own scope', async () => {
    const own = await h.userWith({ permissions: ['flow.read', 'flow.manage'], scope: 'own' });
    const history = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/imports', headers: bearer(own.token) })).json();
    expect(history.items).toEqual([]);
  });
});

describe('HXL files', () => {
  it('imports a file with an HXL row by its hashtags, whatever the labels', async () => {
    const text = [
      'Date,FMP ID,Direction,From country,To country,Transport,Men (18+),Women (18+),Boys (<18),Girls (<18),Total,Reporting org',
      '#date+occurred,#loc+code,#indicator+direction,#country+code+origin+v_iso3,#country+code+dest+v_iso3,#indicator+transport,#population+m+adults,#population+f+adults,#population+m+children,#population+f+children,#population+total,#org+name+reporting',
      '2022-10-04,ML-FMP-06,outgoing,MLI,DZA,truck,31,2,1,0,34,SYNTHETIC',
    ].join('\n');
    const res = await importFile('counts', 'valid-only', { name: 'hxl.csv', content: text });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, totalRows: 1 });
  });

  it("Taama's own record export re-imports as is: every row is recognised as already there", async () => {
    const exported = await h.app.inject({ method: 'GET', url: '/api/v1/flows/counts/export.csv?from=2022-06-01&to=2022-06-30', headers: bearer(officer) });
    expect(exported.statusCode).toBe(200);
    const lines = exported.body.trim().split('\r\n');
    expect(lines[1]?.startsWith('#meta+id,#loc+code,#date+occurred')).toBe(true);
    const res = (await importFile('counts', 'valid-only', { name: 'taama-export.csv', content: exported.body })).json();
    expect(res).toMatchObject({ imported: 0, duplicates: lines.length - 2, rejected: [] });
  });
});

describe('bad files get a clear 4xx, never a 500', () => {
  it('an empty file', async () => {
    const res = await importFile('counts', 'dry-run', { name: 'empty.csv', content: '' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.file).toMatch(/empty/);
  });

  it('a BOM and ";" as saved by a spreadsheet', async () => {
    const text = '\uFEFF' + [SNAKE_HEADER.replace(/,/g, ';'), snakeRow({ date: '2022-06-10' }).replace(/,/g, ';')].join('\r\n');
    expect((await importFile('counts', 'dry-run', { name: 'bom.csv', content: text })).json()).toMatchObject({ imported: 1, rejected: [] });
  });

  it('a Windows-1252 file is read as such', async () => {
    const text = [`${SNAKE_HEADER},origin_locality`, `${snakeRow({ date: '2022-06-11' })},Ségou`].join('\r\n');
    const res = await importFile('counts', 'valid-only', { name: 'cp1252.csv', content: Buffer.from(text, 'latin1') });
    expect(res.json()).toMatchObject({ imported: 1, rejected: [] });
    const stored = await h.database.db.selectFrom('flowCounts').select('originLocality').where('date', '=', '2022-06-11').executeTakeFirstOrThrow();
    expect(stored.originLocality).toBe('Ségou');
  });

  it('invalid UTF-8 in one row of a UTF-8 file rejects that row only', async () => {
    const head = Buffer.from([`${SNAKE_HEADER},origin_locality`, `${snakeRow({ date: '2022-06-12' })},Ségou`, ''].join('\n'), 'utf8');
    const bad = Buffer.concat([Buffer.from(`${snakeRow({ date: '2022-06-12', men: 9 })},S`), Buffer.from([0xe9]), Buffer.from('gou\n')]);
    const res = (await importFile('counts', 'dry-run', { name: 'mixed.csv', content: Buffer.concat([head, bad]) })).json();
    expect(res.imported).toBe(1);
    expect(res.rejected).toEqual([{ row: 3, errors: [{ field: 'originLocality', message: expect.stringMatching(/not valid UTF-8/) }] }]);
  });

  it('a file without the required columns is refused whole, with the column report', async () => {
    const res = await importFile('counts', 'dry-run', { name: 'few.csv', content: 'fmp_id,date,colour\nML-FMP-06,2022-01-01,blue\n' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.file).toMatch(/no column for required field\(s\) direction/);
    expect(res.json().error.details.columns).toEqual({ recognised: { fmp_id: 'fmpId', date: 'date' }, unrecognised: ['colour'] });
  });

  it('binary content, a fake .xlsx, and a bad mapping', async () => {
    expect((await importFile('counts', 'dry-run', { name: 'x.csv', content: Buffer.from([0, 1, 2, 3, 0, 0, 9]) })).statusCode).toBe(400);
    const fake = await importFile('counts', 'dry-run', { name: 'x.xlsx', content: 'a,b\n1,2\n' });
    expect(fake.statusCode).toBe(400);
    expect(errorOf(fake).fields?.file).toMatch(/not an XLSX/);
    const broken = await importFile('counts', 'dry-run', { name: 'x.xlsx', content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]) });
    expect(broken.statusCode).toBe(400);
    const mapping = await importFile('counts', 'dry-run', { name: 'x.csv', content: SNAKE_HEADER }, { mapping: '{"a": "nope"}' });
    expect(mapping.statusCode).toBe(400);
    expect(errorOf(mapping).fields?.mapping).toMatch(/not a counts field/);
  });

  it('no file part, and a wrong mode', async () => {
    const body = multipart({ source: 'x' }, null);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/flows/counts/import?mode=dry-run', headers: { ...bearer(officer), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.file).toMatch(/required/);
    expect((await importFile('counts', 'sometimes', { name: 'a.csv', content: SNAKE_HEADER })).statusCode).toBe(400);
  });
});

describe('upload size limit', () => {
  it('a file over the configured limit is a 413 and writes nothing', async () => {
    const small = await createHarness({ importMaxBytes: 2048 } as never);
    try {
      const token = await small.login('data.officer');
      const rows = [SNAKE_HEADER];
      for (let i = 0; i < 200; i += 1) rows.push(snakeRow({ date: '2022-06-20', men: i }));
      const body = multipart({}, { name: 'big.csv', content: rows.join('\n') });
      const res = await small.app.inject({ method: 'POST', url: '/api/v1/flows/counts/import?mode=all-or-nothing', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
      expect(res.statusCode).toBe(413);
      expect(await countRows('ML-FMP-06', '2022-06-20')).toBe(0);
    } finally {
      await small.close();
    }
  });
});
