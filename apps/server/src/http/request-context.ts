import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../core/context.ts';
import { unauthenticated } from '../core/errors.ts';

// The one http helper route files of every module use (lint allows modules to import this file of http/).
declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the authentication hook; null on public routes. */
    ctx: RequestContext | null;
  }
}

/** The caller's context on an authenticated route (the hook guarantees it is there). */
export function ctxOf(req: FastifyRequest): RequestContext {
  if (!req.ctx) throw unauthenticated();
  return req.ctx;
}
