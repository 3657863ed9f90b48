// The frame of every map: title, downloads (PNG of the map, CSV of its data), the map itself, its
// legend, and the data as a table whose numbers link to their records.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ActionIcon, Box, Group, Menu, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChartDataTable } from '../charts/EChart';
import { csvBlob, fileNameFor, saveFile, type ChartTable } from '../charts/csv';
import { BLANK_STYLE, MALI_BOUNDS, MapLibreMap, NavigationControl } from './maplibre';

interface MapCardProps {
  title: string;
  description?: ReactNode;
  table: ChartTable;
  cellLink?: (row: number, column: number) => string | undefined;
  legend?: ReactNode;
  height?: number;
  /** The map, once created (null until then and after it is removed). */
  mapRef: RefObject<MapLibreMap | null>;
  /** Called once the map's style has loaded, to add sources and layers; again after each language change. */
  onReady: (map: MapLibreMap) => void;
  error?: ReactNode;
}

/** A map in a card, with its downloads and data table. */
export function MapCard({ title, description, table, cellLink, legend, height = 380, mapRef, onReady, error }: MapCardProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onReady);
  // No WebGL (old device, locked-down browser): no map, and the table carries the data.
  const [failed] = useState(() => !supportsWebGL());
  const [showTable, setShowTable] = useState(failed);

  useEffect(() => {
    readyRef.current = onReady;
  }, [onReady]);

  useEffect(() => {
    const element = container.current;
    if (!element || failed) return undefined;
    const map = new MapLibreMap({
      container: element,
      style: BLANK_STYLE,
      bounds: MALI_BOUNDS,
      attributionControl: false,
      // Keeps the drawing so the PNG download can read it.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    mapRef.current = map;
    map.on('load', () => readyRef.current(map));
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [mapRef, failed]);

  const downloadPng = () => {
    const url = mapRef.current?.getCanvas().toDataURL('image/png');
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
                <Menu.Item onClick={downloadPng} disabled={failed}>
                  {t('flows:chart.png')}
                </Menu.Item>
                <Menu.Item onClick={downloadCsv}>{t('flows:chart.csv')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        {error}
        {failed ? (
          <Text size="sm" c="dimmed">
            {t('flows:chart.noMap')}
          </Text>
        ) : (
          <Box ref={container} h={height} role="img" aria-label={title} style={{ borderRadius: 8, overflow: 'hidden' }} />
        )}
        {legend}
        {showTable && <ChartDataTable title={title} table={table} cellLink={cellLink} />}
      </Stack>
    </Paper>
  );
}

/** Whether this browser can draw WebGL, which MapLibre needs. */
function supportsWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Five shades from light to dark for a choropleth or a proportional-symbol map. */
export const SHADES = ['#dbe9f6', '#a9cce3', '#6baed6', '#3182bd', '#08519c'] as const;

/** The shade for a value between 0 and max (lightest for 0 or nothing). */
export function shadeFor(value: number, max: number): string {
  if (max <= 0 || value <= 0) return '#f4f6f8';
  const index = Math.min(SHADES.length - 1, Math.floor((value / max) * SHADES.length));
  return SHADES[index] ?? SHADES[0];
}

/** Class limits matching `shadeFor`, for the legend. */
export function shadeClasses(max: number): { color: string; from: number; to: number }[] {
  if (max <= 0) return [];
  return SHADES.map((color, i) => ({ color, from: Math.floor((max * i) / SHADES.length) + (i === 0 ? 1 : 0), to: Math.floor((max * (i + 1)) / SHADES.length) }));
}

/** A small colour legend for a choropleth. */
export function ShadeLegend({ max, label }: { max: number; label: string }) {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const classes = shadeClasses(max);
  if (classes.length === 0) return null;
  return (
    <Group gap="xs" aria-label={label} role="list">
      {classes.map((c) => (
        <Group key={c.color} gap={4} role="listitem" wrap="nowrap">
          <Box w={14} h={14} bg={c.color} style={{ border: '1px solid #ccd' }} aria-hidden />
          <Text size="xs">
            {number.format(c.from)}–{number.format(c.to)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
