import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CampaignDetail, CampaignListQuery, CampaignMerge, CampaignSummary, ErrorBody, IdParams, ListOf, MassScanner, MassScannerQuery } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { CampaignsService } from './campaigns.service.ts';

const errors = { '4xx': ErrorBody };

/** /api/v1/campaigns: list, detail and the centre's actions (the warning proposal lives under /warnings). */
export function campaignRoutes(app: FastifyInstance, campaigns: CampaignsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['campaigns'];
  r.get('/campaigns', { schema: { tags, querystring: CampaignListQuery, response: { 200: ListOf(CampaignSummary), ...errors } } }, async (req) => ({ items: await campaigns.list(ctxOf(req), req.query), nextCursor: null }));
  r.get('/campaigns/mass-scanning', { schema: { tags, querystring: MassScannerQuery, response: { 200: ListOf(MassScanner), ...errors } } }, async (req) => ({ items: await campaigns.massScanners(ctxOf(req), req.query), nextCursor: null }));
  r.get('/campaigns/:id', { schema: { tags, params: IdParams, response: { 200: CampaignDetail, ...errors } } }, async (req) => campaigns.get(ctxOf(req), req.params.id));
  r.post('/campaigns/:id/confirm', { schema: { tags, params: IdParams, response: { 200: CampaignDetail, ...errors } } }, async (req) => campaigns.setStatus(ctxOf(req), req.params.id, 'confirmed'));
  r.post('/campaigns/:id/dismiss', { schema: { tags, params: IdParams, response: { 200: CampaignDetail, ...errors } } }, async (req) => campaigns.setStatus(ctxOf(req), req.params.id, 'dismissed'));
  r.post('/campaigns/:id/merge', { schema: { tags, params: IdParams, body: CampaignMerge, response: { 200: CampaignDetail, ...errors } } }, async (req) => campaigns.merge(ctxOf(req), req.params.id, req.body.intoId));
}
