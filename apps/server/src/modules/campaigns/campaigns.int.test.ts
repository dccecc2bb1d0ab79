import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { signWebhook } from '../warnings/index.ts';

let t: TestApp;
const mails: string[] = [];
const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, _s, cb) { let d = ''; stream.on('data', (c) => (d += c)); stream.on('end', () => { mails.push(d); cb(); }); } });

const alert = (src: string, i: number) => JSON.stringify({ title: 'Exploitation attempt on VPN gateway', severity: 'high', sourceRef: `camp-${src}-${i}-${Math.random()}`, rule: { id: 'CAMP-1', name: 'vpn exploit' }, attack: ['T1190'], src: { ip: src }, observables: [{ type: 'ipv4', value: src, role: 'src' }] });

async function send(orgKey: string, src: string): Promise<void> {
  const k = await t.keyFor(orgKey, 'connector');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: [alert(src, 1), alert(src, 2)].join('\n') });
  expect(res.statusCode).toBe(202);
}
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await t.platform.relay.flush();
    await t.platform.workers.campaigns.idle();
  }
};

beforeAll(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  t = await createTestApp({ webhookAllowedHosts: ['127.0.0.1'], smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}` });
  t.platform.workers.warnings.backoffMs = 50;
  await send('health-taybac', '198.18.7.11');
  await send('bank-sgb', '198.18.7.12');
  await send('bank-svb', '198.18.7.13');
  await send('bank-sgb', '198.18.9.50'); // one organisation's own repeats make no campaign
  await send('bank-sgb', '198.18.9.50');
  await settle();
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe('campaigns', () => {
  it('links the same /24 seen by three organisations, with its evidence and techniques', async () => {
    const list = (await t.admin.get('/api/v1/campaigns')).json().items as { id: string; confidence: string; techniques: string[] }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ members: { visible: 3, hidden: 0 }, confidence: 'medium', techniques: ['T1190'] });
    const detail = (await t.admin.get(`/api/v1/campaigns/${list[0]!.id}`)).json();
    expect(detail.evidence.map((e: { value: string }) => e.value)).toContain('198.18.7.0/24');
    expect(detail.orgs).toHaveLength(3);
  });

  it('shows a hospital analyst the campaign with "fewer than 3 other organisations in banking" but not their names', async () => {
    const analyst = await t.userIn('health-taybac', 'analyst');
    const [c] = (await analyst.get('/api/v1/campaigns')).json().items;
    expect(c.bySector).toContainEqual({ key: 'BANKING', visible: 0, hidden: { lt: 3 } });
    const detail = (await analyst.get(`/api/v1/campaigns/${c.id}`)).json();
    expect(detail.orgs.map((o: { id: string }) => o.id)).toEqual([await t.org('health-taybac')]);
    expect(detail.members).toEqual({ visible: 1, hidden: { lt: 3 } });
    expect(JSON.stringify(detail)).not.toContain(await t.org('bank-sgb'));
    const outsider = await t.userIn('tel-ixp', 'analyst');
    expect((await outsider.get('/api/v1/campaigns')).json().items).toHaveLength(0);
    expect((await outsider.get(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await analyst.post(`/api/v1/campaigns/${c.id}/dismiss`)).statusCode).toBe(403);
  });

  it('proposes a warning to the organisations of the campaign, issued by the centre', async () => {
    const proposed = (await t.admin.get('/api/v1/warnings?status=proposed')).json().items;
    expect(proposed).toHaveLength(1);
    expect(proposed[0].origin).toBe('campaign');
    // A policy may issue it to the members unread: it counts none of them.
    expect(`${proposed[0].titleEn} ${proposed[0].bodyEn} ${proposed[0].titleVi} ${proposed[0].bodyVi}`).not.toMatch(/[0-9]+ (organisations|tổ chức)/);
    const preview = (await t.admin.post('/api/v1/warnings/preview-recipients', proposed[0].targeting)).json();
    expect(preview.count).toBe(3);
  });

  it('drafts a warning from a campaign for the centre: bilingual, aimed at the sectors touched, shared infrastructure as indicators', async () => {
    const [c] = (await t.admin.get('/api/v1/campaigns')).json().items;
    const analyst = await t.userIn('bank-sgb', 'org_admin');
    expect((await analyst.post(`/api/v1/campaigns/${c.id}/propose-warning`)).statusCode).toBe(403);
    const res = await t.admin.post(`/api/v1/campaigns/${c.id}/propose-warning`);
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({ status: 'draft', campaignId: c.id, tlp: 'AMBER', targeting: { sectors: ['BANKING', 'HEALTH'] } });
    expect(w.titleVi).toContain('3 tổ chức');
    expect(w.bodyEn).toContain('T1190');
    expect(w.indicators).toContainEqual({ type: 'ipv4-cidr', value: '198.18.7.0/24' });
    expect(w.actions.length).toBeGreaterThan(0);
    // Same sector elsewhere: every bank and hospital, not only the three that were hit.
    expect((await t.admin.post('/api/v1/warnings/preview-recipients', w.targeting)).json().count).toBeGreaterThan(3);
    expect((await t.admin.get(`/api/v1/warnings/${w.id}`)).json().status).toBe('draft');
    expect((await t.admin.post('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/propose-warning')).statusCode).toBe(404);
  });
});

describe('warnings', () => {
  const draft = (targeting: object) => ({ titleVi: 'Cảnh báo lỗ hổng VPN', titleEn: 'VPN vulnerability warning', bodyVi: 'Cập nhật ngay.', bodyEn: 'Patch now.', severity: 3, tlp: 'GREEN', targeting, cves: [{ id: 'CVE-2024-3400', cvss: 10, epss: 0.95, knownExploited: true }], indicators: [{ type: 'ipv4', value: '198.18.7.11' }] });

  it('delivers to targeted organisations only: stream audience, signed webhook, e-mail; acks tracked', async () => {
    const received: { headers: Record<string, unknown>; body: string }[] = [];
    const hook = createServer((req, res) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => { received.push({ headers: req.headers, body: b }); res.end('ok'); }); });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    const bank = await t.org('bank-sgb');
    const admin = await t.userIn('bank-sgb', 'org_admin');
    const hookRes = await admin.post(`/api/v1/orgs/${bank}/warning-webhooks`, { url: `http://127.0.0.1:${(hook.address() as { port: number }).port}/lachan`, secret: 'a-very-secret-value-1234' });
    expect(hookRes.statusCode).toBe(201);
    const w = (await t.admin.post('/api/v1/warnings', draft({ sectors: ['BANKING'] }))).json();
    const issued = await t.admin.post(`/api/v1/warnings/${w.id}/issue`);
    expect(issued.json().status).toBe('issued');
    for (let i = 0; i < 100 && (received.length === 0 || mails.length === 0); i++) {
      t.platform.workers.warnings.wake();
      await new Promise((r) => setTimeout(r, 50));
    }
    hook.close();
    expect(received).toHaveLength(1);
    const h = received[0]!.headers;
    expect(h['x-lachan-signature']).toBe(signWebhook('a-very-secret-value-1234', String(h['x-lachan-timestamp']), received[0]!.body));
    expect(mails.some((m) => m.includes('Patch now.'))).toBe(true);

    const hospital = await t.userIn('health-taybac', 'analyst');
    // A warning the hospital was not sent does not exist for it: acknowledging it is a 404, like reading it.
    expect((await hospital.post(`/api/v1/warnings/${w.id}/ack`, {})).statusCode).toBe(404);
    expect((await hospital.get(`/api/v1/warnings/${w.id}`)).statusCode).toBe(404);
    const analyst = await t.userIn('bank-sgb', 'analyst');
    expect((await analyst.get('/api/v1/warnings/inbox')).json().items.map((x: { id: string }) => x.id)).toContain(w.id);
    expect((await analyst.post(`/api/v1/warnings/${w.id}/ack`, {})).json().mine.ackedAt).not.toBeNull();
    const status = (await t.admin.get(`/api/v1/warnings/${w.id}/status`)).json();
    expect(status.acknowledged).toBe(1);
    expect(status.targeted).toBeGreaterThanOrEqual(3);
    expect(status.channels.find((c: { channel: string }) => c.channel === 'webhook').delivered).toBe(1);
  });

  it('only the centre issues national warnings; a province coordinator issues within its province', async () => {
    const prov = await t.userIn('prov-48', 'org_admin');
    const national = (await prov.post('/api/v1/warnings', draft({}))).json();
    expect((await prov.post(`/api/v1/warnings/${national.id}/issue`)).statusCode).toBe(403);
    const local = (await prov.post('/api/v1/warnings', draft({ provinces: ['48'] }))).json();
    expect((await prov.post(`/api/v1/warnings/${local.id}/issue`)).json().status).toBe('issued');
    const analyst = await t.userIn('bank-sgb', 'analyst');
    expect((await analyst.post('/api/v1/warnings', draft({}))).statusCode).toBe(403);
  });

  it('exports CSAF 2.0 with the required fields and a STIX 2.1 report bundle', async () => {
    const w = (await t.admin.post('/api/v1/warnings', draft({ orgIds: [await t.org('bank-svb')] }))).json();
    const csaf = (await t.admin.get(`/api/v1/warnings/${w.id}/csaf`)).json();
    expect(csaf.document).toMatchObject({ category: 'csaf_security_advisory', csaf_version: '2.0', title: 'VPN vulnerability warning', publisher: { category: 'coordinator' } });
    expect(csaf.document.tracking).toEqual(expect.objectContaining({ id: w.id, status: 'draft', version: '0', initial_release_date: expect.any(String), current_release_date: expect.any(String), revision_history: expect.any(Array) }));
    expect(csaf.vulnerabilities[0].cve).toBe('CVE-2024-3400');
    const stix = (await t.admin.get(`/api/v1/warnings/${w.id}/stix`)).json();
    const again = (await t.admin.get(`/api/v1/warnings/${w.id}/stix`)).json();
    expect(stix.id).toBe(again.id);
    const report = stix.objects.find((o: { type: string }) => o.type === 'report');
    // The issuing centre's identity, the indicator and the vulnerability: every one in the bundle.
    expect(report.object_refs).toHaveLength(3);
    expect(report.object_refs.every((id: string) => stix.objects.some((o: { id: string }) => o.id === id))).toBe(true);
    expect(stix.objects.find((o: { type: string }) => o.type === 'indicator').pattern).toBe("[ipv4-addr:value = '198.18.7.11']");
  });
});
