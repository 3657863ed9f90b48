// Test helpers of the reintegration tests: a region of one's own work (Gao, ML07), officers, people and cases.
import type { Permission } from '@taama/core';
import { bearer, type Harness } from '../../../test/harness';
import { makePerson, makeSite, type TestUser } from '../protection/test-people';

export const REGION = 'ML07';
export const OFFICER: Permission[] = ['person.read', 'reintegrationCase.read', 'reintegrationCase.create', 'reintegrationCase.update', 'reintegrationCase.approve'];

/** A fresh site in Gao, two region-scoped reintegration officers (for four-eyes) and a reader elsewhere. */
export async function reintegrationTeam(h: Harness) {
  const site = await makeSite(h, null);
  const officer = await h.userWith({ permissions: OFFICER, scope: 'region', regionPcode: REGION, site: site.code });
  const approver = await h.userWith({ permissions: OFFICER, scope: 'region', regionPcode: REGION, site: site.code });
  const elsewhere = await h.userWith({ permissions: OFFICER, scope: 'region', regionPcode: 'ML01' });
  return { site, officer, approver, elsewhere };
}
export type Team = Awaited<ReturnType<typeof reintegrationTeam>>;

/** Sends a JSON request as a user. */
export function call(h: Harness, user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, version?: number) {
  const headers = { ...bearer(user.token), ...(version !== undefined ? { 'if-match': String(version) } : {}) };
  return h.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

export interface CaseJson {
  id: string;
  caseNumber: string;
  status: string;
  version: number;
  items: { id: string; status: string; version: number; plannedXof: number }[];
  plan: { id: string; status: string; version: number } | null;
  visits: { id: string; scheduledOn: string; status: string }[];
  allowedTransitions: string[];
  [key: string]: unknown;
}

/** Opens a case for a fresh person at the team's site; returns the case JSON. */
export async function openCase(h: Harness, team: Team, extra: Record<string, unknown> = {}): Promise<CaseJson> {
  const personId = await makePerson(h, team.site.id);
  const res = await call(h, team.officer, 'POST', '/reintegration-cases', { personId, regionPcode: REGION, arrivedOn: '2025-03-01', ...extra });
  if (res.statusCode !== 201) throw new Error(`open case failed: ${res.statusCode} ${res.body}`);
  return res.json() as CaseJson;
}

/** A planned individual item of `plannedXof`. */
export function item(plannedXof: number, type = 'business_startup', dimension = 'economic') {
  return { dimension, level: 'individual', type, mode: 'direct', inKind: true, plannedXof };
}

/** Takes a case through assessment, plan, submission and approval (by the second officer). */
export async function approvedCase(h: Harness, team: Team, items = [item(500_000)]): Promise<CaseJson> {
  const c = await openCase(h, team);
  const steps = [
    await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assessments`, { assessedOn: '2025-03-02', kind: 'needs', answers: { priority: 'income' } }),
    await call(h, team.officer, 'PUT', `/reintegration-cases/${c.id}/plan`, { goals: ['Open a shop'], items }),
    await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/plan/submit`),
    await call(h, team.approver, 'POST', `/reintegration-cases/${c.id}/plan/approve`),
  ];
  for (const res of steps) if (res.statusCode >= 300) throw new Error(`step failed: ${res.statusCode} ${res.body}`);
  return (await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}`)).json() as CaseJson;
}
