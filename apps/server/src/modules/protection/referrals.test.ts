import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { addDays, today } from './protection.common';
import { giveSharingConsent, openCase, protectionTeam } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
let sahel: string;
let kayes: string;
beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h);
  sahel = await h.orgId('ngo-sahel-solidarite');
  kayes = await h.orgId('ngo-kayes-avenir');
});
afterAll(() => h.close());

const post = (token: string, url: string, payload: unknown, version?: number) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...bearer(token), ...(version === undefined ? {} : { 'if-match': String(version) }) }, payload: payload as object });
const get = (token: string, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

async function externalReferral(to: string, extra: Record<string, unknown> = {}) {
  const c = await openCase(h, team.caseworker, team.site.id);
  await giveSharingConsent(h, c.person.id, to);
  const res = await post(team.caseworker.token, `/transit-cases/${c.id}/referrals`, { kind: 'external', service: 'psychosocial', toOrganisationId: to, reason: 'needs counselling', ...extra });
  if (res.statusCode !== 201) throw new Error(`referral failed: ${res.statusCode} ${res.body}`);
  return { caseId: c.id, referral: res.json() };
}

describe('sending referrals', () => {
  it('an external referral without the person’s consent to share with that organisation is 422 naming toOrganisationId', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    await giveSharingConsent(h, c.person.id, kayes);
    const res = await post(team.caseworker.token, `/transit-cases/${c.id}/referrals`, { kind: 'external', service: 'legal', toOrganisationId: sahel });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields).toHaveProperty('toOrganisationId');
    expect(await h.database.db.selectFrom('referrals').select('id').where('transitCaseId', '=', c.id).execute()).toEqual([]);
  });

  it('with consent it is sent, due in the configured 7 days by default, and recorded in the case history', async () => {
    const { caseId, referral } = await externalReferral(sahel);
    const referredOn = today();
    expect(referral).toMatchObject({ kind: 'external', toOrganisationId: sahel, status: 'pending', referredOn, dueDate: addDays(referredOn, 7), overdue: false, version: 1 });
    expect(referral.fromOrganisationName).toBe('OIM Mali');
    // The sender cannot respond: only the receiving organisation does.
    expect(referral.abilities).toEqual({ respond: false, nextStatuses: [] });
    const history = (await get(team.caseworker.token, `/transit-cases/${caseId}`)).json().history;
    expect(history[0]).toMatchObject({ action: 'referred', details: { toOrganisationId: sahel, service: 'psychosocial' } });
  });

  it('an internal referral stays in the case’s organisation and needs no sharing consent', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const res = await post(team.caseworker.token, `/transit-cases/${c.id}/referrals`, { kind: 'internal', service: 'avr', referredOn: '2025-03-03', dueDate: '2025-03-04' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ toOrganisationName: 'OIM Mali', overdue: true, abilities: { respond: true, nextStatuses: ['accepted', 'declined', 'closed_without_service'] } });
    const bad = await post(team.caseworker.token, `/transit-cases/${c.id}/referrals`, { kind: 'internal', service: 'avr', referredOn: '2025-03-03', dueDate: '2025-03-01' });
    expect(errorOf(bad).fields).toHaveProperty('dueDate');
    const overdue = (await get(team.caseworker.token, '/referrals?direction=outgoing&overdue=true&limit=200')).json().items;
    expect(overdue.map((r: { id: string }) => r.id)).toContain(res.json().id);
  });
});

describe('the receiving organisation', () => {
  it('an NGO user sees only referrals sent to their organisation, responds to them and not to others', async () => {
    const toSahel = await externalReferral(sahel);
    const toKayes = await externalReferral(kayes);
    const incoming = (await get(team.ngo.token, '/referrals?limit=200')).json().items;
    const ids = incoming.map((r: { id: string }) => r.id);
    expect(ids).toContain(toSahel.referral.id);
    expect(ids).not.toContain(toKayes.referral.id);
    expect(incoming.every((r: { toOrganisationId: string }) => r.toOrganisationId === sahel)).toBe(true);
    expect((await get(team.ngo.token, `/referrals/${toKayes.referral.id}`)).statusCode).toBe(404);
    expect((await post(team.ngo.token, `/referrals/${toKayes.referral.id}/respond`, { status: 'accepted' }, 1)).statusCode).toBe(404);
    // The NGO has no access to the case itself.
    expect((await get(team.ngo.token, `/transit-cases/${toSahel.caseId}`)).statusCode).toBe(403);

    const one = (await get(team.ngo.token, `/referrals/${toSahel.referral.id}`)).json();
    expect(one.abilities).toEqual({ respond: true, nextStatuses: ['accepted', 'declined', 'closed_without_service'] });
    const accepted = await post(team.ngo.token, `/referrals/${toSahel.referral.id}/respond`, { status: 'accepted', feedback: 'first session on Monday' }, 1);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', feedback: 'first session on Monday', version: 2, abilities: { nextStatuses: ['completed', 'closed_without_service'] } });
    const stale = await post(team.ngo.token, `/referrals/${toSahel.referral.id}/respond`, { status: 'completed' }, 1);
    expect(stale.statusCode).toBe(412);
    const skip = await post(team.ngo.token, `/referrals/${toSahel.referral.id}/respond`, { status: 'declined' }, 2);
    expect(skip.statusCode).toBe(409);
    expect((await post(team.ngo.token, `/referrals/${toSahel.referral.id}/respond`, { status: 'completed', feedback: 'four sessions held' }, 2)).json().status).toBe('completed');

    const sender = await post(team.caseworker.token, `/referrals/${toKayes.referral.id}/respond`, { status: 'accepted' }, 1);
    expect(sender.statusCode).toBe(403);
    expect(errorOf(sender).code).toBe('not_receiving_organisation');
    const outgoing = (await get(team.caseworker.token, `/referrals?direction=outgoing&status=completed&limit=200`)).json().items;
    expect(outgoing.map((r: { id: string }) => r.id)).toContain(toSahel.referral.id);
    const history = (await get(team.caseworker.token, `/transit-cases/${toSahel.caseId}`)).json().history;
    expect(history.filter((e: { action: string }) => e.action === 'referral_responded').map((e: { details: { to: string } }) => e.details.to)).toEqual(['completed', 'accepted']);
  });
});
