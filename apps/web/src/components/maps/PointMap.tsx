// Points on a map of Mali (flow monitoring points, sites…), each a circle sized by its value, with
// the regions drawn underneath; a click (or the table's links) leads to the records behind a point.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapCard } from './MapCard';
import { loadAdmin1, Popup, type GeoJSONData, type GeoJSONSource, type MapLayerMouseEvent, type MapLibreMap } from './maplibre';

/** One point and its value. */
export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  value: number;
}

interface PointMapProps {
  title: string;
  description?: string;
  points: readonly MapPoint[];
  valueLabel: string;
  /** Size points by value (else all the same size). */
  sized?: boolean;
  linkFor?: (id: string) => string | undefined;
  onSelect?: (id: string) => void;
  height?: number;
}

const SOURCE = 'points';
const MIN_RADIUS = 5;
const MAX_RADIUS = 28;

/** A circle's radius: its area proportional to the value, so big points do not overstate. */
export function radiusFor(value: number, max: number): number {
  if (max <= 0 || value <= 0) return MIN_RADIUS;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(value / max);
}

function toFeatures(points: readonly MapPoint[], sized: boolean) {
  const max = Math.max(0, ...points.map((p) => p.value));
  return {
    type: 'FeatureCollection' as const,
    features: points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { id: p.id, name: p.name, value: p.value, radius: sized ? radiusFor(p.value, max) : 7 },
    })),
  };
}

/** The proportional-symbol map. */
export function PointMap({ title, description, points, valueLabel, sized = true, linkFor, onSelect, height }: PointMapProps) {
  const { t, i18n } = useTranslation();
  const mapRef = useRef<MapLibreMap | null>(null);
  const data = useMemo(() => toFeatures(points, sized), [points, sized]);
  const dataRef = useRef(data);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);
  useEffect(() => {
    dataRef.current = data;
    mapRef.current?.getSource<GeoJSONSource>(SOURCE)?.setData(data);
  }, [data]);

  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const onReady = useCallback(
    (map: MapLibreMap) => {
      map.addSource(SOURCE, { type: 'geojson', data: dataRef.current });
      map.addLayer({ id: 'points-circle', type: 'circle', source: SOURCE, paint: { 'circle-radius': ['get', 'radius'], 'circle-color': '#1c7ed6', 'circle-opacity': 0.7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
      // Regions as context, drawn below the points once loaded; the map works without them.
      loadAdmin1().then(
        (regions) => {
          if (!map.getStyle() || map.getSource('regions')) return;
          map.addSource('regions', { type: 'geojson', data: regions as unknown as GeoJSONData });
          map.addLayer({ id: 'regions-fill', type: 'fill', source: 'regions', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.8 } }, 'points-circle');
          map.addLayer({ id: 'regions-line', type: 'line', source: 'regions', paint: { 'line-color': '#868e96', 'line-width': 0.7 } }, 'points-circle');
        },
        () => undefined,
      );
      const popup = new Popup({ closeButton: false, closeOnClick: false });
      map.on('mousemove', 'points-circle', (event: MapLayerMouseEvent) => {
        const props = event.features?.[0]?.properties as { name?: string; value?: number } | undefined;
        if (!props) return;
        map.getCanvas().style.cursor = 'pointer';
        popup.setLngLat(event.lngLat).setText(`${props.name ?? ''} : ${number.format(Number(props.value ?? 0))}`).addTo(map);
      });
      map.on('mouseleave', 'points-circle', () => {
        map.getCanvas().style.cursor = '';
        popup.remove();
      });
      map.on('click', 'points-circle', (event: MapLayerMouseEvent) => {
        const id = (event.features?.[0]?.properties as { id?: string } | undefined)?.id;
        if (id) selectRef.current?.(id);
      });
    },
    [number],
  );

  const sorted = [...points].sort((a, b) => b.value - a.value);
  const table = {
    header: [t('flows:map.code'), t('flows:map.name'), valueLabel],
    rows: sorted.map((p) => [p.id, p.name, p.value]),
  };
  return (
    <MapCard
      title={title}
      description={description}
      table={table}
      cellLink={(row, column) => (column === 2 && linkFor ? linkFor(sorted[row]?.id ?? '') : undefined)}
      mapRef={mapRef}
      onReady={onReady}
      height={height}
    />
  );
}
