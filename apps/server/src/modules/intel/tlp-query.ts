import type { FastifyRequest } from 'fastify';

/**
 * `?tlp=AMBER+STRICT` as typed in a URL arrives as "AMBER STRICT" (a `+` in a query string is a
 * space): read it as the level it names, never as an unknown one, before the query is validated.
 */
export async function readTlpQuery(req: FastifyRequest): Promise<void> {
  const q = req.query as Record<string, unknown> | undefined;
  if (q && q.tlp === 'AMBER STRICT') q.tlp = 'AMBER+STRICT';
}
