// The offline-aware layer under the existing screens: when the server cannot be reached, the API
// client hands the request here. Writes the offline contract carries become outbox changes (client
// UUIDv7 id, idempotency key) and update the local copy; a few reads (a person, a case, the people
// search, the duplicate check) are answered from the local copy. Anything else is left to fail as
// before, so a screen that needs the server says so.
import { derivePriority, newId, type VulnerabilityFlag } from '@taama/core';
import type { OfflineRequest } from '../api/client';
import { baseOf, currentValue } from './merge';
import { enqueue } from './outbox';
import { duplicatesOf, searchPeople } from './search';
import type { LocalRecord } from './types';
import type { Vault } from './vault';

/** Returned when the local layer does not handle a request. */
export const NOT_HANDLED = Symbol('not handled');

interface WriteRoute {
  pattern: RegExp;
  method: 'POST' | 'PATCH';
  entity: string;
  /** The record field that receives the path's parent id (a case's services, an arrival's assistance). */
  parentField?: string;
}

// The online routes the offline contract carries; the change's record is the route's body.
const WRITE_ROUTES: WriteRoute[] = [
  { pattern: /^\/people$/, method: 'POST', entity: 'person' },
  { pattern: /^\/people\/([^/]+)$/, method: 'PATCH', entity: 'person' },
  { pattern: /^\/transit-cases$/, method: 'POST', entity: 'transitCase' },
  { pattern: /^\/transit-cases\/([^/]+)$/, method: 'PATCH', entity: 'transitCase' },
  { pattern: /^\/transit-cases\/([^/]+)\/screenings$/, method: 'POST', entity: 'screening', parentField: 'transitCaseId' },
  { pattern: /^\/transit-cases\/([^/]+)\/services$/, method: 'POST', entity: 'service', parentField: 'transitCaseId' },
  { pattern: /^\/transit-cases\/([^/]+)\/referrals$/, method: 'POST', entity: 'referral', parentField: 'transitCaseId' },
  { pattern: /^\/arrivals$/, method: 'POST', entity: 'arrival' },
  { pattern: /^\/arrivals\/([^/]+)\/assistance$/, method: 'POST', entity: 'arrivalAssistance', parentField: 'arrivalId' },
  { pattern: /^\/flows\/counts$/, method: 'POST', entity: 'flowCount' },
  { pattern: /^\/flows\/counts\/([^/]+)$/, method: 'PATCH', entity: 'flowCount' },
  { pattern: /^\/awareness\/activities$/, method: 'POST', entity: 'awarenessActivity' },
  { pattern: /^\/awareness\/activities\/([^/]+)$/, method: 'PATCH', entity: 'awarenessActivity' },
];

// Lists and records the offline forms read (their pickers and the page after saving), answered
// from the device copy as one unfiltered page.
const LIST_READS: Record<string, string> = {
  '/flows/points': 'flowPoint',
  '/flows/counts': 'flowCount',
  '/awareness/communities': 'community',
  '/awareness/activities': 'awarenessActivity',
  '/arrivals': 'arrival',
  '/return-cases': 'returnCase',
};
const RECORD_READS: [RegExp, string][] = [
  [/^\/flows\/counts\/([^/]+)$/, 'flowCount'],
  [/^\/awareness\/communities\/([^/]+)$/, 'community'],
  [/^\/awareness\/activities\/([^/]+)$/, 'awarenessActivity'],
  [/^\/arrivals\/([^/]+)$/, 'arrival'],
];

/** The entity types whose creation and edits work offline (for the pending list and the report). */
export const OFFLINE_ENTITIES = [...new Set(WRITE_ROUTES.map((r) => r.entity))];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a record for the pending-changes list. */
export function describe(entity: string, record: Record<string, unknown>): string {
  const name = [record.givenName, record.familyName].filter((v) => typeof v === 'string').join(' ');
  if (name) return name;
  const person = isObject(record.person) ? [record.person.givenName, record.person.familyName].filter((v) => typeof v === 'string').join(' ') : '';
  if (person) return person;
  for (const field of ['caseNumber', 'title', 'type', 'date', 'countedOn']) {
    if (typeof record[field] === 'string') return String(record[field]);
  }
  return entity;
}

/** Handles a request from the local copy, or answers NOT_HANDLED. */
export async function handleOffline(vault: Vault, request: OfflineRequest, now = new Date()): Promise<unknown> {
  const method = request.method.toUpperCase();
  if (method === 'GET') return read(vault, request);
  if (method === 'POST' && request.path === '/people/duplicate-check' && isObject(request.body)) {
    return { items: duplicatesOf(vault, request.body) };
  }
  for (const route of WRITE_ROUTES) {
    const match = route.pattern.exec(request.path);
    if (!match || route.method !== method || !isObject(request.body)) continue;
    return route.method === 'POST' ? create(vault, route, match[1], request.body, now) : update(vault, route.entity, match[1] ?? '', request.body, request.version);
  }
  return NOT_HANDLED;
}

async function create(vault: Vault, route: WriteRoute, parentId: string | undefined, body: Record<string, unknown>, now: Date): Promise<unknown> {
  const id = newId();
  const record: Record<string, unknown> = { ...body, id, ...(route.parentField && parentId ? { [route.parentField]: parentId } : {}) };
  await enqueue(vault, { type: `${route.entity}.create`, record, label: describe(route.entity, record) }, now.getTime());
  const stamp = now.toISOString();
  // What the screens expect back, as far as the device can tell before the server numbers it.
  const local: Record<string, unknown> = { ...defaultsFor(route.entity), ...record, createdAt: stamp, updatedAt: stamp, offline: true };
  if (route.entity === 'screening' && parentId) Object.assign(local, screeningDerived(vault, parentId, body, stamp));
  if (route.entity === 'person') {
    local.possibleDuplicates = duplicatesOf(vault, body).filter((d) => d.id !== id);
    local.registeredOn = stamp.slice(0, 10);
  }
  await vault.put({ entity: route.entity, id, version: 0, record: local });
  return local;
}

async function update(vault: Vault, entity: string, id: string, patch: Record<string, unknown>, version: number | undefined): Promise<unknown> {
  const local = vault.get(entity, id);
  if (!local) return NOT_HANDLED;
  const pendingCreate = (await vault.outbox()).find((e) => e.change.type === `${entity}.create` && e.change.record.id === id && e.status === 'pending');
  if (pendingCreate) {
    // Not on the server yet: the edit joins the queued creation instead of becoming an update.
    await vault.putOutbox({ ...pendingCreate, change: { ...pendingCreate.change, record: { ...pendingCreate.change.record, ...patch, id } } });
    await vault.put({ ...local, record: { ...local.record, ...patch } });
    return presented(await refreshed(vault, entity, id));
  }
  const base = baseOf(local, patch);
  await enqueue(vault, {
    type: `${entity}.update`,
    record: { ...patch, id },
    baseVersion: version ?? local.version,
    base,
    label: describe(entity, currentValue(local)),
  });
  await vault.put({ ...local, pending: { ...(local.pending ?? {}), ...patch } });
  return presented(await refreshed(vault, entity, id));
}

async function refreshed(vault: Vault, entity: string, id: string): Promise<LocalRecord> {
  const record = vault.get(entity, id);
  if (!record) throw new Error(`local ${entity} ${id} vanished`);
  return record;
}

function read(vault: Vault, request: OfflineRequest): unknown {
  const person = /^\/people\/([^/]+)$/.exec(request.path);
  if (person?.[1]) {
    const local = vault.get('person', person[1]);
    return local ? presented(local) : NOT_HANDLED;
  }
  if (request.path === '/people') {
    const q = typeof request.query?.q === 'string' ? request.query.q : '';
    return { items: searchPeople(vault, q), nextCursor: null };
  }
  const transitCase = /^\/transit-cases\/([^/]+)$/.exec(request.path);
  if (transitCase?.[1]) {
    const local = vault.get('transitCase', transitCase[1]);
    return local ? composeCase(vault, local) : NOT_HANDLED;
  }
  if (request.path === '/reference/countries') {
    return { items: vault.all('country').map(currentValue).sort((a, b) => String(a.nameFr).localeCompare(String(b.nameFr))) };
  }
  if (request.path === '/reference/admin-units') return { items: adminUnits(vault, request.query ?? {}), nextCursor: null };
  if (request.path === '/sites') return { items: vault.all('site').map(currentValue), nextCursor: null };
  const listed = LIST_READS[request.path];
  if (listed) return { items: vault.all(listed).map(presented), nextCursor: null };
  for (const [pattern, entity] of RECORD_READS) {
    const id = pattern.exec(request.path)?.[1];
    const local = id ? vault.get(entity, id) : undefined;
    if (local) return presented(local);
  }
  if (request.path === '/transit-cases') {
    const personId = request.query?.personId;
    const items = vault
      .all('transitCase')
      .map((c) => summaryOfCase(vault, c))
      .filter((c) => !personId || c.personId === personId || (isObject(c.person) && c.person.id === personId));
    return { items, nextCursor: null };
  }
  return NOT_HANDLED;
}

/** What the server derives for a screening, worked out the same way on the device (core's rule). */
function screeningDerived(vault: Vault, caseId: string, body: Record<string, unknown>, stamp: string): Record<string, unknown> {
  const flags = Array.isArray(body.flags) ? (body.flags as VulnerabilityFlag[]) : [];
  const factors = (v: unknown) => (isObject(v) ? (v as Record<string, boolean>) : {});
  const { priority, because } = derivePriority({ flags, riskFactors: factors(body.riskFactors), protectiveFactors: factors(body.protectiveFactors) });
  const held = vault.get('transitCase', caseId);
  const earlier = children(vault, 'screening', caseId).length + (held && Array.isArray(held.record.screenings) ? held.record.screenings.length : 0);
  return { sequence: earlier + 1, formVersion: 1, screenedOn: stamp.slice(0, 10), sensitiveFlags: [], notes: body.notes ?? null, screenedBy: null, priority, priorityBecause: because };
}

/** Admin units of the local copy filtered like the online list (level, parent, name). */
function adminUnits(vault: Vault, query: Record<string, unknown>): Record<string, unknown>[] {
  const q = typeof query.q === 'string' ? query.q.trim().toLowerCase() : '';
  const limit = typeof query.limit === 'number' ? query.limit : Number(query.limit ?? 100) || 100;
  return vault
    .all('adminUnit')
    .map(currentValue)
    .filter((u) => query.level === undefined || String(u.level) === String(query.level))
    .filter((u) => query.parent === undefined || u.parentPcode === query.parent)
    .filter((u) => !q || String(u.name).toLowerCase().includes(q) || String(u.pcode).toLowerCase().startsWith(q))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)))
    .slice(0, limit);
}

function children(vault: Vault, entity: string, caseId: string): Record<string, unknown>[] {
  return vault
    .all(entity)
    .map(currentValue)
    .filter((r) => r.transitCaseId === caseId);
}

/** A transit case with its screenings, services and referrals from the local copy. */
function composeCase(vault: Vault, local: LocalRecord): Record<string, unknown> {
  const value = { ...defaultsFor('transitCase'), ...currentValue(local) };
  const merge = (field: string, entity: string) => {
    const held = Array.isArray(value[field]) ? (value[field] as Record<string, unknown>[]) : [];
    const ids = new Set(held.map((r) => r.id));
    const added = children(vault, entity, local.id).filter((r) => !ids.has(r.id));
    // Screenings are listed newest first, the rest in the order recorded.
    value[field] = field === 'screenings' ? [...added.reverse(), ...held] : [...held, ...added];
  };
  merge('screenings', 'screening');
  merge('services', 'service');
  merge('referrals', 'referral');
  // Offline, only what the contract can carry is offered.
  const held = isObject(value.abilities) ? value.abilities : {};
  const closed = value.status === 'closed';
  value.abilities = { update: !closed, addServices: !closed, refer: !closed, ...held, nextStatuses: [], approve: false };
  return value;
}

function summaryOfCase(vault: Vault, local: LocalRecord): Record<string, unknown> {
  const value = composeCase(vault, local);
  return { ...value, screenings: undefined, services: undefined, referrals: undefined };
}

/** A local record in the online response's shape (pulled records carry no `abilities`). */
function presented(local: LocalRecord): Record<string, unknown> {
  const defaults = defaultsFor(local.entity);
  const value = { ...defaults, ...currentValue(local) };
  if (isObject(defaults.abilities)) value.abilities = { ...defaults.abilities, ...(isObject(value.abilities) ? value.abilities : {}) };
  return value;
}

/** Empty collections and neutral flags the online shape always has, so screens can render. */
function defaultsFor(entity: string): Record<string, unknown> {
  switch (entity) {
    case 'person':
      return {
        caseNumber: '',
        status: 'active',
        mergedIntoId: null,
        otherNames: [],
        nameArabic: null,
        dateOfBirth: null,
        birthYear: null,
        ageGroup: null,
        birthCountry: null,
        birthPlace: null,
        languages: [],
        phones: [],
        originPcode: null,
        documents: [],
        hasPhoto: false,
        consents: [],
        groups: [],
        siteId: null,
        siteName: null,
        abilities: { update: true, merge: false, openTransitCase: false, viewPhoto: false },
        version: 0,
      };
    case 'transitCase':
      return {
        caseNumber: '',
        screenings: [],
        services: [],
        referrals: [],
        tasks: [],
        notes: [],
        stays: [],
        history: [],
        closureReason: null,
        closedOn: null,
        priority: null,
        assignedTo: null,
        assignedToName: null,
        abilities: { update: true, nextStatuses: [], addServices: true, refer: true, approve: false },
        version: 0,
      };
    case 'service':
      return { provider: null, costXof: null, note: null, recordedBy: null };
    default:
      return {};
  }
}
