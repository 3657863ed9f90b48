// The one way the web app talks to the Taama API: same-origin cookies, the CSRF header on every
// write, If-Match on edits, and every failure turned into an ApiError with the server's fields.

export const API_BASE = '/api/v1';

/** Query-string values; undefined, null and '' are left out. */
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The record version being edited, sent as If-Match. */
  version?: number;
  signal?: AbortSignal;
  /**
   * A 401 from this request does not mean "the session ended" (signing in, probing for a session):
   * the caller handles it instead of the global session-expiry handler.
   */
  authProbe?: boolean;
}

/** An error answered by the API (or the network), in the shape of SPEC §13. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Someone else saved the record since it was loaded (If-Match failed). */
  get isStale(): boolean {
    return this.status === 412;
  }

  /** The session is gone or was never there. */
  get isUnauthenticated(): boolean {
    return this.status === 401;
  }

  /** No network or no answer from the server. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

// Kept in memory only: a script that can read storage must not find it there.
let csrfToken: string | null = null;
let unauthorizedHandler: ((error: ApiError) => void) | null = null;

/** Remembers the CSRF token of the current session (from sign-in or GET /me); null forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token currently held (for tests and diagnostics). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Registers what happens when the server says the session ended (401 outside sign-in). */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  unauthorizedHandler = handler;
}

/** A request the device may answer itself when the server cannot be reached. */
export interface OfflineRequest {
  method: string;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  version?: number;
}

/** Answers a request from the device's offline copy, or null to let it fail as usual. */
export type OfflineHandler = (request: OfflineRequest) => Promise<{ value: unknown } | null>;

// Set by the offline engine while the user's device store is open (SPEC §12).
let offlineHandler: OfflineHandler | null = null;

/** Registers (or with null removes) the offline layer consulted when the network is unavailable. */
export function setOfflineHandler(handler: OfflineHandler | null): void {
  offlineHandler = handler;
}

/** Builds `/api/v1/path?query` leaving empty values out. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === 'string') out[key] = message;
  }
  return out;
}

/** Reads the error body `{error: {code, message, fields?, details?}}`, tolerating anything else. */
async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : response.statusText || `HTTP ${response.status}`;
  const details = isRecord(error?.details) ? error.details : {};
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter && !('retryAfterSeconds' in details) && /^\d+$/.test(retryAfter)) {
    return new ApiError(response.status, code, message, stringRecord(error?.fields), { ...details, retryAfterSeconds: Number(retryAfter) });
  }
  return new ApiError(response.status, code, message, stringRecord(error?.fields), details);
}

/** Sends one API request and returns the parsed JSON (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (!SAFE_METHODS.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  if (options.version !== undefined) headers.set('If-Match', String(options.version));

  const offline = async () => (offlineHandler ? offlineHandler({ method, path, query: options.query, body: options.body, version: options.version }) : null);
  if (offlineHandler && typeof navigator !== 'undefined' && !navigator.onLine) {
    const answer = await offline();
    if (answer) return answer.value as T;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const answer = await offline();
    if (answer) return answer.value as T;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.authProbe) unauthorizedHandler?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
