// Routes: /health and /openapi.json (public).
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App, AppDeps } from '../../platform/http/app';

const Health = Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]), version: Type.String() });

/** Registers the system routes. */
export async function systemRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get('/health', {
    config: { access: { public: true } },
    schema: { tags: ['system'], summary: 'Liveness and database reachability', security: [], response: { 200: Health } },
  }, async () => {
    await sql`select 1`.execute(deps.database.db);
    return { status: 'ok' as const, database: deps.database.kind, version: deps.config.version };
  });

  app.get('/openapi.json', {
    config: { access: { public: true } },
    schema: { hide: true },
  }, async () => app.swagger());
}
