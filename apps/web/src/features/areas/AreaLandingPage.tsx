// The landing page of a programme area whose module is not built yet: what the area covers, and an
// honest empty state. No invented records.
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AREA_ICONS, type ProgrammeArea } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';

/** Title, description and empty state of one programme area. */
export default function AreaLandingPage({ area }: { area: ProgrammeArea }) {
  const { t } = useTranslation();
  const Icon = AREA_ICONS[area];
  return (
    <>
      <PageHeader title={t(`areas:${area}.title`)} description={t(`areas:${area}.description`)} />
      <Paper withBorder radius="md">
        <EmptyState title={t(`areas:${area}.emptyTitle`)} description={t(`areas:${area}.emptyDescription`)} icon={<Icon size={28} aria-hidden />} />
      </Paper>
    </>
  );
}
