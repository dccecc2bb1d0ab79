import type { FastifyInstance } from 'fastify';
import { invalid } from '../core/errors.ts';

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Where the first NUL character (`\u0000`) of a parsed JSON value sits, in a string or in a key, as a
 * path (`/objects/0/name`); null when there is none. PostgreSQL text and jsonb cannot hold it.
 */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isPlain(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}/${key.replaceAll('\u0000', '\\u0000')}`;
    const found = nulPath(item, `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Every route, JSON API and TAXII alike: a NUL character in a parsed JSON body, a query parameter or
 * a path parameter answers 400 (each route scope's error handler gives it its own shape) before any
 * schema, service or SQL sees it. Bodies read raw (ingest text, uploads, streamed bundles) are not
 * parsed JSON and are left to their readers.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const parts = [['params', req.params], ['querystring', req.query], ['body', req.body]] as const;
    for (const [part, value] of parts) {
      if (part === 'body' && typeof value !== 'object') continue;
      const where = nulPath(value);
      if (where === null) continue;
      const path = `${part}${where === '/' ? '' : where}`;
      throw invalid(`${path} contains a NUL character (\\u0000), which cannot be stored`, [{ path, message: 'contains a NUL character' }]);
    }
  });
}
