import { get, OTHERS, patch, post, put, row, type RouteSpec } from './spec.ts';
import type { World } from './world.ts';

/** Another organisation gets 404 on the own incident (its existence is confidential); a connector key has no incident rights. */
const onOwn = (ownStatus: number) => row(401, 404, 404, 403, ownStatus);
const centreOnly = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: status });
const fresh = (w: World) => w.incidents.fresh();

/** Incidents: the list, opening one, the detail and every action on it; reporting regimes. */
export const INCIDENT_ROUTES: RouteSpec[] = [
  {
    route: 'GET /api/v1/incidents', request: () => get('/api/v1/incidents?limit=200'), expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.incidents.id], sharedShows: (w) => [w.incidents.sharedId],
  },
  {
    route: 'POST /api/v1/incidents',
    request: (w) => post('/api/v1/incidents', { orgId: w.org.own, title: `Sự cố mới ${w.marker}`, severity: 2, tlp: 'AMBER' }),
    expect: row(401, 403, 403, 403, 201),
  },
  {
    route: 'GET /api/v1/incidents/deadlines',
    request: (w) => get(`/api/v1/incidents/deadlines?orgId=${w.org.own}&state=all`),
    expect: row(401, 403, 403, 403, 200),
  },
  { route: 'GET /api/v1/incidents/:id', request: (w) => get(`/api/v1/incidents/${w.incidents.id}`), expect: onOwn(200) },
  {
    route: 'PATCH /api/v1/incidents/:id',
    request: (w) => patch(`/api/v1/incidents/${w.incidents.id}`, { description: `Cập nhật ${w.marker}` }),
    expect: onOwn(200),
  },
  // Naming a system: only the incident's managers; another organisation's system is never named (400 before it is looked at).
  {
    route: 'PUT /api/v1/incidents/:id/systems',
    request: async (w) => put(`/api/v1/incidents/${await fresh(w)}/systems`, { systemIds: [] }),
    expect: onOwn(200),
  },
  {
    route: 'POST /api/v1/incidents/:id/transition',
    request: async (w) => post(`/api/v1/incidents/${await fresh(w)}/transition`, { to: 'triage' }),
    expect: onOwn(200),
  },
  {
    route: 'POST /api/v1/incidents/:id/complete-response',
    request: async (w) => post(`/api/v1/incidents/${await fresh(w)}/complete-response`),
    expect: onOwn(200),
  },
  // Folding and linking are refused on an incident the caller cannot see before the other incidents or alerts are judged.
  {
    route: 'POST /api/v1/incidents/:id/merge',
    request: async (w) => post(`/api/v1/incidents/${await fresh(w)}/merge`, { incidentIds: [await fresh(w)] }),
    expect: onOwn(200),
  },
  {
    route: 'POST /api/v1/incidents/:id/alerts',
    request: async (w) => post(`/api/v1/incidents/${await fresh(w)}/alerts`, { alertIds: [w.alerts.alertId] }),
    expect: onOwn(200),
  },
  {
    route: 'POST /api/v1/incidents/:id/escalate',
    request: async (w) => post(`/api/v1/incidents/${await fresh(w)}/escalate`, { message: 'Vượt khả năng xử lý' }),
    expect: onOwn(200),
  },
  {
    // Another organisation tries to take the incident; the owner hands it to a response team.
    route: 'POST /api/v1/incidents/:id/transfer',
    request: async (w, who) => post(`/api/v1/incidents/${await fresh(w)}/transfer`, { orgId: OTHERS.includes(who) ? w.org.other : w.org.rtSouth }),
    expect: onOwn(200),
  },
  {
    route: 'PUT /api/v1/incidents/:id/regimes',
    request: async (w) => put(`/api/v1/incidents/${await fresh(w)}/regimes`, { regimeCodes: [] }),
    expect: onOwn(200),
  },

  { route: 'GET /api/v1/reporting-regimes', request: () => get('/api/v1/reporting-regimes'), expect: row(401, 200, 200, 403, 200) },
  {
    route: 'POST /api/v1/reporting-regimes',
    request: (w) => post('/api/v1/reporting-regimes', {
      code: `vn-matrix-${w.unique()}`, name: 'Chế độ', nameEn: 'Regime', applies: { sectors: ['ENERGY'] },
      rules: [{ key: 'n', kind: 'notification', trigger: 'discovery', amount: 24, unit: 'hours', recipients: 'A05' }],
    }),
    expect: centreOnly(201),
  },
  {
    route: 'PATCH /api/v1/reporting-regimes/:id',
    request: (w) => patch(`/api/v1/reporting-regimes/${w.incidents.regimeId}`, { nameEn: 'Test regime (renamed)' }),
    expect: centreOnly(200),
  },
];
