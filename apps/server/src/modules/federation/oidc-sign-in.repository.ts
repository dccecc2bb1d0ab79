import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export type StateRow = { provider_id: string; browser_hash: string; code_verifier: string; nonce: string };
export type LinkedUser = { user_id: string; email: string; name: string; org_id: string; role: string; status: string };

/** SQL of a federated sign-in: its one-time state, the (provider, sub) link, and the just-in-time account. */
export const oidcSignInRepository = {
  async saveState(db: Kysely<DB>, s: { stateHash: string; browserHash: string; providerId: string; codeVerifier: string; nonce: string; expiresAt: Date }): Promise<void> {
    await sql`delete from oidc_sign_in_states where expires_at < now()`.execute(db);
    await sql`insert into oidc_sign_in_states (state_hash, browser_hash, provider_id, code_verifier, nonce, expires_at)
      values (${s.stateHash}, ${s.browserHash}, ${s.providerId}, ${s.codeVerifier}, ${s.nonce}, ${s.expiresAt})`.execute(db);
  },

  /** Takes a state once: it is deleted as it is read, so a replay finds nothing; an expired one is taken but not returned. */
  async takeState(db: Kysely<DB>, stateHash: string): Promise<StateRow | undefined> {
    const r = await sql<StateRow & { live: boolean }>`delete from oidc_sign_in_states where state_hash = ${stateHash}
      returning provider_id, browser_hash, code_verifier, nonce, expires_at > now() as live`.execute(db);
    const row = r.rows[0];
    return row?.live ? row : undefined;
  },

  async linkedUser(db: Kysely<DB>, providerId: string, subject: string): Promise<LinkedUser | undefined> {
    const r = await sql<LinkedUser>`select u.id as user_id, u.email, u.name, u.org_id, u.role, u.status
      from user_identities i join users u on u.id = i.user_id where i.provider_id = ${providerId} and i.subject = ${subject}`.execute(db);
    return r.rows[0];
  },

  async emailTaken(db: Kysely<DB>, email: string): Promise<boolean> {
    return (await sql`select 1 from users where lower(email) = lower(${email})`.execute(db)).rows.length > 0;
  },

  /** A just-in-time account: no usable password (the marker never verifies), linked to (provider, sub). */
  async createLinkedUser(tx: Kysely<DB>, u: { email: string; name: string; orgId: string; role: string; locale: 'vi' | 'en'; providerId: string; subject: string; noPassword: string }): Promise<string> {
    const id = (await sql<{ id: string }>`insert into users (email, name, org_id, role, password_hash, locale)
      values (${u.email}, ${u.name}, ${u.orgId}, ${u.role}, ${u.noPassword}, ${u.locale}) returning id`.execute(tx)).rows[0]!.id;
    await sql`insert into user_identities (provider_id, subject, user_id) values (${u.providerId}, ${u.subject}, ${id})`.execute(tx);
    return id;
  },

  async updateStanding(tx: Kysely<DB>, userId: string, s: { name: string; orgId: string; role: string }): Promise<void> {
    await sql`update users set name = ${s.name}, org_id = ${s.orgId}, role = ${s.role}, updated_at = now() where id = ${userId}`.execute(tx);
  },

  async touchLink(tx: Kysely<DB>, providerId: string, subject: string): Promise<void> {
    await sql`update user_identities set last_sign_in_at = now() where provider_id = ${providerId} and subject = ${subject}`.execute(tx);
  },
};
