// Typed calls for the people registry routes (SPEC §4, §13) and the cache keys of what they return.
import type {
  Consent,
  ConsentInput,
  ConsentWithdrawal,
  DuplicateCheckInput,
  DuplicatePair,
  Group,
  GroupInput,
  GroupMemberInput,
  Merge,
  PeopleQuery,
  Person,
  PersonCreated,
  PersonInput,
  PersonPatch,
  PersonSummary,
  PossibleDuplicate,
  TimelineEntry,
} from '@taama/core';
import { ApiError, apiRequest, apiUrl, getCsrfToken } from '../../api/client';
import type { Page } from '../../api/endpoints';

const person = (id: string) => `/people/${encodeURIComponent(id)}`;

export const peopleApi = {
  list: (query: PeopleQuery) => apiRequest<Page<PersonSummary>>('/people', { query: { ...query } }),
  get: (id: string) => apiRequest<Person>(person(id)),
  create: (input: PersonInput) => apiRequest<PersonCreated>('/people', { method: 'POST', body: input }),
  update: (id: string, version: number, patch: PersonPatch) => apiRequest<Person>(person(id), { method: 'PATCH', body: patch, version }),
  duplicateCheck: (input: DuplicateCheckInput, signal?: AbortSignal) =>
    apiRequest<{ items: PossibleDuplicate[] }>('/people/duplicate-check', { method: 'POST', body: input, signal }),
  duplicates: (id: string) => apiRequest<{ items: PossibleDuplicate[] }>(`${person(id)}/duplicates`),
  dismissDuplicate: (id: string, otherId: string) => apiRequest<void>(`${person(id)}/duplicates/${encodeURIComponent(otherId)}/dismiss`, { method: 'POST' }),
  /** Merges `id` INTO `intoId`, the survivor. */
  merge: (id: string, intoId: string) => apiRequest<Person>(`${person(id)}/merge`, { method: 'POST', body: { intoId } }),
  unmerge: (id: string) => apiRequest<Person>(`${person(id)}/unmerge`, { method: 'POST' }),
  merges: (id: string) => apiRequest<{ items: Merge[] }>(`${person(id)}/merges`),
  reviewQueue: (query: { limit?: number; cursor?: string }) => apiRequest<Page<DuplicatePair>>('/duplicates', { query }),
  addConsent: (id: string, input: ConsentInput) => apiRequest<Consent>(`${person(id)}/consents`, { method: 'POST', body: input }),
  withdrawConsent: (id: string, consentId: string, input: ConsentWithdrawal) =>
    apiRequest<Consent>(`${person(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, { method: 'POST', body: input }),
  timeline: (id: string) => apiRequest<{ items: TimelineEntry[] }>(`${person(id)}/timeline`),
  deletePhoto: (id: string) => apiRequest<void>(`${person(id)}/photo`, { method: 'DELETE' }),
};

/** Where the photo of a person is read from (an <img> source: the session cookie goes with it); `stamp` changes with the image. */
export function photoUrl(id: string, stamp: string): string {
  return `/api/v1${person(id)}/photo?v=${encodeURIComponent(stamp)}`;
}

/**
 * Sends a photo as the raw image body (the API takes JPEG, PNG or WebP up to 2 MB); the JSON client
 * cannot send binary bodies.
 */
export async function uploadPhoto(id: string, file: Blob): Promise<void> {
  const headers = new Headers({ 'Content-Type': file.type, Accept: 'application/json' });
  const csrf = getCsrfToken();
  if (csrf) headers.set('X-CSRF-Token', csrf);
  let response: Response;
  try {
    response = await fetch(apiUrl(`${person(id)}/photo`), { method: 'PUT', headers, body: file, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  if (response.ok) return;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: { code?: string; message?: string } }).error : undefined;
  throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText);
}

export const groupsApi = {
  create: (input: GroupInput) => apiRequest<Group>('/groups', { method: 'POST', body: input }),
  addMember: (id: string, input: GroupMemberInput) => apiRequest<Group>(`/groups/${encodeURIComponent(id)}/members`, { method: 'POST', body: input }),
  removeMember: (id: string, personId: string) => apiRequest<Group>(`/groups/${encodeURIComponent(id)}/members/${encodeURIComponent(personId)}`, { method: 'DELETE' }),
};

/** Cache keys: a change to a person refreshes their page, timeline and the lists they appear in. */
export const registryKeys = {
  people: ['people'] as const,
  person: (id: string) => ['person', id] as const,
  timeline: (id: string) => ['person', id, 'timeline'] as const,
  duplicatesOf: (id: string) => ['person', id, 'duplicates'] as const,
  merges: (id: string) => ['person', id, 'merges'] as const,
  queue: ['duplicates'] as const,
};
