import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { IntelFeedInput as FeedInput, IntelIntakeRun as Run } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { FeedsService } from './feeds.service.ts';
import type { IntakeService } from './intake.service.ts';

const Accepted = Type.Object({ runId: Type.String({ format: 'uuid' }) });
const BundleQuery = Type.Object({ exerciseId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });
const present = (r: Awaited<ReturnType<IntakeService['run']>>) => ({
  id: r.id, kind: r.kind, source: r.source, orgId: r.org_id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status,
  received: r.received, stored: r.stored, duplicates: r.duplicates, invalid: r.invalid, errors: r.errors,
  notes: r.notes, bytesRead: r.bytes_read, bytesTotal: r.bytes_total,
});

/** Bundle and ATT&CK uploads, processed in the background, and their intake runs. */
export function intakeRoutes(api: FastifyInstance, intake: IntakeService, feeds: FeedsService): void {
  api.register(async (scope) => {
    // The body stays a stream: the service parses the bundle as it arrives and never holds it whole.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['application/json', 'application/stix+json'], (_req, payload, done) => done(null, payload));
    for (const [url, kind, summary] of [['/intel/bundles', 'bundle', 'Upload a STIX 2.1 bundle (streamed, up to 100 MB)'], ['/intel/attack', 'attack', 'Import the enterprise ATT&CK STIX bundle']] as const) {
      scope.post(url, {
        schema: {
          tags: ['intel'], summary, querystring: BundleQuery, response: { 202: Accepted },
          description: 'Body: a STIX bundle {"type": "bundle", "objects": [...]}; progress on the intake run while it is read. `exerciseId`: a team adds it in an exercise it plays (kept apart from real knowledge)',
        },
      }, async (req, reply) => {
        const length = Number(req.headers['content-length']);
        const runId = await intake.streamBundle(ctxOf(req), req.body as Readable, Number.isFinite(length) ? length : null, kind, (req.query as Static<typeof BundleQuery>).exerciseId ?? null);
        return reply.status(202).send({ runId });
      });
    }
  });
  api.get('/intel/intake-runs', { schema: { tags: ['intel'], summary: 'Intake runs, newest first', response: { 200: Type.Object({ items: Type.Array(Run) }) } } }, async (req) => ({
    items: (await intake.runs(ctxOf(req))).map(present),
  }));
  api.get('/intel/intake-runs/:id', { schema: { tags: ['intel'], summary: 'One intake run and its progress', params: Type.Object({ id: Type.String() }), response: { 200: Run } } }, async (req) =>
    present(await intake.run(ctxOf(req), (req.params as { id: string }).id)));
  api.post('/intel/feeds', { schema: { tags: ['intel'], summary: 'Register a MISP, one-value-per-line or TAXII 2.1 feed', body: FeedInput, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) } } }, async (req, reply) =>
    reply.status(201).send({ id: await feeds.register(ctxOf(req), req.body as Static<typeof FeedInput>) }));
  api.post('/intel/feeds/:id/run', { schema: { tags: ['intel'], summary: 'Run a feed now', params: Type.Object({ id: Type.String() }), response: { 202: Accepted } } }, async (req, reply) =>
    reply.status(202).send({ runId: await feeds.run(ctxOf(req), (req.params as { id: string }).id) }));
}
