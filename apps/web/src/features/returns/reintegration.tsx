// The reintegration case opened for a returnee. The returns API sends its number beside its id, so
// everyone sees which case it is; only callers who may read reintegration cases get a link (the
// default return officer may not, and would land on a 404).
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';

/** The reintegration case `id` by its `number`: a link for readers of reintegration cases, plain text otherwise. */
export function ReintegrationLink({ id, number }: { id: string; number: string | null }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const shown = number ?? t('returns:travel.openReintegration');
  if (!can('reintegrationCase.read')) {
    return (
      <Text span data-testid="reintegration-number">
        {shown}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/reintegration/cases/${id}`} data-testid="reintegration-link">
      {shown}
    </Anchor>
  );
}
