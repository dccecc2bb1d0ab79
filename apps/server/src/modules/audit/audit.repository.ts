import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

const AUDIT_CHAIN_LOCK = 727_002;

export type AuditRow = {
  id: string; at: Date; actor_type: 'user' | 'apikey' | 'system'; actor_id: string | null; actor_name: string | null;
  org_id: string | null; action: string; entity_type: string; entity_id: string | null; before: unknown; after: unknown;
  ip: string | null; request_id: string | null; prev_hash: string; hash: string;
};

/** SQL for the audit log. Appends take a transaction-scoped lock so the chain has one order. */
export const auditRepository = {
  async lockChainAndReadHead(tx: Kysely<DB>): Promise<{ hash: string | null; nextId: string }> {
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
    const head = await tx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const next = await sql<{ id: string }>`select nextval('audit_log_id_seq')::text as id`.execute(tx);
    return { hash: head?.hash ?? null, nextId: next.rows[0]!.id };
  },

  async insert(tx: Kysely<DB>, row: AuditRow): Promise<void> {
    await sql`insert into audit_log (id, at, actor_type, actor_id, actor_name, org_id, action, entity_type, entity_id, before, after, ip, request_id, prev_hash, hash)
      values (${row.id}, ${row.at}, ${row.actor_type}, ${row.actor_id}, ${row.actor_name}, ${row.org_id}, ${row.action}, ${row.entity_type}, ${row.entity_id},
              ${JSON.stringify(row.before)}::jsonb, ${JSON.stringify(row.after)}::jsonb, ${row.ip}, ${row.request_id}, ${row.prev_hash}, ${row.hash})`.execute(tx);
  },

  /** Rows in chain order after `afterId`, for verification. */
  async pageInOrder(db: Kysely<DB>, afterId: string, limit: number): Promise<AuditRow[]> {
    const r = await sql<AuditRow>`select id::text as id, at, actor_type, actor_id, actor_name, org_id, action, entity_type, entity_id, before, after, ip, request_id, prev_hash, hash
      from audit_log where audit_log.id > ${afterId}::bigint order by audit_log.id limit ${limit}`.execute(db);
    return r.rows;
  },

  async list(
    db: Kysely<DB>,
    filter: { orgIds: string[] | null; entityType?: string | undefined; entityId?: string | undefined; orgId?: string | undefined; before?: string | undefined; limit: number },
  ): Promise<AuditRow[]> {
    let q = db
      .selectFrom('audit_log')
      .select(['at', 'actor_type', 'actor_id', 'actor_name', 'org_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'request_id', 'prev_hash', 'hash'])
      .select(sql<string>`id::text`.as('id'));
    if (filter.orgIds) q = q.where('org_id', 'in', filter.orgIds.length ? filter.orgIds : ['00000000-0000-0000-0000-000000000000']);
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.orgId) q = q.where('org_id', '=', filter.orgId);
    if (filter.before) q = q.where(sql<boolean>`id < ${filter.before}::bigint`);
    return (await q.orderBy('audit_log.id', 'desc').limit(filter.limit).execute()) as AuditRow[];
  },
};
