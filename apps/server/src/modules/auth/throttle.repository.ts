import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { ThrottleKey, ThrottleScope } from './throttle-rules.ts';

const KNOWN_DAYS = 90;
const tuple = (k: ThrottleKey) => sql`(${k.scope}, ${k.account}, ${k.address})`;

/** SQL for the sign-in counters (auth_throttle) and the clients each user signed in from (known_clients). */
export const throttleRepository = {
  /** The counters of these keys that exist, with the database's clock (all processes share it). */
  async read(db: Kysely<DB>, keys: ThrottleKey[]): Promise<{ counters: { scope: ThrottleScope; blockedUntil: Date | null }[]; now: Date }> {
    const r = await sql<{ scope: ThrottleScope | null; blocked_until: Date | null; now: Date }>`
      select t.scope, t.blocked_until, n.now from (select now() as now) n
      left join auth_throttle t on (t.scope, t.account, t.address) in (${sql.join(keys.map(tuple))})`.execute(db);
    const now = r.rows[0]!.now;
    return { now, counters: r.rows.filter((x) => x.scope !== null).map((x) => ({ scope: x.scope!, blockedUntil: x.blocked_until && x.blocked_until > now ? x.blocked_until : null })) };
  },

  /**
   * Counts one failure in a fixed window; the failure that reaches `limit` blocks the counter for a
   * window. A window that is over (and its block, if any) starts again at one.
   */
  async fail(tx: Kysely<DB>, key: ThrottleKey, limit: number, windowSeconds: number): Promise<Date | null> {
    const fresh = sql`(t.window_start <= now() - make_interval(secs => ${windowSeconds}::float8) and coalesce(t.blocked_until <= now(), true))`;
    const r = await sql<{ blocked_until: Date | null }>`
      insert into auth_throttle as t (scope, account, address, failures, window_start, blocked_until)
      values (${key.scope}, ${key.account}, ${key.address}, 1, now(), case when ${limit}::int <= 1 then now() + make_interval(secs => ${windowSeconds}::float8) end)
      on conflict (scope, account, address) do update set
        failures = case when ${fresh} then 1 else t.failures + 1 end,
        window_start = case when ${fresh} then now() else t.window_start end,
        blocked_until = case
          when ${fresh} then case when ${limit}::int <= 1 then now() + make_interval(secs => ${windowSeconds}::float8) end
          when t.failures + 1 >= ${limit}::int then now() + make_interval(secs => ${windowSeconds}::float8)
          else t.blocked_until end
      returning blocked_until`.execute(tx);
    const until = r.rows[0]?.blocked_until ?? null;
    return until;
  },

  /** Forgets counters whose window and block are both over. */
  async prune(tx: Kysely<DB>, windowSeconds: number): Promise<void> {
    await sql`delete from auth_throttle where window_start < now() - make_interval(secs => ${windowSeconds}::float8)
      and coalesce(blocked_until < now(), true)`.execute(tx);
  },

  /** After a successful sign-in: the account starts afresh from that address. */
  async clear(db: Kysely<DB>, key: ThrottleKey): Promise<void> {
    await db.deleteFrom('auth_throttle').where('scope', '=', key.scope).where('account', '=', key.account).where('address', '=', key.address).execute();
  },

  /** An administrator lifts every counter of an account (all addresses). */
  async clearAccount(tx: Kysely<DB>, account: string): Promise<void> {
    await tx.deleteFrom('auth_throttle').where('account', '=', account).execute();
  },

  /** Whether the user completed a sign-in from this browser or, lately, from this address. */
  async familiar(db: Kysely<DB>, userId: string, address: string, deviceHash: string | null): Promise<boolean> {
    const r = await sql<{ n: number }>`select count(*)::int as n from known_clients where user_id = ${userId} and (
      (kind = 'address' and value = ${address} and last_seen_at > now() - make_interval(days => ${KNOWN_DAYS}))
      or (kind = 'device' and value = ${deviceHash ?? ''}))`.execute(db);
    return r.rows[0]!.n > 0;
  },

  async remember(db: Kysely<DB>, userId: string, kind: 'address' | 'device', value: string): Promise<void> {
    await sql`insert into known_clients (user_id, kind, value) values (${userId}, ${kind}, ${value})
      on conflict (user_id, kind, value) do update set last_seen_at = now()`.execute(db);
  },
};
