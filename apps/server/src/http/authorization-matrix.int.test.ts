import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Caller, type TestApp } from '../testing/harness.ts';

/**
 * Who may do what, to their own organisation's subtree and to a foreign one. Every actor belongs to
 * HOME; each cell acts on a fresh unit the centre creates under HOME ("own") or FOREIGN ("foreign").
 */
const HOME = 'prov-48';
const FOREIGN = 'prov-79';
const ACTORS = ['national_coordinator', 'org_admin', 'analyst', 'responder', 'viewer', 'connector-key', 'anonymous'] as const;
type ActorName = (typeof ACTORS)[number];

// 'own/foreign' when the answer depends on the target; one number when it does not.
//                                         national_coordinator org_admin  analyst responder viewer connector-key anonymous
const MATRIX: Record<string, string[]> = {
  'GET /orgs':                            ['200',               '200',     '200',  '200',    '200', '200',         '401'],
  'GET /orgs/:id':                        ['200',               '200',     '200',  '200',    '200', '200',         '401'],
  'GET /orgs/:id/history':                ['200',               '200',     '200',  '200',    '200', '200',         '401'],
  'POST /orgs':                           ['201',               '201/403', '403',  '403',    '403', '403',         '401'],
  'PATCH /orgs/:id':                      ['200',               '200/403', '403',  '403',    '403', '403',         '401'],
  'PUT /orgs/:id/focal-points':           ['200',               '200/403', '403',  '403',    '403', '403',         '401'],
  'POST /orgs/:id/move':                  ['200',               '403',     '403',  '403',    '403', '403',         '401'],
  'POST /orgs/:id/retire':                ['200',               '403',     '403',  '403',    '403', '403',         '401'],
  'GET /users?orgId':                     ['200',               '200',     '403',  '403',    '403', '403',         '401'],
  'POST /users':                          ['201',               '201/403', '403',  '403',    '403', '403',         '401'],
  'POST /api-keys':                       ['201',               '201/403', '403',  '403',    '403', '403',         '401'],
  'GET /api-keys?orgId':                  ['200',               '200',     '403',  '403',    '403', '403',         '401'],
  'GET /audit?orgId':                     ['200',               '200/403', '403',  '403',    '403', '403',         '401'],
  'POST /sectors':                        ['201',               '403',     '403',  '403',    '403', '403',         '401'],
};

let t: TestApp;
let ncc: string;
const actors = new Map<ActorName, Caller>();
let seq = 0;
const unique = () => `${++seq}-${Math.random().toString(36).slice(2, 7)}`;

/** A fresh unit for one cell, so that cells never see each other's changes. */
async function freshUnit(target: 'own' | 'foreign'): Promise<string> {
  const res = await t.admin.post('/api/v1/orgs', { name: `Đơn vị ma trận ${unique()}`, kind: 'agency', parentId: await t.org(target === 'own' ? HOME : FOREIGN) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const CALLS: Record<string, (c: Caller, id: string) => Promise<LightMyRequestResponse>> = {
  'GET /orgs': (c, id) => c.get(`/api/v1/orgs?parentId=${id}`),
  'GET /orgs/:id': (c, id) => c.get(`/api/v1/orgs/${id}`),
  'GET /orgs/:id/history': (c, id) => c.get(`/api/v1/orgs/${id}/history`),
  'POST /orgs': (c, id) => c.post('/api/v1/orgs', { name: `Tổ con ${unique()}`, kind: 'response_team', parentId: id }),
  'PATCH /orgs/:id': (c, id) => c.patch(`/api/v1/orgs/${id}`, { website: 'https://matran.example.vn' }),
  'PUT /orgs/:id/focal-points': (c, id) =>
    c.put(`/api/v1/orgs/${id}/focal-points`, { focalPoints: [{ name: 'Trần Văn Trực', phone: '0236 555 0101', email: 'truc@matran.example.vn', isPrimary: true }] }),
  'POST /orgs/:id/move': (c, id) => c.post(`/api/v1/orgs/${id}/move`, { parentId: ncc }),
  'POST /orgs/:id/retire': (c, id) => c.post(`/api/v1/orgs/${id}/retire`, { reason: 'giải thể theo quyết định' }),
  'GET /users?orgId': (c, id) => c.get(`/api/v1/users?orgId=${id}`),
  'POST /users': (c, id) => c.post('/api/v1/users', { email: `m${unique()}@matran.example.vn`, name: 'Người dùng ma trận', orgId: id, role: 'viewer' }),
  'POST /api-keys': (c, id) => c.post('/api/v1/api-keys', { name: `khóa ${unique()}`, orgId: id, role: 'connector' }),
  'GET /api-keys?orgId': (c, id) => c.get(`/api/v1/api-keys?orgId=${id}`),
  'GET /audit?orgId': (c, id) => c.get(`/api/v1/audit?orgId=${id}`),
  'POST /sectors': (c) => c.post('/api/v1/sectors', { code: `MATRIX_${unique().replace(/\W/g, '_').toUpperCase()}`, nameVi: 'Ngành thử', nameEn: 'Test sector' }),
};

/** Endpoints that act on no organisation: one cell per actor. */
const UNTARGETED = new Set(['POST /sectors']);

const CODES: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden' };

beforeAll(async () => {
  t = await createTestApp();
  ncc = await t.org('ncc');
  for (const role of ['national_coordinator', 'org_admin', 'analyst', 'responder', 'viewer'] as const) actors.set(role, await t.userIn(HOME, role));
  actors.set('connector-key', await t.keyFor(HOME, 'connector'));
  actors.set('anonymous', t.anonymous);
});
afterAll(() => t?.close());

describe('authorization matrix', () => {
  for (const [endpoint, row] of Object.entries(MATRIX)) {
    describe(endpoint, () => {
      ACTORS.forEach((actor, i) => {
        const [own, foreign = own] = row[i]!.split('/').map(Number) as [number, number?];
        const cells = UNTARGETED.has(endpoint) ? ([[null, own]] as const) : ([['own', own], ['foreign', foreign]] as const);
        for (const [target, status] of cells) {
          it(`${actor} ${endpoint}${target ? ` ${target}` : ''} → ${status}`, async () => {
            const res = await CALLS[endpoint]!(actors.get(actor)!, target ? await freshUnit(target) : ncc);
            expect(res.statusCode, res.body).toBe(status);
            if (CODES[status]) expect(res.json().error.code).toBe(CODES[status]);
          });
        }
      });
    });
  }
});

describe('lists outside the actor’s subtree', () => {
  it('shows an org_admin no accounts and no keys of a foreign organisation, only of its own subtree', async () => {
    const foreign = await freshUnit('foreign');
    await CALLS['POST /users']!(t.admin, foreign);
    await CALLS['POST /api-keys']!(t.admin, foreign);
    const admin = actors.get('org_admin')!;
    expect((await admin.get(`/api/v1/users?orgId=${foreign}`)).json().items).toEqual([]);
    expect((await admin.get(`/api/v1/api-keys?orgId=${foreign}`)).json().items).toEqual([]);
    const everyone = (await admin.get('/api/v1/users')).json().items as { orgId: string }[];
    expect(everyone.length).toBeGreaterThan(0);
    expect(everyone.some((u) => u.orgId === foreign)).toBe(false);
  });
});
