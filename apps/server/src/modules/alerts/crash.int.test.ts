import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../db/index.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../../testing/server-process.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.stop();
});

async function countStored(s: { dataDir: string; databaseUrl: string | null }): Promise<{ rows: number; occurrences: number }> {
  const db = await openDatabase(s.databaseUrl ? { databaseUrl: s.databaseUrl, dataDir: null } : { dataDir: s.dataDir });
  try {
    const r = await sql<{ rows: number; occurrences: number }>`select count(*)::int as rows, coalesce(sum(occurrences), 0)::int as occurrences from alerts where title like 'crash %'`.execute(db.db);
    return r.rows[0]!;
  } finally {
    await db.close();
  }
}

describe('SIGKILL in the middle of an ingest', () => {
  it('loses no acknowledged alert', { timeout: 240_000 }, async () => {
    const first = await startServer();
    servers.push(first);
    const admin = await apiSession(first.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const orgs = (await admin('GET', '/api/v1/orgs?province=48&kind=province')).json.items as { id: string }[];
    const { key } = (await admin('POST', '/api/v1/api-keys', { name: 'crash test', orgId: orgs[0]!.id, role: 'connector' })).json as { key: string };

    let acknowledged = 0;
    let sent = 0;
    let batch = 0;
    const sender = async () => {
      for (;;) {
        const n = batch++;
        const body = Array.from({ length: 500 }, (_, i) => JSON.stringify({ title: `crash ${n}-${i}`, severity: 'medium', sourceRef: `${n}-${i}` })).join('\n');
        sent += 500;
        try {
          const r = await fetch(`${first.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body });
          if (r.status === 202) acknowledged += ((await r.json()) as { accepted: number }).accepted;
        } catch {
          return; // the server is gone
        }
      }
    };
    const senders = [sender(), sender(), sender()];
    await new Promise((r) => setTimeout(r, 2500));
    first.process.kill('SIGKILL');
    await Promise.all(senders);
    await new Promise((r) => first.process.exitCode !== null || first.process.signalCode ? r(null) : first.process.once('exit', r));

    const again = await startServer({ LACHAN_DATA_DIR: first.dataDir, ...(first.databaseUrl ? { DATABASE_URL: first.databaseUrl } : {}) });
    servers.push(again);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    await again.process.kill('SIGTERM');
    await new Promise((r) => again.process.once('exit', r));

    const stored = await countStored(first);
    expect(acknowledged).toBeGreaterThan(1000);
    expect(stored.rows).toBeGreaterThanOrEqual(acknowledged);
    expect(stored.rows).toBeLessThanOrEqual(sent);
    console.log(`SIGKILL test: sent ${sent}, acknowledged ${acknowledged}, stored after restart ${stored.rows}`);
  });
});
