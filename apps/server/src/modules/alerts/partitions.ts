import type { Database } from '../../db/index.ts';

const DAY_MS = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Keeps daily partitions of `alerts` from yesterday to a few days ahead (the default partition takes
 * anything else). Retention later drops old partitions whole.
 */
export async function ensureAlertPartitions(database: Database, now = new Date(), ahead = 3): Promise<string[]> {
  const created: string[] = [];
  for (let i = -1; i <= ahead; i++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + i * DAY_MS);
    const to = new Date(from.getTime() + DAY_MS);
    const name = `alerts_${ymd(from).replaceAll('-', '')}`;
    try {
      await database.runScript(`create table if not exists ${name} partition of alerts for values from ('${ymd(from)}') to ('${ymd(to)}')`);
      created.push(name);
    } catch {
      // Rows for that day already sit in the default partition; they stay there.
    }
  }
  return created;
}
