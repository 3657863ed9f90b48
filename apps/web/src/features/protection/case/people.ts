// Who and where a case can go: users and sites as select options, for roles allowed to list them
// (others can still assign to themselves).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { usersApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { useSites as useAllSites } from '../../admin/shared';

/** Active users as select options (empty without `user.read`). */
export function useUsers(): { value: string; label: string }[] {
  const { can } = useAuth();
  const users = useQuery({ queryKey: ['users', 'list', 'assignable'], queryFn: () => usersApi.list({ limit: 500 }), enabled: can('user.read') });
  return useMemo(() => (users.data?.items ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.displayName })), [users.data]);
}

/** Active sites other than `exceptId` as select options (empty without `site.read`). */
export function useSites(exceptId: string): { value: string; label: string }[] {
  const sites = useAllSites();
  return useMemo(() => (sites.data ?? []).filter((s) => s.active && s.id !== exceptId).map((s) => ({ value: s.id, label: s.name })), [sites.data, exceptId]);
}
