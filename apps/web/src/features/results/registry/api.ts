// Typed calls for the indicator registry and manual values. The evidence upload is multipart, which
// the JSON client does not send, so it has its own request with the same CSRF header and errors.
import type { IndicatorDefinitionPatch, IndicatorDefinitionView, ManualValue } from '@taama/core';
import { ApiError, apiRequest, apiUrl, getCsrfToken } from '../../../api/client';

const def = (code: string) => `/indicators/definitions/${encodeURIComponent(code)}`;
const manual = (code: string) => `/indicators/${encodeURIComponent(code)}/manual-values`;

export const registryApi = {
  list: () => apiRequest<{ items: IndicatorDefinitionView[] }>('/indicators/definitions'),
  get: (code: string) => apiRequest<IndicatorDefinitionView>(def(code)),
  update: (code: string, version: number, patch: IndicatorDefinitionPatch) => apiRequest<IndicatorDefinitionView>(def(code), { method: 'PATCH', body: patch, version }),
  manualValues: (code: string) => apiRequest<{ items: ManualValue[] }>(manual(code)),
  decide: (code: string, id: string, decision: 'approve' | 'reject') =>
    apiRequest<ManualValue>(`${manual(code)}/${encodeURIComponent(id)}/decision`, { method: 'POST', body: { decision } }),
  evidenceUrl: (code: string, id: string) => apiUrl(`${manual(code)}/${encodeURIComponent(id)}/evidence`),
  /** Sends a manual value with its evidence file (fields first: the server reads them before the file). */
  async enter(code: string, input: { period: string; value: number; note?: string }, evidence: File): Promise<ManualValue> {
    const form = new FormData();
    form.append('period', input.period);
    form.append('value', String(input.value));
    if (input.note) form.append('note', input.note);
    form.append('evidence', evidence, evidence.name);
    const headers = new Headers({ Accept: 'application/json' });
    const csrf = getCsrfToken();
    if (csrf) headers.set('X-CSRF-Token', csrf);
    let response: Response;
    try {
      response = await fetch(apiUrl(manual(code)), { method: 'POST', body: form, headers, credentials: 'same-origin' });
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: { code?: string; message?: string; fields?: Record<string, string> } }).error : {};
      throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? response.statusText, error.fields ?? {});
    }
    return body as ManualValue;
  },
};

export const registryKeys = {
  list: ['indicator-definitions'] as const,
  one: (code: string) => ['indicator-definition', code] as const,
  manual: (code: string) => ['manual-values', code] as const,
};

/** Reads the per-quarter targets typed one per line ("2025Q1: 400"); the bad lines are returned by number. */
export function parsePeriodTargets(text: string): { targets: Record<string, number>; badLines: number[] } {
  const targets: Record<string, number> = {};
  const badLines: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\d{4}Q[1-4])\s*[:=]\s*(\d+(?:[.,]\d+)?)$/.exec(line);
    if (!m?.[1] || !m[2]) badLines.push(index + 1);
    else targets[m[1]] = Number(m[2].replace(',', '.'));
  });
  return { targets, badLines };
}

/** The per-quarter targets as the editor shows them, in quarter order. */
export function formatPeriodTargets(targets: Record<string, number>): string {
  return Object.keys(targets)
    .sort()
    .map((q) => `${q}: ${targets[q]}`)
    .join('\n');
}
