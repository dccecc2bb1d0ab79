import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export type SessionRow = { public_id: string; id_hash: string; ip: string | null; user_agent: string | null; created_at: Date; last_seen_at: Date; expires_at: Date };
export type MailPreferencesRow = { warning_min_severity: number | null; warning_reminders: boolean };

/** SQL of the account page: a user's own sessions and e-mail preferences, always by the user's id. */
export const accountRepository = {
  /** The user's complete, unexpired sessions, newest use first. */
  async sessionsOf(db: Kysely<DB>, userId: string): Promise<SessionRow[]> {
    return db.selectFrom('sessions')
      .select(['public_id', 'id_hash', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
      .where('user_id', '=', userId).where('stage', '=', 'complete').where('expires_at', '>', new Date())
      .orderBy('last_seen_at', 'desc').execute();
  },

  async sessionOf(db: Kysely<DB>, userId: string, publicId: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions')
      .select(['public_id', 'id_hash', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
      .where('user_id', '=', userId).where('public_id', '=', publicId).executeTakeFirst();
  },

  async deleteSessionOf(tx: Kysely<DB>, userId: string, publicId: string): Promise<void> {
    await tx.deleteFrom('sessions').where('user_id', '=', userId).where('public_id', '=', publicId).execute();
  },

  async mailPreferences(db: Kysely<DB>, userId: string): Promise<MailPreferencesRow | undefined> {
    return db.selectFrom('user_mail_preferences').select(['warning_min_severity', 'warning_reminders']).where('user_id', '=', userId).executeTakeFirst();
  },

  async saveMailPreferences(tx: Kysely<DB>, userId: string, p: MailPreferencesRow): Promise<void> {
    await tx.insertInto('user_mail_preferences')
      .values({ user_id: userId, warning_min_severity: p.warning_min_severity, warning_reminders: p.warning_reminders })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ warning_min_severity: p.warning_min_severity, warning_reminders: p.warning_reminders, updated_at: new Date() }))
      .execute();
  },
};
