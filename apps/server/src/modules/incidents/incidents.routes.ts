import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Deadline, DeadlinesQuery, ErrorBody, IdParams, IncidentCreate, IncidentDetail, IncidentEscalate, IncidentLinkAlerts, IncidentListQuery, IncidentMerge, IncidentPatch,
  IncidentRegimesSet, IncidentSplit, IncidentSummary, IncidentTransfer, IncidentTransition, ListOf, PromotionRule, PromotionRuleCreate, PromotionRulePatch, PromotionRulePreview, PromotionRulePreviewBody, ReportingRegime,
  ReportingRegimeCreate, ReportingRegimePatch,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { IncidentsService } from './incidents.service.ts';
import type { IncidentServices } from './incident-services.ts';
import type { PromotionRulesService } from './promotion-rules.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['incidents'];
const detail = { params: IdParams, response: { 200: IncidentDetail, ...errors } };

/** The services the incident routes call. */
export interface IncidentRouteServices {
  incidents: IncidentsService;
  incidentParts: Pick<IncidentServices, 'reports'>;
  promotionRules: PromotionRulesService;
}

/** /api/v1/incidents (list, detail, actions), /reporting-regimes and /promotion-rules. */
export function incidentRoutes(app: FastifyInstance, s: IncidentRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/incidents', { schema: { tags, querystring: IncidentListQuery, response: { 200: ListOf(IncidentSummary), ...errors } } }, async (req) => s.incidents.list(ctxOf(req), req.query));
  r.post('/incidents', { schema: { tags, summary: 'Open an incident by hand or from a report', body: IncidentCreate, response: { 201: IncidentDetail, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.incidents.create(ctxOf(req), req.body)),
  );
  r.get('/incidents/deadlines', { schema: { tags, summary: 'My organisation’s reporting deadlines', querystring: DeadlinesQuery, response: { 200: Type.Array(Deadline), ...errors } } }, async (req) =>
    s.incidentParts.reports.deadlines(ctxOf(req), req.query),
  );
  r.get('/incidents/:id', { schema: { tags, ...detail } }, async (req) => s.incidents.get(ctxOf(req), req.params.id));
  r.patch('/incidents/:id', { schema: { tags, ...detail, body: IncidentPatch } }, async (req) => s.incidents.update(ctxOf(req), req.params.id, req.body));
  r.post('/incidents/:id/transition', { schema: { tags, summary: 'Move through the lifecycle (close, reject, reopen)', ...detail, body: IncidentTransition } }, async (req) =>
    s.incidents.transition(ctxOf(req), req.params.id, req.body),
  );
  r.post('/incidents/:id/complete-response', { schema: { tags, summary: 'Mark the response completed (starts the final-report clock)', ...detail } }, async (req) =>
    s.incidents.completeResponse(ctxOf(req), req.params.id),
  );
  r.post('/incidents/:id/merge', { schema: { tags, summary: 'Fold other incidents into this one', ...detail, body: IncidentMerge } }, async (req) =>
    s.incidents.merge(ctxOf(req), req.params.id, req.body.incidentIds),
  );
  r.post('/incidents/:id/alerts', { schema: { tags, summary: 'Link alerts', ...detail, body: IncidentLinkAlerts } }, async (req) => s.incidents.linkAlerts(ctxOf(req), req.params.id, req.body.alertIds));
  r.post('/incidents/:id/split', { schema: { tags, summary: 'Move some alerts to a new incident', params: IdParams, body: IncidentSplit, response: { 201: IncidentDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.incidents.split(ctxOf(req), req.params.id, req.body)));
  r.post('/incidents/:id/escalate', { schema: { tags, summary: 'Escalate to the national centre', ...detail, body: IncidentEscalate } }, async (req) =>
    s.incidents.escalate(ctxOf(req), req.params.id, req.body.message),
  );
  r.post('/incidents/:id/transfer', { schema: { tags, summary: 'Transfer ownership', ...detail, body: IncidentTransfer } }, async (req) => s.incidents.transfer(ctxOf(req), req.params.id, req.body));
  r.put('/incidents/:id/regimes', { schema: { tags, summary: 'Set the reporting regimes', ...detail, body: IncidentRegimesSet } }, async (req) =>
    s.incidents.setRegimes(ctxOf(req), req.params.id, req.body.regimeCodes),
  );

  r.get('/reporting-regimes', { schema: { tags, response: { 200: Type.Array(ReportingRegime), ...errors } } }, async (req) => s.incidentParts.reports.regimes(ctxOf(req)));
  r.post('/reporting-regimes', { schema: { tags, body: ReportingRegimeCreate, response: { 201: ReportingRegime, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.incidentParts.reports.createRegime(ctxOf(req), req.body)),
  );
  r.patch('/reporting-regimes/:id', { schema: { tags, params: IdParams, body: ReportingRegimePatch, response: { 200: ReportingRegime, ...errors } } }, async (req) =>
    s.incidentParts.reports.updateRegime(ctxOf(req), req.params.id, req.body),
  );

  r.get('/promotion-rules', { schema: { tags: ['alerts'], response: { 200: Type.Array(PromotionRule), ...errors } } }, async (req) => s.promotionRules.rules(ctxOf(req)));
  r.post('/promotion-rules', { schema: { tags: ['alerts'], body: PromotionRuleCreate, response: { 201: PromotionRule, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.promotionRules.createRule(ctxOf(req), req.body)),
  );
  r.post('/promotion-rules/preview', {
    schema: { tags: ['alerts'], description: 'What a rule would have opened over the last 7 days (nothing is saved).', body: PromotionRulePreviewBody, response: { 200: PromotionRulePreview, ...errors } },
  }, async (req) => s.promotionRules.preview(ctxOf(req), req.body));
  r.patch('/promotion-rules/:id', { schema: { tags: ['alerts'], params: IdParams, body: PromotionRulePatch, response: { 200: PromotionRule, ...errors } } }, async (req) =>
    s.promotionRules.updateRule(ctxOf(req), req.params.id, req.body),
  );
}
