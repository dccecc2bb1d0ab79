import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { auditRepository, type AuditRow } from './audit.repository.ts';
import { chainHash, GENESIS_HASH, jsonSnapshot } from './audit-chain.ts';

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
    prevHash: head.hash ?? GENESIS_HASH,
  };
  await auditRepository.insert(tx, {
    id: fields.id, at: new Date(fields.at), actor_type: fields.actorType, actor_id: fields.actorId, actor_name: fields.actorName,
    org_id: fields.orgId, action: fields.action, entity_type: fields.entityType, entity_id: fields.entityId,
    before: fields.before, after: fields.after, ip: fields.ip, request_id: fields.requestId,
    prev_hash: fields.prevHash, hash: chainHash(fields),
  });
}

const fieldsOf = (r: AuditRow) => ({
  id: r.id, at: r.at.toISOString(), actorType: r.actor_type, actorId: r.actor_id, actorName: r.actor_name, orgId: r.org_id,
  action: r.action, entityType: r.entity_type, entityId: r.entity_id, before: r.before, after: r.after, ip: r.ip,
  requestId: r.request_id, prevHash: r.prev_hash,
});

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: string; reason: string } | null;
}

/** Walks the whole chain in order and names the first link whose hash or predecessor does not match. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  let expectedPrev = GENESIS_HASH;
  let cursor = '0';
  let checked = 0;
  for (;;) {
    const rows = await auditRepository.pageInOrder(db, cursor, 2000);
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const r of rows) {
      if (r.prev_hash !== expectedPrev) {
        return { ok: false, checked, firstBroken: { id: r.id, reason: 'previous-hash mismatch: a link before it was removed, inserted or altered' } };
      }
      if (chainHash(fieldsOf(r)) !== r.hash) {
        return { ok: false, checked, firstBroken: { id: r.id, reason: 'content does not match its hash: the row was edited' } };
      }
      expectedPrev = r.hash;
      checked++;
      cursor = r.id;
    }
  }
}
