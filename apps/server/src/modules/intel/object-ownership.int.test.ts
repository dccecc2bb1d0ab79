import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';
import { basicAuth, taxiiClient } from '../../testing/medallion.ts';
import { ADMIN } from '../../testing/template.ts';

// Issue 12 item 3: an object belongs to the organisation that first stored it; only it, or the centre
// with intel.manage, issues versions of it, on every path objects come in by.
const MISP_FEED = fileURLToPath(new URL('../../../../../fixtures/public/misp/feed', import.meta.url));
// Recent versions, so the indicator's decayed score still puts it in the exports.
const day = (n: number) => new Date(Math.floor(Date.now() / 86_400_000 - n) * 86_400_000).toISOString();
const [T0, T1, T2, T3] = [day(4), day(3), day(2), day(1)];
let t: TestApp;
let bankA: Caller & { orgId: string; email: string };
let energyB: Caller & { key: string };
let collection: string;

const indicator = (id: string, modified: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id, created: T0, modified, name: `C2 ${id.slice(11, 15)}`,
  pattern: `[ipv4-addr:value = '${valueOf(id)}']`, pattern_type: 'stix', valid_from: T0, indicator_types: ['malicious-activity'], ...extra,
});
/** Each indicator its own address, so the exports tell them apart. */
const valueOf = (id: string) => `100.200.113.${parseInt(id.slice(11, 13), 16)}`;
const X = 'indicator--aa11aa11-1111-4a5e-9d2b-8d6a0b1c2d3e';
const bundle = (objects: unknown[]) => ({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });
const upload = async (c: Caller, objects: unknown[]) => {
  const res = await c.post('/api/v1/intel/bundles', bundle(objects));
  expect(res.statusCode, res.body).toBe(202);
  return finishedRun(c, res.json().runId);
};
const taxii = (key: string) => taxiiClient(t.app, () => ({ authorization: `Bearer ${key}` }));
const taxiiAsUser = (email: string, password: string) => taxiiClient(t.app, () => basicAuth(email, password));
const objectsUrl = () => `/taxii2/lachan/collections/${collection}/objects/`;
const latest = async (c: Caller, id: string) => (await c.get(`/api/v1/intel/objects/${id}`)).json();

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'lachan-owners-'));
  symlinkSync(MISP_FEED, join(root, 'misp'));
  t = await createTestApp({ intelFeedRoot: root });
  bankA = await t.userIn('bank-sgb', 'analyst');
  energyB = await t.keyFor('energy-themluc', 'connector');
  const grants = [bankA.orgId, await t.org('energy-themluc')].map((orgId) => ({ orgId, canRead: true, canWrite: true }));
  collection = (await t.admin.post('/api/v1/intel/collections', { title: 'Shared C2', tlpCeiling: 'AMBER', grants })).json().id;
  expect(await upload(bankA, [indicator(X, T0)])).toMatchObject({ stored: 1 });
});
afterAll(() => t?.close());

describe('who may version a STIX object', () => {
  it('refuses another organisation\'s connector superseding or revoking the object through bundle intake, storing the rest', async () => {
    const Y = 'indicator--bb22bb22-1111-4a5e-9d2b-8d6a0b1c2d3e';
    const run = await upload(energyB, [indicator(X, T1, { revoked: true }), indicator(Y, T0), indicator(X, T0, { name: 'renamed in place' })]);
    expect(run).toMatchObject({ status: 'done', received: 3, stored: 1, invalid: 2 });
    expect(run.errors.map((e: { index: number; message: string }) => [e.index, e.message])).toEqual([
      [0, `${X} belongs to another organisation: only that organisation, or the national centre, may issue versions of it`],
      [2, `${X} belongs to another organisation: only that organisation, or the national centre, may issue versions of it`],
    ]);
    const x = await latest(bankA, X);
    expect(x).toMatchObject({ ownerOrgId: bankA.orgId, modified: T0, name: `C2 ${X.slice(11, 15)}`, versionCount: 1 });
    expect(x.object.revoked).toBeUndefined();
    expect((await latest(bankA, Y)).ownerOrgId).toBe(await t.org('energy-themluc'));
    expect((await bankA.get('/api/v1/intel/exports/txt')).body).toContain(valueOf(X));
  });

  it('refuses it per object in a TAXII add (status failure with the reason), storing the rest of the envelope', async () => {
    const Z = 'indicator--cc33cc33-1111-4a5e-9d2b-8d6a0b1c2d3e';
    const res = await taxii(energyB.key).post(objectsUrl(), { objects: [indicator(X, T1, { revoked: true }), indicator(Z, T0)] });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({
      total_count: 2, success_count: 1, failure_count: 1, successes: [{ id: Z, message: 'added to the collection' }],
      failures: [{ id: X, version: T1, message: `${X} belongs to another organisation: only that organisation, or the national centre, may issue versions of it` }],
    });
    expect((await latest(bankA, X)).object.revoked).toBeUndefined();
    // An exact copy of a stored version is no new version: it may be shared on, as stored.
    const copy = await taxii(energyB.key).post(objectsUrl(), { objects: [indicator(X, T0)] });
    expect(copy.json()).toMatchObject({ success_count: 1, failure_count: 0 });
    const shared = await taxii(energyB.key).get(`${objectsUrl()}${X}/`);
    expect(shared.json().objects).toEqual([indicator(X, T0)]);
    // Nor may it take the owner's object out of the shared collection.
    const del = await taxii(energyB.key).delete(`${objectsUrl()}${X}/`);
    expect(del.statusCode).toBe(403);
    expect(del.json().description).toMatch(/belongs to another organisation/);
  });

  it('lets the owner revoke it, and the centre with intel.manage version it, the owner staying the same', async () => {
    expect(await upload(bankA, [indicator(X, T1, { revoked: true })])).toMatchObject({ stored: 1, invalid: 0 });
    expect((await latest(bankA, X)).object.revoked).toBe(true);
    expect((await bankA.get('/api/v1/intel/exports/txt')).body).not.toContain(valueOf(X));

    // The centre's connector key holds no intel.manage.
    const centreKey = await t.keyFor('ncc', 'connector');
    expect(await upload(centreKey, [indicator(X, T2, { name: 'centre edit' })])).toMatchObject({ stored: 0, invalid: 1 });
    const byCentre = await t.admin.post('/api/v1/intel/bundles', bundle([indicator(X, T2, { name: 'reviewed by the centre' })]));
    expect(await finishedRun(t.admin, byCentre.json().runId)).toMatchObject({ stored: 1, invalid: 0 });
    expect(await latest(bankA, X)).toMatchObject({ ownerOrgId: bankA.orgId, name: 'reviewed by the centre', modified: T2, versionCount: 3 });

    // The same over TAXII: the owner adds its versions to the shared collection, the centre a newer one.
    const own = await taxiiAsUser(bankA.email, 'a-long-test-password').post(objectsUrl(), { objects: [indicator(X, T1, { revoked: true })] });
    expect(own.json()).toMatchObject({ success_count: 1, failure_count: 0 });
    const centre = await taxiiAsUser(ADMIN.email, ADMIN.password).post(objectsUrl(), { objects: [indicator(X, T3, { name: 'centre, over TAXII' })] });
    expect(centre.json()).toMatchObject({ success_count: 1, failure_count: 0 });
    expect(await latest(bankA, X)).toMatchObject({ ownerOrgId: bankA.orgId, name: 'centre, over TAXII', versionCount: 4 });
    const versions = (await taxii(energyB.key).get(`${objectsUrl()}${X}/versions/`)).json().versions;
    expect(versions).toEqual([T0, T1, T3]);
  });

  it('gives what a centre-registered feed brings to the centre, without versioning another organisation\'s object', async () => {
    // The feed keeps its attribute 706224e7… (a URL, not for detection) as observed data of that id.
    const taken = 'observed-data--706224e7-85a6-502a-890e-57fbd2c98805';
    const mine = { type: 'observed-data', spec_version: '2.1', id: taken, created: T0, modified: T0, first_observed: T0, last_observed: T0, number_observed: 1, object_refs: ['ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd'] };
    expect(await upload(bankA, [mine])).toMatchObject({ stored: 1 });
    const feed = await t.admin.post('/api/v1/intel/feeds', { name: 'chrome-mal-ids', kind: 'misp', location: 'misp' });
    const run = await finishedRun(t.admin, (await t.admin.post(`/api/v1/intel/feeds/${feed.json().id}/run`)).json().runId);
    expect(run).toMatchObject({ status: 'done', stored: 21 });
    expect(run.errors.map((e: { message: string }) => e.message)).toContain(`${taken} belongs to another organisation: only that organisation, or the national centre, may issue versions of it`);
    expect((await latest(bankA, taken)).object.first_observed).toBe(T0);
    const fromFeed = (await t.admin.get('/api/v1/intel/objects?q=chrome')).json().items;
    expect(fromFeed.length).toBeGreaterThan(0);
    expect(new Set(fromFeed.map((o: { ownerOrgId: string }) => o.ownerOrgId))).toEqual(new Set([await t.org('ncc')]));
  });
});
