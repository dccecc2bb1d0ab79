import { sql, type Kysely } from 'kysely';
import type { PromotionSuppression } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

type Row = {
  id: string; rule_id: string; rule_name: string; org_id: string; org_name: string; label: Record<string, string>; reason: string; incidents: number;
  false_positives: number; created_at: Date; created_by_name: string; lifted_at: Date | null; lifted_by_name: string | null;
};

/** One suppression as the API shows it. */
const present = (r: Row): PromotionSuppression => ({
  id: r.id, ruleId: r.rule_id, ruleName: r.rule_name, orgId: r.org_id, orgName: r.org_name, label: r.label, reason: r.reason, incidents: r.incidents,
  falsePositives: r.false_positives, createdAt: r.created_at.toISOString(), createdByName: r.created_by_name, liftedAt: r.lifted_at?.toISOString() ?? null,
  liftedByName: r.lifted_by_name,
});

const cols = sql`s.id, s.rule_id, r.name as rule_name, s.org_id, o.name as org_name, s.label, s.reason, s.incidents, s.false_positives, s.created_at, s.created_by_name,
  s.lifted_at, s.lifted_by_name`;
const from = sql`promotion_suppressions s join promotion_rules r on r.id = s.rule_id join organizations o on o.id = s.org_id`;

/** SQL of promotion suppressions; `orgIds` is the caller's read scope (null: all). */
export const suppressionsRepository = {
  async list(db: Kysely<DB>, orgIds: string[] | null, state: 'active' | 'lifted' | 'all'): Promise<PromotionSuppression[]> {
    const r = await sql<Row>`select ${cols} from ${from}
      where ${orgIds ? sql`s.org_id = any(${orgIds}::uuid[])` : sql`true`}
        and ${state === 'active' ? sql`s.lifted_at is null` : state === 'lifted' ? sql`s.lifted_at is not null` : sql`true`}
      order by s.created_at desc limit 500`.execute(db);
    return r.rows.map(present);
  },

  async byId(db: Kysely<DB>, id: string): Promise<PromotionSuppression | undefined> {
    const r = await sql<Row>`select ${cols} from ${from} where s.id = ${id}`.execute(db);
    return r.rows[0] && present(r.rows[0]);
  },

  async byIds(db: Kysely<DB>, ids: readonly string[]): Promise<PromotionSuppression[]> {
    if (!ids.length) return [];
    const r = await sql<Row>`select ${cols} from ${from} where s.id = any(${[...ids]}::uuid[]) order by s.created_at`.execute(db);
    return r.rows.map(present);
  },

  /** Lifts an active suppression; the group's false-positive tally starts again from nothing. */
  async lift(tx: Kysely<DB>, id: string, by: string): Promise<boolean> {
    const r = await sql<{ rule_id: string; group_key: string }>`update promotion_suppressions set lifted_at = now(), lifted_by_name = ${by}
      where id = ${id} and lifted_at is null returning rule_id, group_key`.execute(tx);
    const row = r.rows[0];
    if (row) await sql`delete from promotion_false_positives where rule_id = ${row.rule_id} and group_key = ${row.group_key}`.execute(tx);
    return Boolean(row);
  },
};
