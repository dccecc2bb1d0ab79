import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
export const ADMIN_PASSWORD = 'e2e-centre-password-1';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL database it uses, when the tests run on PostgreSQL. */
  databaseUrl: string | null;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `lachan_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * Runs the real server (`bin/server.ts`) as a child process on a free port and a fresh database.
 * Tests whose subject is not sign-in run without the second-factor requirement
 * (`LACHAN_SECOND_FACTOR_ROLES` empty); a variable given as undefined is left unset, so
 * `{ LACHAN_SECOND_FACTOR_ROLES: undefined }` runs the default configuration, which requires it.
 */
export async function startServer(env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lachan-e2e-'));
  const pgdb = await scratchPostgres();
  let out = '';
  // LACHAN_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server of a benchmark.
  const nodeArgs = process.env.LACHAN_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    // the address the browser reaches it at (links, the OpenID redirect URI)
    LACHAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
    LACHAN_DATA_DIR: dataDir,
    LACHAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LACHAN_SECOND_FACTOR_ROLES: '',
    // the shipped ATT&CK is imported by the test that is about it, not by every browser test's server
    LACHAN_ATTACK_BUNDLE: '',
    LACHAN_ATTACK_FEED_URL: '',
    LOG_LEVEL: 'warn',
    ...(pgdb ? { DATABASE_URL: pgdb.url } : { DATABASE_URL: '' }),
    ...env,
  };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps/server/src/bin/server.ts')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  // A loaded machine starts slowly: LACHAN_SERVER_START_SECONDS allows more than the default 90 s.
  const deadline = Date.now() + Number(process.env.LACHAN_SERVER_START_SECONDS || 90) * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    databaseUrl: env.DATABASE_URL || pgdb?.url || null,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API and returns a fetch bound to that session (cookie and CSRF token). */
export async function apiSession(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };
}

/** Runs `npm run lachan -- <args>` (the CLI entry) and returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'apps/server/src/bin/lachan.ts'), ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}
