// Typed calls for the results framework (SPEC §11, §13): indicator values and their records, the
// periods and their sign-off, and the report downloads.
import type { IndicatorList, IndicatorRecord, PeriodStatus } from '@taama/core';
import { apiRequest, apiUrl } from '../../api/client';

export interface IndicatorRecordPage {
  items: IndicatorRecord[];
  nextCursor: string | null;
  pseudonymised: boolean;
}

/** The span and grouping of an indicator request. */
export interface SpanQuery {
  from: string;
  to: string;
  interval?: 'quarter' | 'month' | 'year';
  by?: string;
}

const code = (c: string) => `/indicators/${encodeURIComponent(c)}`;

export const resultsApi = {
  indicators: (query: SpanQuery) => apiRequest<IndicatorList>('/indicators', { query: { ...query } }),
  records: (indicator: string, query: { from: string; to: string; cursor?: string; limit?: number }) =>
    apiRequest<IndicatorRecordPage>(`${code(indicator)}/records`, { query: { ...query } }),
  periods: () => apiRequest<{ items: PeriodStatus[] }>('/periods'),
  signOff: (period: string, note?: string) =>
    apiRequest<PeriodStatus>(`/periods/${encodeURIComponent(period)}/sign-off`, { method: 'POST', body: note ? { note } : {} }),
};

/** Addresses of the report downloads (plain links: the session cookie goes with them). */
export const reportUrls = {
  eutf: (period: string, lang: string) => apiUrl('/reports/eutf.xlsx', { period, lang }),
  logframe: (from: string, to: string, lang: string) => apiUrl('/reports/logframe.xlsx', { from, to, lang }),
  logframePdf: (from: string, to: string, lang: string) => apiUrl('/reports/logframe.pdf', { from, to, lang }),
  hxl: (from: string, to: string, lang: string) => apiUrl('/reports/indicators.hxl.csv', { from, to, lang }),
  iati: (from: string, to: string, lang: string) => apiUrl('/reports/iati.xml', { from, to, lang }),
};

/** Cache keys: a sign-off refreshes the periods and every indicator table. */
export const resultsKeys = {
  indicators: ['indicators'] as const,
  periods: ['periods'] as const,
  records: ['indicator-records'] as const,
};
