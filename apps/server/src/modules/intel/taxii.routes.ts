import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { TLP_LEVELS } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import { notFound } from '../../core/errors.ts';
import type { TaxiiService } from './taxii.service.ts';
import { MAX_CONTENT_LENGTH, registerTaxiiHttp, sendTaxii, TAXII_MEDIA_TYPE } from './taxii-http.ts';
import { parseTaxiiQuery } from './taxii-query.ts';
import { dateAddedHeaders, presentCollection, presentEnvelope, presentManifest, presentStatus, presentVersions } from './taxii.presenter.ts';

/** The one API root this server offers. */
export const API_ROOT = 'lachan';

type Query = Record<string, string | string[] | undefined>;
type Params = { root: string; cid: string; oid: string; sid: string };

const OBJECT_FILTERS = ['id', 'type', 'version', 'spec_version'] as const;
const hidden = { hide: true, tags: ['taxii'] };

/**
 * TAXII 2.1 server under /taxii2/ (discovery, api-root, collections, objects, manifest, versions, status).
 * Discovery names the API root under `publicUrl` (LACHAN_PUBLIC_URL), never under the request's Host header.
 */
export async function taxiiRoutes(app: FastifyInstance, taxii: TaxiiService, publicUrl: string): Promise<void> {
  const base = `${publicUrl}/taxii2/${API_ROOT}/`;
  await app.register(async (r) => {
    registerTaxiiHttp(r);
    const send = sendTaxii;
    const root = (req: FastifyRequest): void => {
      if ((req.params as Params).root !== API_ROOT) throw notFound('API root');
    };

    r.get('/', { schema: hidden }, async (req, reply) => {
      ctxOf(req);
      return send(reply, { title: 'Lá Chắn TAXII server', description: 'Threat knowledge base of the national incident-response network', default: base, api_roots: [base] });
    });
    r.get('/:root/', { schema: hidden }, async (req, reply) => {
      ctxOf(req);
      root(req);
      return send(reply, { title: 'Lá Chắn knowledge base', versions: [TAXII_MEDIA_TYPE], max_content_length: MAX_CONTENT_LENGTH });
    });
    r.get('/:root/status/:sid/', { schema: hidden }, async (req, reply) => {
      root(req);
      return send(reply, presentStatus(await taxii.status(ctxOf(req), (req.params as Params).sid)));
    });
    r.get('/:root/collections/', { schema: hidden }, async (req, reply) => {
      root(req);
      const list = await taxii.collections(ctxOf(req));
      return send(reply, list.length > 0 ? { collections: list.map(presentCollection) } : {});
    });
    r.get('/:root/collections/:cid/', { schema: hidden }, async (req, reply) => {
      root(req);
      return send(reply, presentCollection(await taxii.collection(ctxOf(req), (req.params as Params).cid)));
    });
    r.get('/:root/collections/:cid/manifest/', { schema: hidden }, async (req, reply) => {
      root(req);
      const page = await taxii.page(ctxOf(req), (req.params as Params).cid, parseTaxiiQuery(req.query as Query, OBJECT_FILTERS), { withObject: false });
      return send(reply, presentManifest(page), 200, dateAddedHeaders(page));
    });
    r.get('/:root/collections/:cid/objects/', { schema: hidden }, async (req, reply) => {
      root(req);
      const page = await taxii.page(ctxOf(req), (req.params as Params).cid, parseTaxiiQuery(req.query as Query, OBJECT_FILTERS), { withObject: true });
      return send(reply, presentEnvelope(page), 200, dateAddedHeaders(page));
    });
    r.post('/:root/collections/:cid/objects/', { schema: hidden, bodyLimit: MAX_CONTENT_LENGTH }, async (req, reply) => {
      root(req);
      return send(reply, presentStatus(await taxii.add(ctxOf(req), (req.params as Params).cid, req.body)), 202);
    });
    r.get('/:root/collections/:cid/objects/:oid/', { schema: hidden }, async (req, reply) => {
      root(req);
      const p = req.params as Params;
      const page = await taxii.page(ctxOf(req), p.cid, parseTaxiiQuery(req.query as Query, ['version', 'spec_version']), { objectId: p.oid, withObject: true });
      return send(reply, presentEnvelope(page), 200, dateAddedHeaders(page));
    });
    r.delete('/:root/collections/:cid/objects/:oid/', { schema: hidden }, async (req, reply) => {
      root(req);
      const p = req.params as Params;
      await taxii.remove(ctxOf(req), p.cid, p.oid, parseTaxiiQuery(req.query as Query, ['version', 'spec_version']));
      return send(reply, {});
    });
    r.get('/:root/collections/:cid/objects/:oid/versions/', { schema: hidden }, async (req, reply) => {
      root(req);
      const p = req.params as Params;
      const page = await taxii.page(ctxOf(req), p.cid, parseTaxiiQuery(req.query as Query, ['spec_version']), { objectId: p.oid, withObject: false, versionsEndpoint: true });
      return send(reply, presentVersions(page), 200, dateAddedHeaders(page));
    });
  }, { prefix: '/taxii2' });
}

const CollectionInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  alias: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,60}$' })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  tlpCeiling: Type.Enum([...TLP_LEVELS]),
  grants: Type.Array(Type.Object({ orgId: Type.String({ format: 'uuid' }), canRead: Type.Boolean(), canWrite: Type.Boolean() }, { additionalProperties: false }), { maxItems: 1000 }),
}, { additionalProperties: false });

/** Managing collections (the national centre): POST /api/v1/intel/collections. */
export function intelRoutes(api: FastifyInstance, taxii: TaxiiService): void {
  api.post('/intel/collections', { schema: { tags: ['intel'], summary: 'Create a TAXII collection and its grants', body: CollectionInput, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) } } }, async (req, reply) => {
    const id = await taxii.createCollection(ctxOf(req), req.body as Static<typeof CollectionInput>);
    return reply.status(201).send({ id });
  });
}
