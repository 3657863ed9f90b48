// The API client: CSRF header on writes only, If-Match on edits, error shape, session expiry.
import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, apiUrl, setCsrfToken, setUnauthorizedHandler } from './client';
import { authApi, usersApi } from './endpoints';
import { mockFetch } from '../test/helpers';

describe('apiRequest', () => {
  it('sends the CSRF token on writes but not on reads, with same-origin credentials', async () => {
    const requests = mockFetch(() => ({ body: { items: [], nextCursor: null } }));
    setCsrfToken('token-123');
    await usersApi.list({ q: 'ami' });
    await usersApi.disable('u1');
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.headers.get('X-CSRF-Token')).toBeNull();
    expect(requests[0]?.search.get('q')).toBe('ami');
    expect(requests[1]?.method).toBe('POST');
    expect(requests[1]?.headers.get('X-CSRF-Token')).toBe('token-123');
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
  });

  it('sends If-Match with the version on a PATCH', async () => {
    const requests = mockFetch(() => ({ body: {} }));
    setCsrfToken('t');
    await usersApi.update('u1', 7, { displayName: 'New name' });
    expect(requests[0]?.method).toBe('PATCH');
    expect(requests[0]?.headers.get('If-Match')).toBe('7');
    expect(requests[0]?.body).toEqual({ displayName: 'New name' });
  });

  it('turns a 412 into a stale-version error', async () => {
    mockFetch(() => ({ status: 412, body: { error: { code: 'stale_version', message: 'changed', details: { currentVersion: 8 } } } }));
    const error = await usersApi.update('u1', 7, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isStale).toBe(true);
    expect((error as ApiError).details.currentVersion).toBe(8);
  });

  it('keeps the field errors of a 400', async () => {
    mockFetch(() => ({ status: 400, body: { error: { code: 'invalid_input', message: 'bad', fields: { username: 'is already taken', 'roles.0': 'must match pattern' } } } }));
    const error = (await apiRequest('/users', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ username: 'is already taken', 'roles.0': 'must match pattern' });
  });

  it('reports a 401 as an ended session, except on sign-in', async () => {
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    mockFetch(({ path }) =>
      path.endsWith('/auth/login')
        ? { status: 401, body: { error: { code: 'invalid_credentials', message: 'Wrong username or password' } } }
        : { status: 401, body: { error: { code: 'session_expired', message: 'expired' } } },
    );
    await expect(authApi.login('a', 'b')).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(ended).not.toHaveBeenCalled();
    await expect(usersApi.get('u1')).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('reads the lockout delay of a 429', async () => {
    mockFetch(() => ({ status: 429, body: { error: { code: 'too_many_attempts', message: 'locked', details: { retryAfterSeconds: 840 } } }, headers: { 'Retry-After': '840' } }));
    const error = (await authApi.login('a', 'b').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.details.retryAfterSeconds).toBe(840);
  });

  it('survives an error body that is not JSON, and a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    await expect(apiRequest('/me')).rejects.toMatchObject({ status: 502, code: 'http_502' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiRequest('/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('returns undefined for 204 and leaves empty query values out', async () => {
    mockFetch(() => ({ status: 204 }));
    await expect(authApi.logout()).resolves.toBeUndefined();
    expect(apiUrl('/audit', { recordId: '', actorId: undefined, action: null, limit: 50 })).toBe('/api/v1/audit?limit=50');
  });
});
