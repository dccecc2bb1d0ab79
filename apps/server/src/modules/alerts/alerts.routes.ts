import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AlertDetail, AlertId, AlertListQuery, AlertSource, AlertSummary, Asset, AssetCreate, ErrorBody, IdParams, ListOf, QuarantineItem, QuarantineListQuery,
  QuarantineReplay, QuarantineReplayResult, SyslogSourceCreate,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { AlertsService } from './alerts.service.ts';
import type { AssetsService } from './assets.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['alerts'];
const page = <T extends { id: string }>(items: T[], limit: number) => ({ items, nextCursor: items.length === limit ? items[items.length - 1]!.id : null });

/** The services the alert routes call. */
export interface AlertRouteServices {
  alerts: AlertsService;
  assets: AssetsService;
}

/** /api/v1/alerts, /alert-sources, /quarantine and organisations' assets. */
export function alertRoutes(app: FastifyInstance, s: AlertRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/alerts', { schema: { tags, querystring: AlertListQuery, response: { 200: ListOf(AlertSummary), ...errors } } }, async (req) =>
    page(await s.alerts.list(ctxOf(req), req.query), req.query.limit ?? 100),
  );
  r.get('/alerts/:id', { schema: { tags, params: Type.Object({ id: AlertId }), response: { 200: AlertDetail, ...errors } } }, async (req) => s.alerts.get(ctxOf(req), req.params.id));
  r.get('/alert-sources', { schema: { tags, response: { 200: Type.Array(AlertSource), ...errors } } }, async (req) => s.alerts.sources(ctxOf(req)));
  r.post('/alert-sources', { schema: { tags, summary: 'Register a syslog sender', body: SyslogSourceCreate, response: { 201: AlertSource, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.alerts.createSyslogSource(ctxOf(req), req.body)),
  );
  r.get('/quarantine', { schema: { tags, querystring: QuarantineListQuery, response: { 200: ListOf(QuarantineItem), ...errors } } }, async (req) =>
    page(await s.alerts.quarantine(ctxOf(req), req.query), req.query.limit ?? 100),
  );
  r.get('/quarantine/:id', { schema: { tags, params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }), response: { 200: QuarantineItem, ...errors } } }, async (req) =>
    s.alerts.quarantineItem(ctxOf(req), req.params.id),
  );
  r.post('/quarantine/replay', { schema: { tags, body: QuarantineReplay, response: { 200: QuarantineReplayResult, ...errors } } }, async (req) => s.alerts.replay(ctxOf(req), req.body));
  r.get('/orgs/:id/assets', { schema: { tags: ['orgs'], params: IdParams, response: { 200: Type.Array(Asset), ...errors } } }, async (req) => s.assets.list(ctxOf(req), req.params.id));
  r.post('/orgs/:id/assets', { schema: { tags: ['orgs'], params: IdParams, body: AssetCreate, response: { 201: Asset, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.assets.add(ctxOf(req), req.params.id, req.body)),
  );
  r.delete('/assets/:id', { schema: { tags: ['orgs'], params: IdParams, response: { 200: Asset, ...errors } } }, async (req) => s.assets.remove(ctxOf(req), req.params.id));
}
