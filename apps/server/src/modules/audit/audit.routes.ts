import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AUDIT_EXPORT_LIMIT, AuditEntry, AuditExportQuery, AuditHead, AuditListQuery, AuditVerifyBody, AuditVerifyResult, ErrorBody, ListOf } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden } from '../../core/errors.ts';
import { canManage, type RequestContext } from '../../core/context.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { auditRepository } from './audit.repository.ts';
import type { AuditSigner } from './audit-signing.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { signedHead } from './audit-checkpoints.ts';
import { auditCsv, auditNdjson, presentAuditEntry } from './audit-export.ts';

const errors = { '4xx': ErrorBody };
const tags = ['audit'];
const centreOnly = (ctx: RequestContext) => {
  if (!ctx.scope.all) throw forbidden('only the national centre verifies the whole chain');
};

/** The caller, who must hold `audit.read` (the centre and organisation admins). */
const readerOf = (req: FastifyRequest): RequestContext => {
  const ctx = ctxOf(req);
  requirePermission(ctx, 'audit.read');
  return ctx;
};

/** /api/v1/audit: the centre reads everything; an organisation admin reads its own subtree's entries. */
export function auditRoutes(app: FastifyInstance, s: { db: Kysely<DB> }, signer: AuditSigner): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/audit', { schema: { tags, querystring: AuditListQuery, response: { 200: ListOf(AuditEntry), ...errors } } }, async (req) => {
    const ctx = readerOf(req);
    if (req.query.orgId && !canManage(ctx.scope, req.query.orgId)) throw forbidden('that organisation is outside your scope');
    const limit = req.query.limit ?? 100;
    const rows = await auditRepository.list(s.db, { ...req.query, limit: limit + 1, orgIds: ctx.scope.all ? null : [...ctx.scope.manage] });
    const page = rows.slice(0, limit);
    return { items: page.map(presentAuditEntry), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
  });
  r.get('/audit/export', {
    schema: { tags, description: `The filtered log as CSV or NDJSON, newest first, at most ${AUDIT_EXPORT_LIMIT} entries.`, querystring: AuditExportQuery, produces: ['text/csv', 'application/x-ndjson'], response: { 200: Type.String(), ...errors } },
  }, async (req, reply) => {
    const ctx = readerOf(req);
    const { format = 'csv', ...filter } = req.query;
    if (filter.orgId && !canManage(ctx.scope, filter.orgId)) throw forbidden('that organisation is outside your scope');
    const rows = await auditRepository.list(s.db, { ...filter, limit: AUDIT_EXPORT_LIMIT, orgIds: ctx.scope.all ? null : [...ctx.scope.manage] });
    const entries = rows.map(presentAuditEntry);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="lachan-audit.${format}"`)
      .send(format === 'csv' ? auditCsv(entries) : auditNdjson(entries));
  });
  r.get('/audit/verify', { schema: { tags, response: { 200: AuditVerifyResult, ...errors } } }, async (req) => {
    centreOnly(ctxOf(req));
    return verifyAuditChain(s.db, signer);
  });
  r.post('/audit/verify', {
    schema: { tags, description: 'Verifies the chain, also against heads kept elsewhere (exported heads, checkpoint file lines).', body: AuditVerifyBody, response: { 200: AuditVerifyResult, ...errors } },
  }, async (req) => {
    centreOnly(ctxOf(req));
    return verifyAuditChain(s.db, signer, req.body.heads);
  });
  r.get('/audit/head', { schema: { tags, description: 'The chain head, signed now: keep it outside this system to detect a truncated or rewritten tail later.', response: { 200: AuditHead, ...errors } } }, async (req) => {
    centreOnly(ctxOf(req));
    return signedHead(s.db, signer);
  });
}
