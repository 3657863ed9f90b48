// One RSS instrument: its source, status, bands and minimum answered share, and every item with its
// dimension, weights, missing score, answer options and scores (or derivation).
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { instrumentsApi, reintegrationKeys } from '../api';
import { UnverifiedNotice } from '../shared';

/** The instrument page. */
export default function InstrumentPage() {
  const { t, i18n } = useTranslation();
  const { version = '' } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const query = useQuery({ queryKey: reintegrationKeys.instrument(version), queryFn: () => instrumentsApi.get(version) });
  const back = { to: '/reintegration/instruments', label: t('reintegration:instruments.title') };
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <><PageHeader title={version} back={back} /><ErrorState error={query.error} onRetry={() => void query.refetch()} /></>;
  const instrument = query.data;
  const bands = Object.entries(instrument.bands ?? {}).filter((entry): entry is [string, [number, number]] => Array.isArray(entry[1]));
  return (
    <>
      <PageHeader
        title={instrument.version}
        back={back}
        badges={instrument.status ? <Badge variant="light" color={instrument.status === 'verified' ? 'green' : 'orange'}>{t(`reintegration:enum.instrumentStatus.${instrument.status}`, { defaultValue: instrument.status })}</Badge> : undefined}
        description={instrument.source}
      />
      <Stack gap="lg">
        <UnverifiedNotice status={instrument.status} />
        <Paper withBorder p="md">
          <Group gap="xl">
            <Text size="sm">{t('reintegration:instruments.minShare', { share: instrument.minAnsweredShare ?? 0.75 })}</Text>
            {bands.map(([name, [from, to]]) => (
              <Text key={name} size="sm">{t(`reintegration:enum.band.${name}`, { defaultValue: name })} : {from} – {to}</Text>
            ))}
            {typeof instrument.bands?.status === 'string' && <Badge variant="outline">{t(`reintegration:instruments.bandsStatus.${instrument.bands.status}`, { defaultValue: instrument.bands.status })}</Badge>}
          </Group>
        </Paper>
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800} type="native">
            <Table striped verticalSpacing="xs" fz="sm">
              <Table.Caption>{t('reintegration:instruments.items')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reintegration:instruments.code')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:plan.dimension')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:instruments.weight')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:instruments.compositeWeight')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:instruments.missingScore')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:instruments.question')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:instruments.options')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {instrument.items.map((item) => (
                  <Table.Tr key={item.code}>
                    <Table.Td ff="monospace">{item.code}</Table.Td>
                    <Table.Td>{t(`reintegration:enum.dimension.${item.dimension}`)}</Table.Td>
                    <Table.Td>{item.weight}</Table.Td>
                    <Table.Td>{item.compositeWeight}</Table.Td>
                    <Table.Td>{item.missingScore ?? '—'}</Table.Td>
                    <Table.Td>{item.label?.[lang] ?? '—'}{item.note && <Text size="xs" c="dimmed">{item.note}</Text>}</Table.Td>
                    <Table.Td>
                      {item.derived
                        ? t('reintegration:instruments.derived', { op: t(`reintegration:instruments.op.${item.derived.op}`), of: item.derived.of.join(', ') })
                        : (item.options ?? []).map((o) => `${o.label?.[lang] ?? o.value} = ${o.score ?? '∅'}`).join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
    </>
  );
}
