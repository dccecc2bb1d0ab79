import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export type UserAuthRow = {
  id: string; email: string; name: string; org_id: string; role: string; password_hash: string; status: string;
  locale: string; org_name: string; org_name_en: string | null; org_kind: string; second_factor_enabled: boolean;
};

const userColumns = sql`u.id, u.email, u.name, u.org_id, u.role, u.password_hash, u.status, u.locale, o.name as org_name, o.name_en as org_name_en, o.kind as org_kind,
  (sf.enabled_at is not null) as second_factor_enabled`;
const userJoins = sql`join organizations o on o.id = u.org_id left join second_factors sf on sf.user_id = u.id`;

/** SQL for signing in: users by e-mail, sessions by token hash, API keys by key hash. */
export const authRepository = {
  async userByEmail(db: Kysely<DB>, email: string): Promise<UserAuthRow | undefined> {
    const r = await sql<UserAuthRow>`select ${userColumns} from users u ${userJoins} where lower(u.email) = lower(${email})`.execute(db);
    return r.rows[0];
  },

  async userById(db: Kysely<DB>, id: string): Promise<UserAuthRow | undefined> {
    const r = await sql<UserAuthRow>`select ${userColumns} from users u ${userJoins} where u.id = ${id}`.execute(db);
    return r.rows[0];
  },

  async recordSuccess(tx: Kysely<DB>, userId: string): Promise<void> {
    await tx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
  },

  async createSession(tx: Kysely<DB>, s: { idHash: string; userId: string; csrf: string; ip: string | null; ua: string | null; expiresAt: Date; stage: 'complete' | 'second_factor'; method?: 'password' | 'oidc' }): Promise<void> {
    await tx.insertInto('sessions').values({
      id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrf, ip: s.ip, user_agent: s.ua, expires_at: s.expiresAt, stage: s.stage, sign_in_method: s.method ?? 'password',
    }).execute();
  },

  async sessionWithUser(db: Kysely<DB>, idHash: string) {
    const r = await sql<UserAuthRow & { csrf_token: string; expires_at: Date; last_seen_at: Date; stage: 'complete' | 'second_factor'; sign_in_method: 'password' | 'oidc' }>`
      select ${userColumns}, s.csrf_token, s.expires_at, s.last_seen_at, s.stage, s.sign_in_method
      from sessions s join users u on u.id = s.user_id ${userJoins}
      where s.id_hash = ${idHash} and s.expires_at > now()`.execute(db);
    return r.rows[0];
  },

  async touchSession(db: Kysely<DB>, idHash: string, expiresAt: Date): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
  },

  async deleteSession(tx: Kysely<DB>, idHash: string): Promise<void> {
    await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  },

  /** Ends every session of a user, but the one kept (the caller's own, when it changes its own credentials). */
  async deleteUserSessions(tx: Kysely<DB>, userId: string, keepIdHash: string | null = null): Promise<void> {
    let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepIdHash) q = q.where('id_hash', '<>', keepIdHash);
    await q.execute();
  },

  async apiKeyByHash(db: Kysely<DB>, keyHash: string) {
    const r = await sql<{ id: string; name: string; org_id: string; role: string; revoked_at: Date | null; org_status: string }>`
      select k.id, k.name, k.org_id, k.role, k.revoked_at, o.status as org_status
      from api_keys k join organizations o on o.id = k.org_id where k.key_hash = ${keyHash}`.execute(db);
    return r.rows[0];
  },

  async apiKeyById(db: Kysely<DB>, id: string) {
    const r = await sql<{ id: string; name: string; org_id: string; role: string; revoked_at: Date | null; org_status: string }>`
      select k.id, k.name, k.org_id, k.role, k.revoked_at, o.status as org_status
      from api_keys k join organizations o on o.id = k.org_id where k.id = ${id}`.execute(db);
    return r.rows[0];
  },

  async touchApiKey(db: Kysely<DB>, id: string): Promise<void> {
    await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', id).execute();
  },

  /** What a user may change about themselves: their name and language, nothing else (never role or organisation). */
  async updateProfile(tx: Kysely<DB>, userId: string, patch: { locale?: 'vi' | 'en' | undefined; name?: string | undefined }): Promise<void> {
    const set = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.locale !== undefined ? { locale: patch.locale } : {}) };
    await tx.updateTable('users').set({ ...set, updated_at: new Date() }).where('id', '=', userId).execute();
  },

  async setPassword(tx: Kysely<DB>, userId: string, passwordHash: string): Promise<void> {
    await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).execute();
  },
};
