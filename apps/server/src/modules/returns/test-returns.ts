// Test helpers of the returns tests: a site of one's own, a return officer and a protection officer,
// people, and a case driven to a given point of the workflow through the API.
import type { Permission } from '@taama/core';
import { bearer, errorOf, type Harness } from '../../../test/harness';
import { makePerson, makeSite, type TestUser } from '../protection/test-people';

export const RETURN_OFFICER: Permission[] = ['person.read', 'person.create', 'person.update', 'returnCase.read', 'returnCase.create', 'returnCase.update', 'returnCase.transition', 'movement.manage'];

/** A fresh site, a return officer (organisation scope), a colleague, and a protection officer who approves. */
export async function returnsTeam(h: Harness) {
  const site = await makeSite(h, null);
  const officer = await h.userWith({ permissions: RETURN_OFFICER, scope: 'organisation', site: site.code, maxSensitivity: 'personal' });
  const colleague = await h.userWith({ permissions: RETURN_OFFICER, scope: 'organisation', site: site.code, maxSensitivity: 'personal' });
  const protection = await h.userWith({ permissions: ['person.read', 'returnCase.read', 'returnCase.approve'], scope: 'organisation', site: site.code, maxSensitivity: 'sensitive' });
  return { site, officer, colleague, protection };
}
export type ReturnsTeam = Awaited<ReturnType<typeof returnsTeam>>;

/** Sends a request as a user and returns the response. */
export function call(h: Harness, user: TestUser | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return h.app.inject({ method, url: `/api/v1${url}`, headers: { ...(user ? bearer(user.token) : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** Same as call, but fails the test with the body when the status is not the expected one. */
export async function ok<T = Record<string, unknown> & { id: string; version: number; status: string }>(
  h: Harness, user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}, status = method === 'POST' ? [200, 201] : [200],
): Promise<T> {
  const res = await call(h, user, method, url, payload, headers);
  if (!status.includes(res.statusCode)) throw new Error(`${method} ${url} → ${res.statusCode} ${JSON.stringify(errorOf(res))}`);
  return res.json() as T;
}

/** Opens an inbound case (a Malian coming home from Niger) for a fresh person. */
export async function openReturn(h: Harness, team: ReturnsTeam, extra: Record<string, unknown> = {}) {
  const personId = await makePerson(h, team.site.id);
  return ok(h, team.officer, 'POST', '/returns', { personId, direction: 'inbound', destinationCountry: 'MLI', fromCountry: 'NER', destinationPcode: 'ML0101', requestedOn: '2025-03-01', ...extra });
}

/** A date `days` from today (UTC), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Drives a fresh case to `booked` through the API (declaration, document, medical, due diligence). */
export async function bookedReturn(h: Harness, team: ReturnsTeam, extra: Record<string, unknown> = {}, documentExpiresOn = daysFromToday(365)) {
  const c = await openReturn(h, team, extra);
  const u = team.officer;
  const to = (status: string) => ok(h, u, 'POST', `/returns/${c.id}/transitions`, { to: status });
  await to('counselled');
  await ok(h, u, 'PATCH', `/returns/${c.id}`, { declaration: { signedOn: '2025-03-02', witness: 'Fatoumata Coulibaly' } }, { 'if-match': '2' });
  await to('eligible');
  await to('documents_pending');
  await ok(h, u, 'POST', `/returns/${c.id}/travel-documents`, { type: 'laissez_passer', requestedOn: '2025-03-03', issuedOn: '2025-03-05', number: `LP${c.id.slice(-6)}`, expiresOn: documentExpiresOn, status: 'issued', consulate: 'Niamey' });
  await to('documents_ready');
  await to('medical_pending');
  await ok(h, u, 'POST', `/returns/${c.id}/medical-checks`, { examinedOn: '2025-03-06', outcome: 'fit_to_travel', escort: 'none', conditions: 'asthme léger' });
  const v = (await to('fit_to_travel')).version;
  await ok(h, u, 'PATCH', `/returns/${c.id}`, { dueDiligence: { checkedOn: '2025-03-07', outcome: 'cleared' } }, { 'if-match': String(v) });
  return to('booked');
}
