// MapLibre set up for Taama: its worker bundled by Vite as an ES module, its stylesheet, and a blank
// style (no external tiles: maps draw the boundaries shipped with Taama). Only lazily loaded pages
// import this module, so MapLibre stays out of the first load.
import { setWorkerUrl, type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import admin1Url from '../../../../../reference-data/mali-admin1.geojson?url';

setWorkerUrl(workerUrl);

export { Map as MapLibreMap, Popup, LngLatBounds, NavigationControl } from 'maplibre-gl';
export type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';

/** The GeoJSON a map source takes. */
export type GeoJSONData = Exclude<GeoJSONSourceSpecification['data'], string>;

/** A style with only a plain background: every layer Taama draws is added on top. */
export const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f7' } }],
};

/** A feature collection of admin boundaries, each with its P-code and name. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: { pcode: string; name: string } }[];
}

let admin1: Promise<BoundaryCollection> | undefined;

/** Mali's regions (admin level 1, COD-AB), loaded once from the file shipped with the app. */
export function loadAdmin1(): Promise<BoundaryCollection> {
  admin1 ??= fetch(admin1Url).then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as BoundaryCollection;
  });
  // A failed load may be retried later.
  admin1.catch(() => {
    admin1 = undefined;
  });
  return admin1;
}

/** The bounding box of Mali, for the initial view. */
export const MALI_BOUNDS: [[number, number], [number, number]] = [
  [-12.3, 10.1],
  [4.3, 25.1],
];
