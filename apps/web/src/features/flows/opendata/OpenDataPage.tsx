// /flows/open-data: public aggregates of the validated counts — cut by month or week, point and
// direction — previewed (suppressed cells empty, with their flag), downloaded as CSV (label row, HXL
// row) or XLSX, published (a reviewed, audited action) and re-downloaded exactly as published.
import { useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconWorldUpload } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FLOW_DIRECTIONS } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { exportUrl, flowKeys, flowsApi, type ExportFilters } from '../api';
import { useFlowEnum, usePointOptions } from '../shared';
import { codeOf } from '../links';
import { fetchExportHead } from './preview';
import { PublicationHistory } from './PublicationHistory';

const KEYS = ['groupBy', 'from', 'to', 'fmpId', 'direction'] as const;
const PREVIEW_ROWS = 20;

/** The open-data page. */
export default function OpenDataPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const filters = useUrlFilters(KEYS);
  const { values, set } = filters;
  const points = usePointOptions();
  const directions = useFlowEnum('direction', FLOW_DIRECTIONS);
  const exportFilters: ExportFilters = { groupBy: values.groupBy === 'week' ? 'week' : 'month', from: values.from || undefined, to: values.to || undefined, fmpId: values.fmpId || undefined, direction: codeOf(FLOW_DIRECTIONS, values.direction) };
  const preview = useQuery({
    queryKey: [...flowKeys.all, 'export-preview', exportFilters],
    queryFn: ({ signal }) => fetchExportHead(exportUrl('csv', exportFilters), PREVIEW_ROWS, signal),
    placeholderData: keepPreviousData,
  });
  const [confirming, setConfirming] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<unknown>(null);

  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      const { from, to } = exportFilters;
      if (!from || !to) return;
      const publication = await flowsApi.publish({ ...exportFilters, groupBy: exportFilters.groupBy ?? 'month', from, to });
      notifications.show({ color: 'green', message: t('flows:openData.published', { rows: publication.rows }) });
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: flowKeys.publications });
    } catch (error) {
      setPublishError(error);
    } finally {
      setPublishing(false);
    }
  };

  const flagColumn = preview.data?.labels.findIndex((l, i) => l === 'suppressed' || preview.data?.hxl[i]?.includes('suppressed')) ?? -1;

  return (
    <>
      <PageHeader title={t('flows:openData.title')} description={t('flows:openData.description')} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('flows:openData.filters')}>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="opendata-groupby">
                {t('flows:openData.groupBy')}
              </Text>
              <SegmentedControl
                aria-labelledby="opendata-groupby"
                value={exportFilters.groupBy}
                onChange={(v) => set('groupBy', v === 'week' ? 'week' : null)}
                data={[
                  { value: 'month', label: t('flows:dashboard.intervals.month') },
                  { value: 'week', label: t('flows:dashboard.intervals.week') },
                ]}
              />
            </Stack>
            <TextInput type="date" label={t('flows:filters.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} w={160} />
            <TextInput type="date" label={t('flows:filters.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} w={160} />
            <Select label={t('flows:filters.fmp')} placeholder={t('common:filters.all')} data={points} value={values.fmpId || null} onChange={(v) => set('fmpId', v)} searchable clearable w={240} />
            <Select label={t('flows:filters.direction')} placeholder={t('common:filters.all')} data={directions} value={values.direction || null} onChange={(v) => set('direction', v)} clearable w={170} />
          </Group>
        </Paper>

        <Group gap="sm">
          <Button component="a" href={exportUrl('csv', exportFilters)} download leftSection={<IconDownload size={16} aria-hidden />}>
            {t('flows:openData.downloadCsv')}
          </Button>
          <Button component="a" href={exportUrl('xlsx', exportFilters)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('flows:openData.downloadXlsx')}
          </Button>
          <Button component="a" href={exportUrl('meta.json', exportFilters)} download variant="subtle">
            {t('flows:openData.downloadMeta')}
          </Button>
          {can('flow.publish') && (
            <Tooltip label={t('flows:openData.publishNeedsPeriod')} disabled={Boolean(exportFilters.from && exportFilters.to)}>
              <Button color="teal" leftSection={<IconWorldUpload size={16} aria-hidden />} onClick={() => setConfirming(true)} disabled={!exportFilters.from || !exportFilters.to} data-disabled-reason={!exportFilters.from || !exportFilters.to ? t('flows:openData.publishNeedsPeriod') : undefined}>
                {t('flows:openData.publish')}
              </Button>
            </Tooltip>
          )}
        </Group>

        <Paper withBorder p="md" radius="md" component="section" aria-label={t('flows:openData.previewTitle')}>
          <Title order={2} size="h4" mb={4}>
            {t('flows:openData.previewTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('flows:openData.previewHint', { count: PREVIEW_ROWS })}
          </Text>
          {preview.isError && !preview.data ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : !preview.data ? (
            <LoadingState />
          ) : preview.data.rows.length === 0 ? (
            <Text c="dimmed">{t('flows:openData.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900} type="native" mah={520}>
              <Table striped withTableBorder fz="xs" stickyHeader aria-busy={preview.isFetching || undefined} style={{ whiteSpace: 'nowrap' }}>
                <Table.Caption>{t('flows:openData.previewTitle')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {preview.data.labels.map((label, i) => (
                      <Table.Th key={`${label}-${i}`} scope="col">
                        {label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    {preview.data.hxl.map((tag, i) => (
                      <Table.Td key={`${tag}-${i}`} ff="monospace" c="dimmed">
                        {tag}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.data.rows.map((row, r) => (
                    <Table.Tr key={r}>
                      {row.map((cell, c) => (
                        <Table.Td key={c}>
                          {c === flagColumn ? (
                            cell === 'true' || cell === '1' ? (
                              <Badge size="xs" color="orange" variant="light">
                                {t('flows:openData.suppressed')}
                              </Badge>
                            ) : (
                              ''
                            )
                          ) : (
                            cell
                          )}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('flows:openData.disclosure')}
          </Text>
        </Paper>

        <Title order={2} size="h3">
          {t('flows:openData.historyTitle')}
        </Title>
        <PublicationHistory />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('flows:openData.confirmTitle')}
        message={t('flows:openData.confirmMessage')}
        confirmLabel={t('flows:openData.publish')}
        color="teal"
        pending={publishing}
        error={publishError ? <Text c="red" size="sm" role="alert">{describeError(t, publishError)}</Text> : undefined}
        onConfirm={() => void publish()}
        onClose={() => {
          setConfirming(false);
          setPublishError(null);
        }}
      />
    </>
  );
}
