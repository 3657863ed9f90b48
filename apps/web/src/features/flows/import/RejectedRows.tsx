// The report of an import's rejected rows: each row number with every reason it was refused, a page
// at a time, and the whole report as a CSV file.
import { useState } from 'react';
import { Button, Group, List, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportReport } from '@taama/core';
import { csvBlob, saveFile, type CsvCell } from '../../../components/charts/csv';
import { fieldName, flowMessage } from '../messages';
import { EmptyState } from '../../../components/States';

type Rejected = ImportReport['rejected'];

/** The report as CSV rows: one line per reason (row number, field, message). */
export function rejectedCsvRows(t: TFunction, rejected: Rejected): CsvCell[][] {
  const rows: CsvCell[][] = [[t('flows:import.report.row'), t('flows:import.report.field'), t('flows:import.report.reason')]];
  for (const row of rejected) {
    for (const error of row.errors) rows.push([row.row, error.field, error.message]);
  }
  return rows;
}

interface RejectedRowsProps {
  rejected: Rejected;
  fileName: string;
  pageSize?: number;
}

/** The rejected rows, paginated in the browser, downloadable as CSV. */
export function RejectedRows({ rejected, fileName, pageSize = 20 }: RejectedRowsProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rejected.length / pageSize));
  const current = Math.min(page, pages);
  const shown = rejected.slice((current - 1) * pageSize, current * pageSize);
  const fieldLabel = (field: string) => fieldName(t, field);
  const download = () => saveFile(`${fileName.replace(/\.[^.]+$/, '')}-rejets.csv`, csvBlob(rejectedCsvRows(t, rejected)));

  if (rejected.length === 0) {
    return (
      <Paper withBorder>
        <EmptyState title={t('flows:import.report.noneTitle')} description={t('flows:import.report.noneDescription')} />
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('flows:import.report.count', { count: rejected.length })}</Text>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('flows:import.report.download')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={480} type="native">
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('flows:import.report.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={100}>
                {t('flows:import.report.row')}
              </Table.Th>
              <Table.Th scope="col">{t('flows:import.report.reasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Th scope="row">{row.row}</Table.Th>
                <Table.Td>
                  <List size="sm" spacing={2}>
                    {row.errors.map((error, i) => (
                      <List.Item key={`${error.field}-${i}`}>
                        <Text span fw={600} size="sm">
                          {fieldLabel(error.field)}
                        </Text>{' '}
                        — {flowMessage(t, error.message)}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={current} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`flows:import.report.${control}`) })} getItemProps={(n) => ({ 'aria-label': t('flows:import.report.page', { page: n }) })} />
        </Group>
      )}
    </Stack>
  );
}
