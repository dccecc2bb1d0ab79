import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';

let t: TestApp;
let sgb: Caller;
const C2 = { type: 'ipv4', value: '203.0.113.66' };

async function open(c: Caller, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/incidents', { severity: 3, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  sgb = await t.userIn('bank-sgb', 'analyst');
  // The knowledge base knows T1486 and one mitigation of it (as an ATT&CK import would store them).
  const ap = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--7e150503-88e7-4861-866b-ff1ac82c4475', name: 'Data Encrypted for Impact', external_references: [{ source_name: 'mitre-attack', external_id: 'T1486' }] };
  const coa = { type: 'course-of-action', spec_version: '2.1', id: 'course-of-action--3efe43d1-6f3f-4fcb-ab39-4a730971f70b', name: 'Data Backup', description: 'Take and test backups.' };
  const rel = { type: 'relationship', spec_version: '2.1', id: 'relationship--0c6f3f1a-1111-4a5e-9d2b-8d6a0b1c2d3e', relationship_type: 'mitigates', source_ref: coa.id, target_ref: ap.id };
  for (const o of [ap, coa, rel]) {
    await sql`insert into stix_objects (id, version, type, object) values (${o.id}, '2024-01-01T00:00:00.000000000Z', ${o.type}, ${JSON.stringify(o)}::jsonb)`.execute(t.platform.db);
  }
});
afterAll(() => t?.close());

describe('decision support on an incident', () => {
  it('shows how a similar incident ended, the techniques with their mitigations, and the sectors and organisations likely next', async () => {
    const svb = await t.userIn('bank-svb', 'analyst');
    const earlier = await open(svb, { title: 'Mã độc tống tiền tại chi nhánh', attack: ['T1486'], observables: [C2] });
    const inc = await open(sgb, { title: 'Mã độc tống tiền trên máy chủ tệp', attack: ['T1486'], observables: [C2] });

    const res = await t.admin.get(`/api/v1/incidents/${inc.id}/decision-support`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.similar[0]).toMatchObject({ incident: { id: earlier.id }, sharedObservables: ['203.0.113.66'], sharedTechniques: ['T1486'], resolution: null, hoursToResolve: null });
    expect(d.techniques).toEqual([{ id: 'T1486', name: 'Data Encrypted for Impact', mitigations: [{ id: 'course-of-action--3efe43d1-6f3f-4fcb-ab39-4a730971f70b', name: 'Data Backup', description: 'Take and test backups.' }] }]);
    expect(d.likelyNext.sharedIndicators).toEqual(['203.0.113.66']);
    expect(d.likelyNext.sectors).toEqual([{ sector: 'BANKING', organisationsHit: { visible: 1, hidden: 0 } }]);
    const next = d.likelyNext.organisations.map((o: { orgId: string }) => o.orgId);
    expect(next).toContain(await t.org('bank-phusa'));
    expect(next).not.toContain(await t.org('bank-sgb'));
    expect(next).not.toContain(await t.org('bank-svb'));
  });

  it('tells the bank nothing of the other bank’s AMBER incident: no sector, no shared indicator, no similar incident', async () => {
    const inc = (await sgb.get('/api/v1/incidents?limit=5')).json().items[0];
    const d = (await sgb.get(`/api/v1/incidents/${inc.id}/decision-support`)).json();
    expect(d.likelyNext).toEqual({ sectors: [], organisations: [], sharedIndicators: [] });
    expect(d.similar).toEqual([]);
  });

  it('is refused to an organisation that may not see the incident', async () => {
    const inc = (await sgb.get('/api/v1/incidents?limit=5')).json().items[0];
    const energy = await t.userIn('energy-themluc', 'analyst');
    expect((await energy.get(`/api/v1/incidents/${inc.id}/decision-support`)).statusCode).toBe(404);
  });

  it('shows only the mitigations the caller may see of the knowledge base, without the parts marked above their reach', async () => {
    const ap = 'attack-pattern--7e150503-88e7-4861-866b-ff1ac82c4475';
    const at = new Date().toISOString();
    const coa = (n: number, extra: Record<string, unknown>) => ({ type: 'course-of-action', spec_version: '2.1', id: `course-of-action--0000000${n}-2222-4a5e-9d2b-8d6a0b1c2d3e`, created: at, modified: at, ...extra });
    const rel = (n: number, source: string) => ({ type: 'relationship', spec_version: '2.1', id: `relationship--0000000${n}-2222-4a5e-9d2b-8d6a0b1c2d3e`, created: at, modified: at, relationship_type: 'mitigates', source_ref: source, target_ref: ap });
    // Another organisation's AMBER mitigation, and its CLEAR one whose description is RED.
    const amber = coa(1, { name: 'Isolate the SWIFT segment', object_marking_refs: ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'] });
    const partly = coa(2, { name: 'Offline backups', description: 'Our vault is in the Hoàn Kiếm branch basement', object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'],
      granular_markings: [{ marking_ref: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', selectors: ['description'] }] });
    const energy = await t.userIn('energy-themluc', 'analyst');
    const up = await energy.post('/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [amber, partly, rel(1, amber.id), rel(2, partly.id)] });
    expect(await finishedRun(energy, up.json().runId)).toMatchObject({ stored: 4 });

    const inc = (await sgb.get('/api/v1/incidents?limit=5')).json().items[0];
    const mine = (await sgb.get(`/api/v1/incidents/${inc.id}/decision-support`)).json().techniques[0].mitigations;
    expect(mine.map((m: { name: string }) => m.name)).toEqual(['Data Backup', 'Offline backups']);
    expect(mine[1].description).toBeNull();
    const centre = (await t.admin.get(`/api/v1/incidents/${inc.id}/decision-support`)).json().techniques[0].mitigations;
    expect(centre.map((m: { name: string }) => m.name)).toEqual(['Data Backup', 'Isolate the SWIFT segment', 'Offline backups']);
    expect(centre[2].description).toMatch(/Hoàn Kiếm/);
  });
});

describe('what decision support and similar incidents count of other organisations', () => {
  // The bank's incident shares one value with each: a hospital's GREEN incident, an energy company's
  // AMBER one and a telecom operator's RED one. None of the three is the bank's to open.
  const GREEN_VALUE = { type: 'domain', value: 'green-c2.example' };
  const AMBER_VALUE = { type: 'domain', value: 'amber-c2.example' };
  const RED_VALUE = { type: 'domain', value: 'red-c2.example' };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const attack = ['T1071'];
    ids.green = (await open(await t.userIn('health-taybac', 'analyst'), { title: 'Kết nối tới máy chủ điều khiển lạ', tlp: 'GREEN', attack, observables: [GREEN_VALUE] })).id;
    ids.amber = (await open(await t.userIn('energy-themluc', 'analyst'), { title: 'Kết nối tới máy chủ điều khiển lạ', tlp: 'AMBER', attack, observables: [AMBER_VALUE] })).id;
    ids.red = (await open(await t.userIn('tel-ixp', 'analyst'), { title: 'Kết nối tới máy chủ điều khiển lạ', tlp: 'RED', attack, observables: [RED_VALUE] })).id;
    ids.mine = (await open(sgb, { title: 'Kết nối tới máy chủ điều khiển lạ', attack, observables: [GREEN_VALUE, AMBER_VALUE, RED_VALUE] })).id;
  });

  it('uses another organisation’s GREEN incident but never its AMBER or RED one', async () => {
    const d = (await sgb.get(`/api/v1/incidents/${ids.mine}/decision-support`)).json();
    expect(d.likelyNext.sharedIndicators).toEqual([GREEN_VALUE.value]);
    // One hospital the bank may not see: a count of one is given as "fewer than 3".
    expect(d.likelyNext.sectors).toEqual([{ sector: 'HEALTH', organisationsHit: { visible: 0, hidden: { lt: 3 } } }]);
    const similar = d.similar.map((s: { incident: { id: string } }) => s.incident.id);
    expect(similar).toContain(ids.green);
    expect(similar).not.toContain(ids.amber);
    expect(similar).not.toContain(ids.red);
    expect(JSON.stringify(d)).not.toContain('amber-c2');
    expect(JSON.stringify(d)).not.toContain('red-c2');
  });

  it('lists the GREEN incident as similar, marked as one the bank may not open, and leaves the others out', async () => {
    const list = (await sgb.get(`/api/v1/incidents/${ids.mine}/similar`)).json() as { incident: { id: string }; readable: boolean; sharedObservables: string[] }[];
    const green = list.find((s) => s.incident.id === ids.green);
    expect(green).toMatchObject({ readable: false, sharedObservables: [GREEN_VALUE.value] });
    expect((await sgb.get(`/api/v1/incidents/${ids.green}`)).statusCode).toBe(404);
    expect(list.map((s) => s.incident.id)).not.toContain(ids.amber);
    expect(list.map((s) => s.incident.id)).not.toContain(ids.red);
    expect(list.every((s) => s.incident.id === ids.green || s.readable)).toBe(true);
  });

  it('gives the centre the AMBER one too (it sees up to AMBER by role) but not the RED one, naming what it may see', async () => {
    const d = (await t.admin.get(`/api/v1/incidents/${ids.mine}/decision-support`)).json();
    expect([...d.likelyNext.sharedIndicators].sort()).toEqual([AMBER_VALUE.value, GREEN_VALUE.value]);
    expect(d.likelyNext.sectors).toEqual(expect.arrayContaining([
      { sector: 'HEALTH', organisationsHit: { visible: 1, hidden: 0 } },
      { sector: 'ENERGY', organisationsHit: { visible: 1, hidden: 0 } },
    ]));
    expect(JSON.stringify(d.likelyNext.sectors)).not.toContain('TELECOM');
  });
});
