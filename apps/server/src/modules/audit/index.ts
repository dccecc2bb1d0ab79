export { appendAudit, type AuditChange } from './audit.service.ts';
export { verifyAuditChain, type VerifyResult } from './audit-verify.ts';
export { AuditSigner, loadAuditSigner } from './audit-signing.ts';
export { AuditCheckpoints, signedHead } from './audit-checkpoints.ts';
export { parseHeads } from './audit-heads.ts';
export { auditRoutes } from './audit.routes.ts';
export { auditRepository } from './audit.repository.ts';
