// A map in a ChartFrame (title, PNG of the map and CSV of its data, the data as a table whose
// numbers link to their records), drawn by MapLibre on a blank style, with its legend.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../charts/ChartFrame';
import type { ChartTable } from '../charts/csv';
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
      fitBoundsOptions: { padding: 16 },
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

  const png = failed ? undefined : () => mapRef.current?.getCanvas().toDataURL('image/png');
  return (
    <ChartFrame title={title} description={description} table={table} cellLink={cellLink} png={png} tableFirst={failed}>
      {error}
      {failed ? (
        <Text size="sm" c="dimmed">
          {t('flows:chart.noMap')}
        </Text>
      ) : (
        <Box ref={container} h={height} role="img" aria-label={title} style={{ borderRadius: 8, overflow: 'hidden' }} />
      )}
      {legend}
    </ChartFrame>
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
