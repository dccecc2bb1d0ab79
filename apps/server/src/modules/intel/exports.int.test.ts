import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let key: Caller & { key: string };
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const now = new Date().toISOString();
const ind = (n: number, pattern: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--${String(n).padStart(8, '0')}-2222-4a5e-9d2b-8d6a0b1c2d3e`, created: now, modified: now,
  name: `test ${n}`, pattern, pattern_type: 'stix', valid_from: now, confidence: 80, ...extra,
});
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key.key}`, ...headers } });

async function upload(c: Caller, objects: unknown[]) {
  const res = await c.post('/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 200; i++) {
    if ((await c.get(`/api/v1/intel/intake-runs/${res.json().runId}`)).json().status !== 'running') return;
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const bank = await t.userIn('bank-sgb', 'analyst');
  await upload(bank, [
    ind(1, "[ipv4-addr:value = '100.200.0.9']"),
    ind(2, "[domain-name:value = 'phish.example.net']"),
    ind(3, "[url:value = 'http://phish.example.net/login']"),
    ind(4, "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']", { confidence: 10 }),
    ind(5, "[domain-name:value = 'amber.example.org']", { object_marking_refs: [AMBER] }),
    ind(6, "[ipv4-addr:value = '100.200.0.10']", { revoked: true }),
    // The documentation and benchmarking networks (TEST-NET-1/2/3, 2001:db8::/32, 198.18.0.0/15) never reach a block list.
    ind(7, "[ipv4-addr:value = '192.0.2.77' OR ipv4-addr:value = '198.51.100.0/24' OR ipv4-addr:value = '203.0.113.5']"),
    ind(8, "[ipv6-addr:value = '2001:db8::7' OR ipv4-addr:value = '198.18.4.4' OR url:value = 'http://203.0.113.5/x']"),
  ]);
  key = await t.keyFor('energy-themluc', 'connector');
});
afterAll(() => t?.close());

describe('outer shield exports', () => {
  it('lists the live values as plain text, filtered by type and decayed score, without others\' AMBER ones', async () => {
    const all = await get('/api/v1/intel/exports/txt');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.body.split('\n').filter(Boolean).sort()).toEqual(['100.200.0.9', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'http://phish.example.net/login', 'phish.example.net']);
    expect((await get('/api/v1/intel/exports/txt?type=domain')).body).toBe('phish.example.net\n');
    expect((await get('/api/v1/intel/exports/txt?minScore=50')).body).not.toContain('e3b0c442');
    expect((await t.admin.get('/api/v1/intel/exports/txt?type=domain')).body).toBe('amber.example.org\nphish.example.net\n');
    expect((await t.admin.get('/api/v1/intel/exports/txt?type=domain&tlp=GREEN')).body).toBe('phish.example.net\n');
  });

  it('writes Suricata rules with unique sids, an RPZ zone, CSV and a STIX bundle', async () => {
    const rules = (await get('/api/v1/intel/exports/suricata')).body.trim().split('\n');
    expect(rules).toHaveLength(2);
    expect(rules.find((r) => r.startsWith('alert dns'))).toContain('msg:"LACHAN intel domain phish.example.net');
    expect(rules.find((r) => r.startsWith('alert ip'))).toContain('-> 100.200.0.9 any');
    expect(new Set(rules.map((r) => /sid:(\d+)/.exec(r)![1])).size).toBe(2);
    const rpz = (await get('/api/v1/intel/exports/rpz')).body;
    expect(rpz).toMatch(/@ IN SOA /);
    expect(rpz).toContain('phish.example.net CNAME .\n*.phish.example.net CNAME .\n');
    const csv = (await get('/api/v1/intel/exports/csv?type=ipv4')).body.trim().split('\n');
    expect(csv[0]).toBe('type,value,score,tlp,indicator_id,name');
    expect(csv[1]).toMatch(/^ipv4,100\.200\.0\.9,\d+\.\d,,indicator--00000001/);
    const stix = await get('/api/v1/intel/exports/stix?type=url');
    expect(stix.headers['content-type']).toContain('application/stix+json');
    expect(stix.json()).toMatchObject({ type: 'bundle', objects: [{ id: 'indicator--00000003-2222-4a5e-9d2b-8d6a0b1c2d3e' }] });
  });

  it('adds the mass-scanning list the campaign noise model keeps, on request and at a low score', async () => {
    // An internet-wide scanner hits four organisations of three sectors: background, kept on the mass-scanning list.
    const scan = (src: string) => JSON.stringify({ title: 'ET SCAN Nmap SYN scan', severity: 'low', sourceRef: `scan-${src}-${Math.random()}`, rule: { id: 'SCAN-1', name: 'scan' },
      rsit: { class: 'information-gathering' }, attack: ['T1595.001'], src: { ip: src }, dst: { ip: `100.64.0.${Math.floor(Math.random() * 200) + 1}` } });
    for (const org of ['fin-haiau', 'fin-commodity', 'fin-ankhang', 'tel-mayngan']) {
      const k = await t.keyFor(org, 'connector');
      const lines = ['185.64.101.7', '185.64.101.7', '185.64.101.7', '198.51.100.99', '198.51.100.99', '198.51.100.99'].map(scan).join('\n');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: lines });
      expect(res.statusCode).toBe(202);
    }
    for (let i = 0; i < 3; i++) {
      await t.platform.relay.flush();
      await t.platform.workers.campaigns.idle();
    }
    expect((await t.admin.get('/api/v1/campaigns/mass-scanning')).json().items.map((s: { value: string }) => s.value)).toEqual(expect.arrayContaining(['185.64.101.7', '198.51.100.99']));
    // Not unless asked: the block lists stay the knowledge base's.
    expect((await get('/api/v1/intel/exports/txt?type=ipv4')).body).toBe('100.200.0.9\n');
    expect((await get('/api/v1/intel/exports/txt?type=ipv4&massScanning=true')).body).toBe('100.200.0.9\n185.64.101.7\n');
    const row = (await get('/api/v1/intel/exports/csv?massScanning=true')).body.split('\n').find((l) => l.startsWith('ipv4,185.64.101.7,'))!;
    const [, , score, tlp, id] = row.split(',');
    expect(Number(score)).toBeGreaterThanOrEqual(15);
    expect(Number(score)).toBeLessThanOrEqual(25);
    expect([tlp, id]).toEqual(['GREEN', 'mass-scanning']);
    expect((await get('/api/v1/intel/exports/suricata?massScanning=true')).body).toMatch(/alert ip any any -> 185\.64\.101\.7 any \(msg:"LACHAN intel ipv4 185\.64\.101\.7 \(mass-scanning\)/);
    // A score floor above it, a CLEAR ceiling, a domain list or a documentation address leave it out.
    expect((await get('/api/v1/intel/exports/txt?massScanning=true&minScore=30')).body).not.toContain('185.64.101.7');
    expect((await get('/api/v1/intel/exports/txt?massScanning=true&tlp=CLEAR')).body).not.toContain('185.64.101.7');
    expect((await get('/api/v1/intel/exports/txt?massScanning=true&type=domain')).body).toBe('phish.example.net\n');
    expect((await get('/api/v1/intel/exports/txt?massScanning=true')).body).not.toContain('198.51.100.99');
    expect((await get('/api/v1/intel/exports/stix?massScanning=true')).body).not.toContain('185.64.101.7');
    expect((await get('/api/v1/intel/exports/txt?massScanning=maybe')).statusCode).toBe(400);
  });

  it('answers 304 when the list has not changed since the caller\'s ETag, and refuses anonymous callers', async () => {
    const first = await get('/api/v1/intel/exports/rpz');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await get('/api/v1/intel/exports/rpz', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/api/v1/intel/exports/rpz', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    expect((await t.anonymous.get('/api/v1/intel/exports/txt')).statusCode).toBe(401);
  });
});
