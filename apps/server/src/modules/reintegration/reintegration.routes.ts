// Registers every reintegration route (SPEC §7).
import type { App } from '../../platform/http/app';
import { caseRoutes } from './cases.routes';
import { monitoringRoutes } from './monitoring.routes';
import { rssRoutes } from './rss.routes';

/** Registers the reintegration module. */
export async function reintegrationRoutes(app: App): Promise<void> {
  await caseRoutes(app);
  await monitoringRoutes(app);
  await rssRoutes(app);
}
