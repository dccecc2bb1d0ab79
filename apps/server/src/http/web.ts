import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import staticFiles from '@fastify/static';
import { notFound } from '../core/errors.ts';

/** The path's first segment names the API (`/api`, `/taxii2`, `/metrics`); `/api-keys` is a console page. */
export function isApiPath(url: string): boolean {
  const first = url.split(/[?#]/, 1)[0]!.split('/')[1] ?? '';
  return first === 'api' || first === 'taxii2' || first === 'metrics';
}

/** Serves the built console; unknown non-API paths get index.html so client routes work on reload. */
export async function registerWeb(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(staticFiles, { root: dist, wildcard: false, index: 'index.html', cacheControl: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !isApiPath(req.url)) {
      const asset = /^\/assets\//.test(req.url);
      if (!asset) return reply.header('cache-control', 'no-cache').sendFile('index.html', join(dist));
    }
    throw notFound(`${req.method} ${req.url.split('?')[0]}`);
  });
}

/** Without a built console every unknown path is a 404 in the error shape. */
registerWeb.notFoundOnly = (app: FastifyInstance): void => {
  app.setNotFoundHandler((req) => {
    throw notFound(`${req.method} ${req.url.split('?')[0]}`);
  });
};
