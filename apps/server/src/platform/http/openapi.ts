// The OpenAPI 3.1 document (generated from the routes' TypeBox schemas) and the interactive docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Registers the document generator and the docs UI at /api/docs. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Taama API',
        version,
        description:
          'Information management for migration-governance programmes. Errors have the shape {"error": {"code", "message", "fields"}}. ' +
          'Lists take ?limit=&cursor= and return {items, nextCursor}. Updates need If-Match: <version>.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'token from POST /api/v1/auth/login' },
          session: { type: 'apiKey', in: 'cookie', name: 'taama_session', description: 'cookie set by login; writes also need X-CSRF-Token' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}
