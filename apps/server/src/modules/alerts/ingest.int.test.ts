import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { AlertPartitions } from './partitions.ts';
import { AlertFeed } from '../../common/alert-feed.ts';

const sample = (p: string) => readFileSync(new URL(`../../../../../fixtures/public/alerts/${p}`, import.meta.url), 'utf8');
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const lachan = (over: Record<string, unknown> = {}) => ({ title: 'SSH brute force against gateway', severity: 'high', src: { ip: '198.51.100.23' }, dst: { ip: '10.48.1.10', port: 22 }, rule: { id: 'ssh-bf' }, ...over });

let t: TestApp;
let key: Caller & { id: string; key: string };
async function ingest(k: { key: string }, format: string, body: string | Buffer, type = 'application/x-ndjson', headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/ingest/${format}`, headers: { authorization: `Bearer ${k.key}`, 'content-type': type, ...headers }, payload: body });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

beforeAll(async () => {
  t = await createTestApp();
  key = await t.keyFor('prov-48', 'connector');
});
afterAll(() => t?.close());

describe('receiving alerts', () => {
  it('takes real Suricata EVE lines, stores the alerts and quarantines the non-alert events with their reason', async () => {
    const r = await ingest(key, 'suricata', sample('suricata/test-eve-small.log'));
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(1);
    expect(r.body.rejected).toBe(11);
    expect(r.body.errors[0]).toEqual({ index: 0, code: 'not_an_alert', message: expect.any(String) });
    const list = (await t.admin.get('/api/v1/alerts?format=suricata')).json().items;
    const detail = (await t.admin.get(`/api/v1/alerts/${list[0].id}`)).json();
    expect(detail.product).toBe('Suricata');
    expect(detail.raw).toContain('"event_type":"alert"');
    expect(detail.observables.length).toBeGreaterThan(0);
  });

  it('takes CEF text lines, gzip-compressed', async () => {
    const r = await ingest(key, 'cef', gzipSync(sample('cef/test-cef.log')), 'text/plain', { 'content-encoding': 'gzip' });
    expect(r.status).toBe(202);
    expect(r.body.accepted + r.body.duplicates).toBeGreaterThan(0);
    expect(r.body.rejected).toBe(0);
  });

  it('answers 400 in the error shape for a corrupt gzip body, 415 for another media type', async () => {
    const bad = await ingest(key, 'cef', Buffer.from('not gzip at all'), 'text/plain', { 'content-encoding': 'gzip' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const wrong = await ingest(key, 'lachan', '<x/>', 'application/xml');
    expect(wrong.status).toBe(415);
  });

  it("files a batch straight into its day's partition, and a day without one into the catch-all", async () => {
    await ingest(key, 'lachan', ndjson([lachan({ title: 'Filed by day' })]));
    const [a] = (await t.admin.get('/api/v1/alerts?q=Filed%20by%20day')).json().items;
    const where = await sql<{ t: string }>`select tableoid::regclass::text as t from alerts where id = ${a.id.split('-')[1]}::bigint`.execute(t.platform.db);
    expect(where.rows[0]!.t).toBe(`alerts_${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`);
    expect(await new AlertPartitions(t.platform.db).tableFor('2001-01-01')).toBe('alerts');
  });

  it('folds repeats into one alert with an occurrence count', async () => {
    const body = ndjson([lachan({ title: 'Repeat me', time: new Date().toISOString() })]);
    expect((await ingest(key, 'lachan', body)).body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await ingest(key, 'lachan', body + '\n' + body)).body).toMatchObject({ accepted: 0, duplicates: 2 });
    const [a] = (await t.admin.get('/api/v1/alerts?q=Repeat%20me')).json().items;
    expect(a.occurrences).toBe(3);
  });

  it('only lets a connector key ingest', async () => {
    const viewer = await t.userIn('prov-48', 'viewer');
    const res = await viewer.request('POST', '/api/v1/ingest/lachan', undefined, { 'content-type': 'application/x-ndjson' });
    expect([403, 400]).toContain(res.statusCode);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { 'content-type': 'application/x-ndjson' }, payload: ndjson([lachan()]) });
    expect(anon.statusCode).toBe(401);
    const viewerKey = await t.keyFor('prov-48', 'viewer');
    expect((await ingest(viewerKey, 'lachan', ndjson([lachan()]))).status).toBe(403);
  });
});

describe('nothing is lost', () => {
  it('quarantines each malformed record with its reason and raw bytes, and keeps the good ones', async () => {
    const broken = '{"title": "truncated';
    const r = await ingest(key, 'lachan', [ndjson([lachan({ title: 'good one' })]), broken, '{"severity":"high"}'].join('\n'));
    expect(r.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(r.body.errors.map((e: { index: number }) => e.index)).toEqual([1, 2]);
    const q = (await t.admin.get('/api/v1/quarantine?state=open')).json().items;
    expect(q.some((i: { raw: string; code: string }) => i.raw === broken && i.code)).toBe(true);
  });

  it('stores a record carrying a NUL byte instead of failing its batch', async () => {
    const r = await ingest(key, 'lachan', `${JSON.stringify(lachan({ title: 'nul\u0000inside' }))}\n${JSON.stringify(lachan({ title: 'its neighbour' }))}`);
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(2);
  });

  it('keeps a body that cannot be cut into records whole, in quarantine', async () => {
    const r = await ingest(key, 'wazuh', '[{"rule": {"level": 3}', 'application/json');
    expect(r.status).toBe(202);
    expect(r.body.rejected).toBe(1);
  });

  it('replays quarantined records after a parser fix, and counts those still failing', async () => {
    const orgId = await t.org('prov-48');
    const good = JSON.stringify(lachan({ title: 'rejected by an older parser' }));
    await sql`insert into quarantine (org_id, format, code, message, raw) values (${orgId}, 'lachan', 'old_parser_bug', 'was rejected', ${good}), (${orgId}, 'lachan', 'malformed_json', 'bad', '{oops')`.execute(t.platform.db);
    const ids = (await t.admin.get('/api/v1/quarantine?state=open&limit=500')).json().items.filter((i: { code: string }) => ['old_parser_bug', 'malformed_json'].includes(i.code)).map((i: { id: string }) => i.id);
    const res = await t.admin.post('/api/v1/quarantine/replay', { ids });
    expect(res.json()).toMatchObject({ replayed: 1, stillFailing: expect.any(Number) });
    const after = (await t.admin.get('/api/v1/quarantine?state=replayed')).json().items;
    const replayed = after.find((i: { raw: string }) => i.raw === good);
    expect(replayed.alertId).toMatch(/^\d{8}-\d+$/);
    expect((await t.admin.get(`/api/v1/alerts/${replayed.alertId}`)).json().title).toBe('rejected by an older parser');
  });

  it('answers 503 with Retry-After when the ingest queue is full, and stores exactly what it acknowledged', async () => {
    const tight = await createTestApp({ ingestMaxRunning: 1, ingestMaxQueued: 0 });
    try {
      const k = await tight.keyFor('prov-01', 'connector');
      const batch = (n: number) => ndjson(Array.from({ length: 2000 }, (_, i) => lachan({ title: `load ${n}-${i}`, sourceRef: `${n}-${i}` })));
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => tight.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: batch(n) })));
      const refused = results.filter((r) => r.statusCode === 503);
      const accepted = results.filter((r) => r.statusCode === 202);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.headers['retry-after']).toBe('1');
      expect(refused[0]!.json().error.code).toBe('overloaded');
      const acked = accepted.reduce((n, r) => n + r.json().accepted, 0);
      const stored = await sql<{ n: number }>`select count(*)::int as n from alerts where title like 'load %'`.execute(tight.platform.db);
      expect(stored.rows[0]!.n).toBe(acked);
    } finally {
      await tight.close();
    }
  });
});

describe('attribution', () => {
  it('attributes a SOC provider alert to the client owning the asset, which inherits its sector and province, and hides it from others', async () => {
    const client = await t.org('air-cuabien');
    expect((await t.admin.post(`/api/v1/orgs/${client}/assets`, { kind: 'cidr', value: '10.77.0.0/16' })).statusCode).toBe(201);
    const soc = await t.keyFor('soc-haidang', 'connector');
    const r = await ingest(soc, 'lachan', ndjson([lachan({ title: 'Airport scan', dst: { ip: '10.77.3.4' } })]));
    expect(r.body.accepted).toBe(1);
    const [alert] = (await t.admin.get('/api/v1/alerts?q=Airport%20scan')).json().items;
    expect(alert).toMatchObject({ orgId: client, attributed: true, sectors: ['TRANSPORT'], provinceCode: '48' });
    const clientViewer = await t.userIn('air-cuabien', 'viewer');
    const socAnalyst = await t.userIn('soc-haidang', 'analyst');
    const stranger = await t.userIn('prov-01', 'analyst');
    expect((await clientViewer.get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(200);
    expect((await socAnalyst.get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(200);
    expect((await stranger.get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/alerts?q=Airport%20scan')).json().items).toHaveLength(0);
  });

  it('leaves an alert about another organisation\'s asset with its sender when the sender has no say over that organisation', async () => {
    const owner = await t.org('air-cuabien');
    const outsider = await t.keyFor('prov-01', 'connector');
    await ingest(outsider, 'lachan', ndjson([lachan({ title: 'Outsider report', dst: { ip: '10.77.9.9' } })]));
    const [alert] = (await t.admin.get('/api/v1/alerts?q=Outsider%20report')).json().items;
    expect(alert.orgId).not.toBe(owner);
    expect(alert.attributed).toBe(false);
    expect(alert.orgId).toBe(await t.org('prov-01'));
  });
});

describe('indicator matching at ingest', () => {
  it('stores on the alert which observables matched live indicators, and hands them to the batch consumers', async () => {
    const heard: number[] = [];
    const off = t.platform.alertFeed.subscribe((b) => b.alerts.forEach((a) => a.indicatorMatches.forEach((m) => heard.push(m.indicatorId))));
    t.platform.indicators.use({ match: (obs) => obs.flatMap((o, i) => (o.value === '203.0.113.200' ? [{ observableIndex: i, indicatorId: 4242 }] : [])) });
    try {
      const res = await ingest(key, 'lachan', ndjson([lachan({ title: 'beacon to known C2', src: { ip: '203.0.113.200' } }), lachan({ title: 'quiet one', src: { ip: '198.51.100.1' } })]));
      expect(res.body.accepted).toBe(2);
      const hit = (await t.admin.get('/api/v1/alerts?q=203.0.113.200')).json().items[0];
      const detail = (await t.admin.get(`/api/v1/alerts/${hit.id}`)).json();
      expect(detail.indicatorMatches).toHaveLength(1);
      expect(detail.observables[detail.indicatorMatches[0].observableIndex].value).toBe('203.0.113.200');
      const miss = (await t.admin.get('/api/v1/alerts?q=198.51.100.1')).json().items[0];
      expect((await t.admin.get(`/api/v1/alerts/${miss.id}`)).json().indicatorMatches).toEqual([]);
      expect(heard).toEqual([4242]);
    } finally {
      t.platform.indicators.use(null);
      off();
    }
  });
});

describe('promotion to incidents', () => {
  it('opens an incident for a critical alert by the national rule, and adds repeats to the same incident', async () => {
    await ingest(key, 'lachan', ndjson([lachan({ title: 'Ransomware on file server', severity: 'critical', rule: { id: 'rw-1' } })]));
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const incidents = (await t.admin.get(`/api/v1/incidents?orgId=${await t.org('prov-48')}`)).json().items;
    const inc = incidents.find((i: { title: string }) => i.title.includes('Ransomware on file server'));
    expect(inc).toMatchObject({ severity: 4, status: 'new', alertCount: 1 });
    // Another source, the same system: the same group of the critical rule (signature and asset).
    await ingest(key, 'lachan', ndjson([lachan({ title: 'Ransomware on file server', severity: 'critical', rule: { id: 'rw-1' }, src: { ip: '198.51.100.24' } })]));
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const again = (await t.admin.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(again.alertCount).toBe(2);
  });

  it('opens an incident when a count threshold is crossed inside the window', async () => {
    const orgId = await t.org('prov-48');
    await t.admin.post('/api/v1/promotion-rules', { orgId, name: 'Scan storm', conditions: { rsitClasses: ['information-gathering'], count: { threshold: 5, windowMinutes: 10, groupBy: 'srcIp' } } });
    const scan = (i: number) => lachan({ title: `port scan ${i}`, severity: 'low', rsit: { class: 'information-gathering', type: 'scanner' }, src: { ip: '203.0.113.77' } });
    await ingest(key, 'lachan', ndjson([scan(1), scan(2), scan(3)]));
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const before = (await t.admin.get(`/api/v1/incidents?orgId=${orgId}`)).json().items.filter((i: { title: string }) => i.title.startsWith('Scan storm'));
    expect(before).toHaveLength(0);
    await ingest(key, 'lachan', ndjson([scan(4), scan(5), scan(6)]));
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const after = (await t.admin.get(`/api/v1/incidents?orgId=${orgId}`)).json().items.filter((i: { title: string }) => i.title.startsWith('Scan storm'));
    expect(after).toHaveLength(1);
  });

  it('counts repeats folded into one alert toward the threshold, and the alert names its incident', async () => {
    const orgId = await t.org('prov-48');
    await t.admin.post('/api/v1/promotion-rules', { orgId, name: 'Login storm', conditions: { rsitClasses: ['intrusion-attempts'], count: { threshold: 4, windowMinutes: 10, groupBy: 'srcIp' } } });
    const attempt = lachan({ title: 'login failed', severity: 'low', rsit: { class: 'intrusion-attempts', type: 'brute-force' }, src: { ip: '203.0.113.88' } });
    const first = await ingest(key, 'lachan', ndjson([attempt, attempt, attempt]));
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 2 });
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const storms = async () => (await t.admin.get(`/api/v1/incidents?orgId=${orgId}`)).json().items.filter((i: { title: string }) => i.title.startsWith('Login storm'));
    expect(await storms()).toHaveLength(0);
    await ingest(key, 'lachan', ndjson([attempt]));
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const [storm] = await storms();
    expect(storm).toBeDefined();
    const alert = (await t.admin.get(`/api/v1/alerts?q=203.0.113.88`)).json().items[0];
    expect(alert.incidentId).toBe(storm.id);
  });

  it('promotes a batch it did not hear of in memory by reading it back (as after a restart)', async () => {
    // A second engine, as another process would be, has no batch in memory and takes the database path.
    const { PromotionEngine } = await import('../incidents/index.ts');
    const silenced = { ...t.platform, alertFeed: new AlertFeed() };
    const other = new PromotionEngine(silenced);
    await t.platform.workers.promotion.idle();
    await t.platform.db.updateTable('promotion_rules').set({ enabled: false }).where('name', '=', 'Critical alert').execute();
    await ingest(key, 'lachan', ndjson([lachan({ title: 'Wiper on historian', severity: 'critical', rule: { id: 'wiper-1' } })]));
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    await t.platform.db.updateTable('promotion_rules').set({ enabled: true }).where('name', '=', 'Critical alert').execute();
    await sql`update consumer_offsets set last_id = last_id - 1 where name = 'promotion'`.execute(t.platform.db);
    await other.start();
    await other.idle();
    const found = (await t.admin.get(`/api/v1/incidents?orgId=${await t.org('prov-48')}`)).json().items.find((i: { title: string }) => i.title.includes('Wiper on historian'));
    expect(found).toMatchObject({ severity: 4, alertCount: 1 });
  });
});
