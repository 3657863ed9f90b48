import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlFilters } from './useUrlFilters';

const wrapper = ({ children }: { children: ReactNode }) => <BrowserRouter>{children}</BrowserRouter>;

describe('useUrlFilters', () => {
  it('writes filters to the address bar', () => {
    window.history.replaceState(null, '', '/admin/sites');
    const { result } = renderHook(() => useUrlFilters(['q', 'organisationId'] as const), { wrapper });
    act(() => result.current.set('q', 'gao'));
    expect(window.location.pathname + window.location.search).toBe('/admin/sites?q=gao');
    expect(result.current.values.q).toBe('gao');
    act(() => result.current.clear());
    expect(window.location.search).toBe('');
  });

  it('drops a late write once the user has moved to another page, instead of pulling them back', () => {
    window.history.replaceState(null, '', '/admin/sites');
    const { result } = renderHook(() => useUrlFilters(['q'] as const), { wrapper });
    // The address bar moves on (a navigation whose page is still loading)…
    window.history.pushState(null, '', '/admin/roles');
    // …and then the list's debounced search fires.
    act(() => result.current.set('q', 'late'));
    expect(window.location.pathname + window.location.search).toBe('/admin/roles');
    act(() => result.current.clear());
    expect(window.location.pathname).toBe('/admin/roles');
  });
});
