// The registry module's routes (SPEC §4).
import type { App } from '../../platform/http/app';
import { duplicateRoutes } from './duplicates.routes';
import { groupRoutes } from './groups.routes';
import { peopleRoutes } from './people.routes';

/** Registers every registry route. */
export async function registryRoutes(app: App): Promise<void> {
  await peopleRoutes(app);
  await duplicateRoutes(app);
  await groupRoutes(app);
}
