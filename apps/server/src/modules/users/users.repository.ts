import { sql, type Kysely } from 'kysely';
import { escapeLike } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type UserRow = {
  id: string; email: string; name: string; org_id: string; org_name: string; role: string; status: 'active' | 'disabled';
  locked_until: Date | null; second_factor: boolean; last_login_at: Date | null; created_at: Date;
};

// lockedUntil: the account-wide sign-in block (unfamiliar clients refused); secondFactor: a TOTP factor is on
const base = (db: Kysely<DB>) =>
  db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .leftJoin('second_factors as sf', 'sf.user_id', 'u.id')
    .leftJoin('auth_throttle as t', (j) => j.on('t.scope', '=', 'account').on('t.address', '=', '').on('t.account', '=', sql<string>`lower(u.email)`))
    .select(['u.id', 'u.email', 'u.name', 'u.org_id', 'o.name as org_name', 'u.role', 'u.status', 't.blocked_until as locked_until', 'u.last_login_at', 'u.created_at'])
    .select(sql<boolean>`sf.enabled_at is not null`.as('second_factor'));

/** SQL for user accounts; every list takes the caller's organisations (null = all). */
export const usersRepository = {
  async list(db: Kysely<DB>, orgIds: string[] | null, filter: { orgId?: string | undefined; q?: string | undefined; limit: number }): Promise<UserRow[]> {
    let q = base(db);
    if (orgIds) q = q.where('u.org_id', 'in', orgIds.length ? orgIds : ['00000000-0000-0000-0000-000000000000']);
    if (filter.orgId) q = q.where('u.org_id', '=', filter.orgId);
    if (filter.q) {
      const like = `%${escapeLike(filter.q.toLowerCase())}%`;
      q = q.where((eb) => eb.or([eb(sql`lower(u.email)`, 'like', like), eb(sql`lower(u.name)`, 'like', like)]));
    }
    return (await q.orderBy('u.email').limit(filter.limit).execute()) as UserRow[];
  },

  async byId(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
    return (await base(db).where('u.id', '=', id).executeTakeFirst()) as UserRow | undefined;
  },

  async insert(tx: Kysely<DB>, u: { email: string; name: string; orgId: string; role: string; passwordHash: string }): Promise<string> {
    const r = await tx
      .insertInto('users')
      .values({ email: u.email, name: u.name, org_id: u.orgId, role: u.role, password_hash: u.passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /**
   * Changes the named columns only: whatever else the patch object carries never reaches the UPDATE;
   * `unlock` forgets the account's failed sign-ins from every address (auth_throttle).
   */
  async update(tx: Kysely<DB>, id: string, patch: { name?: string | undefined; role?: string | undefined; status?: 'active' | 'disabled' | undefined; unlock?: boolean | undefined }): Promise<void> {
    await tx
      .updateTable('users')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (patch.unlock) await sql`delete from auth_throttle where account = (select lower(email) from users where id = ${id})`.execute(tx);
  },

  async setPassword(tx: Kysely<DB>, id: string, passwordHash: string): Promise<void> {
    await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async endSessions(tx: Kysely<DB>, id: string): Promise<void> {
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
  },

  async idByEmail(db: Kysely<DB>, email: string): Promise<string | undefined> {
    return (await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst())?.id;
  },

  /** The organisation's name, which a new password must not be built from. */
  async orgName(db: Kysely<DB>, orgId: string): Promise<string | null> {
    return (await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst())?.name ?? null;
  },

  async count(db: Kysely<DB>): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from users`.execute(db);
    return r.rows[0]!.n;
  },

  /** Moves accounts of one organisation to another (a merge). */
  async moveOrg(tx: Kysely<DB>, fromOrgId: string, toOrgId: string): Promise<void> {
    await tx.updateTable('users').set({ org_id: toOrgId }).where('org_id', '=', fromOrgId).execute();
  },

  async disableOrg(tx: Kysely<DB>, orgId: string): Promise<void> {
    await tx.updateTable('users').set({ status: 'disabled', updated_at: new Date() }).where('org_id', '=', orgId).execute();
    await sql`delete from sessions where user_id in (select id from users where org_id = ${orgId})`.execute(tx);
  },
};
