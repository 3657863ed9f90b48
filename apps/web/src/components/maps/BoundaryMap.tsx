// A choropleth of Mali's regions: each region shaded by its value, the value shown on hover, and a
// click (or the table's links) leading to the records behind it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../States';
import { MapCard, ShadeLegend, shadeFor } from './MapCard';
import { loadAdmin1, Popup, type BoundaryCollection, type GeoJSONData, type GeoJSONSource, type MapLayerMouseEvent, type MapLibreMap } from './maplibre';

/** One region's value. */
export interface RegionValue {
  pcode: string;
  total: number;
}

interface BoundaryMapProps {
  title: string;
  description?: string;
  values: readonly RegionValue[];
  /** The label of the value column (table and CSV). */
  valueLabel: string;
  /** Where a region's records are listed. */
  linkFor?: (pcode: string) => string | undefined;
  onSelect?: (pcode: string) => void;
}

const SOURCE = 'regions';

/** The boundaries with each region's value and shade in its properties. */
function shaded(boundaries: BoundaryCollection, values: readonly RegionValue[]) {
  const byPcode = new Map(values.map((v) => [v.pcode, v.total]));
  const max = Math.max(0, ...values.map((v) => v.total));
  return {
    ...boundaries,
    features: boundaries.features.map((feature) => {
      const total = byPcode.get(feature.properties.pcode) ?? 0;
      return { ...feature, properties: { ...feature.properties, total, color: shadeFor(total, max) } };
    }),
  };
}

/** The choropleth map of admin-1 regions. */
export function BoundaryMap({ title, description, values, valueLabel, linkFor, onSelect }: BoundaryMapProps) {
  const { t, i18n } = useTranslation();
  const mapRef = useRef<MapLibreMap | null>(null);
  const [boundaries, setBoundaries] = useState<BoundaryCollection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    loadAdmin1().then(
      (collection) => !cancelled && setBoundaries(collection),
      (cause: unknown) => !cancelled && setError(cause),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const data = useMemo(() => (boundaries ? shaded(boundaries, values) : null), [boundaries, values]);
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data;
    const source = mapRef.current?.getSource<GeoJSONSource>(SOURCE);
    if (data && source) source.setData(data as unknown as GeoJSONData);
  }, [data]);

  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const onReady = useCallback(
    (map: MapLibreMap) => {
      const initial = dataRef.current ?? { type: 'FeatureCollection', features: [] };
      map.addSource(SOURCE, { type: 'geojson', data: initial as unknown as GeoJSONData });
      map.addLayer({ id: 'regions-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': ['coalesce', ['get', 'color'], '#f4f6f8'], 'fill-opacity': 0.9 } });
      map.addLayer({ id: 'regions-line', type: 'line', source: SOURCE, paint: { 'line-color': '#4a5568', 'line-width': 0.8 } });
      const popup = new Popup({ closeButton: false, closeOnClick: false });
      map.on('mousemove', 'regions-fill', (event: MapLayerMouseEvent) => {
        const props = event.features?.[0]?.properties as { name?: string; total?: number } | undefined;
        if (!props) return;
        map.getCanvas().style.cursor = 'pointer';
        popup.setLngLat(event.lngLat).setText(`${props.name ?? ''} : ${number.format(Number(props.total ?? 0))}`).addTo(map);
      });
      map.on('mouseleave', 'regions-fill', () => {
        map.getCanvas().style.cursor = '';
        popup.remove();
      });
      map.on('click', 'regions-fill', (event: MapLayerMouseEvent) => {
        const pcode = (event.features?.[0]?.properties as { pcode?: string } | undefined)?.pcode;
        if (pcode) selectRef.current?.(pcode);
      });
    },
    [number],
  );

  const names = new Map((boundaries?.features ?? []).map((f) => [f.properties.pcode, f.properties.name]));
  const sorted = [...values].sort((a, b) => b.total - a.total);
  const table = {
    header: [t('flows:map.pcode'), t('flows:map.region'), valueLabel],
    rows: sorted.map((v) => [v.pcode, names.get(v.pcode) ?? '', v.total]),
  };
  const max = Math.max(0, ...values.map((v) => v.total));

  return (
    <MapCard
      title={title}
      description={description}
      table={table}
      cellLink={(row, column) => (column === 2 && linkFor ? linkFor(sorted[row]?.pcode ?? '') : undefined)}
      legend={<ShadeLegend max={max} label={t('flows:map.legend')} />}
      mapRef={mapRef}
      onReady={onReady}
      error={error ? <ErrorState error={error} onRetry={() => { setError(null); setAttempt((n) => n + 1); }} /> : undefined}
    />
  );
}
