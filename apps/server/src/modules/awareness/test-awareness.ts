// Helpers of the awareness tests: an awareness team of one organisation and records made through the API.
import { type Permission } from '@taama/core';
import { bearer, unique, type Harness } from '../../../test/harness';

export const AWARENESS_ALL: Permission[] = ['awareness.read', 'awareness.manage'];
/** Real commune P-codes of the reference data: Kayes commune, Kati commune. */
export const KAYES = 'ML010312';
export const KATI = 'ML020418';

export type TestUser = Awaited<ReturnType<Harness['userWith']>>;

/** An awareness officer of IOM (organisation scope, internal ceiling), like the default role. */
export function awarenessOfficer(h: Harness, organisation = 'iom'): Promise<TestUser> {
  return h.userWith({ permissions: ['awareness.read', 'awareness.manage', 'mobility.read', 'mobility.manage'], scope: 'organisation', maxSensitivity: 'internal', organisation });
}

/** Sends a JSON request and returns the response. */
export function send(h: Harness, token: string | undefined, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return h.app.inject({ method, url: `/api/v1${url}`, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** Creates a community through the API and returns its id. */
export async function makeCommunity(h: Harness, user: TestUser, communePcode = KAYES): Promise<string> {
  const res = await send(h, user.token, 'POST', '/awareness/communities', { name: unique('Quartier '), communePcode, highEmigrationZone: true });
  if (res.statusCode !== 201) throw new Error(`community: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** A counted reach that adds up. */
export function reach(men: number, women: number, boys = 0, girls = 0) {
  return { total: men + women + boys + girls, men, women, boys, girls };
}

/** Creates an activity in a community and returns its id. */
export async function makeActivity(h: Harness, user: TestUser, communityId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await send(h, user.token, 'POST', '/awareness/activities', { type: 'community_dialogue', date: '2020-03-10', communityId, facilitator: 'Awa Keita', reached: reach(10, 12, 3, 5), ...overrides });
  if (res.statusCode !== 201) throw new Error(`activity: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
