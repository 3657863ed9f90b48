// The card around a chart or a map: its title and description, buttons to show the data as a
// table and to download the picture (PNG) or the data (CSV), then the drawing and its table.
import { useState, type ReactNode } from 'react';
import { ActionIcon, Group, Menu, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChartDataTable } from './ChartDataTable';
import { csvBlob, fileNameFor, saveFile, type ChartTable } from './csv';

interface ChartFrameProps {
  title: string;
  description?: ReactNode;
  table: ChartTable;
  cellLink?: (row: number, column: number) => string | undefined;
  /** The picture as a PNG data URL, when one can be made. */
  png?: () => string | undefined;
  /** Show the table from the start (when there is no drawing). */
  tableFirst?: boolean;
  children: ReactNode;
}

/** A titled card with table and download buttons around a drawing. */
export function ChartFrame({ title, description, table, cellLink, png, tableFirst = false, children }: ChartFrameProps) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(tableFirst);
  const downloadPng = () => {
    const url = png?.();
    if (url) saveFile(fileNameFor(title, 'png'), url);
  };
  const downloadCsv = () => saveFile(fileNameFor(title, 'csv'), csvBlob([table.header, ...table.rows]));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Tooltip label={showTable ? t('flows:chart.hideTable') : t('flows:chart.showTable')}>
              <ActionIcon variant="subtle" aria-pressed={showTable} aria-label={`${t('flows:chart.showTable')} — ${title}`} onClick={() => setShowTable((v) => !v)}>
                <IconTable size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`${t('flows:chart.download')} — ${title}`}>
                  <IconDownload size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={downloadPng} disabled={!png}>
                  {t('flows:chart.png')}
                </Menu.Item>
                <Menu.Item onClick={downloadCsv}>{t('flows:chart.csv')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        {children}
        {showTable && <ChartDataTable title={title} table={table} cellLink={cellLink} />}
      </Stack>
    </Paper>
  );
}
