import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { DigestWorker } from './digest.worker.ts';
import { digestsRepository } from './digests.repository.ts';

const sample = (name: string) => readFileSync(new URL(`../../../../../fixtures/public/constituency/${name}`, import.meta.url), 'utf8');

let t: TestApp;
let centreKey: Caller & { key: string };
let bankKey: Caller & { key: string };
let sgb: string;
let svb: string;
let sgbAnalyst: Caller;
let svbAnalyst: Caller;
let centre: Caller;

async function send(k: { key: string }, feed: string, body: string, query = '') {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/constituency/reports/${feed}${query}`, headers: { authorization: `Bearer ${k.key}`, 'content-type': 'text/csv' }, payload: body });
  return { status: res.statusCode, body: res.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  centre = t.admin;
  centreKey = await t.keyFor('ncc', 'connector');
  bankKey = await t.keyFor('bank-sgb', 'connector');
  sgb = await t.org('bank-sgb');
  svb = await t.org('bank-svb');
  // The first bank registered 203.0.113.0/24 and its domain; the second 198.51.100.64/26.
  for (const [org, kind, value] of [[sgb, 'cidr', '203.0.113.0/24'], [sgb, 'domain', 'bank-a.example'], [svb, 'cidr', '198.51.100.64/26']] as const) {
    expect((await t.admin.post(`/api/v1/orgs/${org}/assets`, { kind, value })).statusCode).toBe(201);
  }
  sgbAnalyst = await t.userIn('bank-sgb', 'analyst');
  svbAnalyst = await t.userIn('bank-svb', 'analyst');
});
afterAll(() => t?.close());

describe('constituency reports through a connector', () => {
  it('puts each Shadowserver row in the queue of the organisation that registered the host, the rest with the centre', async () => {
    const r = await send(centreKey, 'shadowserver', sample('2026-12-05-scan_rdp-vn-geo.csv'), '?filename=2026-12-05-scan_rdp-vn-geo.csv');
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0, report: 'scan_rdp' });
    const mine = (await sgbAnalyst.get('/api/v1/constituency/rows')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ orgId: sgb, attributed: true, reportType: 'scan_rdp', reportDay: '2026-12-05', host: '203.0.113.21', severity: 3 });
    expect(mine[0].sectors.length).toBeGreaterThan(0);
    // The alert itself is in the bank's queue.
    const alert = (await sgbAnalyst.get(`/api/v1/alerts/${mine[0].alertId}`)).json();
    expect(alert).toMatchObject({ orgId: sgb, format: 'constituency', attributed: true, title: 'Accessible-RDP: 203.0.113.21:3389 (rdp)' });
    const unknown = (await centre.get('/api/v1/constituency/rows?owner=unknown')).json().items;
    expect(unknown.map((x: { host: string }) => x.host)).toEqual(['192.0.2.45']);
    expect(unknown[0].attributed).toBe(false);
  });

  it('keeps one alert per host, report type and report day: the same report sent again adds nothing', async () => {
    const again = await send(centreKey, 'shadowserver', sample('2026-12-05-scan_rdp-vn-geo.csv'), '?filename=2026-12-05-scan_rdp-vn-geo.csv');
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
    // Two connections of one infected host on one day fold into one alert.
    const sink = await send(centreKey, 'shadowserver', sample('2026-12-05-event4_sinkhole-vn-geo.csv'), '?report=event4_sinkhole');
    expect(sink.body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 0 });
    const rows = (await sgbAnalyst.get('/api/v1/constituency/rows?reportType=event4_sinkhole')).json().items;
    expect(rows).toHaveLength(1);
    expect((await sgbAnalyst.get(`/api/v1/alerts/${rows[0].alertId}`)).json().occurrences).toBe(2);
    // Stored again on another day (as a later delivery would be): still nothing new.
    await sql`update constituency_rows set received_at = received_at - interval '2 days'`.execute(t.platform.db);
    expect((await send(centreKey, 'shadowserver', sample('2026-12-05-event4_sinkhole-vn-geo.csv'), '?report=event4_sinkhole')).body).toMatchObject({ accepted: 0, duplicates: 3 });
    await sql`update constituency_rows set received_at = received_at + interval '2 days'`.execute(t.platform.db);
  });

  it('reads the abuse.ch feeds and quarantines what names no host, with the reason', async () => {
    expect((await send(centreKey, 'urlhaus', sample('urlhaus-csv-recent.csv'))).body).toMatchObject({ accepted: 3, rejected: 0, report: 'urlhaus' });
    expect((await send(centreKey, 'feodo', sample('feodo-ipblocklist.csv'))).body).toMatchObject({ accepted: 2, rejected: 0 });
    const fox = await send(centreKey, 'threatfox', sample('threatfox-recent.csv'));
    expect(fox.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(fox.body.errors).toEqual([{ index: 2, code: 'no_constituency_host', message: expect.any(String) }]);
    const q = (await centre.get('/api/v1/quarantine?limit=500')).json().items.filter((x: { format: string }) => x.format === 'constituency');
    expect(q.map((x: { code: string }) => x.code)).toContain('no_constituency_host');
    expect(JSON.parse(q[0].raw)).toMatchObject({ feed: 'threatfox', report: 'threatfox' });
    // The URL on the bank's domain went to the bank; the Feodo C2 in the second bank's range to that bank.
    expect((await sgbAnalyst.get('/api/v1/constituency/rows?feed=urlhaus')).json().items.map((x: { host: string }) => x.host)).toEqual(['shop.bank-a.example', '203.0.113.50']);
    expect((await svbAnalyst.get('/api/v1/constituency/rows?feed=feodo')).json().items.map((x: { host: string }) => x.host)).toEqual(['198.51.100.71']);
  });

  it('never shows one organisation the rows of another', async () => {
    const theirs = (await svbAnalyst.get('/api/v1/constituency/rows?limit=500')).json().items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((x: { orgId: string }) => x.orgId === svb)).toBe(true);
    expect((await svbAnalyst.get(`/api/v1/constituency/rows?orgId=${sgb}`)).statusCode).toBe(403);
    expect((await svbAnalyst.get(`/api/v1/constituency/digest?orgId=${sgb}`)).statusCode).toBe(403);
    expect((await svbAnalyst.get(`/api/v1/constituency/stats?orgId=${sgb}`)).statusCode).toBe(403);
    const stats = (await svbAnalyst.get('/api/v1/constituency/stats')).json();
    expect(stats.unknownOwner).toBe(0);
    expect(stats.total).toBe(theirs.length);
    // A connector key cannot read, a user cannot send.
    expect((await bankKey.get('/api/v1/constituency/rows')).statusCode).toBe(403);
    expect((await sgbAnalyst.request('POST', '/api/v1/constituency/reports/feodo', undefined, { 'content-type': 'text/csv' })).statusCode).toBe(403);
  });

  it('lets a connector of an organisation attribute only within its own scope', async () => {
    // The bank's own connector reports a host of the other bank: it stays with the sender, unattributed.
    const body = 'timestamp,ip,port\n2026-12-05 10:00:00,198.51.100.99,3389\n';
    expect((await send(bankKey, 'shadowserver', body, '?report=scan_rdp&reportDate=2026-12-05')).body).toMatchObject({ accepted: 1 });
    expect((await svbAnalyst.get('/api/v1/constituency/rows?reportType=scan_rdp')).json().items).toEqual([]);
    const kept = (await sgbAnalyst.get('/api/v1/constituency/rows?owner=unknown')).json().items;
    expect(kept.map((x: { host: string }) => x.host)).toEqual(['198.51.100.99']);
  });
});

describe('statistics and unknown owners', () => {
  it('counts by report type, sector and province for the centre, unknown owners included', async () => {
    const s = (await centre.get('/api/v1/constituency/stats')).json();
    expect(s.total).toBeGreaterThanOrEqual(11);
    // 192.0.2.45 (scan_rdp), 198.51.100.60 (URLhaus), and the bank connector's 198.51.100.99.
    expect(s.unknownOwner).toBeGreaterThanOrEqual(3);
    const byType = Object.fromEntries(s.byReportType.map((c: { key: string; rows: number }) => [c.key, c.rows]));
    expect(byType).toMatchObject({ scan_rdp: 3, event4_sinkhole: 2, urlhaus: 3, feodo: 2, threatfox: 2 });
    expect(s.bySector.length).toBeGreaterThan(0);
    expect(s.byProvince.some((c: { key: string }) => c.key !== 'none')).toBe(true);
    // Rows of unknown owners count under no sector and no province (not the centre's).
    expect(s.bySector.find((c: { key: string }) => c.key === 'none')?.rows).toBe(s.unknownOwner);
    expect(s.byProvince.find((c: { key: string }) => c.key === 'none')?.rows).toBe(s.unknownOwner);
    const bank = (await sgbAnalyst.get('/api/v1/constituency/stats')).json();
    expect(bank.total).toBeLessThan(s.total);
  });
});

describe('generic CSV through a mapping the centre defines', () => {
  const mapping = {
    name: 'ISP abuse list', reportType: 'isp_abuse', delimiter: ';', rsitClass: 'malicious-code', rsitType: 'infected-system', severity: 2, timeZone: 'Asia/Ho_Chi_Minh',
    columns: { time: 'Thoi gian', ip: 'Dia chi IP', port: 'Cong', malware: 'Ma doc', severity: 'Muc do', description: 'Ghi chu' },
  };

  it('validates a mapping, stores and edits it as data, and reads a report through it', async () => {
    expect((await centre.post('/api/v1/constituency/mappings', { ...mapping, columns: { time: 'Thoi gian' } })).json().error.code).toBe('validation_failed');
    expect((await centre.post('/api/v1/constituency/mappings', { ...mapping, timeZone: 'Mars/Base' })).statusCode).toBe(400);
    expect((await centre.post('/api/v1/constituency/mappings', { ...mapping, rsitType: 'nonsense' })).statusCode).toBe(400);
    expect((await centre.post('/api/v1/constituency/mappings', { ...mapping, extra: 1 })).statusCode).toBe(400);
    expect((await sgbAnalyst.post('/api/v1/constituency/mappings', mapping)).statusCode).toBe(403);
    const created = await centre.post('/api/v1/constituency/mappings', mapping);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await centre.post('/api/v1/constituency/mappings', mapping)).statusCode).toBe(409);
    // No RSIT classification is allowed (a cleared field): the rows are then "other".
    const plain = await centre.post('/api/v1/constituency/mappings', { ...mapping, name: 'Plain', rsitClass: null, rsitType: null });
    expect(plain.json()).toMatchObject({ rsitClass: null, rsitType: null });
    expect((await centre.patch(`/api/v1/constituency/mappings/${id}`, { severity: 3 })).json()).toMatchObject({ severity: 3, name: 'ISP abuse list' });
    const r = await send(centreKey, 'csv', sample('generic-isp-abuse.csv'), `?mappingId=${id}`);
    expect(r.body).toMatchObject({ accepted: 2, rejected: 2, report: 'isp_abuse' });
    expect(r.body.errors.map((e: { code: string }) => e.code)).toEqual(['invalid_value', 'column_count']);
    expect((await sgbAnalyst.get('/api/v1/constituency/rows?reportType=isp_abuse')).json().items[0]).toMatchObject({ host: '203.0.113.90', severity: 3 });
    expect((await svbAnalyst.get('/api/v1/constituency/rows?reportType=isp_abuse')).json().items[0]).toMatchObject({ host: '198.51.100.91', severity: 2 });
    const audit = await sql<{ action: string }>`select action from audit_log where entity_type = 'constituency_mapping' order by id`.execute(t.platform.db);
    expect(audit.rows.map((a) => a.action)).toEqual(['constituency_mapping.create', 'constituency_mapping.create', 'constituency_mapping.update']);
    expect((await centre.get('/api/v1/constituency/mappings')).json().map((m: { id: string }) => m.id)).toContain(id);
  });

  it('answers 400 for a request it cannot read, and quarantines a body it cannot cut', async () => {
    expect((await send(centreKey, 'csv', 'a;b\n')).status).toBe(400);
    expect((await send(centreKey, 'shadowserver', 'timestamp,ip\n')).status).toBe(400);
    const headerless = await send(centreKey, 'shadowserver', 'ip,port\n203.0.113.1,22\n', '?report=scan_ssh');
    expect(headerless.status).toBe(202);
    expect(headerless.body).toMatchObject({ accepted: 0, rejected: 1, errors: [{ code: 'missing_header' }] });
  });
});

describe('daily digest', () => {
  it('makes one digest per organisation and day, e-mails it, and shows it in the console', async () => {
    await sql`update organizations set incident_reception_email = 'soc@bank-sgb.example' where id = ${sgb}`.execute(t.platform.db);
    const sent: { to: string; subject: string; text: string }[] = [];
    const transport = createTransport({ jsonTransport: true });
    const real = transport.sendMail.bind(transport);
    transport.sendMail = (async (m: { to: string; subject: string; text: string }) => {
      sent.push(m);
      return real(m);
    }) as typeof transport.sendMail;
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = { ...t.platform, now: () => new Date(Date.now() + 86_400_000) };
    const worker = new DigestWorker(tomorrow, transport);
    // Two processes passing at once send each digest once.
    const [a, b] = await Promise.all([worker.pass(), new DigestWorker(tomorrow, transport).pass()]);
    expect(a + b).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(0);
    expect(await worker.pass()).toBe(0);
    // One mail per organisation with a reception address (the centre's holds the unknown owners).
    expect(new Set(sent.map((m) => m.to)).size).toBe(sent.length);
    const bankMail = sent.filter((m) => m.to === 'soc@bank-sgb.example');
    expect(bankMail).toHaveLength(1);
    expect(bankMail[0]!.subject).toContain(`Constituency reports of ${today}`);
    expect(bankMail[0]!.text).toContain('scan_rdp');
    expect(bankMail[0]!.text).not.toContain('198.51.100.71');
    const digest = (await sgbAnalyst.get(`/api/v1/constituency/digest?day=${today}`)).json();
    expect(digest.total).toBeGreaterThan(0);
    expect(digest.rows.every((r: { orgId: string }) => r.orgId === sgb)).toBe(true);
    expect(digest.email).toMatchObject({ status: 'sent', recipient: 'soc@bank-sgb.example' });
    const other = (await svbAnalyst.get(`/api/v1/constituency/digest?day=${today}`)).json();
    expect(other.email.recipient).not.toBe('soc@bank-sgb.example');
    expect(other.rows.every((r: { orgId: string }) => r.orgId === svb)).toBe(true);
  });
});

describe('digest claims', () => {
  it('leases a claimed digest: a second process reads it neither while it is sent nor after a failure until its retry is due', async () => {
    const day = '2001-01-01';
    await sql`insert into constituency_digests (org_id, day, row_count, status, recipient) values (${svb}, ${day}::date, 1, 'pending', 'soc@svb.example')`.execute(t.platform.db);
    const mine = <R extends { org_id: string; day: string }>(rows: R[]): R[] => rows.filter((r) => r.org_id === svb && r.day === day);
    const [first, second] = await Promise.all([digestsRepository.claimDue(t.platform.db, 6, 50, 60), digestsRepository.claimDue(t.platform.db, 6, 50, 60)]);
    expect(mine(first).length + mine(second).length).toBe(1);
    // Still pending while the first process sends it: nobody else takes it.
    expect(mine(await digestsRepository.claimDue(t.platform.db, 6, 50, 60))).toHaveLength(0);
    const claimed = mine([...first, ...second])[0]!;
    await digestsRepository.settle(t.platform.db, claimed, { error: 'smtp down', dead: false, retryInS: 3600 });
    expect(mine(await digestsRepository.claimDue(t.platform.db, 6, 50, 60))).toHaveLength(0);
    // A late outcome of the same attempt does not overwrite the next one's.
    await digestsRepository.settle(t.platform.db, claimed, { error: null, dead: false, retryInS: 0 });
    expect(await digestsRepository.get(t.platform.db, svb, day)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'smtp down' });
    await sql`update constituency_digests set next_attempt_at = now() where org_id = ${svb} and day = ${day}::date`.execute(t.platform.db);
    expect(mine(await digestsRepository.claimDue(t.platform.db, 6, 50, 60))).toMatchObject([{ attempts: 1 }]);
  });
});
