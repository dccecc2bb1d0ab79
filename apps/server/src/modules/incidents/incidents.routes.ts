import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AlertId, ErrorBody, IdParams, IncidentListQuery, IncidentSummary, ListOf, PromotionRule, PromotionRuleCreate, PromotionRulePatch, Timestamp } from '@lachan/contracts';
import { ctxOf } from '../../http/auth-hook.ts';
import type { Services } from '../../services.ts';

const errors = { '4xx': ErrorBody };
const IncidentDetail = Type.Object({ ...IncidentSummary.properties, alerts: Type.Array(Type.Object({ id: AlertId, title: Type.String(), severity: Type.Integer(), occurrences: Type.Integer(), lastSeen: Timestamp })) });

/** /api/v1/incidents (read) and /api/v1/promotion-rules. */
export function incidentRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/incidents', { schema: { tags: ['incidents'], querystring: IncidentListQuery, response: { 200: ListOf(IncidentSummary), ...errors } } }, async (req) => ({
    items: await s.incidents.list(ctxOf(req), req.query),
    nextCursor: null,
  }));
  r.get('/incidents/:id', { schema: { tags: ['incidents'], params: IdParams, response: { 200: IncidentDetail, ...errors } } }, async (req) => s.incidents.get(ctxOf(req), req.params.id));
  r.get('/promotion-rules', { schema: { tags: ['alerts'], response: { 200: Type.Array(PromotionRule), ...errors } } }, async (req) => s.incidents.rules(ctxOf(req)));
  r.post('/promotion-rules', { schema: { tags: ['alerts'], body: PromotionRuleCreate, response: { 201: PromotionRule, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.incidents.createRule(ctxOf(req), req.body)),
  );
  r.patch('/promotion-rules/:id', { schema: { tags: ['alerts'], params: IdParams, body: PromotionRulePatch, response: { 200: PromotionRule, ...errors } } }, async (req) =>
    s.incidents.updateRule(ctxOf(req), req.params.id, req.body),
  );
}
