import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AnswerPut, AssessmentCampaign, AssessmentCampaignCreate, AssessmentSubmit, AssessmentTask, AssessmentTaskDetail, AssessmentTaskQuery, AssessmentVersion,
  AssessorAssign, CatalogueDetail, CatalogueDocument, CatalogueReqParams, CatalogueRequirementPatch, CatalogueSummary, ErrorBody, IdParams, ListOf,
  ReviewPut, TaskReqParams, AssessmentOverview, OverviewQuery,
} from '@lachan/contracts';
import { overviewCsv, overviewHtml } from './overview-export.ts';
import { ctxOf } from '../../http/request-context.ts';
import type { AssessmentsService } from './assessments.service.ts';
import type { CataloguesService } from './catalogues.service.ts';
import type { AssessmentOverviewService } from './overview.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['assessments'];
const EVIDENCE_LIMIT = 10 * 1024 * 1024;
const CATALOGUE_LIMIT = 8 * 1024 * 1024;

/** The services the assessment routes call. */
export interface AssessmentRouteServices {
  assessments: AssessmentsService;
  catalogues: CataloguesService;
  assessmentOverview: AssessmentOverviewService;
}

/** /api/v1/catalogues, /assessment-campaigns and /assessment-tasks: catalogues and national assessment campaigns. */
export function assessmentRoutes(app: FastifyInstance, s: AssessmentRouteServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/catalogues', { schema: { tags, response: { 200: Type.Array(CatalogueSummary), ...errors } } }, async (req) => s.catalogues.list(ctxOf(req)));
  r.post('/catalogues', {
    bodyLimit: CATALOGUE_LIMIT,
    schema: { tags, summary: 'Load a catalogue file (format lachan-catalogue/1)', body: CatalogueDocument, response: { 201: CatalogueDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await s.catalogues.load(ctxOf(req), req.body)));
  r.get('/catalogues/:id', { schema: { tags, params: IdParams, response: { 200: CatalogueDetail, ...errors } } }, async (req) => s.catalogues.get(ctxOf(req), req.params.id));
  r.get('/catalogues/:id/export', { schema: { tags, summary: 'The catalogue as a file to edit and load again', params: IdParams, response: { 200: CatalogueDocument, ...errors } } }, async (req) =>
    s.catalogues.exportDocument(ctxOf(req), req.params.id));
  r.patch('/catalogues/:id/requirements/:reqId', { schema: { tags, params: CatalogueReqParams, body: CatalogueRequirementPatch, response: { 200: CatalogueDetail, ...errors } } }, async (req) =>
    s.catalogues.editRequirement(ctxOf(req), req.params.id, req.params.reqId, req.body));

  r.get('/assessment-campaigns', { schema: { tags, response: { 200: Type.Array(AssessmentCampaign), ...errors } } }, async (req) => s.assessments.campaigns(ctxOf(req)));
  r.post('/assessment-campaigns', { schema: { tags, body: AssessmentCampaignCreate, response: { 201: AssessmentCampaign, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.assessments.launch(ctxOf(req), req.body)));
  r.get('/assessment-campaigns/:id/overview', {
    schema: { tags, summary: 'National view of a campaign (or an organisation subtree with orgId)', params: IdParams, querystring: OverviewQuery, response: { 200: AssessmentOverview, ...errors } },
  }, async (req) => s.assessmentOverview.overview(ctxOf(req), req.params.id, req.query.orgId));
  r.get('/assessment-campaigns/:id/overview.csv', {
    schema: { tags, params: IdParams, querystring: OverviewQuery, produces: ['text/csv'], response: { 200: Type.String(), ...errors } },
  }, async (req, reply) => reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="assessment-overview.csv"')
    .send(overviewCsv(await s.assessmentOverview.overview(ctxOf(req), req.params.id, req.query.orgId))));
  r.get('/assessment-campaigns/:id/report', {
    schema: { tags, summary: 'Printable report of the overview', params: IdParams, querystring: Type.Object({ orgId: Type.Optional(OverviewQuery.properties.orgId), lang: Type.Optional(Type.Enum(['vi', 'en'])) }, { additionalProperties: false }), produces: ['text/html'], response: { 200: Type.String(), ...errors } },
  }, async (req, reply) => reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .send(overviewHtml(await s.assessmentOverview.overview(ctxOf(req), req.params.id, req.query.orgId), req.query.lang ?? 'vi')));
  r.get('/assessment-tasks', { schema: { tags, querystring: AssessmentTaskQuery, response: { 200: ListOf(AssessmentTask), ...errors } } }, async (req) => ({
    items: await s.assessments.tasks(ctxOf(req), req.query), nextCursor: null,
  }));
  r.get('/assessment-tasks/:id', { schema: { tags, params: IdParams, response: { 200: AssessmentTaskDetail, ...errors } } }, async (req) => s.assessments.task(ctxOf(req), req.params.id));
  r.put('/assessment-tasks/:id/assessor', { schema: { tags, params: IdParams, body: AssessorAssign, response: { 200: AssessmentTask, ...errors } } }, async (req) =>
    s.assessments.assignAssessor(ctxOf(req), req.params.id, req.body.assessorOrgId));
  r.put('/assessment-tasks/:id/answers/:reqId', { schema: { tags, params: TaskReqParams, body: AnswerPut, response: { 200: AssessmentTask, ...errors } } }, async (req) =>
    s.assessments.answer(ctxOf(req), req.params.id, req.params.reqId, req.body));
  r.put('/assessment-tasks/:id/reviews/:reqId', { schema: { tags, params: TaskReqParams, body: ReviewPut, response: { 200: AssessmentTask, ...errors } } }, async (req) =>
    s.assessments.review(ctxOf(req), req.params.id, req.params.reqId, req.body));
  r.post('/assessment-tasks/:id/submit', { schema: { tags, params: IdParams, body: AssessmentSubmit, response: { 200: AssessmentTask, ...errors } } }, async (req) =>
    s.assessments.submit(ctxOf(req), req.params.id, req.body.signature));
  r.post('/assessment-tasks/:id/reopen', { schema: { tags, params: IdParams, response: { 200: AssessmentTask, ...errors } } }, async (req) =>
    s.assessments.reopen(ctxOf(req), req.params.id));
  r.get('/assessment-tasks/:id/versions', { schema: { tags, params: IdParams, response: { 200: Type.Array(AssessmentVersion), ...errors } } }, async (req) =>
    s.assessments.versions(ctxOf(req), req.params.id));
  r.get('/assessment-evidence/:id', { schema: { tags, params: IdParams, produces: ['application/octet-stream'], response: { 200: Type.Any(), ...errors } } }, async (req, reply) => {
    const f = await s.assessments.evidenceFile(ctxOf(req), req.params.id);
    const ascii = f.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return reply.header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff').send(f.content);
  });
  app.register(async (scope) => {
    // The body is the evidence file itself, byte for byte; it is served back only as a download.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EVIDENCE_LIMIT }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/assessment-tasks/:id/answers/:reqId/evidence', {
      bodyLimit: EVIDENCE_LIMIT,
      schema: {
        tags, summary: 'Attach an evidence file to an answer: the body is the file, Content-Type its type', params: TaskReqParams,
        querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }), response: { 201: AssessmentTaskDetail, ...errors },
      },
    }, async (req, reply) => {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const mediaType = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().slice(0, 100) || 'application/octet-stream';
      return reply.status(201).send(await s.assessments.addEvidence(ctxOf(req), req.params.id, req.params.reqId, { name: req.query.fileName, mediaType, content }));
    });
  });
}
