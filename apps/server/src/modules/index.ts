// Every module's routes, mounted under /api/v1.
import type { App, AppDeps } from '../platform/http/app';
import { accountRoutes } from './account/account.routes';
import { securityRoutes } from './account/security.routes';
import { organisationRoutes } from './admin/organisations.routes';
import { roleRoutes } from './admin/roles.routes';
import { siteRoutes } from './admin/sites.routes';
import { userRoutes } from './admin/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { protectionRoutes } from './protection/protection.routes';
import { awarenessRoutes } from './awareness/awareness.routes';
import { mobilityRoutes } from './mobility/mobility.routes';
import { flowsRoutes } from './flows/flows.routes';
import { referenceRoutes } from './reference/reference.routes';
import { registryRoutes } from './registry/registry.routes';
import { resultsRoutes } from './results/results.routes';
import { returnsRoutes } from './returns/returns.routes';
import { reintegrationRoutes } from './reintegration/reintegration.routes';
import { systemRoutes } from './system/system.routes';
import { syncRoutes } from './sync/sync.routes';
import { privacyRoutes } from './privacy/privacy.routes';

/** Registers all modules on the /api/v1 scope. */
export async function registerModules(app: App, deps: AppDeps): Promise<void> {
  await systemRoutes(app, deps);
  await accountRoutes(app, deps);
  await securityRoutes(app, deps);
  await userRoutes(app);
  await roleRoutes(app);
  await organisationRoutes(app);
  await siteRoutes(app);
  await auditRoutes(app);
  await referenceRoutes(app);
  await registryRoutes(app);
  await protectionRoutes(app);
  await flowsRoutes(app, deps);
  await resultsRoutes(app, deps);
  await awarenessRoutes(app);
  await mobilityRoutes(app, deps);
  await reintegrationRoutes(app);
  await returnsRoutes(app);
  await syncRoutes(app);
  await privacyRoutes(app);
}
