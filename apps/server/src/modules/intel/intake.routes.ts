import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { ctxOf } from '../../http/auth-hook.ts';
import type { FeedsService } from './feeds.service.ts';
import type { IntakeService } from './intake.service.ts';

/** Largest bundle accepted in one request. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

const Accepted = Type.Object({ runId: Type.String({ format: 'uuid' }) });
const Run = Type.Object({
  id: Type.String(), kind: Type.String(), source: Type.String(), orgId: Type.String(), startedAt: Type.String(), finishedAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(), received: Type.Integer(), stored: Type.Integer(), duplicates: Type.Integer(), invalid: Type.Integer(),
  errors: Type.Array(Type.Object({ index: Type.Integer(), message: Type.String() })),
});
const FeedInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }), kind: Type.Union([Type.Literal('misp'), Type.Literal('csv')]),
  location: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL, or a directory (MISP) or file (csv) under the configured feed root' }),
  intervalMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10080 })),
});
const BundleBody = Type.Object({ type: Type.Literal('bundle'), id: Type.Optional(Type.String()), objects: Type.Array(Type.Unknown()) }, { additionalProperties: true });

const present = (r: Awaited<ReturnType<IntakeService['run']>>) => ({
  id: r.id, kind: r.kind, source: r.source, orgId: r.org_id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status,
  received: r.received, stored: r.stored, duplicates: r.duplicates, invalid: r.invalid, errors: r.errors,
});

/** Bundle and ATT&CK uploads, processed in the background, and their intake runs. */
export function intakeRoutes(api: FastifyInstance, intake: IntakeService, feeds: FeedsService): void {
  for (const [url, kind, summary] of [['/intel/bundles', 'bundle', 'Upload a STIX 2.1 bundle'], ['/intel/attack', 'attack', 'Import the enterprise ATT&CK STIX bundle']] as const) {
    api.post(url, { bodyLimit: MAX_BUNDLE_BYTES, schema: { tags: ['intel'], summary, body: BundleBody, response: { 202: Accepted } } }, async (req, reply) => {
      const body = req.body as { id?: string };
      const runId = await intake.submitBundle(ctxOf(req), req.body, kind, body.id ?? kind);
      return reply.status(202).send({ runId });
    });
  }
  api.get('/intel/intake-runs', { schema: { tags: ['intel'], summary: 'Intake runs, newest first', response: { 200: Type.Object({ items: Type.Array(Run) }) } } }, async (req) => ({
    items: (await intake.runs(ctxOf(req))).map(present),
  }));
  api.get('/intel/intake-runs/:id', { schema: { tags: ['intel'], summary: 'One intake run and its progress', params: Type.Object({ id: Type.String() }), response: { 200: Run } } }, async (req) =>
    present(await intake.run(ctxOf(req), (req.params as { id: string }).id)));
  api.post('/intel/feeds', { schema: { tags: ['intel'], summary: 'Register a MISP or one-value-per-line feed', body: FeedInput, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) } } }, async (req, reply) =>
    reply.status(201).send({ id: await feeds.register(ctxOf(req), req.body as Static<typeof FeedInput>) }));
  api.post('/intel/feeds/:id/run', { schema: { tags: ['intel'], summary: 'Run a feed now', params: Type.Object({ id: Type.String() }), response: { 202: Accepted } } }, async (req, reply) =>
    reply.status(202).send({ runId: await feeds.run(ctxOf(req), (req.params as { id: string }).id) }));
}
