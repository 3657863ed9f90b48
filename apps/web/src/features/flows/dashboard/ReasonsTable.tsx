// Reasons for migration from the surveys, by nationality or by region of departure: percentages of
// respondents, hidden ("—" with an explanation) where the group has fewer than 30 respondents.
import { useMemo } from 'react';
import { ActionIcon, Anchor, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowReasons } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { csvBlob, fileNameFor, saveFile } from '../../../components/charts/csv';
import { EmptyState } from '../../../components/States';
import { reasonsTable } from './chartData';

interface ReasonsTableProps {
  title: string;
  stats: FlowReasons;
  by: 'nationality' | 'region';
  groupLabel: (group: string) => string;
  /** Where the surveys of a group are listed (for those who may read survey microdata), if they can be. */
  surveysLink?: (group: string) => string;
}

/** A table of reason percentages per group, downloadable as CSV. */
export function ReasonsTable({ title, stats, by, groupLabel, surveysLink }: ReasonsTableProps) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const reasonLabel = (code: string) => t(`flows:enums.reason.${code}`, { defaultValue: code });
  const { reasons, table } = useMemo(
    () => reasonsTable(stats.items, { group: t(`flows:dashboard.reasonsBy.${by}`), n: t('flows:dashboard.respondents') }, (code) => t(`flows:enums.reason.${code}`, { defaultValue: code }), groupLabel),
    [stats.items, by, t, groupLabel],
  );
  const hiddenHint = t('flows:dashboard.hiddenPercent');
  const download = () => saveFile(fileNameFor(title, 'csv'), csvBlob([table.header, ...table.rows]));
  const mayOpen = can('flowSurvey.read') && surveysLink !== undefined;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Tooltip label={t('flows:chart.csv')}>
            <ActionIcon variant="subtle" aria-label={`${t('flows:chart.csv')} — ${title}`} onClick={download}>
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Text size="sm" c="dimmed">
          {t('flows:dashboard.reasonsDescription')}
        </Text>
        {stats.items.length === 0 ? (
          <EmptyState title={t('flows:dashboard.noSurveys')} />
        ) : (
          <Table.ScrollContainer minWidth={560} type="native" mah={420}>
            <Table striped withTableBorder fz="sm" stickyHeader>
              <Table.Caption>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`flows:dashboard.reasonsBy.${by}`)}</Table.Th>
                  <Table.Th scope="col">{t('flows:dashboard.respondents')}</Table.Th>
                  {reasons.map((r) => (
                    <Table.Th key={r} scope="col">
                      {reasonLabel(r)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.items.map((item) => (
                  <Table.Tr key={item.group}>
                    <Table.Th scope="row">{groupLabel(item.group)}</Table.Th>
                    <Table.Td>{mayOpen ? <Anchor component={Link} to={surveysLink?.(item.group) ?? '/flows/surveys'}>{number.format(item.n)}</Anchor> : number.format(item.n)}</Table.Td>
                    {reasons.map((r) => {
                      const percent = item.reasons.find((x) => x.reason === r)?.percent ?? null;
                      return (
                        <Table.Td key={r}>
                          {percent === null ? (
                            <Tooltip label={hiddenHint} multiline w={260}>
                              <Text span tabIndex={0} aria-label={`— ${hiddenHint}`} style={{ cursor: 'help' }}>
                                —
                              </Text>
                            </Tooltip>
                          ) : (
                            `${number.format(percent)} %`
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
