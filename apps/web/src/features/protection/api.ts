// Typed calls for the protection-in-transit routes (SPEC §5, §13) and the cache keys of what they return.
import type {
  CheckOutInput,
  Note,
  NoteInput,
  Occupancy,
  Referral,
  ReferralInput,
  ReferralResponse,
  ReferralsQuery,
  Screening,
  ScreeningInput,
  Service,
  ServiceInput,
  SiteDashboard,
  Stay,
  StayInput,
  Task,
  TaskCompletion,
  TaskInput,
  TasksQuery,
  TransitCase,
  TransitCaseInput,
  TransitCasePatch,
  TransitCasesQuery,
  TransitCaseSummary,
  TransitCaseTransfer,
  TransitCaseTransition,
} from '@taama/core';
import { apiRequest } from '../../api/client';
import type { Page } from '../../api/endpoints';

const tc = (id: string) => `/transit-cases/${encodeURIComponent(id)}`;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body });

export const casesApi = {
  list: (query: TransitCasesQuery) => apiRequest<Page<TransitCaseSummary>>('/transit-cases', { query: { ...query } }),
  get: (id: string) => apiRequest<TransitCase>(tc(id)),
  create: (input: TransitCaseInput) => post<TransitCase>('/transit-cases', input),
  update: (id: string, version: number, patch: TransitCasePatch) => apiRequest<TransitCase>(tc(id), { method: 'PATCH', body: patch, version }),
  transition: (id: string, input: TransitCaseTransition) => post<TransitCase>(`${tc(id)}/transitions`, input),
  transfer: (id: string, input: TransitCaseTransfer) => post<TransitCase>(`${tc(id)}/transfer`, input),
  screen: (id: string, input: ScreeningInput) => post<Screening>(`${tc(id)}/screenings`, input),
  screenings: (id: string) => apiRequest<{ items: Screening[] }>(`${tc(id)}/screenings`),
  addService: (id: string, input: ServiceInput) => post<Service>(`${tc(id)}/services`, input),
  refer: (id: string, input: ReferralInput) => post<Referral>(`${tc(id)}/referrals`, input),
  addTask: (id: string, input: TaskInput) => post<Task>(`${tc(id)}/tasks`, input),
  addNote: (id: string, input: NoteInput) => post<Note>(`${tc(id)}/notes`, input),
  checkIn: (id: string, input: StayInput) => post<Stay>(`${tc(id)}/stays`, input),
  checkOut: (stayId: string, input: CheckOutInput) => post<Stay>(`/stays/${encodeURIComponent(stayId)}/check-out`, input),
};

export const referralsApi = {
  list: (query: ReferralsQuery) => apiRequest<Page<Referral>>('/referrals', { query: { ...query } }),
  get: (id: string) => apiRequest<Referral>(`/referrals/${encodeURIComponent(id)}`),
  respond: (id: string, version: number, input: ReferralResponse) =>
    apiRequest<Referral>(`/referrals/${encodeURIComponent(id)}/respond`, { method: 'POST', body: input, version }),
};

export const tasksApi = {
  list: (query: TasksQuery) => apiRequest<Page<Task>>('/tasks', { query: { ...query } }),
  complete: (id: string, input: TaskCompletion) => post<Task>(`/tasks/${encodeURIComponent(id)}/complete`, input),
  approve: (id: string) => post<Task>(`/tasks/${encodeURIComponent(id)}/approve`),
};

export const sitesDashboardApi = {
  dashboard: (query: { siteId?: string; date?: string }) => apiRequest<SiteDashboard>('/protection/dashboard', { query }),
  occupancy: (siteId: string, query: { from?: string; to?: string }) => apiRequest<Occupancy>(`/sites/${encodeURIComponent(siteId)}/occupancy`, { query }),
};

/** Cache keys: a change to a case refreshes its page and every protection list. */
export const protectionKeys = {
  cases: ['transit-cases'] as const,
  case: (id: string) => ['transit-case', id] as const,
  referrals: ['referrals'] as const,
  tasks: ['tasks'] as const,
  dashboard: ['protection-dashboard'] as const,
};
