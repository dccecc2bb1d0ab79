import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DocumentQuery, ErrorBody, Uuid } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { DocumentsService, RenderedDocument } from './documents.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['documents'];
const params = Type.Object({ id: Uuid });
const schema = (summary: string) => ({ tags, summary, params, querystring: DocumentQuery, produces: ['application/pdf', 'text/html'], response: { 200: Type.Unknown(), ...errors } });

/** Sends a document: HTML shown in the browser to print, a PDF downloaded; neither may run scripts or load anything. */
export function sendDocument(reply: FastifyReply, d: RenderedDocument): FastifyReply {
  return reply
    .header('content-type', d.contentType)
    .header('content-disposition', `${d.contentType === 'application/pdf' ? 'attachment' : 'inline'}; filename="${d.fileName}"`)
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('cache-control', 'no-store')
    .send(d.body);
}

/** Printable documents: an incident report and an early warning, as PDF or HTML. */
export function documentRoutes(app: FastifyInstance, documents: DocumentsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/incidents/:id/document', { schema: schema('The incident report as PDF or printable HTML, in Vietnamese or English, marked with its TLP') }, async (req, reply) =>
    sendDocument(reply, await documents.incident(ctxOf(req), req.params.id, req.query)),
  );
  r.get('/warnings/:id/document', { schema: schema('The early warning as PDF or printable HTML, in Vietnamese or English, marked with its TLP') }, async (req, reply) =>
    sendDocument(reply, await documents.warning(ctxOf(req), req.params.id, req.query)),
  );
}
