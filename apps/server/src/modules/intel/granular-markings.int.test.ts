import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKING_IDS as TLP } from '@lachan/stix';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';
import { taxiiClient } from '../../testing/medallion.ts';

// Issue 12 item 8: field-level TLP (granular markings) is honoured on every path an object leaves by,
// and AMBER+STRICT stays AMBER+STRICT.
const SECRET = 'Seen on the finance ministry mail gateway, case HN-2025-17';
const day = (n: number) => new Date(Math.floor(Date.now() / 86_400_000 - n) * 86_400_000).toISOString();
const T0 = day(2);
const base = (id: string, value: string, extra: Record<string, unknown>) => ({
  type: 'indicator', spec_version: '2.1', id, created: T0, modified: T0, name: `Phishing ${value}`,
  pattern: `[domain-name:value = '${value}']`, pattern_type: 'stix', valid_from: T0, indicator_types: ['malicious-activity'], confidence: 90, ...extra,
});
/** CLEAR indicator whose description is RED, whose first reference's URL is AMBER and whose label is GREEN. */
const marked = base('indicator--9a9a0001-1111-4a5e-9d2b-8d6a0b1c2d3e', 'red-note.example.net', {
  description: SECRET, object_marking_refs: [TLP.CLEAR], labels: ['phishing'],
  external_references: [{ source_name: 'case', url: 'https://intranet.example.vn/case/17' }],
  granular_markings: [
    { marking_ref: TLP.RED, selectors: ['description'] }, { marking_ref: TLP.AMBER, selectors: ['external_references.[0].url'] },
    { marking_ref: TLP.GREEN, selectors: ['labels.[0]'] },
  ],
});
/** CLEAR indicator whose pattern itself is RED: its value must not leave to those below RED. */
const hiddenValue = base('indicator--9a9a0002-1111-4a5e-9d2b-8d6a0b1c2d3e', 'red-value.example.net', {
  object_marking_refs: [TLP.CLEAR], granular_markings: [{ marking_ref: TLP.RED, selectors: ['pattern'] }],
});
/** AMBER+STRICT indicator, with one label marked AMBER+STRICT at field level too. */
const strict = base('indicator--9a9a0003-1111-4a5e-9d2b-8d6a0b1c2d3e', 'strict.example.net', {
  object_marking_refs: [TLP['AMBER+STRICT']], labels: ['internal'], granular_markings: [{ marking_ref: TLP['AMBER+STRICT'], selectors: ['labels.[0]'] }],
});

let t: TestApp;
let owner: Caller & { orgId: string; email: string };
let other: Caller & { orgId: string; email: string };
const ROOT = '/taxii2/lachan';
const collections: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.userIn('bank-sgb', 'analyst');
  other = await t.userIn('energy-themluc', 'analyst');
  const res = await owner.post('/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [marked, hiddenValue, strict] });
  expect(await finishedRun(owner, res.json().runId)).toMatchObject({ stored: 3, invalid: 0 });
  for (const tlpCeiling of ['GREEN', 'AMBER', 'AMBER+STRICT']) {
    const grants = [{ orgId: owner.orgId, canRead: true, canWrite: true }, { orgId: other.orgId, canRead: true, canWrite: false }];
    collections[tlpCeiling] = (await t.admin.post('/api/v1/intel/collections', { title: `Shared ${tlpCeiling}`, tlpCeiling, grants })).json().id;
  }
});
afterAll(() => t?.close());

const taxiiAs = (c: { email: string }) => taxiiClient(t.app, () => ({ authorization: `Basic ${Buffer.from(`${c.email}:a-long-test-password`).toString('base64')}` }));

describe('granular TLP markings', () => {
  it('refuses an object whose granular marking selects nothing', async () => {
    const bad = { ...marked, id: 'indicator--9a9a0004-1111-4a5e-9d2b-8d6a0b1c2d3e', granular_markings: [{ marking_ref: TLP.RED, selectors: ['external_references.[1].url'] }] };
    const res = await taxiiAs(owner).post(`${ROOT}/collections/${collections.AMBER}/objects/`, { objects: [bad] });
    expect(res.json().failures[0].message).toBe('granular_markings[0].selectors: "external_references.[1].url" selects nothing in the object');
  });

  it('exports under tlp=CLEAR and GREEN without the RED text, and without a value whose pattern is RED', async () => {
    for (const tlp of ['CLEAR', 'GREEN']) {
      const stix = (await owner.get(`/api/v1/intel/exports/stix?tlp=${tlp}`)).json();
      const g = stix.objects.find((o: { id: string }) => o.id === marked.id);
      expect(g.description, tlp).toBeUndefined();
      expect(g.external_references, tlp).toEqual([{ source_name: 'case' }]);
      expect(g.labels, tlp).toEqual(tlp === 'GREEN' ? ['phishing'] : undefined);
      expect(JSON.stringify(stix)).not.toContain('finance ministry');
      expect(stix.objects.map((o: { id: string }) => o.id)).not.toContain(hiddenValue.id);
      expect((await owner.get(`/api/v1/intel/exports/txt?tlp=${tlp}`)).body).not.toContain('red-value.example.net');
    }
    const mine = (await owner.get('/api/v1/intel/exports/stix')).json();
    expect(mine.objects.find((o: { id: string }) => o.id === marked.id)).toEqual(marked);
    expect((await owner.get('/api/v1/intel/exports/txt')).body).toContain('red-value.example.net');
    const theirs = await other.get('/api/v1/intel/exports/stix');
    expect(theirs.body).not.toContain('finance ministry');
    expect(theirs.body).not.toContain('intranet.example.vn');
    expect((await other.get('/api/v1/intel/exports/csv')).body).not.toContain('red-value.example.net');
  });

  it('shows the marked text in the knowledge base only to those who may see RED, and does not find objects by it', async () => {
    const seen = (await other.get(`/api/v1/intel/objects/${marked.id}`)).json();
    expect(seen.object.description).toBeUndefined();
    expect(seen.object.external_references).toEqual([{ source_name: 'case' }]);
    expect(seen.withheld.sort()).toEqual(['description', 'external_references.[0].url']);
    expect(JSON.stringify((await other.get(`/api/v1/intel/objects/${marked.id}/versions`)).json())).not.toContain('finance ministry');
    expect((await other.get('/api/v1/intel/objects?q=finance ministry')).json().items).toEqual([]);
    const pattern = (await other.get(`/api/v1/intel/objects/${hiddenValue.id}`)).json();
    expect(pattern.object.pattern).toBeUndefined();
    expect(pattern.name).toBe('Phishing red-value.example.net');
    expect((await other.get(`/api/v1/intel/indicators/${hiddenValue.id}/status`)).json().values).toEqual([]);

    const full = (await owner.get(`/api/v1/intel/objects/${marked.id}`)).json();
    expect(full).toMatchObject({ object: { description: SECRET }, withheld: [] });
    expect((await t.admin.get(`/api/v1/intel/objects/${marked.id}`)).json().object.description).toBe(SECRET);
  });

  it('serves TAXII readers below RED the object without the marked parts, and the owner all of it', async () => {
    for (const ceiling of ['GREEN', 'AMBER']) {
      const add = await taxiiAs(owner).post(`${ROOT}/collections/${collections[ceiling]}/objects/`, { objects: [marked, hiddenValue] });
      expect(add.json(), ceiling).toMatchObject({ success_count: 2 });
    }
    const green = (await taxiiAs(other).get(`${ROOT}/collections/${collections.GREEN}/objects/`)).json();
    expect(green.objects).toHaveLength(1);
    expect(green.objects[0]).toEqual({ ...marked, description: undefined, external_references: [{ source_name: 'case' }], granular_markings: [{ marking_ref: TLP.GREEN, selectors: ['labels.[0]'] }] });
    expect((await taxiiAs(other).get(`${ROOT}/collections/${collections.GREEN}/manifest/`)).json().objects.map((m: { id: string }) => m.id)).toEqual([marked.id]);
    const amber = (await taxiiAs(other).get(`${ROOT}/collections/${collections.AMBER}/objects/${marked.id}/`)).json();
    expect(amber.objects[0]).toMatchObject({ external_references: [{ source_name: 'case', url: 'https://intranet.example.vn/case/17' }], granular_markings: [{ marking_ref: TLP.AMBER, selectors: ['external_references.[0].url'] }, { marking_ref: TLP.GREEN, selectors: ['labels.[0]'] }] });
    expect(amber.objects[0].description).toBeUndefined();
    expect((await taxiiAs(other).get(`${ROOT}/collections/${collections.GREEN}/objects/${hiddenValue.id}/`)).statusCode).toBe(404);
    expect((await taxiiAs(owner).get(`${ROOT}/collections/${collections.GREEN}/objects/`)).json().objects).toEqual([marked, hiddenValue]);
  });

  it('keeps AMBER+STRICT as AMBER+STRICT in the knowledge base, exports and TAXII', async () => {
    expect((await owner.get(`/api/v1/intel/objects/${strict.id}`)).json()).toMatchObject({ tlp: 'AMBER+STRICT', object: strict });
    expect((await owner.get('/api/v1/intel/objects?tlp=AMBER+STRICT')).json().items.map((o: { id: string }) => o.id)).toEqual([strict.id]);
    expect((await owner.get('/api/v1/intel/exports/csv?tlp=AMBER')).body).not.toContain('strict.example.net');
    expect((await owner.get('/api/v1/intel/exports/csv?tlp=AMBER%2BSTRICT')).body).toContain(`domain,strict.example.net,`);
    expect((await owner.get('/api/v1/intel/exports/csv?tlp=AMBER+STRICT')).body).toMatch(/domain,strict\.example\.net,[\d.]+,AMBER\+STRICT,/);
    expect((await other.get(`/api/v1/intel/objects/${strict.id}`)).statusCode).toBe(404);

    const refused = await taxiiAs(owner).post(`${ROOT}/collections/${collections.AMBER}/objects/`, { objects: [strict] });
    expect(refused.json().failures[0].message).toBe("TLP:AMBER+STRICT is above this collection's ceiling TLP:AMBER");
    // Nor does the same version sent again marked AMBER put the stored AMBER+STRICT one in an AMBER collection.
    const relabelled = await taxiiAs(owner).post(`${ROOT}/collections/${collections.AMBER}/objects/`, { objects: [{ ...strict, object_marking_refs: [TLP.AMBER] }] });
    expect(relabelled.json()).toMatchObject({ success_count: 0, failures: [{ id: strict.id, message: "TLP:AMBER+STRICT is above this collection's ceiling TLP:AMBER" }] });
    expect((await taxiiAs(owner).post(`${ROOT}/collections/${collections['AMBER+STRICT']}/objects/`, { objects: [strict] })).json()).toMatchObject({ success_count: 1 });
    const back = (await taxiiAs(other).get(`${ROOT}/collections/${collections['AMBER+STRICT']}/objects/`)).json();
    expect(back.objects).toEqual([strict]);
    expect(back.objects[0].object_marking_refs).toEqual(['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003']);
  });
});
