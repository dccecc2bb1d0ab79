import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, Province, Sector, SectorCreate, SectorPatch } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { ReferenceService } from './reference.service.ts';

const errors = { '4xx': ErrorBody };

/** /api/v1/provinces and /api/v1/sectors */
export function referenceRoutes(app: FastifyInstance, reference: ReferenceService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/provinces', { schema: { tags: ['reference'], response: { 200: Type.Array(Province), ...errors } } }, async () => reference.provinces());
  r.get('/sectors', { schema: { tags: ['reference'], response: { 200: Type.Array(Sector), ...errors } } }, async () => reference.sectors());
  r.post('/sectors', { schema: { tags: ['reference'], body: SectorCreate, response: { 201: Sector, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await reference.createSector(ctxOf(req), req.body)),
  );
  r.patch('/sectors/:code', { schema: { tags: ['reference'], params: Type.Object({ code: Type.String() }), body: SectorPatch, response: { 200: Sector, ...errors } } }, async (req) =>
    reference.updateSector(ctxOf(req), req.params.code, req.body),
  );
}
