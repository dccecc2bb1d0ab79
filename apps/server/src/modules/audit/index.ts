import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { ModuleRoutes } from '../../common/module-parts.ts';
import type { AuditSigner } from './audit-signing.ts';
import { auditRoutes } from './audit.routes.ts';

export { appendAudit, type AuditChange } from './audit.service.ts';
export { verifyAuditChain, type VerifyResult } from './audit-verify.ts';
export { AuditSigner, loadAuditSigner } from './audit-signing.ts';
export { AuditCheckpoints, signedHead } from './audit-checkpoints.ts';
export { parseHeads } from './audit-heads.ts';
export { auditRoutes } from './audit.routes.ts';
export { auditRepository } from './audit.repository.ts';

/** The audit module's routes: reading, exporting and verifying the chain (appending is `appendAudit`, in each change's transaction). */
export interface AuditModule {
  routes: ModuleRoutes;
}

/** Builds the audit module from the database and the audit key (which signs and checks chain heads). */
export function createAuditModule(parts: { db: Kysely<DB>; signer: AuditSigner }): AuditModule {
  const routes: ModuleRoutes = async (app) => {
    auditRoutes(app, { db: parts.db }, parts.signer);
  };
  return { routes };
}
