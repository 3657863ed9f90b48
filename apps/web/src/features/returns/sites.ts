// The sites a return officer can pick (reception site, arrival desk): every active site for those who
// may list sites, else their own.
import { useMemo } from 'react';
import { useMe } from '../../app/auth';
import { useSites } from '../admin/shared';

/** Sites as select options; `current` stays listed even when it is not among them. */
export function useSiteOptions(current?: string | null): { value: string; label: string }[] {
  const me = useMe();
  const sites = useSites();
  return useMemo(() => {
    const options = (sites.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));
    if (me.site && !options.some((o) => o.value === me.site?.id)) options.unshift({ value: me.site.id, label: me.site.name });
    if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
    return options;
  }, [sites.data, me.site, current]);
}
