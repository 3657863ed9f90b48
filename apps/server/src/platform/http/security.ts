// Security headers: a strict Content-Security-Policy (no inline or remote scripts), no framing,
// no sniffing, no referrer leaks, and no caching of API answers that carry personal data.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Registers helmet with Taama's policy and the API's cache rule. */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/')) reply.header('Cache-Control', 'no-store');
    // Quoted in error messages and written in the audit log: lets support find a request.
    reply.header('X-Request-Id', request.id);
    reply.header('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
  });
}
