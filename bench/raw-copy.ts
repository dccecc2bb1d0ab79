/**
 * The yardstick of the ingest benchmarks: the CPU the database spends to COPY the very rows the
 * pipeline would write (no parsing cost counted: rows are prepared before the clock starts), into a
 * table shaped like `alerts` with its indexes. On the embedded engine the database runs in this process.
 */
import { parseAlert } from '@lachan/parsers';
import { openDatabase, type Database } from '../apps/server/src/db/index.ts';
import { prepareAlerts } from '../apps/server/src/modules/alerts/prepare.ts';
import { AssetIndex } from '../apps/server/src/modules/alerts/asset-index.ts';
import { encodeCopyRows } from '../apps/server/src/modules/alerts/copy-text.ts';
import { ALERT_COLUMNS, alertCopyRow } from '../apps/server/src/modules/alerts/alert-row.ts';
import type { Format } from './simulate/types.ts';
import { CpuTracker, postgresPids } from './support.ts';

/** Rows per second and CPU seconds per row of a raw COPY of these records' alerts (unique ones), on the server's database. */
export async function rawCopyRate(server: { dataDir: string; databaseUrl: string | null }, batches: { format: Format; records: string[] }[]): Promise<{ rate: number; cpuPerRow: number }> {
  const db: Database = await openDatabase(server.databaseUrl ? { databaseUrl: server.databaseUrl, dataDir: null } : { dataDir: server.dataDir });
  try {
    await db.runScript(`create table rawcopy (like alerts including defaults) with (fillfactor = 70); alter table rawcopy add primary key (day, id); create unique index on rawcopy (day, fingerprint);
      create index on rawcopy (org_id, day, id); create index on rawcopy (reporter_org_id, day, id); create index on rawcopy (batch_id)`);
    const receivedAt = new Date();
    const reporter = { orgId: '00000000-0000-0000-0000-000000000001', mayAttribute: () => true };
    const seen = new Set<string>();
    const payloads = batches.map((b) => {
      const parsed = b.records.map((raw) => ({ raw, out: parseAlert(b.format, raw, { receivedAt }) })).filter((x) => x.out.ok).map((x) => ({ raw: x.raw, alert: (x.out as unknown as { alert: never }).alert }));
      const { prepared } = prepareAlerts(parsed, { reporter, assets: new AssetIndex([]), orgs: { profile: () => null } as never, receivedAt, bucketSeconds: 3600 });
      const fresh = prepared.filter((p) => !seen.has(p.fingerprint) && seen.add(p.fingerprint));
      return { n: fresh.length, data: encodeCopyRows(fresh.map((p) => alertCopyRow(p, { reporterOrgId: reporter.orgId, sourceId: null, receivedAt: receivedAt.toISOString(), batchId: '1' }))) };
    });
    const database = server.databaseUrl ? new URL(server.databaseUrl).pathname.slice(1) : null;
    const pids = () => (database ? postgresPids(database) : [process.pid]);
    const cpu0 = new CpuTracker(pids);
    const t0 = performance.now();
    let rows = 0;
    for (const p of payloads) {
      if (!p.n) continue;
      await db.rawTransaction((tx) => tx.copyIn('rawcopy', ALERT_COLUMNS, p.data));
      rows += p.n;
    }
    const rate = rows / ((performance.now() - t0) / 1000);
    return { rate, cpuPerRow: cpu0.stop() / rows };
  } finally {
    await db.close();
  }
}
