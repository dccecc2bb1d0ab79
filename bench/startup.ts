/**
 * bench:startup — cold start of `bin/server.ts` on an empty data directory (initdb, migrations, demo
 * network, administrator) and on the existing one, and the resident memory once ready.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../apps/server/src/testing/server-process.ts';

const entry = fileURLToPath(new URL('../apps/server/src/bin/server.ts', import.meta.url));
const TARGET_EXISTING_S = 3;

async function coldStart(dataDir: string): Promise<{ seconds: number; rssMb: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LACHAN_DATA_DIR: dataDir, LACHAN_ADMIN_PASSWORD: 'bench-startup-passphrase-7', LOG_LEVEL: 'warn', DATABASE_URL: '' }, stdio: 'ignore' });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { seconds, rssMb };
}

const dir = mkdtempSync(join(tmpdir(), 'lachan-bench-startup-'));
try {
  const empty = await coldStart(dir);
  const existing = [await coldStart(dir), await coldStart(dir), await coldStart(dir)].sort((a, b) => a.seconds - b.seconds)[1]!;
  console.log(`empty data directory:    ready in ${empty.seconds.toFixed(2)} s, RSS ${empty.rssMb.toFixed(0)} MB`);
  console.log(`existing data directory: ready in ${existing.seconds.toFixed(2)} s (median of 3), RSS ${existing.rssMb.toFixed(0)} MB`);
  const ok = existing.seconds < TARGET_EXISTING_S;
  console.log(`bench:startup existing=${existing.seconds.toFixed(2)}s target<${TARGET_EXISTING_S}s ${ok ? 'ok' : 'miss'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
