// Monitoring on the real database: visits and their outcomes, overdue visits, certificates, a
// reproducible spot-check sample, satisfaction surveys and the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { approvedCase, call, openCase, reintegrationTeam, type CaseJson, type Team } from './test-team';

let h: Harness;
let team: Team;

beforeAll(async () => {
  h = await createHarness();
  team = await reintegrationTeam(h);
});
afterAll(() => h.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function upload(caseId: string, itemId: string, data: Buffer, token = team.officer.token) {
  const boundary = 'taamaboundary';
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="certificate.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return h.app.inject({ method: 'POST', url: `/api/v1/reintegration-cases/${caseId}/assistance/${itemId}/certificate`, headers: { ...bearer(token), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

async function deliveredWithCertificate(): Promise<CaseJson> {
  const c = await approvedCase(h, team);
  const itemId = c.items[0]?.id ?? '';
  await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance/${itemId}/status`, { to: 'delivered', on: '2025-04-01' });
  const res = await upload(c.id, itemId, PDF);
  if (res.statusCode !== 200) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return c;
}

describe('visits', () => {
  it('records a visit done with findings, refuses a second outcome, and lists overdue visits', async () => {
    const c = await approvedCase(h, team);
    const [visit] = c.visits;
    const res = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/visits/${visit?.id}/outcome`, { status: 'done', visitedOn: '2025-06-01', findings: 'Shop open', businessStatus: 'operating' });
    expect(res.json()).toMatchObject({ status: 'done', businessStatus: 'operating', overdue: false });
    expect((await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/visits/${visit?.id}/outcome`, { status: 'missed' })).statusCode).toBe(409);
    const noDate = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/visits/${c.visits[1]?.id}/outcome`, { status: 'done' });
    expect(errorOf(noDate).fields).toEqual({ visitedOn: 'is required for a visit that took place' });
    const extra = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/visits`, { scheduledOn: '2020-01-01' });
    expect(extra.json()).toMatchObject({ status: 'scheduled', overdue: true });
    const overdue = (await call(h, team.officer, 'GET', '/reintegration/visits/overdue?limit=500')).json();
    expect(overdue.items.map((v: { id: string }) => v.id)).toContain(extra.json().id);
    const list = (await call(h, team.officer, 'GET', `/reintegration-cases?overdueVisit=true&q=${encodeURIComponent(c.caseNumber)}`)).json();
    expect(list.items).toHaveLength(1);
    expect((await call(h, team.elsewhere, 'GET', '/reintegration/visits/overdue?limit=500')).json().items.map((v: { id: string }) => v.id)).not.toContain(extra.json().id);
  });
});

describe('certificates and spot checks', () => {
  it('stores a sniffed PDF, refuses other content, and serves it back with an audited read', async () => {
    const c = await approvedCase(h, team);
    const itemId = c.items[0]?.id ?? '';
    const text = await upload(c.id, itemId, Buffer.from('just some text'));
    expect(text.statusCode).toBe(400);
    expect(errorOf(text).fields).toEqual({ file: 'must be a PDF, JPEG or PNG file' });
    const ok = await upload(c.id, itemId, PDF);
    expect(ok.json().certificate).toMatchObject({ mimeType: 'application/pdf', sizeBytes: PDF.length });
    const back = await h.app.inject({ method: 'GET', url: `/api/v1/reintegration-cases/${c.id}/assistance/${itemId}/certificate`, headers: bearer(team.officer.token) });
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.rawPayload.equals(PDF)).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/reintegration-cases/${c.id}/assistance/${itemId}/certificate`, headers: bearer(team.elsewhere.token) })).statusCode).toBe(404);
  });

  it('draws the same sample for the same seed and population, and records outcomes', async () => {
    for (let i = 0; i < 3; i += 1) await deliveredWithCertificate();
    const first = (await call(h, team.officer, 'POST', '/reintegration/spot-checks', { percent: 50, seed: 'audit-2025' })).json();
    const second = (await call(h, team.officer, 'POST', '/reintegration/spot-checks', { percent: 50, seed: 'audit-2025' })).json();
    expect(first.population).toBeGreaterThanOrEqual(3);
    expect(second.population).toBe(first.population);
    expect(second.items.map((i: { assistanceItemId: string }) => i.assistanceItemId)).toEqual(first.items.map((i: { assistanceItemId: string }) => i.assistanceItemId));
    expect(first.items.length).toBe(Math.ceil(first.population / 2));
    const target = first.items[0].assistanceItemId;
    const recorded = await call(h, team.officer, 'POST', `/reintegration/spot-checks/${first.id}/items/${target}`, { outcome: 'confirmed' });
    expect(recorded.json().items.find((i: { assistanceItemId: string }) => i.assistanceItemId === target).outcome).toBe('confirmed');
    const list = (await call(h, team.officer, 'GET', '/reintegration/spot-checks')).json();
    expect(list.items.map((s: { id: string }) => s.id)).toContain(first.id);
  });
});

describe('satisfaction and dashboard', () => {
  it('records a satisfaction survey with its mean, refusing scores outside 1–5', async () => {
    const c = await openCase(h, team);
    const ok = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/satisfaction`, { surveyedOn: '2025-05-01', answers: { overall: 4, timeliness: 3 } });
    expect(ok.json()).toMatchObject({ meanScore: 3.5 });
    const bad = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/satisfaction`, { surveyedOn: '2025-05-01', answers: { overall: 6 } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('answers.overall');
  });

  it('counts the funnel, assistance and overdue work of the caller’s cases', async () => {
    const c = await approvedCase(h, team);
    const dash = (await call(h, team.officer, 'GET', '/reintegration/dashboard')).json();
    expect(dash.funnel.map((f: { status: string }) => f.status)).toEqual(['eligible', 'counselled', 'plan_approved', 'in_progress', 'completed', 'suspended', 'withdrawn', 'lost_contact']);
    expect(dash.funnel.find((f: { status: string }) => f.status === 'plan_approved').count).toBeGreaterThanOrEqual(1);
    expect(dash.assistanceByType.find((a: { type: string }) => a.type === 'business_startup').plannedXof).toBeGreaterThanOrEqual(c.items[0]?.plannedXof ?? 0);
    expect(dash.byRegion.every((r: { pcode: string }) => r.pcode.startsWith('ML07'))).toBe(true);
    const other = (await call(h, team.elsewhere, 'GET', '/reintegration/dashboard')).json();
    expect(other.byRegion.every((r: { pcode: string }) => r.pcode.startsWith('ML01'))).toBe(true);
  });
});
