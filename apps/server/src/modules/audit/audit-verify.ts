import type { Kysely } from 'kysely';
import type { AuditHead, AuditVerifyResult } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { auditRepository, type AuditRow } from './audit.repository.ts';
import { chainHash, GENESIS_HASH } from './audit-chain.ts';
import type { AuditSigner } from './audit-signing.ts';

export type VerifyResult = AuditVerifyResult;

/** A point the chain must pass through: a signed checkpoint or an exported head. */
interface Anchor {
  lastId: bigint;
  hash: string;
  label: string;
}

const fieldsOf = (r: AuditRow) => ({
  id: r.id, at: r.at.toISOString(), actorType: r.actor_type, actorId: r.actor_id, actorName: r.actor_name, orgId: r.org_id,
  action: r.action, entityType: r.entity_type, entityId: r.entity_id, before: r.before, after: r.after, ip: r.ip,
  requestId: r.request_id, prevHash: r.prev_hash,
});

/**
 * Walks the whole chain in order and names the first broken link: an edited row, a removed or inserted
 * one, missing ids, a tail shorter than the head the database keeps, or than any signed checkpoint or
 * exported head (`against`). A checkpoint or head not signed by a trusted key counts as forged.
 */
export async function verifyAuditChain(db: Kysely<DB>, signer: AuditSigner, against: AuditHead[] = []): Promise<VerifyResult> {
  const head = await auditRepository.head(db);
  const anchors: Anchor[] = [];
  const broken = (id: bigint | string, reason: string, checked: number): VerifyResult =>
    ({ ok: false, checked, firstBroken: { id: id.toString(), reason }, head: { lastId: head.lastId, hash: head.hash }, anchors: 0 });

  for (const c of await auditRepository.checkpoints(db)) {
    const label = `checkpoint ${c.id} of ${c.at.toISOString()}`;
    if (!signer.verify({ lastId: c.last_id, hash: c.hash, at: c.at.toISOString(), keyId: c.key_id, signature: c.signature })) {
      return broken(c.last_id, `${label} is not signed by a trusted key: forged, or signed with a key this server does not trust`, 0);
    }
    anchors.push({ lastId: BigInt(c.last_id), hash: c.hash, label });
  }
  for (const h of against) {
    const label = `the exported head of ${h.at}`;
    if (!signer.verify(h)) return broken(h.lastId, `${label} is not signed by a trusted key: forged or altered`, 0);
    anchors.push({ lastId: BigInt(h.lastId), hash: h.hash, label });
  }
  anchors.sort((a, b) => (a.lastId < b.lastId ? -1 : a.lastId > b.lastId ? 1 : 0));

  const gaplessAfter = BigInt(head.gaplessAfter);
  let expectedPrev = GENESIS_HASH;
  let prevId: bigint | null = null;
  let cursor = '0';
  let checked = 0;
  let next = 0;
  for (;;) {
    const rows = await auditRepository.pageInOrder(db, cursor, 2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = BigInt(r.id);
      if (id > gaplessAfter + 1n && prevId !== id - 1n) {
        const from = prevId === null || prevId < gaplessAfter ? gaplessAfter + 1n : prevId + 1n;
        return broken(from, `links ${from}–${id - 1n} are missing: rows were deleted`, checked);
      }
      const skipped = anchors[next];
      if (skipped && skipped.lastId < id) return broken(skipped.lastId, `link ${skipped.lastId}, named by ${skipped.label}, is missing`, checked);
      if (r.prev_hash !== expectedPrev) return broken(r.id, 'previous-hash mismatch: a link before it was removed, inserted or altered', checked);
      if (chainHash(fieldsOf(r)) !== r.hash) return broken(r.id, 'content does not match its hash: the row was edited', checked);
      for (; anchors[next]?.lastId === id; next++) {
        if (anchors[next]!.hash !== r.hash) return broken(r.id, `differs from ${anchors[next]!.label}: the log was rewritten after it`, checked);
      }
      expectedPrev = r.hash;
      prevId = id;
      checked++;
      cursor = r.id;
    }
  }

  const last = prevId ?? 0n;
  const headId = BigInt(head.lastId);
  if (headId > last) return broken(last + 1n, `truncated: the chain head records link ${headId}, the log ends at ${last}`, checked);
  if (headId < last || (checked > 0 && head.hash !== expectedPrev)) {
    return broken(headId + 1n, `the chain head (link ${headId}) does not match the newest link ${last}: links were added or altered behind the writer`, checked);
  }
  const beyond = anchors[next];
  if (beyond) return broken(last + 1n, `truncated: ${beyond.label} records link ${beyond.lastId}, the log ends at ${last}`, checked);
  return { ok: true, checked, firstBroken: null, head: { lastId: head.lastId, hash: head.hash }, anchors: anchors.length };
}
