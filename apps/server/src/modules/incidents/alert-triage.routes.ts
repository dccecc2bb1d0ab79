import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AlertsActionResult, AlertsAssign, AlertsFalsePositive, AlertsOpenIncident, ErrorBody, IdParams, IncidentDetail, PromotionSuppression, PromotionSuppressionQuery,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { AlertTriageService } from './alert-triage.service.ts';
import type { PromotionRulesService } from './promotion-rules.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['alerts'];

/** The services the alert-triage routes call. */
export interface AlertTriageRouteServices {
  alertTriage: AlertTriageService;
  promotionRules: PromotionRulesService;
}

/** Analysts' actions on chosen alerts, and the promotion groups their false positives suppressed. */
export function alertTriageRoutes(app: FastifyInstance, s: AlertTriageRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post('/alerts/open-incident', { schema: { tags, summary: 'Open one incident from chosen alerts', body: AlertsOpenIncident, response: { 201: IncidentDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.alertTriage.openIncident(ctxOf(req), req.body)));
  r.post('/alerts/false-positive', { schema: { tags, summary: 'Mark alerts false positive, with the reason', body: AlertsFalsePositive, response: { 200: AlertsActionResult, ...errors } } },
    async (req) => s.alertTriage.markFalsePositive(ctxOf(req), req.body));
  r.post('/alerts/assign', { schema: { tags, summary: 'Give alerts to a user (or to nobody)', body: AlertsAssign, response: { 200: AlertsActionResult, ...errors } } },
    async (req) => s.alertTriage.assign(ctxOf(req), req.body));
  r.get('/promotion-suppressions', { schema: { tags, querystring: PromotionSuppressionQuery, response: { 200: Type.Array(PromotionSuppression), ...errors } } },
    async (req) => s.promotionRules.suppressions(ctxOf(req), req.query));
  r.delete('/promotion-suppressions/:id', { schema: { tags, summary: 'Let the rule open incidents for the group again', params: IdParams, response: { 200: PromotionSuppression, ...errors } } },
    async (req) => s.promotionRules.liftSuppression(ctxOf(req), req.params.id));
}
