import { sql, type Kysely } from 'kysely';
import type { ClaimRule } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type ProviderRow = {
  id: string; display_name: string; issuer: string; client_id: string; client_secret: string; scopes: string[];
  enabled: boolean; rules: ClaimRule[]; created_at: Date; updated_at: Date;
};

/** The columns a provider is written with (the secret already sealed). */
export interface ProviderValues {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  enabled: boolean;
  rules: ClaimRule[];
}

/** SQL of the identity providers: the centre's list, one by id, the enabled ones for the sign-in page. */
export const identityProvidersRepository = {
  async list(db: Kysely<DB>): Promise<ProviderRow[]> {
    return (await sql<ProviderRow>`select * from identity_providers order by display_name, id`.execute(db)).rows;
  },

  async enabled(db: Kysely<DB>): Promise<Array<{ id: string; display_name: string }>> {
    return (await sql<{ id: string; display_name: string }>`select id, display_name from identity_providers where enabled order by display_name, id`.execute(db)).rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<ProviderRow | undefined> {
    return (await sql<ProviderRow>`select * from identity_providers where id = ${id}`.execute(db)).rows[0];
  },

  async insert(tx: Kysely<DB>, v: ProviderValues): Promise<ProviderRow> {
    return (await sql<ProviderRow>`
      insert into identity_providers (display_name, issuer, client_id, client_secret, scopes, enabled, rules)
      values (${v.displayName}, ${v.issuer}, ${v.clientId}, ${v.clientSecret}, ${JSON.stringify(v.scopes)}::jsonb, ${v.enabled}, ${JSON.stringify(v.rules)}::jsonb)
      returning *`.execute(tx)).rows[0]!;
  },

  async update(tx: Kysely<DB>, id: string, v: ProviderValues): Promise<ProviderRow | undefined> {
    return (await sql<ProviderRow>`
      update identity_providers set display_name = ${v.displayName}, issuer = ${v.issuer}, client_id = ${v.clientId}, client_secret = ${v.clientSecret},
        scopes = ${JSON.stringify(v.scopes)}::jsonb, enabled = ${v.enabled}, rules = ${JSON.stringify(v.rules)}::jsonb, updated_at = now()
      where id = ${id} returning *`.execute(tx)).rows[0];
  },

  async remove(tx: Kysely<DB>, id: string): Promise<ProviderRow | undefined> {
    return (await sql<ProviderRow>`delete from identity_providers where id = ${id} returning *`.execute(tx)).rows[0];
  },

  /** Which of these organisations exist and are active (a rule may only name those). */
  async activeOrgIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const r = await sql<{ id: string }>`select id from organizations where id = any(${[...ids]}::uuid[]) and status = 'active'`.execute(db);
    return new Set(r.rows.map((x) => x.id));
  },
};
