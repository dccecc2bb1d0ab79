import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

const apt1 = JSON.parse(readFileSync(new URL('../../../../../fixtures/public/stix/examples/oasis/threat-reports/apt1.json', import.meta.url), 'utf8')) as { objects: unknown[] };
const APT1 = 'intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a';
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const MALWARE = 'malware--7a4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const PHISH = 'attack-pattern--a62a8db3-f23a-4d8f-afd6-9dbc77e7813b';
const SECRET = 'indicator--5b0c3d9e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const base = { spec_version: '2.1', created: '2025-03-01T00:00:00.000Z' };
const own = [
  { ...base, type: 'malware', id: MALWARE, modified: '2025-03-01T00:00:00.000Z', name: 'Mã độc Lazarus', is_family: true },
  { ...base, type: 'attack-pattern', id: PHISH, modified: '2025-03-01T00:00:00.000Z', name: 'Phishing', external_references: [{ source_name: 'mitre-attack', external_id: 'T1566', url: 'https://attack.mitre.org/techniques/T1566' }] },
  { ...base, type: 'relationship', id: 'relationship--0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', modified: '2025-03-01T00:00:00.000Z', relationship_type: 'uses', source_ref: APT1, target_ref: PHISH },
  { ...base, type: 'indicator', id: SECRET, modified: '2025-03-01T00:00:00.000Z', name: 'Máy chủ điều khiển nội bộ', pattern: "[ipv4-addr:value = '198.51.100.77']", pattern_type: 'stix', valid_from: '2025-03-01T00:00:00Z', object_marking_refs: [AMBER] },
];

let t: TestApp;
let bank: Caller & { orgId: string };
let energy: Caller & { orgId: string };

async function upload(c: Caller, objects: unknown[]): Promise<void> {
  const res = await c.post('/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56d', objects });
  expect(res.statusCode, res.body).toBe(202);
  let run = { status: 'running' };
  for (let i = 0; i < 400 && run.status === 'running'; i++) {
    await new Promise((ok) => setTimeout(ok, 25));
    run = (await c.get(`/api/v1/intel/intake-runs/${res.json().runId}`)).json();
  }
  expect(run).toMatchObject({ status: 'done', invalid: 0 });
}
const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((i) => i.id);

beforeAll(async () => {
  // Feeds may only be fetched from allowed hosts; this test's list lives on 127.0.0.1.
  t = await createTestApp({ intelAllowedHosts: ['127.0.0.1'] });
  bank = await t.userIn('bank-sgb', 'analyst');
  energy = await t.userIn('energy-themluc', 'analyst');
  await upload(bank, [...apt1.objects, ...own]);
  await upload(bank, [{ ...own[0], modified: '2025-06-01T00:00:00.000Z', name: 'Mã độc Lazarus (biến thể 2)', description: 'Phát tán qua thư điện tử giả mạo' }]);
});
afterAll(() => t?.close());

describe('knowledge-base search', () => {
  it('finds objects without diacritics, by pattern value and by type, one row per object', async () => {
    const res = await energy.get('/api/v1/intel/objects?q=ma%20doc');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ id: MALWARE, type: 'malware', name: 'Mã độc Lazarus (biến thể 2)', ownerOrgName: expect.any(String) })]);
    expect(ids(await energy.get('/api/v1/intel/objects?q=LAZARUS'))).toEqual([MALWARE]);
    expect(ids(await energy.get('/api/v1/intel/objects?q=thu%20dien%20tu'))).toEqual([MALWARE]);
    expect(ids(await energy.get('/api/v1/intel/objects?q=223.166.0.0'))).toEqual(['indicator--031778a4-057f-48e6-9db9-c8d72b81ccd5']);
    const sets = await energy.get('/api/v1/intel/objects?type=intrusion-set,threat-actor');
    expect(sets.json().items).toHaveLength(6);
  });

  it('finds an actor by a Vietnamese name or alias typed without diacritics, with what it is related to', async () => {
    const set = 'intrusion-set--3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f';
    await upload(bank, [
      { ...base, type: 'intrusion-set', id: set, modified: '2025-03-01T00:00:00.000Z', name: 'Nhóm Đại Bàng', aliases: ['Chim Ưng Xanh'] },
      { ...base, type: 'relationship', id: 'relationship--7e6d5c4b-3a29-4f18-8e7d-6c5b4a392817', modified: '2025-03-01T00:00:00.000Z', relationship_type: 'uses', source_ref: set, target_ref: MALWARE },
    ]);
    for (const actor of ['dai bang', 'DAI BANG', 'đại bàng']) expect(ids(await energy.get(`/api/v1/intel/objects?actor=${encodeURIComponent(actor)}`)), actor).toEqual(expect.arrayContaining([set, MALWARE]));
    expect(ids(await energy.get('/api/v1/intel/objects?actor=chim%20ung'))).toContain(set);
  });

  it('follows relationships from an actor and from an ATT&CK technique id or name', async () => {
    const byActor = ids(await energy.get('/api/v1/intel/objects?actor=apt1&limit=200'));
    expect(byActor).toContain(APT1);
    expect(byActor).toContain('threat-actor--94624865-2709-443f-9b4c-2891985fd69b');
    expect(byActor).toContain(PHISH);
    expect(byActor).not.toContain(MALWARE);
    expect(ids(await energy.get('/api/v1/intel/objects?technique=T1566&type=intrusion-set'))).toEqual([APT1]);
    expect(ids(await energy.get('/api/v1/intel/objects?technique=phishing&type=attack-pattern'))).toEqual([PHISH]);
  });

  it('pages newest first with a cursor, never repeating nor skipping', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await energy.get(`/api/v1/intel/objects?type=indicator&limit=5${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12);
    expect((await energy.get('/api/v1/intel/objects?cursor=garbage')).statusCode).toBe(400);
  });

  it('keeps an AMBER object within its owner\'s reach', async () => {
    expect(ids(await bank.get('/api/v1/intel/objects?q=may%20chu'))).toEqual([SECRET]);
    expect(ids(await t.admin.get('/api/v1/intel/objects?q=198.51.100.77'))).toEqual([SECRET]);
    expect(ids(await energy.get('/api/v1/intel/objects?q=may%20chu'))).toEqual([]);
    expect(ids(await energy.get('/api/v1/intel/objects?tlp=AMBER'))).toEqual([]);
    expect((await energy.get(`/api/v1/intel/objects/${SECRET}`)).statusCode).toBe(404);
    expect((await energy.get(`/api/v1/intel/objects/${SECRET}/versions`)).statusCode).toBe(404);
    expect((await bank.get(`/api/v1/intel/objects/${SECRET}`)).json()).toMatchObject({ tlp: 'AMBER', name: 'Máy chủ điều khiển nội bộ' });
    expect((await t.anonymous.get('/api/v1/intel/objects')).statusCode).toBe(401);
  });
});

describe('one object', () => {
  it('draws its relationships both ways with the related objects\' types and names', async () => {
    const res = await energy.get(`/api/v1/intel/objects/${APT1}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ id: APT1, type: 'intrusion-set', name: 'APT1', versionCount: 1, sightings: { stix: 0, alerts: 0 } });
    expect(d.edges).toHaveLength(4);
    expect(d.edges).toContainEqual(expect.objectContaining({ source: APT1, target: PHISH, relationshipType: 'uses' }));
    expect(d.nodes).toContainEqual(expect.objectContaining({ id: 'threat-actor--94624865-2709-443f-9b4c-2891985fd69b', type: 'threat-actor', name: 'Unit 61398' }));
    expect(d.nodes).toHaveLength(5);
    const phish = (await energy.get(`/api/v1/intel/objects/${PHISH}`)).json();
    expect(phish.edges).toEqual([expect.objectContaining({ source: APT1, target: PHISH })]);
  });

  it('lists every version newest first, with the full object of each', async () => {
    const res = await energy.get(`/api/v1/intel/objects/${MALWARE}/versions`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json().items;
    expect(v.map((x: { modified: string }) => x.modified)).toEqual(['2025-06-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z']);
    expect(v[1].object.name).toBe('Mã độc Lazarus');
    expect(v[0].dateAdded).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await energy.get(`/api/v1/intel/objects/${MALWARE}`)).json().versionCount).toBe(2);
    expect((await energy.get('/api/v1/intel/objects/malware--00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('keeps the newest version on top when an older one arrives late', async () => {
    await upload(bank, [{ ...own[0], created: '2024-11-01T00:00:00.000Z', modified: '2024-12-01T00:00:00.000Z', name: 'Mã độc cũ' }]);
    expect((await energy.get(`/api/v1/intel/objects/${MALWARE}`)).json()).toMatchObject({ name: 'Mã độc Lazarus (biến thể 2)', versionCount: 3 });
    expect(ids(await energy.get('/api/v1/intel/objects?q=ma%20doc'))).toEqual([MALWARE]);
  });
});

describe('collection administration', () => {
  it('lets only the national centre list and change collections, audited', async () => {
    const created = await t.admin.post('/api/v1/intel/collections', { title: 'Ngân hàng', tlpCeiling: 'GREEN', grants: [{ orgId: bank.orgId, canRead: true, canWrite: false }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await bank.get('/api/v1/intel/collections')).statusCode).toBe(403);
    expect((await bank.patch(`/api/v1/intel/collections/${id}`, { title: 'x' })).statusCode).toBe(403);
    const list = (await t.admin.get('/api/v1/intel/collections')).json().items;
    expect(list.find((c: { id: string }) => c.id === id)).toMatchObject({ title: 'Ngân hàng', tlpCeiling: 'GREEN', grants: [{ orgId: bank.orgId, canRead: true, canWrite: false, orgName: expect.any(String) }] });

    const patched = await t.admin.patch(`/api/v1/intel/collections/${id}`, { title: 'Ngân hàng và năng lượng', tlpCeiling: 'AMBER', grants: [{ orgId: energy.orgId, canRead: true, canWrite: true }] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Ngân hàng và năng lượng', tlpCeiling: 'AMBER', grants: [{ orgId: energy.orgId, canRead: true, canWrite: true }] });
    const taxii = await energy.get('/api/v1/intel/collections');
    expect(taxii.statusCode).toBe(403);
    const audit = (await t.admin.get('/api/v1/audit?limit=1')).json().items[0];
    expect(audit).toMatchObject({ action: 'intel.collection_updated', entityId: id });
    expect((await t.admin.patch(`/api/v1/intel/collections/${id}`, { grants: [{ orgId: '00000000-0000-4000-8000-000000000000', canRead: true, canWrite: false }] })).statusCode).toBe(400);
    expect((await t.admin.patch('/api/v1/intel/collections/00000000-0000-4000-8000-000000000000', { title: 'x' })).statusCode).toBe(404);
  });

  it('lists the feeds of the caller\'s organisation only', async () => {
    expect((await bank.post('/api/v1/intel/feeds', { name: 'Danh sách chặn', kind: 'csv', location: 'http://127.0.0.1:9/list.txt' })).statusCode).toBe(201);
    expect((await bank.get('/api/v1/intel/feeds')).json().items).toEqual([expect.objectContaining({ name: 'Danh sách chặn', kind: 'csv', lastRunAt: null })]);
    expect((await energy.get('/api/v1/intel/feeds')).json().items).toEqual([]);
  });
});
