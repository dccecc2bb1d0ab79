import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export type AuditRow = {
  id: string; at: Date; actor_type: 'user' | 'apikey' | 'system'; actor_id: string | null; actor_name: string | null;
  org_id: string | null; action: string; entity_type: string; entity_id: string | null; before: unknown; after: unknown;
  ip: string | null; request_id: string | null; prev_hash: string; hash: string;
};

/** What the audit log can be filtered by (the caller's scope is given apart). */
export type AuditFilter = {
  entityType?: string | undefined; entityId?: string | undefined; orgId?: string | undefined; action?: string | undefined;
  actor?: string | undefined; from?: string | undefined; to?: string | undefined;
};

/** The chain head as the database keeps it: newest link id and hash; ids above `gaplessAfter` are consecutive. */
export type ChainHead = { lastId: string; hash: string; gaplessAfter: string };

/** A stored signed checkpoint. */
export type CheckpointRow = { id: string; last_id: string; hash: string; at: Date; key_id: string; signature: string };

/**
 * SQL for the audit log. Appends lock the one head row, so the chain has one order; the database moves
 * the head with each insert (migration 0022) and refuses an insert that does not follow it.
 */
export const auditRepository = {
  async lockChainAndReadHead(tx: Kysely<DB>): Promise<{ hash: string; nextId: string }> {
    const r = await sql<{ last_id: string; hash: string }>`select last_id::text as last_id, hash from audit_chain_head for update`.execute(tx);
    const head = r.rows[0]!;
    return { hash: head.hash, nextId: (BigInt(head.last_id) + 1n).toString() };
  },

  async head(db: Kysely<DB>): Promise<ChainHead> {
    const r = await sql<{ last_id: string; hash: string; gapless_after: string }>`
      select last_id::text as last_id, hash, gapless_after::text as gapless_after from audit_chain_head`.execute(db);
    const h = r.rows[0]!;
    return { lastId: h.last_id, hash: h.hash, gaplessAfter: h.gapless_after };
  },

  async insertCheckpoint(db: Kysely<DB>, c: Omit<CheckpointRow, 'id'>): Promise<void> {
    await db.insertInto('audit_checkpoints').values(c).execute();
  },

  async latestCheckpoint(db: Kysely<DB>): Promise<CheckpointRow | undefined> {
    const r = await sql<CheckpointRow>`select id::text as id, last_id::text as last_id, hash, at, key_id, signature
      from audit_checkpoints order by last_id desc, id desc limit 1`.execute(db);
    return r.rows[0];
  },

  async hashAt(db: Kysely<DB>, id: string): Promise<string | null> {
    const r = await sql<{ hash: string }>`select hash from audit_log where id = ${id}::bigint`.execute(db);
    return r.rows[0]?.hash ?? null;
  },

  /** Every stored checkpoint in chain order (a few hundred a day at most). */
  async checkpoints(db: Kysely<DB>): Promise<CheckpointRow[]> {
    const r = await sql<CheckpointRow>`select id::text as id, last_id::text as last_id, hash, at, key_id, signature
      from audit_checkpoints order by last_id, id`.execute(db);
    return r.rows;
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
    filter: AuditFilter & { orgIds: string[] | null; before?: string | undefined; limit: number },
  ): Promise<AuditRow[]> {
    let q = db
      .selectFrom('audit_log')
      .select(['at', 'actor_type', 'actor_id', 'actor_name', 'org_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'request_id', 'prev_hash', 'hash'])
      .select(sql<string>`id::text`.as('id'));
    if (filter.orgIds) q = q.where('org_id', 'in', filter.orgIds.length ? filter.orgIds : ['00000000-0000-0000-0000-000000000000']);
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.orgId) q = q.where('org_id', '=', filter.orgId);
    if (filter.action) q = filter.action.endsWith('.') ? q.where('action', 'like', `${filter.action.replace(/_/g, '\\_')}%`) : q.where('action', '=', filter.action);
    if (filter.actor) q = q.where(sql<boolean>`position(lower(${filter.actor}) in lower(coalesce(actor_name, ''))) > 0`);
    if (filter.from) q = q.where('at', '>=', new Date(filter.from));
    if (filter.to) q = q.where('at', '<', new Date(filter.to));
    if (filter.before) q = q.where(sql<boolean>`id < ${filter.before}::bigint`);
    return (await q.orderBy('audit_log.id', 'desc').limit(filter.limit).execute()) as AuditRow[];
  },
};
