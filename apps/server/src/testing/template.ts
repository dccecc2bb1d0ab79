import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { startPlatform, stopPlatform } from '../platform.ts';

/** The administrator every test database starts with (the password passes the policy: no "admin" in it). */
export const ADMIN = { email: 'admin@lachan.local', password: 'test-centre-password-1' };
/** The audit signing key of every test platform (tests only; never a real deployment's). */
export const TEST_AUDIT_KEY = 'vxnI0M9tL6/MduF+IP2SFFuvY0dKBv6lZrwUZzVFLxs=';
export const TEST_TOTP_KEY = 'test-totp-secrets-key-not-for-production';

export const testUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;
/** The run id chosen by the global setup: one template per run, so concurrent runs never share one. */
function runId(): string {
  const id = process.env.LACHAN_TEST_RUN ?? (typeof globalThis.__lachanTestRun === 'string' ? globalThis.__lachanTestRun : 'local');
  return id.replace(/\W/g, '');
}
declare global {
  var __lachanTestRun: string | undefined;
}
const templateFile = () => join(tmpdir(), `lachan-test-template-${runId()}.tar`);
const templateDb = () => `lachan_tpl_${runId()}`;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    logLevel: 'silent',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    dataDir: join(tmpdir(), 'lachan-test-data'),
    databaseUrl: undefined,
    loginRateLimit: 10_000,
    auditSigningKey: TEST_AUDIT_KEY,
    totpSecretsKey: TEST_TOTP_KEY,
    // Tests whose subject is not sign-in run without the second-factor requirement; the sign-in tests
    // (auth/second-factor*.int.test.ts, e2e/second-factor) turn it back on with the default roles.
    secondFactorRoles: [],
    webDist: null,
    attackBundle: null,
    attackFeedUrl: null,
    // Tests of campaigns send a handful of alerts to a fresh server: no provisional wait (the wait has its own tests in cluster-tracker.test.ts).
    campaignWarmOrgs: 0, campaignWarmSeconds: 0, campaignWarmObservers: 0, campaignStrongOrgs: 0, campaignHoldRounds: 0, campaignHoldSeconds: 0, campaignMaxHoldSeconds: 0,
    ...overrides,
  };
}

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Builds, once per run, a migrated database with the demo network and the administrator. */
export async function buildTemplate(): Promise<void> {
  const url = testUrl();
  if (url) {
    await admin(url, async (c) => {
      await c.query(`drop database if exists ${templateDb()}`);
      await c.query(`create database ${templateDb()}`);
    });
    const p = await startPlatform(testConfig({ databaseUrl: withDb(url, templateDb()) }));
    await stopPlatform(p);
    return;
  }
  const database = await openDatabase({ dataDir: null });
  const p = await startPlatform(testConfig(), { database });
  writeFileSync(templateFile(), Buffer.from(await database.pglite!.dump()));
  await stopPlatform(p);
}

/** A fresh database for one test file: a copy of the template on the engine under test. */
export async function openTestDatabase(): Promise<{ database: Database; url: string | undefined; drop: () => Promise<void> }> {
  const url = testUrl();
  if (url) {
    const name = `lachan_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin(url, (c) => c.query(`create database ${name} template ${templateDb()}`));
    const dbUrl = withDb(url, name);
    const database = await openDatabase({ databaseUrl: dbUrl, dataDir: null, poolSize: 5 });
    return { database, url: dbUrl, drop: () => admin(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}) };
  }
  if (!existsSync(templateFile())) await buildTemplate();
  const bytes = readFileSync(templateFile());
  const database = await openDatabase({ dataDir: null, loadDataDir: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
  return { database, url: undefined, drop: async () => {} };
}

/** A new PostgreSQL database for a test that runs its own server process (e2e, crash tests). */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const url = testUrl();
  if (!url) return null;
  const name = `lachan_s_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(url, (c) => c.query(`create database ${name} template ${templateDb()}`));
  return { url: withDb(url, name), drop: () => admin(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}) };
}

export async function dropTemplate(): Promise<void> {
  rmSync(templateFile(), { force: true });
  const url = testUrl();
  if (url) await admin(url, (c) => c.query(`drop database if exists ${templateDb()} with (force)`));
}
