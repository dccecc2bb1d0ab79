import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { PromotedAlert, Rule } from './promotion-writer.ts';

/**
 * Adds the batch's occurrences to a count rule's per-minute tallies and reads back each group's total
 * inside the window: two statements, however many alerts the window holds.
 */
export async function countsInWindow(tx: Kysely<DB>, rule: Rule, groups: Map<string, PromotedAlert[]>): Promise<Map<string, number>> {
  const tally = new Map<string, { key: string; minute: string; n: number }>();
  for (const [key, members] of groups) {
    for (const a of members) {
      const minute = new Date(Math.floor(a.lastSeen.getTime() / 60_000) * 60_000).toISOString();
      const t = tally.get(`${key}|${minute}`) ?? tally.set(`${key}|${minute}`, { key, minute, n: 0 }).get(`${key}|${minute}`)!;
      t.n += a.occurrences;
    }
  }
  const rows = [...tally.values()];
  await sql`insert into promotion_counts (rule_id, group_key, minute, n)
    select ${rule.id}, k, m, n from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.minute)}::timestamptz[], ${rows.map((r) => r.n)}::int[]) as t(k, m, n)
    on conflict (rule_id, group_key, minute) do update set n = promotion_counts.n + excluded.n`.execute(tx);
  const r = await sql<{ k: string; n: number }>`select group_key as k, sum(n)::int as n from promotion_counts
    where rule_id = ${rule.id} and group_key = any(${[...groups.keys()]}::text[]) and minute >= now() - make_interval(mins => ${rule.conditions.count!.windowMinutes})
    group by 1`.execute(tx);
  return new Map(r.rows.map((x) => [x.k, x.n]));
}
