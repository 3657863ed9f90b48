// The reintegration case opened for a returnee, as a link: its number when the returns API sends it
// or the caller may read reintegration cases, else a plain "open" link.
import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRequest } from '../../api/client';
import { useAuth } from '../../app/auth';

/** A link to the reintegration case `id`; `number` when the caller already has it. */
export function ReintegrationLink({ id, number }: { id: string; number?: string | null }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const found = useQuery({
    queryKey: ['reintegration-case', id, 'number'],
    queryFn: () => apiRequest<{ caseNumber: string }>(`/reintegration-cases/${encodeURIComponent(id)}`),
    enabled: !number && can('reintegrationCase.read'),
    staleTime: Infinity,
    select: (c) => c.caseNumber,
  });
  const shown = number ?? found.data;
  return (
    <Anchor component={Link} to={`/reintegration/cases/${id}`} data-testid="reintegration-link">
      {shown ?? t('returns:travel.openReintegration')}
    </Anchor>
  );
}

/** The reintegration case number an API record may carry beside its id. */
export function reintegrationNumber(record: object): string | null {
  return 'reintegrationCaseNumber' in record && typeof record.reintegrationCaseNumber === 'string' ? record.reintegrationCaseNumber : null;
}
