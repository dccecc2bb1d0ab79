import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AlertFormatSchema, ErrorBody, IngestResult } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import { AppError } from '../../core/errors.ts';
import type { IngestService } from './ingest.service.ts';

const BODY_TYPES = ['application/json', 'application/x-ndjson', 'application/ndjson', 'application/jsonlines', 'application/x-jsonlines', 'text/plain'];

/**
 * POST /api/v1/ingest/{format}: a connector sends one JSON object, an array, NDJSON, or text lines
 * (cef, syslog), optionally gzip-compressed. The answer comes only after the batch is committed.
 */
export function ingestRoutes(app: FastifyInstance, ingest: IngestService, bodyLimit: number): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(BODY_TYPES, { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
    scope.addHook('preParsing', async (req, _reply, payload) => {
      const encoding = req.headers['content-encoding'];
      if (!encoding || encoding === 'identity') return payload;
      if (encoding !== 'gzip') throw new AppError(415, 'unsupported_media_type', `content encoding ${encoding} is not accepted; use gzip or none`);
      const gunzip = createGunzip() as ReturnType<typeof createGunzip> & { receivedEncodedLength?: number };
      let encoded = 0;
      payload.on('data', (chunk: Buffer) => (gunzip.receivedEncodedLength = encoded += chunk.length));
      payload.on('error', (err) => gunzip.destroy(err));
      gunzip.on('error', () => {});
      return payload.pipe(gunzip);
    });
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    r.post('/ingest/:format', {
      schema: {
        tags: ['alerts'],
        summary: 'Send alerts from a monitoring system',
        description: `Bodies: ${BODY_TYPES.join(', ')}; Content-Encoding gzip accepted. Records that cannot be parsed are quarantined and listed in errors.`,
        params: Type.Object({ format: AlertFormatSchema }),
        querystring: Type.Object({
          history: Type.Optional(Type.Boolean({ description: 'an archive of past alerts: stored and counted on the days they happened (any age), never promoted to incidents nor linked into campaigns' })),
        }),
        response: { 202: IngestResult, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    }, async (req, reply) => {
      const result = await ingest.ingestHttp(ctxOf(req), req.params.format, req.body as string, req.headers['content-type'], req.query.history === true);
      return reply.status(202).send(result);
    });
  });
}
