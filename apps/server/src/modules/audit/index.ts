export { appendAudit, verifyAuditChain, type AuditChange, type VerifyResult } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
export { auditRepository } from './audit.repository.ts';
