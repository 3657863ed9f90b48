// The duplicate review queue: pairs the registry suspects, best score first, each opening the
// side-by-side review.
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicatePair, PersonSummary } from '@taama/core';
import { formatDateTime } from '../../app/format';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { peopleApi, registryKeys } from './api';
import { reviewPath } from './CreatedDuplicates';
import { DuplicateReasons, personName, ScoreBadge } from './shared';

const FILTERS = ['page'] as const;
const PAGE_SIZE = 25;

function Who({ person }: { person: PersonSummary }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/protection/people/${person.id}`}>{personName(person)}</Anchor>
      <Text size="xs" c="dimmed" ff="monospace">{person.caseNumber}</Text>
    </Stack>
  );
}

/** The review queue. */
export default function DuplicateQueuePage() {
  const { t, i18n } = useTranslation();
  const list = useCursorList({ filters: FILTERS, search: 'page', queryKey: registryKeys.queue, pageSize: PAGE_SIZE, fetch: (_f, page) => peopleApi.reviewQueue(page) });
  const columns: Column<DuplicatePair>[] = [
    { key: 'first', header: t('registry:queue.columns.first'), render: (p) => <Who person={p.first} /> },
    { key: 'second', header: t('registry:queue.columns.second'), render: (p) => <Who person={p.second} /> },
    { key: 'score', header: t('registry:queue.columns.score'), render: (p) => <ScoreBadge score={p.score} /> },
    { key: 'reasons', header: t('registry:queue.columns.reasons'), render: (p) => <DuplicateReasons reasons={p.reasons} />, visibleFrom: 'sm' },
    { key: 'detected', header: t('registry:queue.columns.detected'), render: (p) => formatDateTime(p.detectedAt, i18n.language), visibleFrom: 'md' },
    {
      key: 'review',
      header: t('registry:queue.columns.action'),
      render: (p) => (
        <Button component={Link} to={reviewPath(p.first.id, p.second.id)} size="compact-sm" aria-label={t('registry:queue.reviewNamed', { first: personName(p.first), second: personName(p.second) })}>
          {t('registry:duplicates.review')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('registry:queue.title')} description={t('registry:queue.description')} />
      <DataTable {...list.table} caption={t('registry:queue.title')} columns={columns} rowKey={(p) => p.id} emptyTitle={t('registry:queue.emptyTitle')} emptyDescription={t('registry:queue.emptyDescription')} />
    </>
  );
}
