// Mali's regions (admin-1 P-codes) as select options and names, read once from the reference API.
import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { referenceApi } from '../../api/endpoints';

/** The regions as select options ("Kayes (ML01)") and a P-code → name lookup. */
export function useRegionOptions() {
  const regions = useQuery({
    queryKey: ['reference', 'admin-units', 'level-1'],
    queryFn: () => referenceApi.adminUnits({ level: 1, limit: 100 }),
    staleTime: 3_600_000,
  });
  const options = useMemo(() => (regions.data?.items ?? []).map((u) => ({ value: u.pcode, label: `${u.name} (${u.pcode})` })), [regions.data]);
  const names = useMemo(() => new Map((regions.data?.items ?? []).map((u) => [u.pcode, u.name])), [regions.data]);
  const nameOf = useCallback((pcode: string | null | undefined) => (pcode ? (names.get(pcode) ?? pcode) : '—'), [names]);
  return { options, nameOf };
}
