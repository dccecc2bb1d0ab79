import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ConstituencyDigest, ConstituencyDigestQuery, ConstituencyFeedSchema, ConstituencyMapping, ConstituencyMappingCreate, ConstituencyMappingUpdate,
  ConstituencyReportQuery, ConstituencyReportResult, ConstituencyRow, ConstituencyRowQuery, ConstituencyStats, ConstituencyStatsQuery, ErrorBody, IdParams, ListOf,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { ConstituencyService } from './constituency.service.ts';

const REPORT_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/octet-stream'];
const errors = { '4xx': ErrorBody, '5xx': ErrorBody };
const tags = ['constituency'];

/** /api/v1/constituency: reports in (connectors), rows, statistics, digests, the centre's CSV mappings. */
export function constituencyRoutes(app: FastifyInstance, s: ConstituencyService, bodyLimit: number): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(REPORT_TYPES, { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/constituency/reports/:feed', {
      schema: {
        tags,
        summary: 'Send a report about the constituency (Shadowserver, abuse.ch, or CSV through a mapping)',
        description: `Body: the report file as CSV (${REPORT_TYPES.join(', ')}). Rows that cannot be read are quarantined with their reason.`,
        params: Type.Object({ feed: ConstituencyFeedSchema }),
        querystring: ConstituencyReportQuery,
        response: { 202: ConstituencyReportResult, ...errors },
      },
    }, async (req, reply) => reply.status(202).send(await s.ingestReport(ctxOf(req), req.params.feed, req.body as string, req.query)));
  });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/constituency/rows', { schema: { tags, querystring: ConstituencyRowQuery, response: { 200: ListOf(ConstituencyRow), ...errors } } }, async (req) => {
    const items = await s.rows(ctxOf(req), req.query);
    return { items, nextCursor: items.length === (req.query.limit ?? 100) ? items[items.length - 1]!.id : null };
  });
  r.get('/constituency/stats', { schema: { tags, querystring: ConstituencyStatsQuery, response: { 200: ConstituencyStats, ...errors } } }, async (req) => s.stats(ctxOf(req), req.query));
  r.get('/constituency/digest', { schema: { tags, querystring: ConstituencyDigestQuery, response: { 200: ConstituencyDigest, ...errors } } }, async (req) => s.digest(ctxOf(req), req.query));
  r.get('/constituency/mappings', { schema: { tags, response: { 200: Type.Array(ConstituencyMapping), ...errors } } }, async (req) => s.listMappings(ctxOf(req)));
  r.post('/constituency/mappings', { schema: { tags, body: ConstituencyMappingCreate, response: { 201: ConstituencyMapping, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.createMapping(ctxOf(req), req.body)),
  );
  r.patch('/constituency/mappings/:id', { schema: { tags, params: IdParams, body: ConstituencyMappingUpdate, response: { 200: ConstituencyMapping, ...errors } } }, async (req) =>
    s.updateMapping(ctxOf(req), req.params.id, req.body),
  );
  r.delete('/constituency/mappings/:id', { schema: { tags, params: IdParams, response: { 200: ConstituencyMapping, ...errors } } }, async (req) => s.removeMapping(ctxOf(req), req.params.id));
}
