// Communities reached on a map of Mali's communes (admin level 3, the COD-AB boundaries shipped with
// Taama): each commune shaded by the people reached there; a click, or the table's links, opens the
// communities of that commune. The shared BoundaryMap draws regions only, so the communes are drawn
// here on the same map card.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/States';
import { MapCard, ShadeLegend, shadeFor } from '../../../components/maps/MapCard';
import { Popup, type BoundaryCollection, type GeoJSONData, type GeoJSONSource, type MapLayerMouseEvent, type MapLibreMap } from '../../../components/maps/maplibre';
import admin3Url from '../../../../../../reference-data/mali-admin3.geojson?url';

/** One commune's figures. */
export interface CommuneValue {
  pcode: string;
  reached: number;
  communities: number;
}

let admin3: Promise<BoundaryCollection> | undefined;

/** The communes (≈400 KB), fetched once and only by the pages that draw them. */
function loadAdmin3(): Promise<BoundaryCollection> {
  admin3 ??= fetch(admin3Url).then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as BoundaryCollection;
  });
  admin3.catch(() => {
    admin3 = undefined;
  });
  return admin3;
}

const SOURCE = 'communes';

interface CommuneMapProps {
  title: string;
  description: string;
  values: readonly CommuneValue[];
  linkFor: (pcode: string) => string;
  onSelect: (pcode: string) => void;
}

/** The choropleth of communes. */
export function CommuneMap({ title, description, values, linkFor, onSelect }: CommuneMapProps) {
  const { t, i18n } = useTranslation();
  const mapRef = useRef<MapLibreMap | null>(null);
  const [boundaries, setBoundaries] = useState<BoundaryCollection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    let cancelled = false;
    loadAdmin3().then(
      (collection) => !cancelled && setBoundaries(collection),
      (cause: unknown) => !cancelled && setError(cause),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const max = Math.max(0, ...values.map((v) => v.reached));
  const data = useMemo(() => {
    if (!boundaries) return null;
    const byPcode = new Map(values.map((v) => [v.pcode, v]));
    return {
      ...boundaries,
      features: boundaries.features.map((feature) => {
        const value = byPcode.get(feature.properties.pcode);
        const reached = value?.reached ?? 0;
        return { ...feature, properties: { ...feature.properties, reached, communities: value?.communities ?? 0, color: shadeFor(reached, max) } };
      }),
    };
  }, [boundaries, values, max]);
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data;
    const source = mapRef.current?.getSource<GeoJSONSource>(SOURCE);
    if (data && source) source.setData(data as unknown as GeoJSONData);
  }, [data]);

  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const onReady = useCallback(
    (map: MapLibreMap) => {
      map.addSource(SOURCE, { type: 'geojson', data: (dataRef.current ?? { type: 'FeatureCollection', features: [] }) as unknown as GeoJSONData });
      map.addLayer({ id: 'communes-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': ['coalesce', ['get', 'color'], '#f4f6f8'], 'fill-opacity': 0.9 } });
      map.addLayer({ id: 'communes-line', type: 'line', source: SOURCE, paint: { 'line-color': '#8895a7', 'line-width': 0.3 } });
      const popup = new Popup({ closeButton: false, closeOnClick: false });
      map.on('mousemove', 'communes-fill', (event: MapLayerMouseEvent) => {
        const props = event.features?.[0]?.properties as { name?: string; reached?: number } | undefined;
        if (!props) return;
        map.getCanvas().style.cursor = 'pointer';
        popup.setLngLat(event.lngLat).setText(`${props.name ?? ''} : ${number.format(Number(props.reached ?? 0))}`).addTo(map);
      });
      map.on('mouseleave', 'communes-fill', () => {
        map.getCanvas().style.cursor = '';
        popup.remove();
      });
      map.on('click', 'communes-fill', (event: MapLayerMouseEvent) => {
        const pcode = (event.features?.[0]?.properties as { pcode?: string } | undefined)?.pcode;
        if (pcode) selectRef.current(pcode);
      });
    },
    [number],
  );

  const names = new Map((boundaries?.features ?? []).map((f) => [f.properties.pcode, f.properties.name]));
  const sorted = [...values].sort((a, b) => b.reached - a.reached);
  const table = {
    header: [t('awareness:dashboard.pcode'), t('awareness:dashboard.commune'), t('awareness:dashboard.reached'), t('awareness:dashboard.communities')],
    rows: sorted.map((v) => [v.pcode, names.get(v.pcode) ?? '', v.reached, v.communities]),
  };
  return (
    <MapCard
      title={title}
      description={description}
      table={table}
      cellLink={(row, column) => (column >= 2 ? linkFor(sorted[row]?.pcode ?? '') : undefined)}
      legend={<ShadeLegend max={max} label={t('awareness:dashboard.legend')} />}
      mapRef={mapRef}
      onReady={onReady}
      error={error ? <ErrorState error={error} onRetry={() => { setError(null); setAttempt((n) => n + 1); }} /> : undefined}
    />
  );
}
