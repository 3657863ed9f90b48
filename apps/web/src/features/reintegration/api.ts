// Typed calls for the reintegration routes (SPEC §7, §13) and the cache keys of what they return.
import { ApiError, apiRequest, apiUrl, getCsrfToken } from '../../api/client';
import type { Page } from '../../api/endpoints';
import type {
  Assessment,
  AssessmentInput,
  AssistanceItem,
  AssistanceItemInput,
  BudgetView,
  Instalment,
  Plan,
  Project,
  ProjectBudget,
  ProjectInput,
  ProjectPatch,
  ProjectSummary,
  ReintegrationCase,
  ReintegrationCaseInput,
  ReintegrationCasePatch,
  ReintegrationCaseSummary,
  ReintegrationDashboard,
  ReintegrationStatus,
  RssInput,
  RssInstrument,
  RssInstrumentSummary,
  RssResult,
  RssResults,
  RssSummary,
  Satisfaction,
  SatisfactionInput,
  SpotCheck,
  SpotCheckOutcome,
  Visit,
  VisitOutcomeInput,
} from './types';

const rc = (id: string) => `/reintegration-cases/${encodeURIComponent(id)}`;
const item = (caseId: string, itemId: string) => `${rc(caseId)}/assistance/${encodeURIComponent(itemId)}`;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body });

/** The caseload filters the list route takes. */
export interface CasesQuery {
  status?: ReintegrationStatus;
  regionPcode?: string;
  counsellorId?: string;
  overduePlan?: boolean;
  overdueVisit?: boolean;
  assistanceType?: string;
  compositeMin?: number;
  compositeMax?: number;
  q?: string;
  limit?: number;
  cursor?: string;
}

export const reintegrationApi = {
  list: (query: CasesQuery) => apiRequest<Page<ReintegrationCaseSummary>>('/reintegration-cases', { query: { ...query } }),
  get: (id: string) => apiRequest<ReintegrationCase>(rc(id)),
  create: (input: ReintegrationCaseInput) => post<ReintegrationCase>('/reintegration-cases', input),
  update: (id: string, version: number, patch: ReintegrationCasePatch) =>
    apiRequest<ReintegrationCase>(rc(id), { method: 'PATCH', body: patch, version }),
  transition: (id: string, to: ReintegrationStatus, note?: string) => post<ReintegrationCase>(`${rc(id)}/transitions`, { to, ...(note ? { note } : {}) }),
  assess: (id: string, input: AssessmentInput) => post<Assessment>(`${rc(id)}/assessments`, input),
  savePlan: (id: string, version: number | undefined, input: { goals: string[]; items: AssistanceItemInput[] }) =>
    apiRequest<Plan>(`${rc(id)}/plan`, { method: 'PUT', body: input, version }),
  submitPlan: (id: string) => post<Plan>(`${rc(id)}/plan/submit`),
  approvePlan: (id: string) => post<Plan>(`${rc(id)}/plan/approve`),
  returnPlan: (id: string, note: string) => post<Plan>(`${rc(id)}/plan/return`, { note }),
  budget: (id: string) => apiRequest<BudgetView>(`${rc(id)}/budget`),
  addItem: (id: string, input: AssistanceItemInput) => post<AssistanceItem>(`${rc(id)}/assistance`, input),
  itemStatus: (id: string, itemId: string, to: 'approved' | 'delivered' | 'cancelled', on: string) => post<AssistanceItem>(`${item(id, itemId)}/status`, { to, on }),
  addInstalment: (id: string, itemId: string, input: { amountXof: number; disbursedOn: string }) => post<Instalment>(`${item(id, itemId)}/instalments`, input),
  addVisit: (id: string, input: { scheduledOn: string; note?: string }) => post<Visit>(`${rc(id)}/visits`, input),
  visitOutcome: (id: string, visitId: string, input: VisitOutcomeInput) =>
    post<Visit>(`${rc(id)}/visits/${encodeURIComponent(visitId)}/outcome`, input),
  rss: (id: string) => apiRequest<RssResults>(`${rc(id)}/rss`),
  submitRss: (id: string, input: RssInput) => post<RssResult>(`${rc(id)}/rss`, input),
  satisfaction: (id: string, input: SatisfactionInput) => post<Satisfaction>(`${rc(id)}/satisfaction`, input),
  overdueVisits: () => apiRequest<Page<Visit>>('/reintegration/visits/overdue', { query: { limit: 100 } }),
  dashboard: (query: { from?: string; to?: string }) => apiRequest<ReintegrationDashboard>('/reintegration/dashboard', { query }),
  rssSummary: (query: { from?: string; to?: string; regionPcode?: string }) => apiRequest<RssSummary>('/reintegration/rss/summary', { query }),
};

export const projectsApi = {
  list: (query: { regionPcode?: string; level?: 'collective' | 'community'; limit?: number; cursor?: string }) => apiRequest<Page<ProjectSummary>>('/reintegration-projects', { query }),
  get: (id: string) => apiRequest<Project>(`/reintegration-projects/${encodeURIComponent(id)}`),
  create: (input: ProjectInput) => post<Project>('/reintegration-projects', input),
  update: (id: string, version: number, patch: ProjectPatch) =>
    apiRequest<Project>(`/reintegration-projects/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, version }),
  budget: (id: string) => apiRequest<ProjectBudget>(`/reintegration-projects/${encodeURIComponent(id)}/budget`),
};

export const spotChecksApi = {
  list: () => apiRequest<Page<SpotCheck>>('/reintegration/spot-checks', { query: { limit: 50 } }),
  draw: (input: { percent?: number; seed?: string }) => post<SpotCheck>('/reintegration/spot-checks', input),
  record: (id: string, itemId: string, input: { outcome: SpotCheckOutcome; note?: string }) =>
    post<unknown>(`/reintegration/spot-checks/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}`, input),
};

export const instrumentsApi = {
  list: () => apiRequest<{ items: RssInstrumentSummary[] }>('/rss/instruments'),
  get: (version: string) => apiRequest<RssInstrument>(`/rss/instruments/${encodeURIComponent(version)}`),
  create: (instrument: unknown) => post<RssInstrument>('/rss/instruments', instrument),
  importXlsx: (file: File) => uploadForm<RssInstrument>('/rss/instruments/import', file),
};

/** Where the XLSX template of an instrument is downloaded from. */
export const INSTRUMENT_TEMPLATE_URL = apiUrl('/rss/instruments/template.xlsx');

/** Where an item's handover certificate is read from (the session cookie goes with the link). */
export function certificateUrl(caseId: string, itemId: string): string {
  return apiUrl(`${item(caseId, itemId)}/certificate`);
}

/** Uploads an item's handover certificate (PDF, JPEG or PNG up to 10 MB). */
export function uploadCertificate(caseId: string, itemId: string, file: File): Promise<unknown> {
  return uploadForm(`${item(caseId, itemId)}/certificate`, file);
}

/** Reads a string-valued record out of an unknown JSON value. */
function strings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** Sends one file as multipart `file` (the JSON client cannot), with the CSRF header; errors as ApiError. */
async function uploadForm<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers = new Headers({ Accept: 'application/json' });
  const csrf = getCsrfToken();
  if (csrf) headers.set('X-CSRF-Token', csrf);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { method: 'POST', headers, body, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok) return json as T;
  const error = typeof json === 'object' && json !== null && 'error' in json ? (json as { error: Record<string, unknown> }).error : {};
  throw new ApiError(
    response.status,
    typeof error.code === 'string' ? error.code : `http_${response.status}`,
    typeof error.message === 'string' ? error.message : response.statusText,
    strings(error.fields),
  );
}

/** Cache keys: a change to a case refreshes its page, the caseload and the area's summaries. */
export const reintegrationKeys = {
  cases: ['reintegration-cases'] as const,
  case: (id: string) => ['reintegration-case', id] as const,
  budget: (id: string) => ['reintegration-case', id, 'budget'] as const,
  rss: (id: string) => ['reintegration-case', id, 'rss'] as const,
  projects: ['reintegration-projects'] as const,
  project: (id: string) => ['reintegration-project', id] as const,
  instruments: ['rss-instruments'] as const,
  instrument: (version: string) => ['rss-instrument', version] as const,
  spotChecks: ['reintegration-spot-checks'] as const,
  overdueVisits: ['reintegration-overdue-visits'] as const,
  dashboard: ['reintegration-dashboard'] as const,
};
