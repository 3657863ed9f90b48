// Period sign-off and restatements, manual values with evidence and four eyes, registry edits.
// Sign-offs are permanent in the shared test database: this file alone signs off, and only 2023Q2 and
// 2022Q4, quarters the other results tests leave alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorList, IndicatorValue, ManualValue, PeriodStatus } from '@taama/core';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { fieldTeam } from './results.fixtures';

let h: Harness;
let officer: { id: string; token: string };
let colleague: { id: string; token: string };
let team: Awaited<ReturnType<typeof fieldTeam>>;

const M_E = ['indicator.read', 'indicator.manage', 'period.signOff', 'report.export'] as const;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

beforeAll(async () => {
  h = await createHarness();
  team = await fieldTeam(h);
  officer = await h.userWith({ permissions: [...M_E], scope: 'all', maxSensitivity: 'internal' });
  colleague = await h.userWith({ permissions: [...M_E], scope: 'all', maxSensitivity: 'internal' });
});
afterAll(() => h.close());

const get = (url: string, token = officer.token) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
const post = (url: string, payload?: object, token = officer.token) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });

/** A multipart body with form fields and an optional evidence file. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  const boundary = '----taama-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const enter = (code: string, fields: Record<string, string>, file?: { name: string; data: Buffer }, token = officer.token) => {
  const body = multipart(fields, file);
  return h.app.inject({ method: 'POST', url: `/api/v1/indicators/${encodeURIComponent(code)}/manual-values`, headers: { ...bearer(token), ...body.headers }, payload: body.payload });
};

async function indicator(query: string, code: string): Promise<IndicatorValue> {
  const res = await get(`/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json() as IndicatorList).items.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
}

describe('period sign-off', () => {
  it('locks a quarter: a later record dated in it shows as a flagged restatement with the difference, never a silent change', async () => {
    const first = await team.person({ sex: 'female' });
    await team.served(first, ['2023-05-10']);
    const before = await indicator('from=2023-04-01&to=2023-06-30&by=sex,ageGroup', '3.2');

    const signed = await post('/periods/2023Q2/sign-off', { note: 'Q2 report sent' });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ period: '2023Q2', status: 'signed_off', note: 'Q2 report sent' });
    expect((await post('/periods/2023Q2/sign-off', {})).statusCode).toBe(409);

    // A late entry: a service dated in the signed-off quarter, for someone never served before.
    const late = await team.person({ sex: 'male' });
    await team.served(late, ['2023-06-20']);

    const after = await indicator('from=2023-04-01&to=2023-06-30&by=sex,ageGroup', '3.2');
    expect(after.value).toBe(before.value);
    expect(after.periods).toEqual([{ period: '2023Q2', value: before.value, signedOff: true }]);
    expect(after.disaggregations).toEqual(before.disaggregations);
    expect(after.restatements).toEqual([{ period: '2023Q2', signedOff: before.value, current: before.value + 1, difference: 1 }]);

    // A span around it keeps the signed-off quarter too; the year's cumulative value likewise.
    const year = await indicator('from=2023-01-01&to=2023-12-31', '3.2');
    expect(year.periods.find((p) => p.period === '2023Q2')).toEqual({ period: '2023Q2', value: before.value, signedOff: true });
    expect(year.restatements).toHaveLength(1);
    expect(year.periods.reduce((a, p) => a + p.value, 0)).toBe(year.value);

    const periods = (await get('/periods')).json() as { items: PeriodStatus[] };
    expect(periods.items.find((p) => p.period === '2023Q2')).toMatchObject({ status: 'signed_off', from: '2023-04-01', to: '2023-06-30' });
    expect(periods.items.find((p) => p.period === '2023Q1')?.status).toBe('ended');
  });

  it('refuses quarters that have not ended and malformed ones, naming the field', async () => {
    const future = await post('/periods/2099Q1/sign-off', {});
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).fields).toEqual({ period: 'has not ended yet' });
    const bad = await post('/periods/2023Q5/sign-off', {});
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ period: 'must be a quarter like 2025Q1' });
  });
});

describe('manual values', () => {
  it('count only once approved by someone else, with their evidence; the newest approval of a quarter wins', async () => {
    const created = await enter('OS1.centres', { period: '2022Q3', value: '2', note: 'Gao and Bamako centres' }, { name: 'minutes.pdf', data: PDF });
    expect(created.statusCode, created.body).toBe(201);
    const value = created.json() as ManualValue;
    expect(value).toMatchObject({ status: 'pending', period: '2022Q3', value: 2, abilities: { approve: false } });
    expect(value.evidence[0]).toMatchObject({ fileName: 'minutes.pdf', contentType: 'application/pdf', bytes: PDF.length });

    const span = 'from=2022-07-01&to=2022-09-30';
    const pending = await indicator(span, 'OS1.centres');
    const self = await post(`/indicators/OS1.centres/manual-values/${value.id}/decision`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(errorOf(self).code).toBe('four_eyes_required');

    const approved = await post(`/indicators/OS1.centres/manual-values/${value.id}/decision`, { decision: 'approve' }, colleague.token);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: colleague.id });
    const counted = await indicator(`${span}&by=sex`, 'OS1.centres');
    expect(counted.value).toBe(pending.value + 2);
    expect(counted.disaggregations.sex).toEqual({ unknown: counted.value });
    expect((await post(`/indicators/OS1.centres/manual-values/${value.id}/decision`, { decision: 'reject' }, colleague.token)).statusCode).toBe(409);

    const correction = (await enter('OS1.centres', { period: '2022Q3', value: '3' }, { name: 'photo.png', data: PNG })).json() as ManualValue;
    await post(`/indicators/OS1.centres/manual-values/${correction.id}/decision`, { decision: 'approve' }, colleague.token);
    expect((await indicator(span, 'OS1.centres')).value).toBe(pending.value + 3);

    const evidence = await get(`/indicators/OS1.centres/manual-values/${value.id}/evidence`);
    expect(evidence.statusCode).toBe(200);
    expect(evidence.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a value without evidence (422), with evidence that is not a PDF/JPEG/PNG/XLSX (422), and for a signed-off quarter (409)', async () => {
    const none = await enter('4.6', { period: '2022Q1', value: '1' });
    expect(none.statusCode).toBe(422);
    expect(errorOf(none).fields).toEqual({ evidence: 'is required (a PDF, JPEG, PNG or XLSX file)' });
    const json = await post('/indicators/4.6/manual-values', { period: '2022Q1', value: 1 });
    expect(json.statusCode).toBe(422);
    const exe = await enter('4.6', { period: '2022Q1', value: '1' }, { name: 'report.pdf', data: Buffer.from('MZ\x90\x00 not a pdf') });
    expect(exe.statusCode).toBe(422);
    expect(errorOf(exe).fields).toEqual({ evidence: 'must be a PDF, JPEG, PNG or XLSX file' });

    expect((await post('/periods/2022Q4/sign-off', {})).statusCode).toBe(201);
    const locked = await enter('4.6', { period: '2022Q4', value: '1' }, { name: 'law.pdf', data: PDF });
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('period_locked');
  });

  it('names the bad field: a malformed quarter, a negative value, an automatic indicator, an unknown one', async () => {
    const badPeriod = await enter('4.6', { period: '2022-Q1', value: '1' }, { name: 'a.pdf', data: PDF });
    expect(badPeriod.statusCode).toBe(400);
    expect(errorOf(badPeriod).fields?.period).toBeDefined();
    const negative = await enter('4.6', { period: '2022Q1', value: '-3' }, { name: 'a.pdf', data: PDF });
    expect(errorOf(negative).fields?.value).toBeDefined();
    expect((await enter('3.2', { period: '2022Q1', value: '1' }, { name: 'a.pdf', data: PDF })).statusCode).toBe(422);
    expect((await enter('9.99', { period: '2022Q1', value: '1' }, { name: 'a.pdf', data: PDF })).statusCode).toBe(404);
  });
});

describe('the registry', () => {
  it('edits a definition with If-Match; a new computation is a new rule version the values name', async () => {
    const current = (await get('/indicators/definitions')).json() as { items: { code: string; version: number; computation: { version: number } }[] };
    const def = current.items.find((d) => d.code === '5.2');
    if (!def) throw new Error('5.2');
    const patch = (version: number, body: object) => h.app.inject({ method: 'PATCH', url: '/api/v1/indicators/definitions/5.2', headers: { ...bearer(officer.token), 'if-match': String(version) }, payload: body });
    const changed = await patch(def.version, { target: 2, periodTargets: { '2022Q1': 1 }, computation: { mode: 'automatic', source: 'flows.collections_completed', kind: 'distinct' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ target: 2, periodTargets: { '2022Q1': 1 }, computation: { mode: 'automatic', version: def.computation.version + 1 }, version: def.version + 1 });
    expect((await patch(def.version, { target: 3 })).statusCode).toBe(412);
    const v = await indicator('from=2022-01-01&to=2022-03-31', '5.2');
    expect(v.ruleVersion).toBe(def.computation.version + 1);
    expect(v.periods[0]?.target).toBe(1);
    const back = await patch(def.version + 1, { computation: { mode: 'manual' } });
    expect(back.json()).toMatchObject({ computation: { mode: 'manual', version: def.computation.version + 2 } });
    expect(errorOf(await patch(def.version + 2, { level: 'OS9' })).fields).toEqual({ level: 'must be the code of a logframe node' });
  });

  it('serves the logframe with each node’s indicators', async () => {
    const res = await get('/logframe');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { code: string; kind: string; indicators: string[] }[] }).items;
    expect(items[0]).toMatchObject({ code: 'GO', kind: 'goal' });
    expect(items.find((n) => n.code === 'OS1')?.indicators).toEqual(expect.arrayContaining(['3.2', '3.4', '3.5']));
    expect(items.filter((n) => n.kind === 'objective').map((n) => n.code)).toEqual(['OS1', 'OS2', 'OS3', 'OS4', 'OS5']);
  });
});
