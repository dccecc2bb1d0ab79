import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export interface SecondFactorRow {
  /** As stored: sealed (`gcm:`), or from before sealing; open it with the `TotpSeal`. */
  secret: string;
  enabledAt: Date | null;
  lastStep: number | null;
}

/** SQL for TOTP secrets and recovery codes. */
export const secondFactorRepository = {
  async of(db: Kysely<DB>, userId: string): Promise<SecondFactorRow | undefined> {
    const r = await db.selectFrom('second_factors').select(['secret', 'enabled_at', 'last_step']).where('user_id', '=', userId).executeTakeFirst();
    return r && { secret: r.secret, enabledAt: r.enabled_at, lastStep: r.last_step === null ? null : Number(r.last_step) };
  },

  /** Stored secrets not sealed yet (from before sealing), to seal. */
  async unsealed(db: Kysely<DB>): Promise<{ userId: string; secret: string }[]> {
    const rows = await db.selectFrom('second_factors').select(['user_id', 'secret']).where('secret', 'not like', 'gcm:%').execute();
    return rows.map((r) => ({ userId: r.user_id, secret: r.secret }));
  },

  /** Replaces a stored secret by its sealed form, only if it is still the one read. */
  async reseal(db: Kysely<DB>, userId: string, stored: string, sealed: string): Promise<void> {
    await db.updateTable('second_factors').set({ secret: sealed }).where('user_id', '=', userId).where('secret', '=', stored).execute();
  },

  /** Starts (or restarts) an enrolment that is not enabled yet; an enabled factor is left alone. `secret` is sealed. */
  async startEnrolment(tx: Kysely<DB>, userId: string, secret: string): Promise<boolean> {
    const r = await sql`insert into second_factors (user_id, secret) values (${userId}, ${secret})
      on conflict (user_id) do update set secret = excluded.secret, last_step = null, created_at = now()
      where second_factors.enabled_at is null`.execute(tx);
    return Number(r.numAffectedRows ?? 0) > 0;
  },

  async enable(tx: Kysely<DB>, userId: string, step: number): Promise<void> {
    await tx.updateTable('second_factors').set({ enabled_at: new Date(), last_step: step }).where('user_id', '=', userId).execute();
  },

  /**
   * Moves the last accepted step forward, only if it is still behind `step`: of two requests with the
   * same code, one wins.
   */
  async useStep(tx: Kysely<DB>, userId: string, step: number): Promise<boolean> {
    const r = await sql`update second_factors set last_step = ${step}
      where user_id = ${userId} and (last_step is null or last_step < ${step})`.execute(tx);
    return Number(r.numAffectedRows ?? 0) > 0;
  },

  async replaceRecoveryCodes(tx: Kysely<DB>, userId: string, hashes: string[]): Promise<void> {
    await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await tx.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
  },

  /** Spends an unused recovery code; false when it is unknown or already spent. */
  async spendRecoveryCode(tx: Kysely<DB>, userId: string, hash: string): Promise<boolean> {
    const r = await sql`update recovery_codes set used_at = now() where user_id = ${userId} and code_hash = ${hash} and used_at is null`.execute(tx);
    return Number(r.numAffectedRows ?? 0) > 0;
  },

  async recoveryCodesLeft(db: Kysely<DB>, userId: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from recovery_codes where user_id = ${userId} and used_at is null`.execute(db);
    return r.rows[0]!.n;
  },

  /** Removes the factor and its recovery codes (the user turned it off, or an administrator reset it). */
  async remove(tx: Kysely<DB>, userId: string): Promise<boolean> {
    await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const r = await tx.deleteFrom('second_factors').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};
