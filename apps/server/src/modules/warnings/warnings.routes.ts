import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParams, ListOf, RecipientPreview, Warning, WarningAck, WarningCreate, WarningInboxQuery, WarningListQuery, WarningPatch, WarningStatus, WarningTargeting, Webhook, WebhookCreate, WebhookCreated, WebhookTestResult, Uuid, WarningPolicy, WarningPolicyCreate } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { WarningsService } from './warnings.service.ts';
import type { WarningWebhooksService } from './webhooks.service.ts';
import type { WarningPoliciesService } from './policies.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['warnings'];
const Doc = Type.Record(Type.String(), Type.Unknown());

/** The services the warning routes call. */
export interface WarningRouteServices {
  warnings: WarningsService;
  warningWebhooks: WarningWebhooksService;
  warningPolicies: WarningPoliciesService;
}

/** /api/v1/warnings: drafting, issuing, inbox, acknowledgements, delivery status, exports and webhook endpoints. */
export function warningRoutes(app: FastifyInstance, s: WarningRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const w = s.warnings;
  r.get('/warnings', { schema: { tags, querystring: WarningListQuery, response: { 200: ListOf(Warning), ...errors } } }, async (req) => ({ items: await w.list(ctxOf(req), req.query), nextCursor: null }));
  r.get('/warnings/inbox', { schema: { tags, querystring: WarningInboxQuery, response: { 200: ListOf(Warning), ...errors } } }, async (req) => ({ items: await w.inbox(ctxOf(req), req.query), nextCursor: null }));
  r.post('/warnings', { schema: { tags, body: WarningCreate, response: { 201: Warning, ...errors } } }, async (req, reply) => reply.status(201).send(await w.create(ctxOf(req), req.body)));
  r.post('/campaigns/:id/propose-warning', { schema: { tags: ['campaigns', ...tags], params: IdParams, response: { 201: Warning, ...errors } } }, async (req, reply) => reply.status(201).send(await w.draftFromCampaign(ctxOf(req), req.params.id)));
  r.post('/warnings/preview-recipients', { schema: { tags, body: WarningTargeting, response: { 200: RecipientPreview, ...errors } } }, async (req) => w.preview(ctxOf(req), req.body));
  r.get('/warnings/:id', { schema: { tags, params: IdParams, response: { 200: Warning, ...errors } } }, async (req) => w.get(ctxOf(req), req.params.id));
  r.patch('/warnings/:id', { schema: { tags, params: IdParams, body: WarningPatch, response: { 200: Warning, ...errors } } }, async (req) => w.update(ctxOf(req), req.params.id, req.body));
  r.post('/warnings/:id/discard', { schema: { tags, summary: 'Discard a draft or proposed warning that will not be issued', params: IdParams, response: { 200: Warning, ...errors } } }, async (req) => w.discard(ctxOf(req), req.params.id));
  r.post('/warnings/:id/issue', { schema: { tags, params: IdParams, response: { 200: Warning, ...errors } } }, async (req) => w.issue(ctxOf(req), req.params.id));
  r.post('/warnings/:id/withdraw', { schema: { tags, params: IdParams, response: { 200: Warning, ...errors } } }, async (req) => w.withdraw(ctxOf(req), req.params.id));
  r.post('/warnings/:id/ack', { schema: { tags, params: IdParams, body: WarningAck, response: { 200: Warning, ...errors } } }, async (req) => w.mark(ctxOf(req), req.params.id, 'ack', req.body.orgId));
  r.post('/warnings/:id/read', { schema: { tags, params: IdParams, body: WarningAck, response: { 200: Warning, ...errors } } }, async (req) => w.mark(ctxOf(req), req.params.id, 'read', req.body.orgId));
  r.get('/warnings/:id/status', { schema: { tags, params: IdParams, response: { 200: WarningStatus, ...errors } } }, async (req) => w.status(ctxOf(req), req.params.id));
  r.post('/warnings/:id/deliveries/:deliveryId/retry', { schema: { tags, params: Type.Object({ id: Uuid, deliveryId: Type.String({ pattern: '^[0-9]{1,18}$' }) }), response: { 200: WarningStatus, ...errors } } },
    async (req) => w.retryDelivery(ctxOf(req), req.params.id, req.params.deliveryId));
  r.get('/warnings/:id/csaf', { schema: { tags, params: IdParams, response: { 200: Doc, ...errors } } }, async (req) => w.csaf(ctxOf(req), req.params.id));
  r.get('/warnings/:id/stix', { schema: { tags, params: IdParams, response: { 200: Doc, ...errors } } }, async (req) => w.stix(ctxOf(req), req.params.id));
  r.get('/warning-policies', { schema: { tags, response: { 200: Type.Array(WarningPolicy), ...errors } } }, async (req) => s.warningPolicies.list(ctxOf(req)));
  r.post('/warning-policies', { schema: { tags, body: WarningPolicyCreate, response: { 201: WarningPolicy, ...errors } } }, async (req, reply) => reply.status(201).send(await s.warningPolicies.create(ctxOf(req), req.body)));
  r.delete('/warning-policies/:id', { schema: { tags, params: IdParams, response: { 200: WarningPolicy, ...errors } } }, async (req) => s.warningPolicies.remove(ctxOf(req), req.params.id));
  const OrgParams = Type.Object({ orgId: Uuid });
  r.get('/orgs/:orgId/warning-webhooks', { schema: { tags, params: OrgParams, response: { 200: Type.Array(Webhook), ...errors } } }, async (req) => s.warningWebhooks.list(ctxOf(req), req.params.orgId));
  r.post('/orgs/:orgId/warning-webhooks', { schema: { tags, params: OrgParams, body: WebhookCreate, response: { 201: WebhookCreated, ...errors } } }, async (req, reply) => reply.status(201).send(await s.warningWebhooks.create(ctxOf(req), req.params.orgId, req.body)));
  r.post('/orgs/:orgId/warning-webhooks/:id/test', { schema: { tags, params: Type.Object({ orgId: Uuid, id: Uuid }), response: { 200: WebhookTestResult, ...errors } } }, async (req) => s.warningWebhooks.test(ctxOf(req), req.params.orgId, req.params.id));
  r.delete('/orgs/:orgId/warning-webhooks/:id', { schema: { tags, params: Type.Object({ orgId: Uuid, id: Uuid }), response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await s.warningWebhooks.remove(ctxOf(req), req.params.orgId, req.params.id);
    return reply.status(204).send(null);
  });
}
