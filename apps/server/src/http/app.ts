import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { StartedPlatform } from '../platform-workers.types.ts';
import type { Leadership } from '../cluster/index.ts';
import { isDay, isInstant, OPEN_BY_NATURE } from '@lachan/contracts';
import { AppError } from '../core/errors.ts';
import { registerErrorHandler, renderRoutingError } from './error-handler.ts';
import { registerClosedBodies } from './closed-bodies.ts';
import { registerNulGuard } from './nul-guard.ts';
import { registerJsonBody } from './json-body.ts';
import { registerAuthHook } from './auth-hook.ts';
import { registerOpenApi } from './openapi.ts';
import { registerOps } from './ops.ts';
import { registerWeb } from './web.ts';
import { createServices, startServices } from '../services.ts';
import { CredentialWatch } from '../modules/auth/index.ts';
import { SyslogListener } from '../modules/alerts/index.ts';
import type { AttackKnowledge } from '../modules/intel/index.ts';

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    /** Ports the syslog listener bound (when configured). */
    syslogPorts?: { udpPort: number | null; tcpPort: number | null };
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Options of the HTTP application; `onRoute` hears every route as it is added (the tests' route table). */
export interface AppOptions {
  logger?: boolean;
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP application around a started platform (routes, hooks, docs, console). */
export async function buildApp(platform: StartedPlatform, opts: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, keywords: [OPEN_BY_NATURE] },
      // Dates and instants as Lachan reads them (real calendar dates, years 1 to 9999 in UTC), replacing ajv-formats' own.
      onCreate: (ajv) => {
        ajv.addFormat('date-time', { type: 'string', validate: isInstant });
        ajv.addFormat('date', { type: 'string', validate: isDay });
      },
    },
    frameworkErrors: renderRoutingError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);

  registerClosedBodies(app);
  registerNulGuard(app);
  // JSON only, except where a route scope adds its own parsers (ingest takes NDJSON and text).
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError(429, 'rate_limited', `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`, undefined, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) }),
  });
  await registerOpenApi(app);

  const services = createServices(platform);
  startServices(platform, services);
  const watch = new CredentialWatch(platform);
  watch.start();
  app.addHook('onClose', () => watch.stop());
  registerAuthHook(app, services.auth.auth, watch);
  if (config.roles.includes('workers')) startAttackKnowledge(app, services.intel.attack, platform.leadership);
  const { promotion, stats, sightings, campaigns } = platform.workers;
  const fingerprints = services.alerts.ingest.fingerprints;
  registerOps(app, platform, [promotion, stats, sightings, campaigns], () => [
    ...campaigns.caches,
    { cache: 'ingest_fingerprints', entries: fingerprints.size, bound: fingerprints.bound, preallocated: true },
  ]);
  // An `ingest` node takes alerts (and the sign-in its connectors' keys need none of); an `api` node everything else.
  const api = config.roles.includes('api');
  const ingest = config.roles.includes('ingest');
  await app.register(async (r) => {
    if (api) {
      await r.register(services.auth.routes);
      await r.register(services.users.routes);
      await r.register(services.apiKeys.routes);
      await r.register(services.orgs.routes);
      await r.register(services.reference.routes);
      await r.register(services.audit.routes);
      await r.register(services.events.routes);
      await r.register(services.alerts.routes);
      await r.register(services.stats.routes);
    }
    if (ingest) await r.register(services.alerts.ingestRoutes);
    if (api) {
      await r.register(services.incidents.routes);
      await r.register(services.intel.routes);
      await r.register(services.campaigns.routes);
      await r.register(services.warnings.routes);
      await r.register(services.constituency.routes);
      await r.register(services.registry.routes);
      await r.register(services.systemActivity.routes);
      await r.register(services.assessments.routes);
      await r.register(services.documents.routes);
      await r.register(services.exercises.routes);
      await r.register(services.federation.routes);
    }
  }, { prefix: '/api/v1' });
  if (api) await app.register(services.intel.taxiiRoutes);
  if (ingest && (config.syslogUdpPort !== null || config.syslogTcpPort !== null)) {
    const syslog = new SyslogListener(platform, services.alerts.ingest, app.log);
    const ports = await syslog.start();
    app.decorate('syslogPorts', ports);
    app.log.info(ports, 'syslog listener started');
    app.addHook('onClose', () => syslog.stop());
  }
  if (api && config.webDist && existsSync(config.webDist)) await registerWeb(app, config.webDist);
  else registerWeb.notFoundOnly(app);
  return app;
}

/**
 * ATT&CK on first start without network (the shipped bundle), then kept current by its feed when the
 * network allows: a job led by one node of a cluster (every node importing the bundle at once cost each
 * of them seconds of CPU for the same objects), started once the server is ready.
 */
function startAttackKnowledge(app: FastifyInstance, attack: AttackKnowledge, leadership: Leadership): void {
  const job = {
    start: async () => {
      let seeding = false;
      try {
        const runId = await attack.seedIfMissing();
        seeding = runId !== null;
        if (runId) app.log.info({ runId }, 'importing the enterprise ATT&CK shipped with Lachan into the knowledge base');
      } catch (e) {
        app.log.warn({ err: e }, 'the shipped ATT&CK could not be imported');
      }
      // A start that is not importing the shipped bundle checks the feed at once (not one hour after).
      attack.feed.start({ now: !seeding });
    },
    stop: () => attack.feed.stop(),
  };
  app.addHook('onReady', async () => {
    void leadership.run('attack-knowledge', job);
  });
  app.addHook('onClose', () => attack.feed.stop());
}
