import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

/**
 * Who may do what to an incident of HOME (a bank under the banking regulator PARENT), by role and
 * organisation, at TLP:AMBER and TLP:RED. Each cell acts on a fresh incident.
 */
const HOME = 'bank-sgb';
const PARENT = 'reg-bank';
const FOREIGN = 'prov-79';
const ACTORS = ['centre', 'org_admin', 'analyst', 'responder', 'viewer', 'connector-key', 'anonymous', 'foreign-analyst', 'parent-analyst'] as const;
type ActorName = (typeof ACTORS)[number];

//                                   centre org_admin analyst responder viewer connector anonymous foreign parent
const AMBER: Record<string, number[]> = {
  'GET /incidents/:id':             [200,   200,      200,    200,      200,   403,      401,      404,    200],
  'POST /incidents/:id/comments':   [201,   201,      201,    201,      403,   403,      401,      404,    201],
  'POST /incidents/:id/tasks':      [201,   201,      201,    201,      403,   403,      401,      404,    201],
  'POST /incidents/:id/reports':    [201,   201,      201,    201,      403,   403,      401,      404,    201],
  'GET /incidents/:id/reports':     [200,   200,      200,    200,      200,   403,      401,      404,    200],
  'POST /incidents/:id/shares':     [201,   201,      201,    201,      403,   403,      401,      404,    403],
  'PATCH /incidents/:id tlp':       [200,   200,      200,    200,      403,   403,      401,      404,    403],
};
const RED: Record<string, number[]> = {
  'GET /incidents/:id':             [404,   200,      200,    200,      200,   403,      401,      404,    404],
  'POST /incidents/:id/tasks':      [404,   201,      201,    201,      403,   403,      401,      404,    404],
  'GET /incidents/:id/reports':     [404,   200,      200,    200,      200,   403,      401,      404,    404],
};

let t: TestApp;
let owner: Caller;
let foreignOrg: string;
const actors = new Map<ActorName, Caller>();

const CALLS: Record<string, (c: Caller, id: string) => Promise<LightMyRequestResponse>> = {
  'GET /incidents/:id': (c, id) => c.get(`/api/v1/incidents/${id}`),
  'POST /incidents/:id/comments': (c, id) => c.post(`/api/v1/incidents/${id}/comments`, { body: 'Ghi chú' }),
  'POST /incidents/:id/tasks': (c, id) => c.post(`/api/v1/incidents/${id}/tasks`, { title: 'Cô lập máy chủ', dueAt: new Date(Date.now() + 86_400_000).toISOString() }),
  'POST /incidents/:id/reports': (c, id) => c.post(`/api/v1/incidents/${id}/reports`, { kind: 'update', content: { status: 'contained' } }),
  'GET /incidents/:id/reports': (c, id) => c.get(`/api/v1/incidents/${id}/reports`),
  'POST /incidents/:id/shares': (c, id) => c.post(`/api/v1/incidents/${id}/shares`, { orgId: foreignOrg, profile: 'read_only', tlpCeiling: 'AMBER' }),
  'PATCH /incidents/:id tlp': (c, id) => c.patch(`/api/v1/incidents/${id}`, { tlp: 'GREEN' }),
};

beforeAll(async () => {
  t = await createTestApp();
  foreignOrg = await t.org(FOREIGN);
  owner = await t.userIn(HOME, 'org_admin');
  actors.set('centre', t.admin);
  for (const role of ['org_admin', 'analyst', 'responder', 'viewer'] as const) actors.set(role, await t.userIn(HOME, role));
  actors.set('connector-key', await t.keyFor(HOME, 'connector'));
  actors.set('anonymous', t.anonymous);
  actors.set('foreign-analyst', await t.userIn(FOREIGN, 'analyst'));
  actors.set('parent-analyst', await t.userIn(PARENT, 'analyst'));
});
afterAll(() => t?.close());

for (const [tlp, matrix] of [['AMBER', AMBER], ['RED', RED]] as const) {
  describe(`incident authorisation at TLP:${tlp}`, () => {
    for (const [endpoint, row] of Object.entries(matrix)) {
      ACTORS.forEach((actor, i) => {
        it(`${actor} ${endpoint} → ${row[i]}`, async () => {
          const inc = await owner.post('/api/v1/incidents', { title: `Ma trận ${endpoint}`, severity: 2, tlp });
          expect(inc.statusCode, inc.body).toBe(201);
          const res = await CALLS[endpoint]!(actors.get(actor)!, inc.json().id);
          expect(res.statusCode, res.body).toBe(row[i]);
        });
      });
    }
  });
}

describe('listing and live events', () => {
  it('delivers an incident change on the event stream only to organisations that may see it', async () => {
    const inc = (await owner.post('/api/v1/incidents', { title: 'Sự kiện trực tiếp', severity: 2, tlp: 'RED' })).json();
    await t.platform.relay.flush();
    const rows = await t.platform.db.selectFrom('outbox').select(['type', 'audience']).where(({ eb }) => eb('payload', '@>', JSON.stringify({ id: inc.id }) as never)).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect((r.audience as { orgIds: string[] }).orgIds).toEqual([await t.org(HOME)]);
  });
});
