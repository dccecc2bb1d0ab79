import type { FastifyInstance } from 'fastify';
import { invalid } from '../core/errors.ts';

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Where the first NUL character (`\u0000`) of a parsed JSON value sits, in a string or in a key, as a
 * path (`/objects/0/name`); null when there is none. PostgreSQL text and jsonb cannot hold it. Walks
 * with its own stack, so a body nested a hundred thousand levels deep cannot overflow the call stack.
 */
export function nulPath(value: unknown, path = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at || '/';
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    // Pushed in reverse, so the first NUL in document order is the one named.
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}/${i}`]);
      continue;
    }
    if (!isPlain(v)) continue;
    const entries = Object.entries(v);
    for (const [key] of entries) if (key.includes('\u0000')) return `${at}/${key.replaceAll('\u0000', '\\u0000')}`;
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${at}/${entries[i]![0]}`]);
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
