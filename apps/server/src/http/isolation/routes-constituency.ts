import { del, get, patch, post, row, type RouteSpec } from './spec.ts';
import { mappingBody } from './world-constituency.ts';

const feodoRow = (ip: string) => `"${new Date().toISOString().slice(0, 19).replace('T', ' ')}","${ip}","443","online","","QakBot"\n`;
const byte = () => 1 + Math.floor(Math.random() * 250);

/** Constituency reports: sent by connectors, read within scope; the CSV mappings are the centre's. */
export const CONSTITUENCY_ROUTES: RouteSpec[] = [
  {
    route: 'POST /api/v1/constituency/reports/:feed',
    request: () => ({ method: 'POST', url: '/api/v1/constituency/reports/feodo', headers: { 'content-type': 'text/csv' }, body: Buffer.from(feodoRow(`198.18.${byte()}.${byte()}`)) }),
    expect: row(401, 403, 403, 202, 403, { ownKey: 202, centre: 403 }),
  },
  {
    route: 'GET /api/v1/constituency/rows',
    request: () => get('/api/v1/constituency/rows?limit=500'),
    expect: row(401, 200, 200, 403, 200, { centre: 200 }),
    shows: (w) => [w.constituency.alertId],
  },
  {
    route: 'GET /api/v1/constituency/stats',
    request: () => get('/api/v1/constituency/stats'),
    expect: row(401, 200, 200, 403, 200, { centre: 200 }),
  },
  {
    route: 'GET /api/v1/constituency/digest',
    request: (w) => get(`/api/v1/constituency/digest?orgId=${w.org.own}&day=${new Date().toISOString().slice(0, 10)}`),
    expect: row(401, 403, 403, 403, 200, { ownAdmin: 200, centre: 200 }),
    shows: (w) => [w.constituency.alertId],
  },
  { route: 'GET /api/v1/constituency/mappings', request: () => get('/api/v1/constituency/mappings'), expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }) },
  {
    route: 'POST /api/v1/constituency/mappings',
    request: (w) => post('/api/v1/constituency/mappings', mappingBody(w)),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 201 }),
  },
  {
    route: 'PATCH /api/v1/constituency/mappings/:id',
    request: (w) => patch(`/api/v1/constituency/mappings/${w.constituency.mappingId}`, { severity: 3 }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }),
  },
  {
    route: 'DELETE /api/v1/constituency/mappings/:id',
    request: async (w) => del(`/api/v1/constituency/mappings/${await w.constituency.freshMapping()}`),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }),
  },
];
