import type { FastifyPluginAsync } from 'fastify';

/** A module's HTTP routes: a Fastify plugin closing over the module's own services (the composition root registers it). */
export type ModuleRoutes = FastifyPluginAsync;

/** A background worker a module returns unstarted: the composition root starts it, per process role, where it leads. */
export interface BackgroundJob {
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** How full one bounded in-process cache is (served on /metrics: a node's memory levels off once its caches are full). */
export interface CacheFill {
  cache: string;
  entries: number;
  bound: number;
  /** Its memory is allocated whole at start (it does not grow as it fills). */
  preallocated?: boolean;
}
