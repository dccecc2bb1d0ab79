import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemContext } from '../../core/context.ts';
import { openDatabase, type Database } from '../../db/index.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { intakeRunsRepository } from './intake-runs.repository.ts';
import { INTERRUPTED_NOTE } from './intake-runs.sweeper.ts';
import { IntakeService } from './intake.service.ts';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = await t.org('prov-48');
});
afterAll(() => t?.close());

const run = async (id: string) => (await t.admin.get(`/api/v1/intel/intake-runs/${id}`)).json();
const sweep = () => t.platform.workers.intakeRuns.sweep();
const startedBy = (runner: string | null) =>
  intakeRunsRepository.start(t.platform.db, { kind: 'bundle', source: 'bundle', orgId, bytesTotal: null, runner: runner ?? '' }).then(async (id) => {
    if (runner === null) await sql`update intel_intake_runs set runner = null where id = ${id}`.execute(t.platform.db);
    return id;
  });

describe('intake runs whose server process is gone', () => {
  it('are left alone while this process carries them', async () => {
    const mine = await new IntakeService(t.platform).startRun(systemContext(orgId), 'bundle', 'still reading');
    expect(await sweep()).toBe(0);
    expect((await run(mine)).status).toBe('running');
    await intakeRunsRepository.finish(t.platform.db, mine, 'done');
  });

  it('end interrupted, with the note, a finish time and an audit record, when their process is gone', async () => {
    const gone = [await startedBy('pg:1:1'), await startedBy('embedded:00000000-0000-4000-8000-000000000000'), await startedBy(null)];
    expect(await sweep()).toBe(3);
    for (const id of gone) {
      const r = await run(id);
      expect(r).toMatchObject({ status: 'interrupted', notes: [{ index: -1, message: INTERRUPTED_NOTE }] });
      expect(r.finishedAt).not.toBeNull();
    }
    const listed = (await t.admin.get('/api/v1/intel/intake-runs')).json().items as Array<{ id: string; status: string }>;
    expect(listed.filter((r) => gone.includes(r.id)).map((r) => r.status)).toEqual(['interrupted', 'interrupted', 'interrupted']);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'intel.intake_interrupted' and entity_id in (${sql.join(gone)})`.execute(t.platform.db);
    expect(audit.rows[0]!.n).toBe(3);
    expect(await sweep()).toBe(0);
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('several processes on one PostgreSQL database', () => {
  let other: Database | null = null;
  afterAll(() => other?.close());

  it('a run of another live process stays running until that process is gone', async () => {
    other = await openDatabase({ databaseUrl: t.platform.database.pool!.options.connectionString!, dataDir: null, poolSize: 1 });
    const theirs = await intakeRunsRepository.start(other.db, { kind: 'taxii_pull', source: 'other process', orgId, bytesTotal: null, runner: other.presence.mark });
    expect(other.presence.mark).not.toBe(t.platform.database.presence.mark);
    expect(await sweep()).toBe(0);
    expect((await run(theirs)).status).toBe('running');
    await other.close();
    other = null;
    // Its backend leaves pg_stat_activity as soon as it has ended.
    let swept = 0;
    for (let i = 0; i < 50 && swept === 0; i++) swept = await sweep().then((n) => n || new Promise<number>((ok) => setTimeout(() => ok(0), 50)));
    expect(swept).toBe(1);
    expect((await run(theirs)).status).toBe('interrupted');
  });
});
