// Serves the built web app, with the single-page fallback to index.html for client routes. The build
// writes a brotli and a gzip copy of every asset (apps/web/scripts/precompress.ts); a browser that
// accepts one gets it with Content-Encoding and `Vary: Accept-Encoding`, the others the plain file
// (on a 3G link the first load is about a fifth of its size compressed: SPEC §15).
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves `webDist` (when built) and answers unknown API paths with the JSON 404. */
export async function installWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      setHeaders(res, path) {
        // Hashed assets never change; index.html must always be fresh.
        res.header('Cache-Control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // A missing script or stylesheet must be a 404, never index.html (the browser would refuse it).
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !webDist || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', webDist);
  });
}
