// /flows/quality: what needs a data officer's eye — rejected and suspicious counts, days a point sent
// nothing, totals far above a point's own history, and an enumerator's duplicate submissions. Each
// line links to the counts concerned.
import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../app/format';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { QueryGate } from '../../../components/recordPages';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { flowKeys, flowsApi } from '../api';
import { countsLink } from '../links';
import { usePointName, usePointOptions } from '../shared';

const FILTERS = ['from', 'to', 'fmpId'] as const;

/** A titled table, or a line saying there is nothing to report. */
function Section({ title, empty, header, children }: { title: string; empty: boolean; header: string[]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('flows:quality.nothing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520} type="native" mah={420}>
          <Table striped withTableBorder fz="sm" stickyHeader>
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {header.map((h) => (
                  <Table.Th key={h} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The quality page. */
export default function QualityPage() {
  const { t, i18n } = useTranslation();
  const filters = useUrlFilters(FILTERS);
  const { values, set } = filters;
  const query = useQuery({
    queryKey: [...flowKeys.quality, values],
    queryFn: () => flowsApi.quality({ from: values.from || undefined, to: values.to || undefined, fmpId: values.fmpId || undefined }),
    placeholderData: keepPreviousData,
  });
  const points = usePointOptions();
  const pointName = usePointName();
  const n = (value: number) => formatNumber(value, i18n.language);
  const countLink = (id: string) => (
    <Anchor component={Link} to={`/flows/counts/${id}`} ff="monospace" size="sm">
      {t('flows:quality.openCount')}
    </Anchor>
  );
  const period = { from: values.from || undefined, to: values.to || undefined };

  return (
    <>
      <PageHeader title={t('flows:quality.title')} description={t('flows:quality.description')} />
      <Stack gap="lg">
        <ListToolbar
          filters={
            <Group gap="sm" align="flex-end">
              <TextInput type="date" label={t('flows:filters.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} w={160} />
              <TextInput type="date" label={t('flows:filters.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} w={160} />
              <FilterSelect filters={filters} name="fmpId" label={t('flows:filters.fmp')} data={points} searchable w={260} />
            </Group>
          }
          canClear={filters.any}
          onClear={filters.clear}
        />
        <QueryGate query={query}>
          {(quality) => (
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 2, md: 5 }}>
                {[
                  { key: 'rejected', value: quality.rejected, to: countsLink({ ...period, fmpId: values.fmpId, status: 'rejected' }) },
                  { key: 'suspicious', value: quality.suspicious.length },
                  { key: 'missingDays', value: quality.missingDays.reduce((sum, m) => sum + m.days, 0) },
                  { key: 'outliers', value: quality.outliers.length },
                  { key: 'duplicates', value: quality.duplicateSubmissions.length },
                ].map((figure) => (
                  <Paper key={figure.key} withBorder p="sm" radius="md">
                    {figure.to ? (
                      <Anchor component={Link} to={figure.to} size="xl" fw={700}>
                        {n(figure.value)}
                      </Anchor>
                    ) : (
                      <Text size="xl" fw={700}>
                        {n(figure.value)}
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {t(`flows:quality.figures.${figure.key}`)}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>

              <Section title={t('flows:quality.suspiciousTitle')} empty={quality.suspicious.length === 0} header={[t('flows:fields.date'), t('flows:fields.fmpId'), t('flows:quality.rule'), t('flows:quality.detail'), '']}>
                {quality.suspicious.map((s, i) => (
                  <Table.Tr key={`${s.countId}-${s.rule}-${i}`}>
                    <Table.Td>{s.date}</Table.Td>
                    <Table.Td>{pointName(s.fmpId)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="orange">
                        {t(`flows:quality.rules.${s.rule}`, { defaultValue: s.rule })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{s.detail}</Table.Td>
                    <Table.Td>{countLink(s.countId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Section>

              <Section title={t('flows:quality.missingTitle')} empty={quality.missingDays.length === 0} header={[t('flows:fields.fmpId'), t('flows:quality.days'), t('flows:quality.dates')]}>
                {quality.missingDays.map((m) => (
                  <Table.Tr key={m.fmpId}>
                    <Table.Td>
                      <Anchor component={Link} to={countsLink({ ...period, fmpId: m.fmpId })}>
                        {pointName(m.fmpId)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{n(m.days)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {m.dates.join(', ')}
                        {m.days > m.dates.length ? ` ${t('flows:quality.andMore', { count: m.days - m.dates.length })}` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Section>

              <Section title={t('flows:quality.outliersTitle')} empty={quality.outliers.length === 0} header={[t('flows:fields.date'), t('flows:fields.fmpId'), t('flows:fields.total'), t('flows:quality.expectedMax'), '']}>
                {quality.outliers.map((o) => (
                  <Table.Tr key={o.countId}>
                    <Table.Td>{o.date}</Table.Td>
                    <Table.Td>{pointName(o.fmpId)}</Table.Td>
                    <Table.Td>{n(o.total)}</Table.Td>
                    <Table.Td>{n(o.expectedMax)}</Table.Td>
                    <Table.Td>{countLink(o.countId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Section>

              <Section title={t('flows:quality.duplicatesTitle')} empty={quality.duplicateSubmissions.length === 0} header={[t('flows:fields.date'), t('flows:fields.fmpId'), t('flows:fields.enumeratorId'), t('flows:quality.counts')]}>
                {quality.duplicateSubmissions.map((d) => (
                  <Table.Tr key={d.countIds.join('|')}>
                    <Table.Td>{d.date}</Table.Td>
                    <Table.Td>{pointName(d.fmpId)}</Table.Td>
                    <Table.Td>{d.enumeratorId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {d.countIds.map((id, i) => (
                          <Anchor key={id} component={Link} to={`/flows/counts/${id}`} size="sm">
                            {t('flows:quality.countN', { n: i + 1 })}
                          </Anchor>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Section>
            </Stack>
          )}
        </QueryGate>
      </Stack>
    </>
  );
}
