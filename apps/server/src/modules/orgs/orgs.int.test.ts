import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, OrgSummary } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

let seq = 0;
/** Creates a unit under `parent` (demo key or id) as `by`, the centre unless told. */
async function unit(parent: string, extra: Record<string, unknown> = {}, by: Caller = t.admin): Promise<Organization> {
  const res = await by.post('/api/v1/orgs', { name: `Phòng An toàn Thông tin số ${++seq}`, kind: 'agency', parentId: await t.org(parent), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const get = async (id: string): Promise<Organization> => (await t.admin.get(`/api/v1/orgs/${id}`)).json();
const list = async (query: string, by: Caller = t.admin): Promise<OrgSummary[]> => (await by.get(`/api/v1/orgs?${query}`)).json().items;
const ids = (items: { id: string }[]) => items.map((o) => o.id);
const point = (name: string, isPrimary = false) => ({ name, phone: '0236 3822 114', email: `truc${++seq}@truc.example.vn`, isPrimary });

describe('creating and editing organisations', () => {
  it('creates a unit with sectors and province, and shows it in the directory', async () => {
    const org = await unit('prov-48', { sectors: ['FINANCE', 'BANKING'], provinceCode: '48', securityLevel: 3 });
    expect(org).toMatchObject({ parentId: await t.org('prov-48'), sectors: ['BANKING', 'FINANCE'], provinceCode: '48', status: 'active', mergedFrom: [] });
    expect(await get(org.id)).toEqual(org);
    expect(ids(await list(`parentId=${await t.org('prov-48')}`))).toContain(org.id);
  });

  it('refuses an unknown sector or province with 400 validation_failed and creates nothing', async () => {
    const parentId = await t.org('prov-48');
    for (const bad of [{ sectors: ['NO_SUCH_SECTOR'] }, { provinceCode: '99' }]) {
      const res = await t.admin.post('/api/v1/orgs', { name: 'Đơn vị không hợp lệ', kind: 'agency', parentId, ...bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      const patched = await t.admin.patch(`/api/v1/orgs/${parentId}`, bad);
      expect(patched.json().error.code).toBe('validation_failed');
    }
    expect(await list(`q=${encodeURIComponent('Đơn vị không hợp lệ')}`)).toEqual([]);
  });

  it('edits name and sectors, and the directory finds it by its new name', async () => {
    const org = await unit('prov-48');
    const res = await t.admin.patch(`/api/v1/orgs/${org.id}`, { name: 'Ban Chuyển đổi số Hải Châu', sectors: ['EGOV'] });
    expect(res.json()).toMatchObject({ name: 'Ban Chuyển đổi số Hải Châu', sectors: ['EGOV'] });
    expect(ids(await list('q=hai%20chau'))).toEqual([org.id]);
    expect((await t.admin.patch(`/api/v1/orgs/${org.id}`, {})).statusCode).toBe(400);
  });

  it('lets an org_admin add units and edit inside its subtree only', async () => {
    const admin48 = await t.userIn('prov-48', 'org_admin');
    const child = await unit('prov-48', {}, admin48);
    expect((await unit(child.id, {}, admin48)).parentId).toBe(child.id);
    expect((await admin48.post('/api/v1/orgs', { name: 'Ngoài phạm vi', kind: 'agency', parentId: await t.org('prov-79') })).statusCode).toBe(403);
    expect((await admin48.post('/api/v1/orgs', { name: 'Gốc mới', kind: 'agency', parentId: null })).statusCode).toBe(403);
    expect((await admin48.patch(`/api/v1/orgs/${child.id}`, { website: 'https://haichau.example.vn' })).statusCode).toBe(200);
    expect((await admin48.patch(`/api/v1/orgs/${await t.org('prov-79')}`, { website: 'https://x.example.vn' })).statusCode).toBe(403);
  });

  it('manages sectors as data: a new sector can be used, a retired one cannot', async () => {
    const sector = { code: 'SPACE', nameVi: 'Hàng không vũ trụ', nameEn: 'Space' };
    expect((await t.admin.post('/api/v1/sectors', sector)).statusCode).toBe(201);
    expect((await t.admin.post('/api/v1/sectors', sector)).statusCode).toBe(409);
    expect((await unit('prov-48', { sectors: ['SPACE'] })).sectors).toEqual(['SPACE']);
    expect((await t.admin.patch('/api/v1/sectors/SPACE', { active: false })).json().active).toBe(false);
    const res = await t.admin.post('/api/v1/orgs', { name: 'Đơn vị vũ trụ', kind: 'agency', parentId: await t.org('prov-48'), sectors: ['SPACE'] });
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('searching the directory', () => {
  it.each(['da nang', 'ĐÀ NẴNG', 'Đà Nẵng', 'Da Nang City'])('finds Đà Nẵng’s unit by %s', async (q) => {
    expect(ids(await list(`q=${encodeURIComponent(q)}`))).toContain(await t.org('prov-48'));
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect(await list(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await list('q=_')).toEqual([]);
  });

  it('filters by sector, province and kind', async () => {
    const banking = await list('sector=BANKING');
    expect(banking.every((o) => o.sectors.includes('BANKING'))).toBe(true);
    expect(ids(banking)).toEqual(expect.arrayContaining([await t.org('bank-sgb'), await t.org('reg-bank')]));
    const p48 = await list('province=48');
    expect(p48.every((o) => o.provinceCode === '48')).toBe(true);
    expect(ids(p48)).toEqual(expect.arrayContaining([await t.org('prov-48'), await t.org('egov-ioc-48'), await t.org('soc-haidang')]));
    const socs = await list('kind=soc_provider');
    expect(socs.every((o) => o.kind === 'soc_provider')).toBe(true);
    expect(socs.length).toBeGreaterThanOrEqual(4);
    expect(ids(await list('kind=province&province=48'))).toEqual([await t.org('prov-48')]);
  });

  it('is readable by every role and by a connector key, not by anybody', async () => {
    for (const c of [await t.userIn('prov-01', 'viewer'), await t.keyFor('prov-01', 'connector')]) expect((await list('q=da%20nang', c)).length).toBeGreaterThan(0);
    expect((await t.anonymous.get('/api/v1/orgs')).statusCode).toBe(401);
  });
});

describe('focal points', () => {
  it('replaces the whole list, primary first', async () => {
    const org = await unit('prov-48');
    await t.admin.put(`/api/v1/orgs/${org.id}/focal-points`, { focalPoints: [point('An Trực'), point('Bình Trực'), point('Cường Trực')] });
    const res = await t.admin.put(`/api/v1/orgs/${org.id}/focal-points`, { focalPoints: [point('Dũng Trực'), point('Hải Trực', true)] });
    expect(res.statusCode).toBe(200);
    expect(res.json().focalPoints.map((f: { name: string; isPrimary: boolean }) => [f.name, f.isPrimary])).toEqual([['Hải Trực', true], ['Dũng Trực', false]]);
  });

  it('refuses two primary focal points and keeps the old list', async () => {
    const org = await unit('prov-48');
    await t.admin.put(`/api/v1/orgs/${org.id}/focal-points`, { focalPoints: [point('An Trực', true)] });
    const res = await t.admin.put(`/api/v1/orgs/${org.id}/focal-points`, { focalPoints: [point('Bình Trực', true), point('Cường Trực', true)] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect((await get(org.id)).focalPoints.map((f) => f.name)).toEqual(['An Trực']);
  });
});

describe('SOC links', () => {
  it('links a SOC provider to a client, shows it on both sides, and unlinks it', async () => {
    const client = await unit('prov-48');
    const provider = await t.org('soc-haidang');
    const res = await t.admin.post(`/api/v1/orgs/${provider}/soc-clients`, { clientId: client.id, services: ['monitoring', 'forensics'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().socClients).toContainEqual(expect.objectContaining({ clientId: client.id, services: ['monitoring', 'forensics'] }));
    expect((await get(client.id)).socProviders).toEqual([expect.objectContaining({ providerId: provider, clientId: client.id })]);
    expect((await t.admin.post(`/api/v1/orgs/${provider}/soc-clients`, { clientId: client.id })).statusCode).toBe(409);
    expect((await t.admin.delete(`/api/v1/orgs/${provider}/soc-clients/${client.id}`)).statusCode).toBe(200);
    expect((await get(client.id)).socProviders).toEqual([]);
    expect((await t.admin.delete(`/api/v1/orgs/${provider}/soc-clients/${client.id}`)).statusCode).toBe(404);
  });

  it('refuses a provider that is not a SOC, and a SOC as its own client', async () => {
    const soc = await t.org('soc-haidang');
    expect((await t.admin.post(`/api/v1/orgs/${await t.org('prov-79')}/soc-clients`, { clientId: await t.org('prov-48') })).statusCode).toBe(400);
    expect((await t.admin.post(`/api/v1/orgs/${soc}/soc-clients`, { clientId: soc })).statusCode).toBe(400);
  });

  it('is made by the client’s admin, not by the provider’s', async () => {
    const client = await unit('prov-48');
    const clientAdmin = await t.userIn('prov-48', 'org_admin');
    const socAdmin = await t.userIn('soc-thachsanh', 'org_admin');
    const soc = await t.org('soc-thachsanh');
    expect((await socAdmin.post(`/api/v1/orgs/${soc}/soc-clients`, { clientId: client.id })).statusCode).toBe(403);
    expect((await clientAdmin.post(`/api/v1/orgs/${soc}/soc-clients`, { clientId: client.id })).statusCode).toBe(201);
  });
});

describe('moving', () => {
  it('moves a unit with its own units, and its management moves with it', async () => {
    const m = await unit('prov-48');
    const m1 = await unit(m.id);
    const admin48 = await t.userIn('prov-48', 'org_admin');
    const admin79 = await t.userIn('prov-79', 'org_admin');
    const res = await t.admin.post(`/api/v1/orgs/${m.id}/move`, { parentId: await t.org('prov-79') });
    expect(res.json().parentId).toBe(await t.org('prov-79'));
    expect((await get(m1.id)).parentId).toBe(m.id);
    expect((await admin48.patch(`/api/v1/orgs/${m1.id}`, { website: 'https://a.example.vn' })).statusCode).toBe(403);
    expect((await admin79.patch(`/api/v1/orgs/${m1.id}`, { website: 'https://b.example.vn' })).statusCode).toBe(200);
  });

  it('refuses a cycle: under itself or under one of its own units', async () => {
    const m = await unit('prov-48');
    const m1 = await unit(m.id);
    for (const parentId of [m.id, m1.id]) {
      const res = await t.admin.post(`/api/v1/orgs/${m.id}/move`, { parentId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await t.admin.post(`/api/v1/orgs/${await t.org('ncc')}/move`, { parentId: m1.id })).statusCode).toBe(400);
  });
});

describe('merging', () => {
  it('moves units, accounts and keys to the absorbing organisation and keeps the merged one readable', async () => {
    const gone = await unit('prov-48', { sectors: ['HEALTH'] });
    const goneUnit = await unit(gone.id);
    const into = await unit('prov-48', { sectors: ['EGOV'] });
    const member = await t.userIn(gone.id, 'viewer');
    const key = await t.keyFor(gone.id, 'connector');
    const intoAdmin = await t.userIn(into.id, 'org_admin');
    const res = await t.admin.post(`/api/v1/orgs/${gone.id}/merge`, { intoId: into.id, reason: 'Sáp nhập theo Nghị quyết 60' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: into.id, sectors: ['EGOV', 'HEALTH'], mergedFrom: [{ id: gone.id, name: gone.name }] });
    expect(await get(gone.id)).toMatchObject({ status: 'merged', mergedIntoId: into.id });
    expect((await get(goneUnit.id)).parentId).toBe(into.id);
    expect(ids((await intoAdmin.get(`/api/v1/users?orgId=${into.id}`)).json().items)).toContain(member.id);
    expect((await intoAdmin.patch(`/api/v1/users/${member.id}`, { name: 'Đã chuyển đơn vị' })).statusCode).toBe(200);
    expect((await member.get('/api/v1/me')).json().user.org.id).toBe(into.id);
    expect((await key.get('/api/v1/sectors')).statusCode).toBe(200);
    expect(ids((await intoAdmin.get(`/api/v1/api-keys?orgId=${into.id}`)).json().items)).toContain(key.id);
    expect(ids(await list(`parentId=${await t.org('prov-48')}`))).not.toContain(gone.id);
    expect(ids(await list(`parentId=${await t.org('prov-48')}&status=merged`))).toContain(gone.id);
  });

  it('refuses a merge into itself, into one of its own units, or into a merged organisation', async () => {
    const a = await unit('prov-48');
    const a1 = await unit(a.id);
    expect((await t.admin.post(`/api/v1/orgs/${a.id}/merge`, { intoId: a.id, reason: 'thử' })).statusCode).toBe(400);
    expect((await t.admin.post(`/api/v1/orgs/${a.id}/merge`, { intoId: a1.id, reason: 'thử' })).statusCode).toBe(400);
    const b = await unit('prov-48');
    expect((await t.admin.post(`/api/v1/orgs/${b.id}/merge`, { intoId: a.id, reason: 'thử' })).statusCode).toBe(200);
    expect((await t.admin.post(`/api/v1/orgs/${a1.id}/merge`, { intoId: b.id, reason: 'thử' })).statusCode).toBe(409);
  });
});

describe('retiring', () => {
  it('waits until no unit is active, then disables the accounts and revokes the keys', async () => {
    const r = await unit('prov-48');
    const r1 = await unit(r.id);
    const member = await t.userIn(r.id, 'analyst');
    const key = await t.keyFor(r.id, 'connector');
    const blocked = await t.admin.post(`/api/v1/orgs/${r.id}/retire`, { reason: 'giải thể' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'conflict', details: { activeUnits: 1 } });
    expect((await t.admin.post(`/api/v1/orgs/${r1.id}/retire`, { reason: 'giải thể' })).statusCode).toBe(200);
    expect((await t.admin.post(`/api/v1/orgs/${r.id}/retire`, { reason: 'giải thể' })).json().status).toBe('retired');
    expect((await member.get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { email: member.email, password: 'a-long-test-password' })).statusCode).toBe(403);
    expect((await key.get('/api/v1/sectors')).statusCode).toBe(401);
    expect((await get(r.id)).status).toBe('retired');
    expect((await t.admin.post(`/api/v1/orgs/${r.id}/retire`, { reason: 'lần nữa' })).statusCode).toBe(409);
  });

  it('does not let the centre retire its own organisation', async () => {
    expect((await t.admin.post(`/api/v1/orgs/${await t.org('ncc')}/retire`, { reason: 'thử' })).statusCode).toBe(400);
  });
});

describe('history', () => {
  it('lists creation, edits and the merge, newest first, with who did them', async () => {
    const admin48 = await t.userIn('prov-48', 'org_admin');
    const org = await unit('prov-48');
    await admin48.patch(`/api/v1/orgs/${org.id}`, { website: 'https://lichsu.example.vn' });
    await t.admin.put(`/api/v1/orgs/${org.id}/focal-points`, { focalPoints: [point('An Trực', true)] });
    const into = await unit('prov-48');
    await t.admin.post(`/api/v1/orgs/${org.id}/merge`, { intoId: into.id, reason: 'Sáp nhập' });
    const history = (await t.admin.get(`/api/v1/orgs/${org.id}/history`)).json() as { action: string; actorName: string; after: Record<string, unknown> }[];
    expect(history.map((h) => [h.action, h.actorName])).toEqual([
      ['org.merge', 'Administrator'],
      ['org.focal_points', 'Administrator'],
      ['org.update', 'Test org_admin'],
      ['org.create', 'Administrator'],
    ]);
    expect(history[0]!.after).toMatchObject({ intoId: into.id, reason: 'Sáp nhập' });
    const absorbing = (await t.admin.get(`/api/v1/orgs/${into.id}/history`)).json() as { action: string }[];
    expect(absorbing.map((h) => h.action)).toEqual(['org.absorb', 'org.create']);
  });

  it('answers 404 for an unknown organisation', async () => {
    expect((await t.admin.get('/api/v1/orgs/00000000-0000-4000-8000-000000000000/history')).statusCode).toBe(404);
  });
});
