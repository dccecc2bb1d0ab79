import { sql, type Kysely } from 'kysely';
import type { Database, DB } from '../../db/index.ts';

const DAY_MS = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);
/** The partition of a day (`2026-11-21` → `alerts_20261121`). */
const partitionOf = (day: string) => `alerts_${day.replaceAll('-', '')}`;

/**
 * Three tenths of each day's pages are left free: a repeat folded into a row then fits on its page and
 * is updated in place, with no entry in any of the partition's five indexes (see migration 0051). An
 * alert row is 0.7-2 KB (1.6 on average in the simulator's mix) and a page holds four or five: the tenth
 * left before (0.8 KB) rarely had room for a second version. Folding 40 recent rows of 120,000 copied from
 * a sustained run (embedded engine): a tenth free, 35 % in place; a fifth, 79 %; three tenths, 99 %. The
 * same rows copied 110 at a time with 28 of the latest 18,000 folded after each copy: the fold 2.9-3.8 ms
 * with a tenth free, 2.0-2.5 ms with three tenths (copy and commit unchanged), for 19 % more pages (a
 * tenth's pages grow too, by the versions folds put elsewhere: 218 MB against 260 MB after 88,000 copied).
 */
const FILLFACTOR = 70;

/**
 * Keeps daily partitions of `alerts` from yesterday to a few days ahead (the default partition takes
 * anything else). Retention later drops old partitions whole.
 */
export async function ensureAlertPartitions(database: Database, now = new Date(), ahead = 3): Promise<string[]> {
  const created: string[] = [];
  for (let i = -1; i <= ahead; i++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + i * DAY_MS);
    const to = new Date(from.getTime() + DAY_MS);
    const name = partitionOf(ymd(from));
    try {
      // A node of an earlier version may have made it without the free space: set only then, since the
      // ALTER's lock would cancel an autovacuum of the partition at every hourly pass.
      await database.runScript(`create table if not exists ${name} partition of alerts for values from ('${ymd(from)}') to ('${ymd(to)}') with (fillfactor = ${FILLFACTOR});
        do $$ begin
          if not exists (select 1 from pg_class where relname = '${name}' and 'fillfactor=${FILLFACTOR}' = any(coalesce(reloptions, '{}'))) then
            alter table ${name} set (fillfactor = ${FILLFACTOR});
          end if;
        end $$`);
      created.push(name);
    } catch {
      // Rows for that day already sit in the default partition; they stay there.
    }
  }
  return created;
}

/**
 * The table a day's new alerts are copied into: its own partition when it exists (a COPY straight into
 * it skips routing each row through the parent, about a tenth of the COPY's cost), else `alerts`.
 */
export class AlertPartitions {
  #db: Kysely<DB>;
  #known = new Map<string, string>();

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  async tableFor(day: string): Promise<string> {
    const known = this.#known.get(day);
    if (known) return known;
    const name = partitionOf(day);
    // Not remembered when missing: the hourly task may create it later.
    const r = await sql<{ ok: boolean }>`select exists (select 1 from pg_class where relname = ${name} and relispartition) as ok`.execute(this.#db);
    if (!r.rows[0]?.ok) return 'alerts';
    this.#known.set(day, name);
    return name;
  }
}
