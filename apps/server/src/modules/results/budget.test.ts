// Budget: contracts, lines per output, expenditures in XOF at the peg, burn rate vs time elapsed,
// cost per beneficiary per output from the indicators' cumulative values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorList } from '@taama/core';
import { bearer, createHarness, errorOf, unique, type Harness } from '../../../test/harness';

let h: Harness;
let officer: { token: string };

beforeAll(async () => {
  h = await createHarness();
  officer = await h.userWith({ permissions: ['indicator.read', 'indicator.manage'], scope: 'all', maxSensitivity: 'internal' });
});
afterAll(() => h.close());

const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(officer.token), payload });
const get = (url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(officer.token) });

describe('budget', () => {
  it('converts XOF at the peg and reports burn rate, time elapsed and cost per beneficiary', async () => {
    const code = unique('iom-');
    const contract = await post('/budget/contracts', { code, partner: 'iom', amountEur: 11_800_000, startDate: '2018-01-01', endDate: '2021-12-31' });
    expect(contract.statusCode, contract.body).toBe(201);
    const line = await post('/budget/lines', { contractId: contract.json().id, outputCode: 'OS1.1', label: 'Transit centres', amountEur: 2_000_000 });
    expect(line.statusCode, line.body).toBe(201);
    const xof = await post('/budget/expenditures', { lineId: line.json().id, spentOn: '2019-06-30', currency: 'XOF', amount: 655_957_000, description: 'Centre running costs 2019' });
    expect(xof.json()).toMatchObject({ amountEur: 1_000_000 });
    await post('/budget/expenditures', { lineId: line.json().id, spentOn: '2020-01-15', currency: 'EUR', amount: 180_000.5, description: 'Food' });
    await post('/budget/expenditures', { lineId: line.json().id, spentOn: '2022-01-15', currency: 'EUR', amount: 99, description: 'after the date asked' });

    const summary = await get('/budget/summary?asOf=2019-12-31');
    expect(summary.statusCode, summary.body).toBe(200);
    const s = summary.json() as { contracts: { code: string; spentEur: number; burnRate: number; timeElapsed: number }[]; outputs: { outputCode: string; spentEur: number; beneficiaries: number; costPerBeneficiaryEur: number }[] };
    expect(s.contracts.find((c) => c.code === code)).toMatchObject({ spentEur: 1_000_000, burnRate: 8.5, timeElapsed: 49.9 });
    const values = (await get('/indicators?from=2018-01-01&to=2019-12-31')).json() as IndicatorList;
    const served = values.items.find((i) => i.code === '3.2')?.cumulative ?? 0;
    expect(served).toBeGreaterThan(0);
    const output = s.outputs.find((o) => o.outputCode === 'OS1.1');
    expect(output?.beneficiaries).toBe(served);
    expect(output?.spentEur).toBeGreaterThanOrEqual(1_000_000);
    expect(output?.costPerBeneficiaryEur).toBe(Math.round(((output?.spentEur ?? 0) / served) * 100) / 100);
  });

  it('names the bad field', async () => {
    const inverted = await post('/budget/contracts', { code: unique('x-'), partner: 'iom', amountEur: 1, startDate: '2020-01-01', endDate: '2019-01-01' });
    expect(errorOf(inverted).fields).toEqual({ endDate: 'must not be before startDate' });
    const notOutput = await post('/budget/lines', { contractId: '0190f3a4-0000-7000-8000-000000000000', outputCode: 'OS1', label: 'x', amountEur: 1 });
    expect(errorOf(notOutput).fields).toEqual({ outputCode: 'must be the code of a logframe output' });
    const currency = await post('/budget/expenditures', { lineId: '0190f3a4-0000-7000-8000-000000000000', spentOn: '2020-01-01', currency: 'USD', amount: 1, description: 'x' });
    expect(currency.statusCode).toBe(400);
    expect(errorOf(currency).fields?.currency).toBeDefined();
    const unknownLine = await post('/budget/expenditures', { lineId: '0190f3a4-0000-7000-8000-000000000000', spentOn: '2020-01-01', currency: 'EUR', amount: 1, description: 'x' });
    expect(unknownLine.statusCode).toBe(400);
    expect(errorOf(unknownLine).fields).toEqual({ lineId: 'refers to an unknown record' });
  });
});
