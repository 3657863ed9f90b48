// Sending an import file: multipart upload through XMLHttpRequest (fetch cannot report upload
// progress), with the CSRF header, the client-chosen import id, and the API's errors as ApiError.
import { newId, type ImportReport } from '@taama/core';
import { ApiError, apiUrl, getCsrfToken } from '../../../api/client';
import type { ImportKind, ImportMode } from '../api';

/** What one import upload sends. */
export interface UploadRequest {
  kind: ImportKind;
  mode: ImportMode;
  file: File;
  /** Source column → Taama field; left out when empty. */
  mapping?: Record<string, string>;
  /** The name the mapping is remembered under. */
  source?: string;
  /** Chosen here, so the progress of this import can be polled while it runs. */
  importId: string;
  onUploadProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function errorFrom(xhr: XMLHttpRequest): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown } }).error : undefined;
  const fields: Record<string, string> = {};
  if (error && typeof error.fields === 'object' && error.fields !== null) {
    for (const [key, value] of Object.entries(error.fields)) if (typeof value === 'string') fields[key] = value;
  }
  return new ApiError(
    xhr.status,
    typeof error?.code === 'string' ? error.code : `http_${xhr.status}`,
    typeof error?.message === 'string' ? error.message : xhr.statusText || `HTTP ${xhr.status}`,
    fields,
    typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {},
  );
}

/** Uploads an import file and resolves with the import's report. */
export function uploadImport(request: UploadRequest): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    if (request.mapping && Object.keys(request.mapping).length > 0) body.append('mapping', JSON.stringify(request.mapping));
    if (request.source) body.append('source', request.source);
    // The file goes last so the server has read the options before it streams the rows.
    body.append('file', request.file, request.file.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(`/flows/${request.kind}/import`, { mode: request.mode }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Import-Id', request.importId);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onUploadProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReport);
        } catch (cause) {
          reject(new ApiError(xhr.status, 'invalid_response', cause instanceof Error ? cause.message : 'Invalid response'));
        }
      } else {
        reject(errorFrom(xhr));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** A new import id (UUIDv7, as every id Taama makes). */
export function newImportId(): string {
  return newId();
}
