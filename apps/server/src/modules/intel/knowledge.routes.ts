import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParams, IntelCollection, IntelCollectionList, IntelCollectionPatch, IntelExerciseQuery, IntelFeedList, IntelObjectDetail, IntelObjectPage, IntelObjectQuery, IntelObjectVersions } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { KnowledgeService } from './knowledge.service.ts';
import { readTlpQuery } from './tlp-query.ts';
import { presentCollection, presentDetail, presentFeed, presentSummary, presentVersions } from './knowledge.presenter.ts';

const errors = { '4xx': ErrorBody };
const StixIdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]+--[0-9a-fA-F-]{36}$', description: 'STIX id' }) });

/** /api/v1/intel: knowledge-base search, objects with their graph and versions, collection administration, feeds. */
export function knowledgeRoutes(app: FastifyInstance, kb: KnowledgeService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['intel'];
  r.get('/intel/objects', { preValidation: readTlpQuery, schema: { tags, summary: 'Search the knowledge base (newest version of each object)', querystring: IntelObjectQuery, response: { 200: IntelObjectPage, ...errors } } }, async (req) => {
    const page = await kb.search(ctxOf(req), req.query);
    return { items: page.rows.map(presentSummary), nextCursor: page.nextCursor };
  });
  r.get('/intel/objects/:id', { schema: { tags, summary: 'One object, its relationships both ways and its sightings', params: StixIdParams, querystring: IntelExerciseQuery, response: { 200: IntelObjectDetail, ...errors } } }, async (req) =>
    presentDetail(await kb.object(ctxOf(req), req.params.id, req.query.exerciseId)));
  r.get('/intel/objects/:id/versions', { schema: { tags, summary: 'Every version of one object, newest first', params: StixIdParams, querystring: IntelExerciseQuery, response: { 200: IntelObjectVersions, ...errors } } }, async (req) =>
    presentVersions(await kb.versions(ctxOf(req), req.params.id, req.query.exerciseId)));
  r.get('/intel/collections', { schema: { tags, summary: 'TAXII collections with their grants (national centre)', response: { 200: IntelCollectionList, ...errors } } }, async (req) => ({
    items: (await kb.collections(ctxOf(req))).map(presentCollection),
  }));
  r.patch('/intel/collections/:id', { schema: { tags, summary: 'Change a collection\'s title, TLP ceiling or grants (national centre)', params: IdParams, body: IntelCollectionPatch, response: { 200: IntelCollection, ...errors } } }, async (req) =>
    presentCollection(await kb.updateCollection(ctxOf(req), req.params.id, req.body)));
  r.get('/intel/feeds', { schema: { tags, summary: 'Registered feeds', response: { 200: IntelFeedList, ...errors } } }, async (req) => ({
    items: (await kb.feeds(ctxOf(req))).map(presentFeed),
  }));
}
