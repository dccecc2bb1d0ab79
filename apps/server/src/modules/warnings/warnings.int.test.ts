import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { signWebhook } from './index.ts';

let t: TestApp;
const HOUR = 3_600_000;

/** A webhook receiver on 127.0.0.1 answering `answer()` and recording when each request came. */
async function receiver(answer: () => number): Promise<{ url: string; hits: { at: number; headers: Record<string, unknown>; body: string }[]; server: Server }> {
  const hits: { at: number; headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push({ at: Date.now(), headers: req.headers, body });
      res.statusCode = answer();
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, hits, server };
}

const draft = (orgIds: string[]) => ({ titleVi: 'Cảnh báo thử', titleEn: 'Test warning', bodyVi: 'Nội dung.', bodyEn: 'Body.', severity: 3, tlp: 'GREEN', targeting: { orgIds } });
async function issue(orgIds: string[]): Promise<string> {
  const w = (await t.admin.post('/api/v1/warnings', draft(orgIds))).json();
  expect((await t.admin.post(`/api/v1/warnings/${w.id}/issue`)).statusCode).toBe(200);
  return w.id;
}
/** Runs delivery rounds until `done` holds (at most ~5 s). */
async function until(done: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 100 && !(await done()); i++) {
    t.platform.workers.warnings.wake();
    await new Promise((r) => setTimeout(r, 50));
  }
}
type Status = { orgs: { orgId: string; reminders: number; deliveries: { id: string | null; channel: string; status: string; attempts: number; lastError: string | null }[] }[]; deadLetters: { id: string; orgId: string; channel: string; lastError: string }[] };
const status = async (id: string): Promise<Status> => (await t.admin.get(`/api/v1/warnings/${id}/status`)).json();
const hookOf = (s: Status, orgId: string) => s.orgs.find((o) => o.orgId === orgId)!.deliveries.find((d) => d.channel === 'webhook')!;

beforeAll(async () => {
  t = await createTestApp({ webhookAllowedHosts: ['127.0.0.1'] });
  t.platform.workers.warnings.backoffMs = 60;
  t.platform.workers.warnings.maxAttempts = 3;
});
afterAll(async () => {
  t.platform.now = () => new Date();
  await t.close();
});

describe('warning webhooks', () => {
  it('an org admin adds an endpoint with a generated secret shown once, test-sends a signed payload, and sees the last delivery', async () => {
    const rx = await receiver(() => 200);
    const bank = await t.org('bank-sgb');
    const admin = await t.userIn('bank-sgb', 'org_admin');
    const created = await admin.post(`/api/v1/orgs/${bank}/warning-webhooks`, { url: rx.url });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^whsec_.{32}$/);
    const listed = (await admin.get(`/api/v1/orgs/${bank}/warning-webhooks`)).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed[0]).toMatchObject({ id, url: rx.url, lastDelivery: null });

    const test = (await admin.post(`/api/v1/orgs/${bank}/warning-webhooks/${id}/test`)).json();
    expect(test).toMatchObject({ ok: true, httpStatus: 200, error: null });
    const h = rx.hits[0]!;
    expect(h.headers['x-lachan-signature']).toBe(signWebhook(secret, String(h.headers['x-lachan-timestamp']), h.body));
    expect(JSON.parse(h.body).type).toBe('warning.test');

    const other = await t.userIn('bank-svb', 'org_admin');
    expect((await other.get(`/api/v1/orgs/${bank}/warning-webhooks`)).statusCode).toBe(403);
    expect((await other.post(`/api/v1/orgs/${bank}/warning-webhooks/${id}/test`)).statusCode).toBe(403);

    const w = await issue([bank]);
    await until(async () => hookOf(await status(w), bank).status === 'delivered');
    expect((await admin.get(`/api/v1/orgs/${bank}/warning-webhooks`)).json()[0].lastDelivery).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect((await admin.delete(`/api/v1/orgs/${bank}/warning-webhooks/${id}`)).statusCode).toBe(204);
    rx.server.close();
  });
});

describe('webhook destinations', () => {
  it('refuses an endpoint inside the platform\'s own networks unless LACHAN_WEBHOOK_ALLOWED_HOSTS lists it, in the error shape', async () => {
    const guarded = await createTestApp();
    try {
      const bank = await guarded.org('bank-sgb');
      const admin = await guarded.userIn('bank-sgb', 'org_admin');
      for (const url of ['http://127.0.0.1:9/hook', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/', 'http://10.0.0.7/hook', 'http://localhost:3000/']) {
        const res = await admin.post(`/api/v1/orgs/${bank}/warning-webhooks`, { url });
        expect(res.statusCode, url).toBe(422);
        expect(res.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('LACHAN_WEBHOOK_ALLOWED_HOSTS') });
      }
      expect((await admin.get(`/api/v1/orgs/${bank}/warning-webhooks`)).json()).toEqual([]);
      expect((await admin.post(`/api/v1/orgs/${bank}/warning-webhooks`, { url: 'https://siem.sgb.example/lachan' })).statusCode).toBe(201);
    } finally {
      await guarded.close();
    }
  });
});

describe('warning delivery', () => {
  it('retries a failing webhook with growing back-off until it answers, showing the attempts per organisation and channel', async () => {
    let calls = 0;
    const rx = await receiver(() => (++calls <= 2 ? 500 : 200));
    const bank = await t.org('bank-svb');
    const admin = await t.userIn('bank-svb', 'org_admin');
    const hook = (await admin.post(`/api/v1/orgs/${bank}/warning-webhooks`, { url: rx.url })).json();
    const w = await issue([bank]);
    await until(() => rx.hits.length >= 3);
    await until(async () => hookOf(await status(w), bank).status === 'delivered');
    const s = await status(w);
    expect(hookOf(s, bank)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(s.orgs[0]!.deliveries.map((d) => d.channel)).toEqual(['stream', 'webhook', 'email']);
    // Back-off doubles: at least 60 ms before the second attempt, 120 ms before the third.
    expect(rx.hits[1]!.at - rx.hits[0]!.at).toBeGreaterThanOrEqual(55);
    expect(rx.hits[2]!.at - rx.hits[1]!.at).toBeGreaterThanOrEqual(115);
    await admin.delete(`/api/v1/orgs/${bank}/warning-webhooks/${hook.id}`);
    rx.server.close();
  });

  it('dead-letters an endpoint that always fails, with the reason, and the issuer retries it', async () => {
    let up = false;
    const rx = await receiver(() => (up ? 200 : 503));
    const bank = await t.org('bank-sgb');
    const admin = await t.userIn('bank-sgb', 'org_admin');
    const hook = (await admin.post(`/api/v1/orgs/${bank}/warning-webhooks`, { url: rx.url })).json();
    const w = await issue([bank]);
    // The webhook and the e-mail keep their own retry clocks: wait for both to give up.
    await until(async () => {
      const now = await status(w);
      return hookOf(now, bank).status === 'dead' && now.deadLetters.some((d) => d.channel === 'email');
    });
    const s = await status(w);
    expect(rx.hits).toHaveLength(3);
    const dead = s.deadLetters.find((d) => d.channel === 'webhook')!;
    expect(dead).toMatchObject({ orgId: bank, attempts: 3, lastError: 'dead letter after 3 attempts: endpoint answered 503' });
    // No SMTP server configured: the e-mail dead-letters too, and says why.
    expect(s.deadLetters.find((d) => d.channel === 'email')?.lastError).toContain('SMTP_URL is not configured');
    expect((await admin.get(`/api/v1/orgs/${bank}/warning-webhooks`)).json()[0].lastDelivery).toMatchObject({ status: 'dead', attempts: 3 });

    // A recipient does not retry the issuer's deliveries.
    expect((await admin.post(`/api/v1/warnings/${w}/deliveries/${dead.id}/retry`)).statusCode).toBe(403);
    up = true;
    const retried = await t.admin.post(`/api/v1/warnings/${w}/deliveries/${dead.id}/retry`);
    expect(retried.statusCode).toBe(200);
    await until(async () => hookOf(await status(w), bank).status === 'delivered');
    expect(hookOf(await status(w), bank)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await t.admin.post(`/api/v1/warnings/${w}/deliveries/${dead.id}/retry`)).statusCode).toBe(404);
    // The centre's list shows delivery at a glance; a recipient's list does not.
    const row = (await t.admin.get('/api/v1/warnings')).json().items.find((x: { id: string }) => x.id === w);
    expect(row.delivery).toMatchObject({ targeted: 1, acknowledged: 0, failed: 1 });
    expect((await admin.get('/api/v1/warnings')).json().items.find((x: { id: string }) => x.id === w).delivery).toBeUndefined();
    await admin.delete(`/api/v1/orgs/${bank}/warning-webhooks/${hook.id}`);
    rx.server.close();
  });

  it('reminds organisations that have not acknowledged after four hours, up to three times, not those that did', async () => {
    const [a, b] = [await t.org('bank-sgb'), await t.org('bank-svb')];
    const w = await issue([a, b]);
    const analyst = await t.userIn('bank-svb', 'analyst');
    await analyst.post(`/api/v1/warnings/${w}/ack`, {});
    const reminders = async () => Object.fromEntries((await status(w)).orgs.map((o) => [o.orgId, o.reminders]));
    const start = Date.now();
    t.platform.now = () => new Date(start + HOUR);
    let rounds = 0;
    await until(() => ++rounds > 5);
    expect(await reminders()).toEqual({ [a]: 0, [b]: 0 });
    for (const hours of [5, 10, 15, 20]) {
      t.platform.now = () => new Date(start + hours * HOUR);
      const before = (await reminders())[a]!;
      await until(async () => (await reminders())[a]! > before || before >= 3);
    }
    expect(await reminders()).toEqual({ [a]: 3, [b]: 0 });
    const events = (await sql<{ audience: { orgIds: string[] } }>`select audience from outbox where type = 'warning.reminder' and payload->>'id' = ${w}`.execute(t.platform.db)).rows;
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.audience.orgIds[0] === a)).toBe(true);
    const mails = (await sql<{ n: number }>`select count(*)::int as n from warning_deliveries where warning_id = ${w} and purpose = 'reminder' and org_id = ${a}`.execute(t.platform.db)).rows[0]!.n;
    expect(mails).toBe(3);
  });
});

describe('warning content', () => {
  it('targets by security level, keeps CVE scores and known exploitation, and exports products and scores in CSAF', async () => {
    const levels = (await sql<{ id: string }>`select id from organizations where status = 'active' and security_level in (4, 5) order by id`.execute(t.platform.db)).rows.map((r) => r.id);
    expect(levels.length).toBeGreaterThan(0);
    const preview = (await t.admin.post('/api/v1/warnings/preview-recipients', { securityLevels: [4, 5] })).json();
    expect(preview.orgs.map((o: { id: string }) => o.id).sort()).toEqual(levels);
    const cve = { id: 'CVE-2024-3400', cvss: 10, cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', epss: 0.95, knownExploited: true };
    const w = (await t.admin.post('/api/v1/warnings', { ...draft([]), targeting: { securityLevels: [4, 5], keywords: ['PAN-OS GlobalProtect', 'FortiOS SSL-VPN'] }, cves: [cve, { id: 'CVE-2023-12345', epss: 0.02 }] })).json();
    expect(w.cves[0]).toEqual(cve);
    expect(w.targeting.keywords).toEqual(['PAN-OS GlobalProtect', 'FortiOS SSL-VPN']);
    const csaf = (await t.admin.get(`/api/v1/warnings/${w.id}/csaf`)).json();
    expect(csaf.product_tree.full_product_names.map((p: { name: string }) => p.name)).toEqual(['PAN-OS GlobalProtect', 'FortiOS SSL-VPN']);
    const [v1, v2] = csaf.vulnerabilities;
    expect(v1.scores[0].cvss_v3).toEqual({ version: '3.1', vectorString: cve.cvssVector, baseScore: 10, baseSeverity: 'CRITICAL' });
    expect(v1.threats).toEqual([{ category: 'exploit_status', details: 'Known to be exploited in the wild.' }]);
    expect(v1.notes[0].text).toContain('EPSS 0.95');
    // Without a vector no score is made up; no known exploitation, no threat.
    expect(v2.scores).toBeUndefined();
    expect(v2.threats).toBeUndefined();
    expect((await t.admin.post('/api/v1/warnings', { ...draft([]), cves: [{ id: 'CVE-2024-1', cvssVector: 'AV:N' }] })).statusCode).toBe(400);
  });
});

describe('discarding', () => {
  it('discards a draft or a proposal that will not be issued: gone from the list, kept as discarded, never proposed again, not issuable', async () => {
    const bank = await t.org('bank-sgb');
    const w = (await t.admin.post('/api/v1/warnings', draft([bank]))).json();
    const res = await t.admin.post(`/api/v1/warnings/${w.id}/discard`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('discarded');
    expect((await t.admin.get('/api/v1/warnings')).json().items.map((x: { id: string }) => x.id)).not.toContain(w.id);
    expect((await t.admin.get('/api/v1/warnings?status=discarded')).json().items.map((x: { id: string }) => x.id)).toContain(w.id);
    expect((await t.admin.post(`/api/v1/warnings/${w.id}/issue`)).statusCode).toBe(409);
    expect((await t.admin.patch(`/api/v1/warnings/${w.id}`, { titleEn: 'Edited' })).statusCode).toBe(409);

    const surge = { episodeId: '00000000-0000-4000-8000-00000000000e', sector: 'BANKING', observed: 90, expected: 10, hour: '2026-11-20T03:00:00.000Z', day: '2026-11-20', openedAt: '2026-11-20T03:10:00.000Z', signals: 1, severity: 3 };
    await t.platform.workers.warnings.proposeFromSurge(surge);
    const proposed = (await t.admin.get('/api/v1/warnings?status=proposed')).json().items.find((x: { titleEn: string }) => x.titleEn.includes('Banking'));
    expect((await t.admin.post(`/api/v1/warnings/${proposed.id}/discard`)).json().status).toBe('discarded');
    await t.platform.workers.warnings.proposeFromSurge({ ...surge, observed: 150, signals: 2 });
    expect((await t.admin.get('/api/v1/warnings?status=proposed')).json().items.filter((x: { titleEn: string }) => x.titleEn.includes('Banking'))).toEqual([]);

    const issued = await issue([bank]);
    const refused = await t.admin.post(`/api/v1/warnings/${issued}/discard`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('withdrawn');
    const analyst = await t.userIn('bank-sgb', 'analyst');
    const other = (await t.admin.post('/api/v1/warnings', draft([bank]))).json();
    expect((await analyst.post(`/api/v1/warnings/${other.id}/discard`)).statusCode).toBe(403);
  });
});
