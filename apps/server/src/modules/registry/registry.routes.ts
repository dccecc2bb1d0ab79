import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ClassificationRequest, ClassificationResult, ErrorBody, IdParams, InformationSystem, ListOf, SystemCreate, SystemImportResult, SystemListQuery, SystemPatch,
  SystemLayers, SystemLayersPut, SystemRetire, SystemSummary, Uuid,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { SystemsService } from './systems.service.ts';
import type { LayersService } from './layers.service.ts';
import { registryPolicy } from './registry.policy.ts';
import { forbidden } from '../../core/errors.ts';

const errors = { '4xx': ErrorBody };
const tags = ['registry'];
const CSV_LIMIT = 5 * 1024 * 1024;

/** The services the registry routes call. */
export interface RegistryRouteServices {
  systems: SystemsService;
  systemLayers: LayersService;
}

/** /api/v1/systems: the information systems registry and its classification guide. */
export function registryRoutes(app: FastifyInstance, s: RegistryRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/systems', { schema: { tags, querystring: SystemListQuery, response: { 200: ListOf(SystemSummary), ...errors } } }, async (req) => ({
    items: await s.systems.list(ctxOf(req), req.query),
    nextCursor: null,
  }));
  r.post('/systems', { schema: { tags, body: SystemCreate, response: { 201: InformationSystem, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.systems.create(ctxOf(req), req.body)),
  );
  r.post('/systems/classify', {
    schema: { tags, summary: 'Proposes a security level from the Decree 85 questions (the highest component wins)', body: ClassificationRequest, response: { 200: ClassificationResult, ...errors } },
  }, async (req) => {
    if (!registryPolicy.mayList(ctxOf(req))) throw forbidden();
    return s.systems.classify(req.body.components);
  });
  r.get('/systems/export.csv', {
    schema: { tags, summary: 'The registry of an organisation and its units as CSV', querystring: Type.Object({ orgId: Type.Optional(Uuid) }, { additionalProperties: false }), produces: ['text/csv'], response: { 200: Type.String(), ...errors } },
  }, async (req, reply) => {
    const csv = await s.systems.exportCsv(ctxOf(req), req.query.orgId);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="information-systems.csv"').send(csv);
  });
  r.get('/systems/:id', { schema: { tags, params: IdParams, response: { 200: InformationSystem, ...errors } } }, async (req) => s.systems.get(ctxOf(req), req.params.id));
  r.patch('/systems/:id', { schema: { tags, params: IdParams, body: SystemPatch, response: { 200: InformationSystem, ...errors } } }, async (req) =>
    s.systems.update(ctxOf(req), req.params.id, req.body),
  );
  r.post('/systems/:id/retire', { schema: { tags, params: IdParams, body: SystemRetire, response: { 200: InformationSystem, ...errors } } }, async (req) =>
    s.systems.retire(ctxOf(req), req.params.id, req.body.reason),
  );
  r.get('/systems/:id/layers', {
    schema: { tags, summary: 'The four-layer model of a system: layers 1-3 as declared, layer 4 measured from alerts', params: IdParams, response: { 200: SystemLayers, ...errors } },
  }, async (req) => s.systemLayers.get(ctxOf(req), req.params.id));
  r.put('/systems/:id/layers', { schema: { tags, params: IdParams, body: SystemLayersPut, response: { 200: SystemLayers, ...errors } } }, async (req) =>
    s.systemLayers.put(ctxOf(req), req.params.id, req.body),
  );
  importRoute(app, s);
}

/** POST /api/v1/orgs/:id/systems/import: an organisation's list of systems as CSV, checked whole. */
function importRoute(app: FastifyInstance, s: RegistryRouteServices): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/orgs/:id/systems/import', {
      schema: {
        tags, params: IdParams,
        summary: 'Import systems as CSV: name,function_type[,data_classes,users_served,security_level,approval_number,approval_date,approver,critical,operator,description,assets]',
        description: 'Every row is checked (row errors with line and column; nothing stored when any); a system of the same name is updated.',
        response: { 200: SystemImportResult, ...errors },
      },
    }, async (req) => s.systems.importCsv(ctxOf(req), req.params.id, req.body as string));
  });
}
