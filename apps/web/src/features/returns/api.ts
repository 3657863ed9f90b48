// Typed calls for the assisted-voluntary-return routes (SPEC §6, §13) and the cache keys of what they return.
import { apiRequest, apiUrl } from '../../api/client';
import type { Page } from '../../api/endpoints';
import type {
  Arrival,
  ArrivalInput,
  AssistanceInput,
  DepartureInput,
  ExpectedArrivals,
  ExpiringDocument,
  MedicalCheckInput,
  Movement,
  MovementInput,
  MovementSummary,
  ReturnCase,
  ReturnCaseInput,
  ReturnCasePatch,
  ReturnCaseSummary,
  ReturnEvent,
  ReturnsDashboard,
  ReturnsSettings,
  ReturnCasesQuery,
  ReturnPipelineQuery,
  ReturnPipeline,
  TravelDocumentPatch,
  MovementPatch,
  MovementsQuery,
  ArrivalsQuery,
  ReturnTransitionInput,
  BestInterestInput,
  TravelDocumentInput,
} from './types';

const rc = (id: string) => `/returns/${encodeURIComponent(id)}`;
const mv = (id: string) => `/movements/${encodeURIComponent(id)}`;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body });

/** The pipeline board: one column per status. */
export type Pipeline = ReturnPipeline;

export const returnsApi = {
  list: (query: ReturnCasesQuery) => apiRequest<Page<ReturnCaseSummary>>('/returns', { query: { ...query } }),
  pipeline: (query: ReturnPipelineQuery) => apiRequest<Pipeline>('/returns/pipeline', { query: { ...query } }),
  get: (id: string) => apiRequest<ReturnCase>(rc(id)),
  create: (input: ReturnCaseInput) => post<ReturnCase>('/returns', input),
  update: (id: string, version: number, patch: ReturnCasePatch) => apiRequest<ReturnCase>(rc(id), { method: 'PATCH', body: patch, version }),
  transition: (id: string, input: ReturnTransitionInput) => post<ReturnCase>(`${rc(id)}/transitions`, input),
  events: (id: string) => apiRequest<{ items: ReturnEvent[] }>(`${rc(id)}/events`),
  recordBestInterest: (id: string, input: BestInterestInput) => post<ReturnCase>(`${rc(id)}/best-interest`, input),
  approveBestInterest: (id: string) => post<ReturnCase>(`${rc(id)}/best-interest/approve`),
  addDocument: (id: string, input: TravelDocumentInput) => post<unknown>(`${rc(id)}/travel-documents`, input),
  updateDocument: (id: string, docId: string, version: number, patch: TravelDocumentPatch) =>
    apiRequest<unknown>(`${rc(id)}/travel-documents/${encodeURIComponent(docId)}`, { method: 'PATCH', body: patch, version }),
  addMedical: (id: string, input: MedicalCheckInput) => post<unknown>(`${rc(id)}/medical-checks`, input),
  expiring: (query: { days?: number; limit?: number; cursor?: string }) => apiRequest<Page<ExpiringDocument>>('/returns/travel-documents/expiring', { query }),
  dashboard: (query: { from?: string; to?: string }) => apiRequest<ReturnsDashboard>('/returns/dashboard', { query }),
};

export const movementsApi = {
  list: (query: MovementsQuery) => apiRequest<Page<MovementSummary>>('/movements', { query: { ...query } }),
  get: (id: string) => apiRequest<Movement>(mv(id)),
  create: (input: MovementInput) => post<Movement>('/movements', input),
  update: (id: string, version: number, patch: MovementPatch) => apiRequest<Movement>(mv(id), { method: 'PATCH', body: patch, version }),
  addPassenger: (id: string, returnCaseId: string) => post<Movement>(`${mv(id)}/passengers`, { returnCaseId }),
  removePassenger: (id: string, returnCaseId: string) => apiRequest<Movement>(`${mv(id)}/passengers/${encodeURIComponent(returnCaseId)}`, { method: 'DELETE' }),
  departure: (id: string, input: DepartureInput) => post<Movement>(`${mv(id)}/departure`, input),
  arrival: (id: string, input: { arrivedOn: string; passengers?: string[] }) => post<Movement>(`${mv(id)}/arrival`, input),
};

/** Where the manifest (PDF) and the passenger list (XLSX) of a movement are downloaded from. */
export function movementFileUrl(id: string, file: 'manifest.pdf' | 'passengers.xlsx', lang: 'fr' | 'en'): string {
  return apiUrl(`${mv(id)}/${file}`, { lang });
}

export const arrivalsApi = {
  expected: (query: { siteId?: string; date?: string }) => apiRequest<ExpectedArrivals>('/arrivals/expected', { query }),
  list: (query: ArrivalsQuery) => apiRequest<Page<Arrival>>('/arrivals', { query: { ...query } }),
  get: (id: string) => apiRequest<Arrival>(`/arrivals/${encodeURIComponent(id)}`),
  create: (input: ArrivalInput) => post<Arrival>('/arrivals', input),
  addAssistance: (id: string, input: AssistanceInput) => post<unknown>(`/arrivals/${encodeURIComponent(id)}/assistance`, input),
  /** The configured amounts the desk prefills. */
  settings: () => apiRequest<ReturnsSettings>('/returns/settings'),
};

/** Cache keys: a change to a case or a movement refreshes every returns list and the dashboard. */
export const returnsKeys = {
  all: ['returns'] as const,
  cases: ['returns', 'cases'] as const,
  pipeline: ['returns', 'pipeline'] as const,
  case: (id: string) => ['returns', 'case', id] as const,
  events: (id: string) => ['returns', 'case', id, 'events'] as const,
  movements: ['returns', 'movements'] as const,
  movement: (id: string) => ['returns', 'movement', id] as const,
  arrivals: ['returns', 'arrivals'] as const,
  expected: ['returns', 'expected'] as const,
  expiring: ['returns', 'expiring'] as const,
  dashboard: ['returns', 'dashboard'] as const,
  settings: ['returns', 'settings'] as const,
};
