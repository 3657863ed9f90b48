// Registers every returns route: cases, movements, arrivals and the dashboard.
import type { App } from '../../platform/http/app';
import { returnCaseRoutes } from './return-cases.routes';
import { movementRoutes } from './movements.routes';
import { arrivalRoutes } from './arrivals.routes';

/** Registers the assisted voluntary return module. */
export async function returnsRoutes(app: App): Promise<void> {
  // The dashboard's static path registers before /returns/:id would match it (find-my-way prefers static anyway).
  await arrivalRoutes(app);
  await returnCaseRoutes(app);
  await movementRoutes(app);
}
