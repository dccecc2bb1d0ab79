import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ErrorBody, FocalPointsReplace, IdParams, ListOf, Organization, OrgCreate, OrgHistoryEntry, OrgListQuery, OrgMerge, OrgMove, OrgPatch,
  OrgRetire, OrgSummary, SocLinkCreate, Uuid,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { OrgsService } from './orgs.service.ts';
import type { OrgStructureService } from './org-structure.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['orgs'];

/** The services the organisation routes call. */
export interface OrgRouteServices {
  orgs: OrgsService;
  orgStructure: OrgStructureService;
}

/** /api/v1/orgs: the organisation hub. */
export function orgRoutes(app: FastifyInstance, s: OrgRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/orgs', { schema: { tags, querystring: OrgListQuery, response: { 200: ListOf(OrgSummary), ...errors } } }, async (req) => ({
    items: await s.orgs.list(ctxOf(req), req.query),
    nextCursor: null,
  }));
  r.post('/orgs', { schema: { tags, body: OrgCreate, response: { 201: Organization, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.orgs.create(ctxOf(req), req.body)),
  );
  r.get('/orgs/:id', { schema: { tags, params: IdParams, response: { 200: Organization, ...errors } } }, async (req) => s.orgs.get(ctxOf(req), req.params.id));
  r.patch('/orgs/:id', { schema: { tags, params: IdParams, body: OrgPatch, response: { 200: Organization, ...errors } } }, async (req) =>
    s.orgs.update(ctxOf(req), req.params.id, req.body),
  );
  r.put('/orgs/:id/focal-points', { schema: { tags, params: IdParams, body: FocalPointsReplace, response: { 200: Organization, ...errors } } }, async (req) =>
    s.orgs.setFocalPoints(ctxOf(req), req.params.id, req.body.focalPoints),
  );
  r.post('/orgs/:id/soc-clients', { schema: { tags, params: IdParams, body: SocLinkCreate, response: { 201: Organization, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.orgs.addSocClient(ctxOf(req), req.params.id, req.body)),
  );
  r.delete('/orgs/:id/soc-clients/:clientId', { schema: { tags, params: Type.Object({ id: Uuid, clientId: Uuid }), response: { 200: Organization, ...errors } } }, async (req) =>
    s.orgs.removeSocClient(ctxOf(req), req.params.id, req.params.clientId),
  );
  r.post('/orgs/:id/move', { schema: { tags, params: IdParams, body: OrgMove, response: { 200: Organization, ...errors } } }, async (req) =>
    s.orgStructure.move(ctxOf(req), req.params.id, req.body.parentId),
  );
  r.post('/orgs/:id/merge', { schema: { tags, params: IdParams, body: OrgMerge, response: { 200: Organization, ...errors } } }, async (req) =>
    s.orgStructure.merge(ctxOf(req), req.params.id, req.body.intoId, req.body.reason),
  );
  r.post('/orgs/:id/retire', { schema: { tags, params: IdParams, body: OrgRetire, response: { 200: Organization, ...errors } } }, async (req) =>
    s.orgStructure.retire(ctxOf(req), req.params.id, req.body.reason),
  );
  r.get('/orgs/:id/history', { schema: { tags, params: IdParams, response: { 200: Type.Array(OrgHistoryEntry), ...errors } } }, async (req) =>
    s.orgStructure.history(ctxOf(req), req.params.id),
  );
}
