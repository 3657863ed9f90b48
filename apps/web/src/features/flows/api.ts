// Typed calls for the flows API (/api/v1/flows/…), one function per route, typed by core's schemas.
import type {
  FlowCollection,
  FlowCollectionInput,
  FlowCollectionPatch,
  FlowComposition,
  FlowCount,
  FlowCountInput,
  FlowCountPatch,
  FlowCountQuery,
  FlowExportQuery,
  ImportFieldList,
  ImportHistory,
  ImportKind,
  ImportMode,
  ImportProgress,
  FlowMapping,
  FlowMappingList,
  FlowOd,
  FlowPoint,
  FlowPointInput,
  FlowPointPatch,
  FlowPointStats,
  Publication,
  PublicationList,
  PublicationInput,
  QualityReport,
  FlowReasons,
  FlowRegionStats,
  FlowStatsQuery,
  FlowSurvey,
  FlowSurveyQuery,
  FlowCollectionQuery,
  FlowTrends,
} from '@taama/core';
import { ApiError, apiRequest, apiUrl, type QueryValue } from '../../api/client';
import type { Page } from '../../api/endpoints';

/** The filters every statistics route takes ('all' statuses, or validated counts only by default). */
export type StatsFilters = FlowStatsQuery;

/** The query of the counts list. */
export type CountListQuery = FlowCountQuery;

/** What the open-data export is cut by. */
export type ExportFilters = FlowExportQuery;

export type { ImportKind, ImportMode };

const id = encodeURIComponent;
const clean = (query: object): Record<string, QueryValue> => ({ ...(query as Record<string, QueryValue>) });

export const flowsApi = {
  points: () => apiRequest<Page<FlowPoint>>('/flows/points'),
  createPoint: (input: FlowPointInput) => apiRequest<FlowPoint>('/flows/points', { method: 'POST', body: input }),
  updatePoint: (pointId: string, version: number, patch: FlowPointPatch) => apiRequest<FlowPoint>(`/flows/points/${id(pointId)}`, { method: 'PATCH', body: patch, version }),

  counts: (query: CountListQuery) => apiRequest<Page<FlowCount>>('/flows/counts', { query: clean(query) }),
  count: (countId: string) => apiRequest<FlowCount>(`/flows/counts/${id(countId)}`),
  createCount: (input: FlowCountInput) => apiRequest<FlowCount>('/flows/counts', { method: 'POST', body: input }),
  updateCount: (countId: string, version: number, patch: FlowCountPatch) => apiRequest<FlowCount>(`/flows/counts/${id(countId)}`, { method: 'PATCH', body: patch, version }),
  transition: (countId: string, to: 'submitted' | 'validated' | 'rejected', reason?: string) =>
    apiRequest<FlowCount>(`/flows/counts/${id(countId)}/transitions`, { method: 'POST', body: reason ? { to, reason } : { to } }),

  surveys: (query: FlowSurveyQuery) =>
    apiRequest<Page<FlowSurvey>>('/flows/surveys', { query: clean(query) }),
  survey: (surveyId: string) => apiRequest<FlowSurvey>(`/flows/surveys/${id(surveyId)}`),

  collections: (query: FlowCollectionQuery) => apiRequest<Page<FlowCollection>>('/flows/collections', { query: clean(query) }),
  collection: (collectionId: string) => apiRequest<FlowCollection>(`/flows/collections/${id(collectionId)}`),
  createCollection: (input: FlowCollectionInput) => apiRequest<FlowCollection>('/flows/collections', { method: 'POST', body: input }),
  updateCollection: (collectionId: string, version: number, patch: FlowCollectionPatch) =>
    apiRequest<FlowCollection>(`/flows/collections/${id(collectionId)}`, { method: 'PATCH', body: patch, version }),

  imports: () => apiRequest<ImportHistory>('/flows/imports'),
  importProgress: (importId: string) => apiRequest<ImportProgress>(`/flows/imports/${id(importId)}/progress`),
  mappings: () => apiRequest<FlowMappingList>('/flows/mappings'),
  saveMapping: (kind: ImportKind, source: string, mapping: Record<string, string>) =>
    apiRequest<FlowMapping>(`/flows/mappings/${id(kind)}/${id(source)}`, { method: 'PUT', body: { mapping } }),
  importFields: (kind: ImportKind) => apiRequest<ImportFieldList>('/flows/import-fields', { query: { kind } }),

  quality: (query: { from?: string; to?: string; fmpId?: string }) => apiRequest<QualityReport>('/flows/quality', { query: clean(query) }),

  trends: (filters: StatsFilters, interval: 'day' | 'week' | 'month') => apiRequest<FlowTrends>('/flows/stats/trends', { query: { ...clean(filters), interval } }),
  od: (filters: StatsFilters) => apiRequest<FlowOd>('/flows/stats/od', { query: clean(filters) }),
  composition: (filters: StatsFilters) => apiRequest<FlowComposition>('/flows/stats/composition', { query: clean(filters) }),
  pointStats: (filters: StatsFilters) => apiRequest<FlowPointStats>('/flows/stats/points', { query: clean(filters) }),
  regions: (filters: StatsFilters) => apiRequest<FlowRegionStats>('/flows/stats/regions', { query: clean(filters) }),
  reasons: (filters: StatsFilters, by: 'nationality' | 'region') => apiRequest<FlowReasons>('/flows/stats/reasons', { query: { ...clean(filters), by } }),

  publications: () => apiRequest<PublicationList>('/flows/publications'),
  publish: (input: PublicationInput) => apiRequest<Publication>('/flows/publications', { method: 'POST', body: input }),
};

/** The address of an open-data file (CSV, XLSX or the CSV's metadata) for the filters. */
export function exportUrl(format: 'csv' | 'xlsx' | 'meta.json', filters: ExportFilters): string {
  return apiUrl(`/flows/export.${format}`, clean(filters));
}

/** The address of a published file, byte for byte as published. */
export function publicationUrl(publicationId: string): string {
  return apiUrl(`/flows/publications/${id(publicationId)}/export.csv`);
}

/** Fetches a text file from the API (same-origin cookie), for previews. */
export async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin', signal, headers: { Accept: 'text/csv' } });
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
  return response.text();
}

/** Query keys of the flows module (a save refreshes the lists it changed). */
export const flowKeys = {
  all: ['flows'] as const,
  points: ['flows', 'points'] as const,
  counts: ['flows', 'counts'] as const,
  count: (countId: string) => ['flows', 'count', countId] as const,
  surveys: ['flows', 'surveys'] as const,
  survey: (surveyId: string) => ['flows', 'survey', surveyId] as const,
  collections: ['flows', 'collections'] as const,
  collection: (collectionId: string) => ['flows', 'collection', collectionId] as const,
  imports: ['flows', 'imports'] as const,
  mappings: ['flows', 'mappings'] as const,
  importFields: (kind: ImportKind) => ['flows', 'import-fields', kind] as const,
  quality: ['flows', 'quality'] as const,
  stats: ['flows', 'stats'] as const,
  publications: ['flows', 'publications'] as const,
};
