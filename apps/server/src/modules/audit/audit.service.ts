import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { auditRepository } from './audit.repository.ts';
import { chainHash, jsonSnapshot } from './audit-chain.ts';

/** One change to record: what was done to which entity, with its state before and after. */
export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one link to the chain, inside the caller's transaction. */
export async function appendAudit(tx: Kysely<DB>, ctx: RequestContext, change: AuditChange): Promise<void> {
  const head = await auditRepository.lockChainAndReadHead(tx);
  const fields = {
    id: head.nextId,
    at: new Date().toISOString(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    orgId: change.orgId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: jsonSnapshot(change.before),
    after: jsonSnapshot(change.after),
    ip: ctx.ip,
    requestId: ctx.requestId,
    prevHash: head.hash,
  };
  await auditRepository.insert(tx, {
    id: fields.id, at: new Date(fields.at), actor_type: fields.actorType, actor_id: fields.actorId, actor_name: fields.actorName,
    org_id: fields.orgId, action: fields.action, entity_type: fields.entityType, entity_id: fields.entityId,
    before: fields.before, after: fields.after, ip: fields.ip, request_id: fields.requestId,
    prev_hash: fields.prevHash, hash: chainHash(fields),
  });
}
