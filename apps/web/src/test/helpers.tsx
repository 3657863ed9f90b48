// Test helpers: a signed-in user, a scripted fetch, and the app rendered with its providers.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { visibleAreas, type Me } from '@taama/core';
import { Providers } from '../app/Providers';
import type { AuthState } from '../app/auth';

/** A signed-in user holding the given permissions (areas derived as the server does). */
export function makeMe(permissions: string[], overrides: Partial<Me> = {}): Me {
  return {
    id: '01930000-0000-7000-8000-000000000001',
    username: 'caseworker.gao',
    displayName: 'Aminata Maïga',
    email: null,
    locale: 'fr',
    organisation: { id: '01930000-0000-7000-8000-0000000000a1', code: 'iom', name: 'OIM Mali' },
    site: { id: '01930000-0000-7000-8000-0000000000b1', code: 'gao', name: 'Gao' },
    regionPcode: null,
    roles: ['caseworker'],
    permissions,
    scope: 'site',
    maxSensitivity: 'personal',
    areas: visibleAreas(permissions),
    mustChangePassword: false,
    session: { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800, csrfToken: 'csrf-test-token' },
    ...overrides,
  };
}

export const ADMIN_PERMISSIONS = ['user.read', 'user.manage', 'role.read', 'role.manage', 'organisation.read', 'organisation.manage', 'site.read', 'site.manage', 'audit.read', 'audit.verify', 'reference.read'];

export interface RecordedRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Handler = (request: RecordedRequest) => Reply | undefined;

/** Replaces fetch with `handler` (404 JSON when it returns undefined) and records every request. */
export function mockFetch(handler: Handler): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const request: RecordedRequest = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        search: url.searchParams,
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      };
      requests.push(request);
      const reply = handler(request) ?? { status: 404, body: { error: { code: 'not_found', message: 'No route' } } };
      const status = reply.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
        status,
        headers: { 'Content-Type': 'application/json', ...reply.headers },
      });
    }),
  );
  return requests;
}

/** Renders `ui` inside the app's providers and a memory router at `route`. */
export function renderWithApp(ui: ReactNode, { route = '/', auth }: { route?: string; auth?: AuthState } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MemoryRouter initialEntries={[route]}>
      <Providers queryClient={queryClient} initialAuth={auth} env="test">
        {ui}
      </Providers>
    </MemoryRouter>,
  );
}
