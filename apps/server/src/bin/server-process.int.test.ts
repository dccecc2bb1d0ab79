import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
});
