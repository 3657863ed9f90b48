import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';

let h: Harness;
let officer: string;
beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('data.officer');
});
afterAll(() => h.close());

const answers = {
  sex: 'female', age: 27, nationality: 'CIV', birthCountry: 'CIV', maritalStatus: 'married', education: 'primary', employmentBefore: 'self_employed',
  departureCountry: 'CIV', timeSinceDeparture: 'lt_2w', previousAttempt: false, forciblyDisplaced: false, reasons: ['economic', 'family_reunion'],
  transportModes: ['bus'], travelGroup: 'family_adults', groupSize: 3, fundingSources: ['savings'], nextCountry: 'MLI', finalDestinationCountry: 'MLI',
  destinationReasons: ['relatives_there'], plannedStay: 'gt_1y', intendsReturn: 'yes_when_possible', journeyDifficulties: ['extortion'],
  informationNeeds: ['jobs'], referredTo: ['none'], freeText: 'met at the bus station',
};

describe('flow surveys', () => {
  it('records an interview; microdata need flowSurvey.read', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/flows/surveys', headers: bearer(officer), payload: { fmpId: 'ML-FMP-01', date: '2023-04-02', consent: true, ...answers } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/flows/surveys/${id}`, headers: bearer(officer) })).json()).toMatchObject({ age: 27, reasons: ['economic', 'family_reunion'] });
    const reader = await h.userWith({ permissions: ['flow.read'] });
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/flows/surveys/${id}`, headers: bearer(reader.token) })).statusCode).toBe(403);
  });

  it('consent false ends the record: answers sent along are not kept', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/flows/surveys', headers: bearer(officer), payload: { fmpId: 'ML-FMP-01', date: '2023-04-02', consent: false, ...answers } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ consent: false, sex: null, age: null, reasons: null, freeText: null, fmpId: 'ML-FMP-01' });
  });

  it('a consented interview without answers is refused, naming the fields', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/flows/surveys', headers: bearer(officer), payload: { fmpId: 'ML-FMP-01', date: '2023-04-02', consent: true, sex: 'male' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toMatchObject({ age: expect.stringMatching(/required/), reasons: expect.stringMatching(/required/) });
  });

  it('reasons by nationality hide counts of 1–4 and percentages on bases below 30', async () => {
    const items = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/stats/reasons?by=nationality&from=2020-08-01&to=2021-12-31', headers: bearer(officer) })).json().items;
    expect(items.length).toBeGreaterThan(3);
    for (const group of items) {
      for (const r of group.reasons) {
        if (r.count !== null) expect(r.count).toBeGreaterThanOrEqual(5);
        if (group.n < 30) expect(r.percent).toBeNull();
      }
    }
    expect(items.some((g: { n: number; reasons: { percent: number | null }[] }) => g.n >= 30 && g.reasons.some((r) => r.percent !== null))).toBe(true);
  });
});

describe('monitoring points and collections', () => {
  it('creates a point, closes it with If-Match; a stale version is 412; counts after closing are refused', async () => {
    const id = `ML-FMP-T${Math.floor(Math.random() * 900 + 100)}`;
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/flows/points', headers: bearer(officer), payload: { id, name: 'Test point', countryIso3: 'MLI', lat: 14.5, lon: -4.2, fmpType: 'bus_station', activePeriods: [{ from: '2022-01-01', to: null }] } });
    expect(created.statusCode, created.body).toBe(201);
    const closed = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/points/${id}`, headers: { ...bearer(officer), 'if-match': '1' }, payload: { activePeriods: [{ from: '2022-01-01', to: '2022-12-31' }] } });
    expect(closed.json()).toMatchObject({ version: 2, activePeriods: [{ from: '2022-01-01', to: '2022-12-31' }] });
    const stale = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/points/${id}`, headers: { ...bearer(officer), 'if-match': '1' }, payload: { name: 'x' } });
    expect(stale.statusCode).toBe(412);
    const overlapping = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/points/${id}`, headers: { ...bearer(officer), 'if-match': '2' }, payload: { activePeriods: [{ from: '2022-01-01', to: null }, { from: '2023-01-01', to: null }] } });
    expect(errorOf(overlapping).fields?.activePeriods).toMatch(/overlap/);
    const points = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/points', headers: bearer(officer) })).json().items;
    expect(points.find((p: { id: string }) => p.id === 'ML-FMP-06')).toMatchObject({ activePeriods: [{ from: '2016-07-01', to: null }], version: 1 });
  });

  it('data collection exercises: create, list, edit with If-Match, unknown points refused', async () => {
    const payload = { kind: 'fms_round', name: 'FMS round 3', method: 'traveller_interview', startDate: '2023-01-01', endDate: '2023-03-31', coverage: { text: 'North', fmpIds: ['ML-FMP-06', 'ML-FMP-09'] }, status: 'planned' };
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/flows/collections', headers: bearer(officer), payload });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/collections/${created.json().id}`, headers: { ...bearer(officer), 'if-match': '1' }, payload: { status: 'completed' } });
    expect(edited.json()).toMatchObject({ status: 'completed', version: 2, coverage: { fmpIds: ['ML-FMP-06', 'ML-FMP-09'] } });
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/flows/collections/${created.json().id}`, headers: bearer(officer) })).json()).toMatchObject({ status: 'completed', name: 'FMS round 3' });
    const list = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/collections?kind=fms_round', headers: bearer(officer) })).json();
    expect(list.items.some((c: { id: string }) => c.id === created.json().id)).toBe(true);
    const bad = await h.app.inject({ method: 'POST', url: '/api/v1/flows/collections', headers: bearer(officer), payload: { ...payload, coverage: { text: '', fmpIds: ['ML-FMP-99'] } } });
    expect(errorOf(bad).fields?.['coverage.fmpIds']).toMatch(/ML-FMP-99/);
  });
});
