import { del, get, post, put, row, type RouteSpec } from './spec.ts';
import type { World } from './world.ts';

/** A fresh issue policy of the centre, for a cell that removes one. */
async function freshPolicy(w: World): Promise<string> {
  const res = await w.callers.centre.post('/api/v1/warning-policies', { minSeverity: 4, sectorCode: null, autoIssue: false });
  return (res.json() as { id: string }).id;
}

/** The settings pages' and audit viewer's routes added by issue 18: the rule preview, removing an issue policy, the audit export. */
export const SETTINGS_ROUTES: RouteSpec[] = [
  {
    // A preview reads the alerts of the organisations the rule would apply to: only those who may add the rule may ask.
    route: 'POST /api/v1/promotion-rules/preview',
    request: (w) => post('/api/v1/promotion-rules/preview', { orgId: w.org.own, conditions: { minSeverity: 1 } }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 200, centre: 200 }),
  },
  {
    route: 'DELETE /api/v1/warning-policies/:id',
    request: async (w) => del(`/api/v1/warning-policies/${await freshPolicy(w)}`),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }),
  },
  { route: 'GET /api/v1/retention', request: () => get('/api/v1/retention'), expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }) },
  {
    // Keeping everything for ever changes nothing the matrix's other rows rely on.
    route: 'PUT /api/v1/retention',
    request: () => put('/api/v1/retention', { alertDays: null, quarantineDays: null }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }),
  },
  {
    // Like the list: another organisation's admin gets its own entries only (the matrix checks no own secret is in them).
    route: 'GET /api/v1/audit/export',
    request: () => get('/api/v1/audit/export?format=ndjson'),
    expect: row(401, 403, 200, 403, 403, { ownAdmin: 200, centre: 200 }),
    shows: (w) => [w.incidents.id],
  },
];
