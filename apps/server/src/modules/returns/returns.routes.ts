// Registers every returns route: cases, movements, arrivals and the dashboard.
import type { App } from '../../platform/http/app';
import { returnCaseRoutes } from './return-cases.routes';

/** Registers the assisted voluntary return module. */
export async function returnsRoutes(app: App): Promise<void> {
  await returnCaseRoutes(app);
}
