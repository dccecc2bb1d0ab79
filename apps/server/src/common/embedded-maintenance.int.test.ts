import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { EmbeddedMaintenance } from './embedded-maintenance.ts';

let t: TestApp;
const embedded = !process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Of these tables (`public.…`), those a pass would treat now, most overdue first. */
const overdueAmong = async (maintenance: EmbeddedMaintenance, tables: readonly string[]) => (await maintenance.overdue()).map((o) => o.name).filter((n) => tables.includes(n));

const stats = async () =>
  (await sql<{ dead: number; vacuumed: boolean; rows: number }>`select s.n_dead_tup::int as dead, s.last_vacuum is not null as vacuumed, c.reltuples::int as rows
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'maintenance_probe'`.execute(t.platform.db)).rows[0]!;

describe('maintenance of the embedded engine', () => {
  it.runIf(embedded)('vacuums and analyses a table once updates leave it past the autovacuum thresholds', async () => {
    await t.platform.database.runScript(`create table maintenance_probe (id int primary key, v text);
      insert into maintenance_probe select g, 'first' from generate_series(1, 2000) g;
      update maintenance_probe set v = 'second'`);
    const maintenance = t.platform.workers.maintenance!;
    await expect.poll(async () => (await maintenance.overdue()).find((o) => o.name === 'public.maintenance_probe'), { timeout: 5_000 }).toMatchObject({ name: 'public.maintenance_probe', vacuum: true, large: false });
    expect(await stats()).toMatchObject({ dead: 2000, vacuumed: false, rows: -1 });

    while ((await maintenance.overdue()).some((o) => o.name === 'public.maintenance_probe')) await maintenance.task.run();
    // The old row versions are reclaimed, and the planner now knows the table's size.
    await expect.poll(stats, { timeout: 5_000 }).toMatchObject({ dead: 0, vacuumed: true, rows: 2000 });
  });

  it.runIf(embedded)('only analyses a table too large to vacuum without holding the one connection for long', async () => {
    await t.platform.database.runScript(`create table maintenance_large (id int primary key, v text);
      insert into maintenance_large select g, 'first' from generate_series(1, 2000) g;
      update maintenance_large set v = 'second'`);
    const maintenance = new EmbeddedMaintenance(t.platform.database, { vacuumMaxPages: 1 });
    await expect.poll(async () => (await maintenance.overdue()).find((o) => o.name === 'public.maintenance_large'), { timeout: 5_000 }).toMatchObject({ name: 'public.maintenance_large', vacuum: false, large: true });
    while ((await maintenance.overdue()).some((o) => o.name === 'public.maintenance_large')) await maintenance.task.run();
    const r = await sql<{ analysed: boolean; vacuumed: boolean }>`select last_analyze is not null as analysed, last_vacuum is not null as vacuumed
      from pg_stat_user_tables where relname = 'maintenance_large'`.execute(t.platform.db);
    expect(r.rows[0]).toEqual({ analysed: true, vacuumed: false });
  });

  it.runIf(embedded)('treats a small table far past its threshold before a large one with more changed rows, so busy large tables never starve the others', async () => {
    await t.platform.database.runScript(`create table maintenance_busy (id int primary key, v text);
      insert into maintenance_busy select g, 'first' from generate_series(1, 20000) g;
      create table maintenance_small (id int primary key, v text);
      insert into maintenance_small select g, 'first' from generate_series(1, 200) g`);
    // The counts of changes reach the statistics a moment after their transaction: analysed before, the inserts would count again.
    const changed = async () => (await sql<{ n: number }>`select coalesce(sum(n_mod_since_analyze), 0)::int as n from pg_stat_user_tables where relname in ('maintenance_busy', 'maintenance_small')`.execute(t.platform.db)).rows[0]!.n;
    await expect.poll(changed, { timeout: 5_000 }).toBe(20_200);
    await t.platform.database.runScript('analyze maintenance_busy, maintenance_small');
    await expect.poll(changed, { timeout: 5_000 }).toBe(0);
    await t.platform.database.runScript(`update maintenance_busy set v = 'second' where id <= 5000;
      update maintenance_small set v = 'second'; update maintenance_small set v = 'third'`);
    const maintenance = new EmbeddedMaintenance(t.platform.database);
    const order = () => overdueAmong(maintenance, ['public.maintenance_busy', 'public.maintenance_small']);
    // 5,000 changed rows of 20,000 are 2.4 times the threshold; 400 of 200 are 5.7 times it.
    await expect.poll(order, { timeout: 5_000 }).toEqual(['public.maintenance_small', 'public.maintenance_busy']);
  });

  it.runIf(embedded)('clears every small overdue table in one pass, not a few of them a minute', async () => {
    const tables = Array.from({ length: 8 }, (_, i) => `maintenance_many_${i}`);
    await t.platform.database.runScript(tables.map((n) => `create table ${n} (id int primary key, v text);
      insert into ${n} select g, 'first' from generate_series(1, 300) g; update ${n} set v = 'second';`).join('\n'));
    const maintenance = new EmbeddedMaintenance(t.platform.database);
    const overdue = async () => (await overdueAmong(maintenance, tables.map((n) => `public.${n}`))).map((n) => n.slice('public.'.length)).sort();
    await expect.poll(overdue, { timeout: 5_000 }).toEqual([...tables].sort());
    await maintenance.task.run();
    await expect.poll(overdue, { timeout: 5_000 }).toEqual([]);
  });

  it.runIf(embedded)('still treats the other tables when one is dropped before the pass reaches it (retention drops old day partitions)', async () => {
    await t.platform.database.runScript(['maintenance_gone', 'maintenance_kept'].map((n) => `create table ${n} (id int primary key, v text);
      insert into ${n} select g, 'first' from generate_series(1, 300) g; update ${n} set v = 'second';`).join('\n'));
    const database = t.platform.database;
    let dropped = false;
    // Retention's drop runs on the same connection between the pass's look at the tables and its VACUUM.
    const racing = { ...database, runScript: async (script: string) => {
      if (!dropped && script.startsWith('vacuum')) {
        dropped = true;
        await database.runScript('drop table maintenance_gone');
      }
      return database.runScript(script);
    } };
    const maintenance = new EmbeddedMaintenance(racing);
    const overdue = () => overdueAmong(maintenance, ['public.maintenance_gone', 'public.maintenance_kept']);
    await expect.poll(overdue, { timeout: 5_000 }).toHaveLength(2);
    await maintenance.task.run();
    expect(dropped).toBe(true);
    await expect.poll(overdue, { timeout: 5_000 }).toEqual([]);
  });

  it.runIf(!embedded)('is left to the PostgreSQL server, whose autovacuum does it', () => {
    expect(t.platform.workers.maintenance).toBeNull();
  });
});
