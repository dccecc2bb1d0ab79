import { get, patch, post, put, row, type Req, type RouteSpec } from './spec.ts';
import { must, type World } from './world.ts';

const systems = new WeakMap<World, Promise<string>>();

/** A fresh system of the own organisation, named with the marker (another organisation's answer must never carry it). */
async function freshSystem(w: World): Promise<string> {
  const id = must(await w.callers.ownAdmin.post('/api/v1/systems', {
    orgId: w.org.own, name: `Hệ thống ${w.marker} ${w.unique()}`, functionType: 'public_services', dataClasses: ['personal'], securityLevel: 3,
  }), 201).id!;
  w.secrets.push(id);
  return id;
}
/** The standing system of the own organisation (made once per world). */
export function ownSystem(w: World): Promise<string> {
  if (!systems.has(w)) systems.set(w, freshSystem(w));
  return systems.get(w)!;
}
const csv = (w: World): Req => ({
  method: 'POST', url: `/api/v1/orgs/${w.org.own}/systems/import`, headers: { 'content-type': 'text/csv' },
  body: Buffer.from(`name,function_type,security_level\nHệ thống nhập ${w.unique()},internal_operations,2\n`),
});
/** Another organisation does not learn that the own system exists; a machine key reads no registry. */
const onOwnSystem = (ownAnalyst: number, extra = {}) => row(401, 404, 404, 404, ownAnalyst, extra);
const byOwnAdmin = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: status });

/** The information systems registry of the own organisation. */
export const REGISTRY_ROUTES: RouteSpec[] = [
  {
    route: 'GET /api/v1/systems',
    request: async (w) => (await ownSystem(w), get('/api/v1/systems?limit=5000')),
    expect: row(401, 200, 200, 403, 200, { centre: 200 }),
    shows: (w) => [w.marker],
  },
  {
    route: 'POST /api/v1/systems',
    request: (w) => post('/api/v1/systems', { orgId: w.org.own, name: `Hệ thống mới ${w.unique()}`, functionType: 'other', dataClasses: [] }),
    expect: byOwnAdmin(201),
  },
  {
    route: 'POST /api/v1/systems/classify',
    request: () => post('/api/v1/systems/classify', { components: [{ functionType: 'internal_operations', dataClasses: ['public'] }] }),
    expect: row(401, 200, 200, 403, 200),
  },
  {
    route: 'GET /api/v1/systems/export.csv',
    request: async (w) => (await ownSystem(w), get(`/api/v1/systems/export.csv?orgId=${w.org.own}`)),
    expect: row(401, 403, 403, 403, 200, { ownAdmin: 200, centre: 200 }),
    shows: (w) => [w.marker],
  },
  { route: 'GET /api/v1/systems/:id', request: async (w) => get(`/api/v1/systems/${await ownSystem(w)}`), expect: onOwnSystem(200, { centre: 200 }), shows: (w) => [w.marker] },
  { route: 'PATCH /api/v1/systems/:id', request: async (w) => patch(`/api/v1/systems/${await ownSystem(w)}`, { usersServed: 1200 }), expect: onOwnSystem(403, { ownAdmin: 200 }) },
  {
    route: 'POST /api/v1/systems/:id/retire',
    request: async (w) => post(`/api/v1/systems/${await freshSystem(w)}/retire`, { reason: 'thay thế' }),
    expect: onOwnSystem(403, { ownAdmin: 200 }),
  },
  { route: 'GET /api/v1/systems/:id/activity', request: async (w) => get(`/api/v1/systems/${await ownSystem(w)}/activity`), expect: onOwnSystem(200, { centre: 200 }) },
  { route: 'GET /api/v1/systems/:id/layers', request: async (w) => get(`/api/v1/systems/${await ownSystem(w)}/layers`), expect: onOwnSystem(200, { centre: 200 }) },
  {
    route: 'PUT /api/v1/systems/:id/layers',
    request: async (w) => put(`/api/v1/systems/${await ownSystem(w)}/layers`, {
      onSite: { unit: 'Phòng CNTT', contact: '0236 3822 114', staff: 2, evidence: null, recordedOn: '2026-01-05' },
    }),
    expect: onOwnSystem(403, { ownAdmin: 200 }),
  },
  { route: 'POST /api/v1/orgs/:id/systems/import', request: (w) => csv(w), expect: byOwnAdmin(200) },
];
