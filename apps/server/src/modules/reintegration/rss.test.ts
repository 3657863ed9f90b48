// RSS on the real database: the shipped instrument, scoring a survey, refusals, custom instruments
// (JSON and XLSX), immutability by design, the change from baseline to follow-up and the summary.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, unique, type Harness } from '../../../test/harness';
import defaultInstrument from './rss-default-instrument.json' with { type: 'json' };
import { approvedCase, call, openCase, reintegrationTeam, type Team } from './test-team';
import type { TestUser } from '../protection/test-people';

let h: Harness;
let team: Team;
let admin: TestUser;

beforeAll(async () => {
  h = await createHarness();
  team = await reintegrationTeam(h);
  admin = await h.userWith({ permissions: ['rssInstrument.manage'] });
});
afterAll(() => h.close());

/** A valid small instrument under a fresh version. */
function smallInstrument(version = unique('test-')) {
  const options = [{ value: 'yes', score: 1 }, { value: 'no', score: 0 }];
  return {
    version,
    minAnsweredShare: 0.5,
    items: [
      { code: 'income', dimension: 'economic', weight: 1, compositeWeight: 0.4, missingScore: 0.5, options },
      { code: 'housing', dimension: 'social', weight: 1, compositeWeight: 0.3, options },
      { code: 'belonging', dimension: 'psychosocial', weight: 1, compositeWeight: 0.3, missingScore: 0.5, options },
    ],
  };
}

describe('instruments', () => {
  it('ships the default instrument, unverified, readable by reintegration officers and administrators', async () => {
    for (const user of [team.officer, admin]) {
      const list = await call(h, user, 'GET', '/rss/instruments');
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toContainEqual(expect.objectContaining({ version: defaultInstrument.version, status: 'unverified', itemCount: 31 }));
    }
    const full = await call(h, team.officer, 'GET', `/rss/instruments/${defaultInstrument.version}`);
    expect(full.json()).toMatchObject({ version: defaultInstrument.version, minAnsweredShare: 0.75, status: 'unverified' });
    expect(full.json().items).toHaveLength(31);
    const outsider = await h.userWith({ permissions: ['reference.read'] });
    expect((await call(h, outsider, 'GET', '/rss/instruments')).statusCode).toBe(403);
  });

  it('adds a valid instrument (201), refuses an invalid one naming the path (400) and a taken version (409)', async () => {
    const instrument = smallInstrument();
    expect((await call(h, admin, 'POST', '/rss/instruments', instrument)).statusCode).toBe(201);
    expect((await call(h, admin, 'POST', '/rss/instruments', instrument)).statusCode).toBe(409);
    const broken = smallInstrument();
    broken.items[0] = { ...broken.items[0]!, weight: 0.9 }; // eslint-disable-line @typescript-eslint/no-non-null-assertion -- fixture has three items
    const bad = await call(h, admin, 'POST', '/rss/instruments', broken);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ 'weights.economic': 'the economic items\' weights sum to 0.9, not 1' });
    expect((await call(h, team.officer, 'POST', '/rss/instruments', smallInstrument())).statusCode).toBe(403);
  });

  it('round-trips the XLSX template: downloaded, re-versioned, imported; errors name the sheet row', async () => {
    const template = await h.app.inject({ method: 'GET', url: '/api/v1/rss/instruments/template.xlsx', headers: bearer(admin.token) });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const version = unique('xlsx-');
    const meta = book.getWorksheet('meta');
    meta?.eachRow((row) => {
      if (row.getCell(1).value === 'version') row.getCell(2).value = version;
    });
    const upload = async (b: ExcelJS.Workbook) => {
      const boundary = 'taamaboundary';
      const file = Buffer.from(await b.xlsx.writeBuffer());
      const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rss.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return h.app.inject({ method: 'POST', url: '/api/v1/rss/instruments/import', headers: { ...bearer(admin.token), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    };
    const ok = await upload(book);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ version, minAnsweredShare: 0.75 });
    expect(ok.json().items).toHaveLength(31);
    const fromJson = (await call(h, team.officer, 'GET', `/rss/instruments/${version}`)).json();
    expect(fromJson.items.find((i: { code: string }) => i.code === 'remigration').derived).toEqual({ op: 'sum', of: ['able_to_stay', 'leave_wish_or_need'], clamp: [0, 1] });
    meta?.eachRow((row) => {
      if (row.getCell(1).value === 'version') row.getCell(2).value = unique('xlsx-');
    });
    const items = book.getWorksheet('items');
    if (items) items.getRow(2).getCell(3).value = 0.5;
    const bad = await upload(book);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('weights.economic');
  });
});

describe('surveys', () => {
  it('scores a survey with the default instrument and stores its version', async () => {
    const c = await openCase(h, team);
    const res = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round: 'baseline', instrumentVersion: defaultInstrument.version, surveyedOn: '2025-03-05', answers: { economic_satisfaction: '1', food_reduction: '5', health_access: 'dont_know' } });
    expect(res.statusCode).toBe(201);
    // economic: .15·1 + .12·0 + .73·.5 = .515; composite: .05·1 + .08·0 + .87·.5 = .485
    expect(res.json()).toMatchObject({ round: 'baseline', instrumentVersion: defaultInstrument.version, complete: true, scores: { economic: 0.515, social: 0.5, psychosocial: 0.5, composite: 0.485 }, band: 'medium' });
    const list = (await call(h, team.officer, 'GET', `/reintegration-cases?q=${encodeURIComponent(c.caseNumber)}`)).json();
    expect(list.items[0].latestRss).toEqual({ round: 'baseline', composite: 0.485, complete: true });
  });

  it('refuses an answer outside the options (400 naming answers.<code>) and an unknown version (400)', async () => {
    const c = await openCase(h, team);
    const outside = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round: 'baseline', answers: { economic_satisfaction: '9' } });
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).fields).toEqual({ 'answers.economic_satisfaction': 'must be one of: 1, 2, 3, 4, 5, refused' });
    const unknown = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round: 'baseline', instrumentVersion: 'no-such-version', answers: {} });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fields).toEqual({ instrumentVersion: 'is not a known RSS instrument version' });
  });

  it('marks a survey incomplete under the minimum share, shows the instrument in use, and gives the change baseline → follow-up', async () => {
    const instrument = smallInstrument();
    await call(h, admin, 'POST', '/rss/instruments', instrument);
    const c = await approvedCase(h, team);
    const post = (round: string, answers: Record<string, string | null>) => call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round, instrumentVersion: instrument.version, answers });
    const base = await post('baseline', { income: 'no', housing: null, belonging: 'no' });
    expect(base.json()).toMatchObject({ complete: false, scores: { economic: 0, social: null, psychosocial: 0, composite: 0 } });
    await post('followup', { income: 'yes', housing: 'yes', belonging: 'no' });
    const results = (await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}/rss`)).json();
    expect(results.items).toHaveLength(2);
    expect(results.change.scores).toEqual({ economic: 1, social: null, psychosocial: 0, composite: 0.7 });
    const list = (await call(h, team.officer, 'GET', '/rss/instruments')).json();
    expect(list.items.find((i: { version: string }) => i.version === instrument.version).inUse).toBe(true);
    // Immutable: no route changes or removes a version (a correction is a new version).
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await h.app.inject({ method, url: `/api/v1/rss/instruments/${instrument.version}`, headers: bearer(admin.token), payload: instrument })).statusCode).toBe(404);
    }
    expect((await call(h, team.officer, 'GET', `/rss/instruments/${instrument.version}`)).json().items).toEqual(instrument.items);
    const summaryRes = await call(h, team.officer, 'GET', '/reintegration/rss/summary?from=2000-01-01');
    expect(summaryRes.statusCode, summaryRes.body).toBe(200);
    const summary = summaryRes.json();
    expect(summary.instrumentStatus).toBe('unverified');
    expect(summary.distributions.economic).toHaveLength(10);
    const startup = summary.change.find((g: { assistanceType: string }) => g.assistanceType === 'business_startup');
    expect(startup.n).toBeGreaterThanOrEqual(1);
  });
});

describe('the caseload behind the dashboard', () => {
  it('filters on an assistance type and on the range of the latest composite score', async () => {
    const instrument = smallInstrument();
    expect((await call(h, admin, 'POST', '/rss/instruments', instrument)).statusCode).toBe(201);
    const c = await approvedCase(h, team);
    const survey = (round: string, answer: string, surveyedOn: string) =>
      call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round, instrumentVersion: instrument.version, surveyedOn, answers: { income: answer, housing: answer, belonging: answer } });
    expect((await survey('baseline', 'yes', '2025-05-01')).json().scores.composite).toBe(1);
    expect((await survey('followup', 'no', '2025-06-01')).json().scores.composite).toBe(0);
    const ids = async (query: string) => {
      const res = await call(h, team.officer, 'GET', `/reintegration-cases?limit=100&${query}`);
      expect(res.statusCode, query).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((x) => x.id);
    };
    // The latest result (0) counts, not the baseline (1).
    expect(await ids('compositeMin=0&compositeMax=0.1')).toContain(c.id);
    expect(await ids('compositeMin=0.9&compositeMax=1')).not.toContain(c.id);
    expect(await ids('assistanceType=business_startup')).toContain(c.id);
    expect(await ids('assistanceType=vocational_training')).not.toContain(c.id);
    for (const [query, field] of [['compositeMin=1.5', 'compositeMin'], ['compositeMin=0.5&compositeMax=0.2', 'compositeMax'], ['assistanceType=nothing', 'assistanceType']]) {
      const res = await call(h, team.officer, 'GET', `/reintegration-cases?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(errorOf(res)), query).toContain(field);
    }
    // The summary counts each returnee once, with their latest result.
    const summary = (await call(h, team.officer, 'GET', `/reintegration/rss/summary?from=2025-05-01&to=2025-06-01&regionPcode=${c.regionPcode}`)).json() as { distributions: { composite: number[] } };
    expect(summary.distributions.composite[9]).toBe(0);
    expect(summary.distributions.composite[0]).toBeGreaterThanOrEqual(1);
  });
});

describe('a survey with nothing answered', () => {
  it('is refused with 400 naming answers, and nothing is stored', async () => {
    const c = await openCase(h, team);
    for (const answers of [{}, { economic_satisfaction: null }]) {
      const res = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round: 'baseline', instrumentVersion: defaultInstrument.version, answers });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['answers']);
    }
    expect(await h.database.db.selectFrom('rssResults').select('id').where('reintegrationCaseId', '=', c.id).execute()).toEqual([]);
  });

  it('skips the follow-up question of the default instrument unless able_to_stay is "no"', async () => {
    const c = await openCase(h, team);
    const post = (answers: Record<string, string>) => call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/rss`, { round: 'baseline', instrumentVersion: defaultInstrument.version, answers });
    // remigration = clamp(able_to_stay + leave_wish_or_need). After "dont_know" (0.5) the follow-up is
    // skipped, so its "wish" (1) must not count: 0.5, where counting it would give 1 as after "no" (0 + 1).
    const unsure = (await post({ able_to_stay: 'dont_know', leave_wish_or_need: 'wish' })).json() as { scores: { psychosocial: number } };
    const no = (await post({ able_to_stay: 'no', leave_wish_or_need: 'wish' })).json() as { scores: { psychosocial: number } };
    expect(unsure.scores.psychosocial).toBeLessThan(no.scores.psychosocial);
  });
});
