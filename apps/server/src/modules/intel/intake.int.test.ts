import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';

let t: TestApp;
let analyst: Caller;
const TS = '2024-03-01T10:00:00.000Z';
const uuid = (n: number) => `0000${n.toString(16)}`.slice(-4).padStart(8, '0') + '-1111-4a5e-9d2b-8d6a0b1c2d3e';
const indicator = (n: number) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--${uuid(n)}`, created: TS, modified: TS,
  pattern: `[ipv4-addr:value = '198.51.100.${n % 250}']`, pattern_type: 'stix', valid_from: TS, indicator_types: ['malicious-activity'],
});
const bundle = (objects: unknown[]) => ({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });

const finished = finishedRun;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.userIn('bank-sgb', 'analyst');
});
afterAll(() => t?.close());

describe('STIX bundle intake', () => {
  it('answers 202 with the run once the body is read, having stored the valid objects, counting duplicates and invalid ones with their reason', async () => {
    const objects = [...Array.from({ length: 1205 }, (_, i) => indicator(i)), { type: 'indicator', id: 'nope' }, indicator(3)];
    const res = await analyst.post('/api/v1/intel/bundles', bundle(objects));
    expect(res.statusCode, res.body).toBe(202);
    const run = await finished(analyst, res.json().runId);
    expect(run).toMatchObject({ kind: 'bundle', status: 'done', received: 1207, stored: 1205, duplicates: 1, invalid: 1 });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].index).toBe(1205);

    const again = await finished(analyst, (await analyst.post('/api/v1/intel/bundles', bundle([indicator(1)]))).json().runId);
    expect(again).toMatchObject({ stored: 0, duplicates: 1 });
    const list = (await analyst.get('/api/v1/intel/intake-runs')).json().items;
    expect(list.map((r: { id: string }) => r.id)).toContain(run.id);
  });

  it('streams a large bundle: every object stored in chunks, bytes read reaching the declared total', async () => {
    // 50,000 distinct indicators (about 14 MB), the bundle's type written last so the reader must find it anywhere.
    const objects = Array.from({ length: 50_000 }, (_, i) => ({ ...indicator(i), id: `indicator--${i.toString(16).padStart(8, '0')}-2222-4a5e-9d2b-8d6a0b1c2d3e` }));
    const body = Buffer.from(JSON.stringify({ id: 'bundle--0e4e1f2a-3b5c-4d6e-8f70-81a2b3c4d5e6', objects, type: 'bundle' }));
    const res = await analyst.request('POST', '/api/v1/intel/bundles', body, { 'content-type': 'application/json' });
    expect(res.statusCode, res.body).toBe(202);
    const run = await finished(analyst, res.json().runId);
    expect(run).toMatchObject({ kind: 'bundle', source: 'bundle--0e4e1f2a-3b5c-4d6e-8f70-81a2b3c4d5e6', status: 'done', received: 50_000, stored: 50_000, invalid: 0, bytesRead: body.length, bytesTotal: body.length });
  }, 180_000);

  it('shows the upload\'s progress on the run while the body is still arriving', async () => {
    const key = await t.keyFor('bank-sgb', 'analyst');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const body = Buffer.from(JSON.stringify(bundle(Array.from({ length: 3000 }, (_, i) => ({ ...indicator(i), id: `indicator--${i.toString(16).padStart(8, '0')}-5555-4a5e-9d2b-8d6a0b1c2d3e` })))));
    const req = request({ host: '127.0.0.1', port: (t.app.server.address() as AddressInfo).port, path: '/api/v1/intel/bundles', method: 'POST', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json', 'content-length': body.length } });
    const answered = new Promise<{ status: number; text: string }>((ok, fail) => req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => ok({ status: res.statusCode!, text }));
    }).on('error', fail));
    req.write(body.subarray(0, Math.floor(body.length * 0.6)));
    let during: { id: string; status: string; bytesRead: number; bytesTotal: number; stored: number } | undefined;
    for (let i = 0; i < 400 && !(during && during.stored >= 1000); i++) {
      await new Promise((ok) => setTimeout(ok, 25));
      during = (await analyst.get('/api/v1/intel/intake-runs')).json().items.find((r: { bytesTotal: number; status: string }) => r.bytesTotal === body.length && r.status === 'running');
    }
    expect(during).toMatchObject({ status: 'running', bytesTotal: body.length });
    expect(during!.bytesRead).toBeGreaterThan(0);
    expect(during!.bytesRead).toBeLessThan(body.length);
    req.end(body.subarray(Math.floor(body.length * 0.6)));
    const res = await answered;
    expect(res.status, res.text).toBe(202);
    expect(await finished(analyst, JSON.parse(res.text).runId)).toMatchObject({ id: during!.id, status: 'done', stored: 3000, bytesRead: body.length });
  });

  it('keeps the objects read before a broken tail and says where the JSON broke', async () => {
    const head = JSON.stringify({ type: 'bundle', objects: Array.from({ length: 1500 }, (_, i) => indicator(3000 + i)) }).slice(0, -2);
    const res = await analyst.request('POST', '/api/v1/intel/bundles', Buffer.from(`${head},{"type": "indicator", "id": ]}`), { 'content-type': 'application/json' });
    expect(res.statusCode, res.body).toBe(400);
    const run = (await analyst.get(`/api/v1/intel/intake-runs/${res.json().error.details.runId}`)).json();
    expect(run.status).toBe('failed');
    expect(run.stored).toBeGreaterThanOrEqual(1000);
    expect(run.errors.at(-1).message).toMatch(/not valid JSON/);
  });

  it('refuses a body that is not a bundle, and uploads by those without intel.write', async () => {
    expect((await analyst.post('/api/v1/intel/bundles', { objects: [] })).statusCode).toBe(400);
    const viewer = await t.userIn('bank-sgb', 'viewer');
    expect((await viewer.post('/api/v1/intel/bundles', bundle([indicator(1)]))).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/intel/bundles', bundle([indicator(1)]))).statusCode).toBe(401);
    const tooBig = await analyst.request('POST', '/api/v1/intel/bundles', undefined, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
    expect(tooBig.statusCode).toBe(413);
  });

  it('hides one organisation\'s runs from another', async () => {
    const run = (await analyst.post('/api/v1/intel/bundles', bundle([indicator(900)]))).json();
    await finished(analyst, run.runId);
    const other = await t.userIn('energy-themluc', 'analyst');
    expect((await other.get(`/api/v1/intel/intake-runs/${run.runId}`)).statusCode).toBe(404);
    expect((await t.admin.get(`/api/v1/intel/intake-runs/${run.runId}`)).statusCode).toBe(200);
  });
});

describe('ATT&CK import', () => {
  it('stores techniques, mitigations and mitigates relationships where decision support finds them', async () => {
    const ap = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--7e150503-88e7-4861-866b-ff1ac82c4475', created: TS, modified: TS, name: 'Data Encrypted for Impact', external_references: [{ source_name: 'mitre-attack', external_id: 'T1486', url: 'https://attack.mitre.org/techniques/T1486' }] };
    const coa = { type: 'course-of-action', spec_version: '2.1', id: 'course-of-action--3efe43d1-6f3f-4fcb-ab39-4a730971f70b', created: TS, modified: TS, name: 'Data Backup', description: 'Take and test backups.' };
    const rel = { type: 'relationship', spec_version: '2.1', id: 'relationship--0c6f3f1a-1111-4a5e-9d2b-8d6a0b1c2d3e', created: TS, modified: TS, relationship_type: 'mitigates', source_ref: coa.id, target_ref: ap.id };
    const res = await t.admin.post('/api/v1/intel/attack', bundle([ap, coa, rel]));
    expect(res.statusCode, res.body).toBe(202);
    expect(await finished(t.admin, res.json().runId)).toMatchObject({ kind: 'attack', status: 'done', stored: 3, invalid: 0 });

    const inc = await analyst.post('/api/v1/incidents', { severity: 3, title: 'Mã độc tống tiền', attack: ['T1486'] });
    expect(inc.statusCode, inc.body).toBe(201);
    const d = (await analyst.get(`/api/v1/incidents/${inc.json().id}/decision-support`)).json();
    expect(d.techniques).toEqual([{ id: 'T1486', name: 'Data Encrypted for Impact', mitigations: [{ id: coa.id, name: 'Data Backup', description: 'Take and test backups.' }] }]);
  });
});
