// A chart card: title, the chart itself (ECharts, canvas), and downloads of the picture (PNG) and of
// the data it shows (CSV). The data also opens as a table whose numbers link to the records behind
// them, so keyboard and screen-reader users reach everything the chart offers.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Anchor, Box, Group, Menu, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { echarts, type ECharts, type EChartsCoreOption } from './echarts';
import { csvBlob, fileNameFor, saveFile, type ChartTable } from './csv';

/** What a click on a chart item says: the series and the category (or node) under the pointer. */
export interface ChartClick {
  seriesName?: string;
  name?: string;
  dataIndex?: number;
  data?: unknown;
}

interface EChartProps {
  title: string;
  description?: ReactNode;
  option: EChartsCoreOption;
  /** The data behind the chart, for the CSV download and the table view. */
  table: ChartTable;
  /** Where a cell of the table leads (the records behind that number); none when it is not a count. */
  cellLink?: (rowIndex: number, columnIndex: number) => string | undefined;
  onItemClick?: (click: ChartClick) => void;
  height?: number;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
}

/** One chart with its PNG and CSV downloads and its data table. */
export function EChart({ title, description, option, table, cellLink, onItemClick, height = 320, empty }: EChartProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const element = container.current;
    if (!element || empty) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [empty]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, empty]);

  const downloadPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
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
                <Menu.Item onClick={downloadPng} disabled={Boolean(empty)}>
                  {t('flows:chart.png')}
                </Menu.Item>
                <Menu.Item onClick={downloadCsv}>{t('flows:chart.csv')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        {empty ?? <Box ref={container} h={height} role="img" aria-label={title} />}
        {showTable && <ChartDataTable title={title} table={table} cellLink={cellLink} />}
      </Stack>
    </Paper>
  );
}

/** The data behind a chart as a table; counts link to their records. */
export function ChartDataTable({ title, table, cellLink }: { title: string; table: ChartTable; cellLink?: (row: number, column: number) => string | undefined }) {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Table.ScrollContainer minWidth={320} type="native" mah={360}>
      <Table striped withTableBorder fz="sm" stickyHeader>
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.header.map((label) => (
              <Table.Th key={label} scope="col">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((cell, c) => {
                const text = typeof cell === 'number' ? number.format(cell) : cell === null || cell === undefined || cell === '' ? '—' : String(cell);
                const to = typeof cell === 'number' ? cellLink?.(r, c) : undefined;
                return <Table.Td key={c}>{to ? <Anchor component={Link} to={to}>{text}</Anchor> : text}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
