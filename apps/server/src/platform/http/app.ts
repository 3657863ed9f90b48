// Builds the HTTP application: plugins, security, validation, error shape, OpenAPI, routes, web app.
import Fastify, { type FastifyInstance, type FastifyBaseLogger, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { newId } from '@taama/core';
import type { Config } from '../../config';
import type { DatabaseHandle } from '../db/database';
import { authPlugin } from '../auth/plugin';
import { installErrorHandler } from './error-handler';
import { installRedaction } from './redaction';
import { installSecurityHeaders } from './security';
import { installValidation } from './validation';
import { installOpenApi } from './openapi';
import { installWebApp } from './web';
import { registerModules } from '../../modules/index';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What route modules need besides the request context. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Creates the app (not listening); tests call `inject` on it, main.ts calls `listen`. */
export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    genReqId: () => newId(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { strict: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidation(app);
  installErrorHandler(app);
  await app.register(cookie);
  await installSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await installOpenApi(app, deps.config.version);
  // The demo (synthetic data, published passwords) does not force enrolment; a real deployment does.
  await app.register(authPlugin, { db: deps.database.db, secret: deps.config.secret, mfaEnforced: !deps.config.demo });
  installRedaction(app);
  await app.register(async (api) => registerModules(api as App, deps), { prefix: '/api/v1' });
  await installWebApp(app, deps.config.webDist);
  return app;
}
