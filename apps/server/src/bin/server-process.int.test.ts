import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, runCli, startServer, type RunningServer } from '../testing/server-process.ts';

const embedded = !process.env.TEST_DATABASE_URL;
const serverEntry = fileURLToPath(new URL('./server.ts', import.meta.url));
const started: RunningServer[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

describe.runIf(embedded)('the embedded data directory', () => {
  it('refuses a second process on the same directory with a clear message', async () => {
    const first = await startServer();
    started.push(first);
    const second = await startServer({ LACHAN_DATA_DIR: first.dataDir }).then(
      (s) => (started.push(s), 'started'),
      (err: Error) => err.message,
    );
    expect(second).toContain('exited (2)');
    expect(second).toMatch(/data directory .* is in use by another Lachan process \(pid \d+\)/);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
  });

  it('recovers when the first initialisation is killed half-way (SIGKILL during initdb)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lachan-crash-'));
    const child = spawn(process.execPath, [serverEntry], { env: { ...process.env, LACHAN_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' }, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(join(dir, 'pg', 'PG_VERSION'))).toBe(false);
    const again = await startServer({ LACHAN_DATA_DIR: dir });
    started.push(again);
    const login = await fetch(`${again.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@lachan.local', password: ADMIN_PASSWORD }) });
    expect(login.status).toBe(200);
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches an audit row edited behind the API with `lachan audit verify`, naming the link', async () => {
    const s = await startServer();
    const dataDir = s.dataDir;
    await s.process.kill('SIGTERM');
    await new Promise((r) => s.process.once('exit', r));
    expect(await runCli(['audit', 'verify'], { LACHAN_DATA_DIR: dataDir, DATABASE_URL: '' })).toMatchObject({ code: 0, out: expect.stringMatching(/audit chain intact: \d+ links verified/) });

    const { openDatabase } = await import('../db/index.ts');
    const { sql } = await import('kysely');
    const db = await openDatabase({ dataDir });
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db.db);
    await sql`update audit_log set actor_name = 'someone else' where id = 7`.execute(db.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db.db);
    await db.close();

    const broken = await runCli(['audit', 'verify'], { LACHAN_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(broken.code).toBe(3);
    expect(broken.out).toContain('BROKEN at id 7');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('anchors the chain outside the database: the shutdown checkpoint in a file and `audit head`, which `audit verify --against` checks', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'lachan-anchor-'));
    const file = join(outside, 'checkpoints.jsonl');
    const s = await startServer({ LACHAN_AUDIT_CHECKPOINT_FILE: file });
    const dataDir = s.dataDir;
    await s.process.kill('SIGTERM');
    await new Promise((r) => s.process.once('exit', r));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lastId: string });
    expect(lines.length).toBeGreaterThan(0);
    const env = { LACHAN_DATA_DIR: dataDir, DATABASE_URL: '' };
    const head = await runCli(['audit', 'head', '--out', join(outside, 'head.json')], env);
    expect(head).toMatchObject({ code: 0, out: expect.stringContaining('"format":"lachan-audit-head/1"') });
    expect(await runCli(['audit', 'verify', '--against', file], env)).toMatchObject({ code: 0, out: expect.stringMatching(/audit chain intact/) });

    // The owner of the database cuts the tail and makes the head and the checkpoints agree with it.
    const { openDatabase } = await import('../db/index.ts');
    const { sql } = await import('kysely');
    const db = await openDatabase({ dataDir });
    for (const table of ['audit_log', 'audit_chain_head', 'audit_checkpoints']) await sql.raw(`alter table ${table} disable trigger user`).execute(db.db);
    await sql`delete from audit_log where id > (select max(id) - 2 from audit_log)`.execute(db.db);
    await sql`update audit_chain_head set (last_id, hash) = (select id, hash from audit_log order by id desc limit 1)`.execute(db.db);
    await sql`delete from audit_checkpoints`.execute(db.db);
    for (const table of ['audit_log', 'audit_chain_head', 'audit_checkpoints']) await sql.raw(`alter table ${table} enable trigger user`).execute(db.db);
    await db.close();

    const alone = await runCli(['audit', 'verify'], env);
    expect(alone.code).toBe(0);
    for (const kept of [file, join(outside, 'head.json')]) {
      const r = await runCli(['audit', 'verify', '--against', kept], env);
      expect(r.code).toBe(3);
      expect(r.out).toMatch(/BROKEN at id \d+: truncated: the exported head of .* records link/);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }, 240_000);
});
