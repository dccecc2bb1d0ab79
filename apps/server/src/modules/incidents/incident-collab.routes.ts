import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  DecisionSupport,
  AttachmentParams, ErrorBody, IdParams, IncidentAttachment, IncidentComment, IncidentCommentCreate, IncidentReport, IncidentReportCreate, IncidentShare, IncidentShareCreate,
  IncidentTask, IncidentTaskCreate, IncidentTaskPatch, OrgLink, OrgLinkCreate, OrgLinkQuery, ShareParams, SimilarIncident, SupportRequest, SupportRequestAnswer,
  SupportRequestCreate, SupportRequestQuery, TaskParams, TimelineEntry,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { IncidentServices } from './incident-services.ts';
import { ATTACHMENT_MAX_BYTES } from './attachments.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['incidents'];
const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) => ({ params: IdParams, response: { 200: Type.Array(item), ...errors } });
const created = <T extends Parameters<typeof Type.Array>[0]>(item: T) => ({ params: IdParams, response: { 201: item, ...errors } });

/** The sub-resources of an incident (timeline, comments, tasks, shares, reports, support, files, similar) and /org-links. */
export function incidentCollabRoutes(app: FastifyInstance, p: IncidentServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/incidents/:id/timeline', { schema: { tags, ...list(TimelineEntry) } }, async (req) => p.collab.timeline(ctxOf(req), req.params.id));
  r.get('/incidents/:id/comments', { schema: { tags, ...list(IncidentComment) } }, async (req) => p.collab.comments(ctxOf(req), req.params.id));
  r.post('/incidents/:id/comments', { schema: { tags, body: IncidentCommentCreate, ...created(IncidentComment) } }, async (req, reply) =>
    reply.status(201).send(await p.collab.comment(ctxOf(req), req.params.id, req.body.body)),
  );
  r.get('/incidents/:id/tasks', { schema: { tags, ...list(IncidentTask) } }, async (req) => p.collab.tasks(ctxOf(req), req.params.id));
  r.post('/incidents/:id/tasks', { schema: { tags, body: IncidentTaskCreate, ...created(IncidentTask) } }, async (req, reply) =>
    reply.status(201).send(await p.collab.addTask(ctxOf(req), req.params.id, req.body)),
  );
  r.patch('/incidents/:id/tasks/:taskId', { schema: { tags, params: TaskParams, body: IncidentTaskPatch, response: { 200: IncidentTask, ...errors } } }, async (req) =>
    p.collab.updateTask(ctxOf(req), req.params.id, req.params.taskId, req.body),
  );
  r.get('/incidents/:id/shares', { schema: { tags, ...list(IncidentShare) } }, async (req) => p.shares.list(ctxOf(req), req.params.id));
  r.post('/incidents/:id/shares', { schema: { tags, body: IncidentShareCreate, ...created(IncidentShare) } }, async (req, reply) =>
    reply.status(201).send(await p.shares.share(ctxOf(req), req.params.id, req.body)),
  );
  r.delete('/incidents/:id/shares/:shareId', { schema: { tags, summary: 'Revoke a share', params: ShareParams, response: { 200: IncidentShare, ...errors } } }, async (req) =>
    p.shares.revoke(ctxOf(req), req.params.id, req.params.shareId),
  );
  r.get('/incidents/:id/reports', { schema: { tags, ...list(IncidentReport) } }, async (req) => p.reports.list(ctxOf(req), req.params.id));
  r.post('/incidents/:id/reports', { schema: { tags, summary: 'File a report (next version of its kind)', body: IncidentReportCreate, ...created(IncidentReport) } }, async (req, reply) =>
    reply.status(201).send(await p.reports.file(ctxOf(req), req.params.id, req.body)),
  );
  r.get('/incidents/:id/support-requests', { schema: { tags, ...list(SupportRequest) } }, async (req) => p.support.ofIncident(ctxOf(req), req.params.id));
  r.post('/incidents/:id/support-requests', { schema: { tags, body: SupportRequestCreate, ...created(SupportRequest) } }, async (req, reply) =>
    reply.status(201).send(await p.support.request(ctxOf(req), req.params.id, req.body)),
  );
  r.get('/support-requests', { schema: { tags, querystring: SupportRequestQuery, response: { 200: Type.Array(SupportRequest), ...errors } } }, async (req) =>
    p.support.mine(ctxOf(req), req.query.direction ?? 'incoming', req.query.status),
  );
  r.post('/support-requests/:id/answer', { schema: { tags, summary: 'Accept or decline', params: IdParams, body: SupportRequestAnswer, response: { 200: SupportRequest, ...errors } } }, async (req) =>
    p.support.answer(ctxOf(req), req.params.id, req.body),
  );
  r.get('/incidents/:id/decision-support', { schema: { tags, summary: 'Similar incidents and how they ended, techniques with mitigations, sectors and organisations likely next', params: IdParams, response: { 200: DecisionSupport, ...errors } } }, async (req) =>
    p.decision.get(ctxOf(req), req.params.id),
  );
  r.get('/incidents/:id/similar', { schema: { tags, ...list(SimilarIncident) } }, async (req) => p.similar.find(ctxOf(req), req.params.id));
  r.get('/incidents/:id/attachments', { schema: { tags, ...list(IncidentAttachment) } }, async (req) => p.attachments.list(ctxOf(req), req.params.id));
  r.get('/incidents/:id/attachments/:attachmentId', { schema: { tags, summary: 'Download (always as an attachment)', params: AttachmentParams } }, async (req, reply) => {
    const f = await p.attachments.download(ctxOf(req), req.params.id, req.params.attachmentId);
    const ascii = f.fileName.replace(/[^\x20-\x7e]/g, '_');
    return reply
      .header('content-type', f.contentType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(f.bytes);
  });
  app.register(async (scope) => {
    // The body is the file itself, byte for byte (JSON too); its declared type is checked against its bytes by the service.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/incidents/:id/attachments', {
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: { tags, summary: 'Upload a file: the body is the file, Content-Type its type', params: IdParams, querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }), response: { 201: IncidentAttachment, ...errors } },
    }, async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return reply.status(201).send(await p.attachments.upload(ctxOf(req), req.params.id, { fileName: req.query.fileName, contentType: req.headers['content-type'] ?? '', bytes }));
    });
  });
  r.get('/org-links', { schema: { tags: ['orgs'], querystring: OrgLinkQuery, response: { 200: Type.Array(OrgLink), ...errors } } }, async (req) => p.shares.links(ctxOf(req), req.query.orgId));
  r.post('/org-links', { schema: { tags: ['orgs'], body: OrgLinkCreate, response: { 201: OrgLink, ...errors } } }, async (req, reply) => reply.status(201).send(await p.shares.link(ctxOf(req), req.body)));
  r.delete('/org-links/:id', { schema: { tags: ['orgs'], params: IdParams, response: { 200: OrgLink, ...errors } } }, async (req) => p.shares.unlink(ctxOf(req), req.params.id));
}
