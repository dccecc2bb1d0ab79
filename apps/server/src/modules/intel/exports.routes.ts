import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { INDICATOR_VALUE_TYPES } from '@lachan/stix';
import { TLP_LEVELS } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import { EXPORT_FORMATS, type ExportFormat } from './exports.format.ts';
import type { ExportsService } from './exports.service.ts';
import { readTlpQuery } from './tlp-query.ts';

const Query = Type.Object({
  type: Type.Optional(Type.Union(INDICATOR_VALUE_TYPES.map((t) => Type.Literal(t)))),
  minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  tlp: Type.Optional(Type.Union(TLP_LEVELS.map((t) => Type.Literal(t)), { description: 'highest TLP to include' })),
  sector: Type.Optional(Type.String({ maxLength: 50, description: 'sector code of the organisation that created the indicator' })),
  massScanning: Type.Optional(Type.Boolean({ description: 'add the mass-scanning list (internet-wide scanners the campaign noise model found) at a low score (15-25)' })),
});

/** GET /intel/exports/{format}: lists for firewalls, IDS and DNS resolvers, with ETag / If-None-Match. */
export function exportsRoutes(api: FastifyInstance, exportsService: ExportsService): void {
  api.get('/intel/exports/:format', {
    preValidation: readTlpQuery,
    schema: { tags: ['intel'], summary: 'Export live indicators (txt, suricata, rpz, csv, stix)', params: Type.Object({ format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))) }), querystring: Query },
  }, async (req, reply) => {
    const q = req.query as Static<typeof Query>;
    const r = await exportsService.render(ctxOf(req), (req.params as { format: ExportFormat }).format, {
      ...(q.type ? { type: q.type } : {}), ...(q.minScore !== undefined ? { minScore: q.minScore } : {}), ...(q.tlp ? { tlp: q.tlp } : {}), ...(q.sector ? { sector: q.sector } : {}), ...(q.massScanning ? { massScanning: true } : {}),
    });
    reply.header('etag', r.etag).header('cache-control', 'private, no-cache');
    if (req.headers['if-none-match'] === r.etag) return reply.status(304).send();
    return reply.type(r.contentType).send(r.body);
  });
}
