import { expect } from 'vitest';
import { del, get, OTHERS, patch, post, row, type CallerName, type RouteSpec } from './spec.ts';
import type { World } from './world.ts';

/** An alert line naming the own organisation's asset, titled with a token to find it again. */
const namingOwnAsset = (w: World, token: string) => JSON.stringify({
  title: `Truy cập lạ ${token}`, severity: 'medium', sourceRef: token, observables: [{ type: 'domain', value: w.alerts.assetValue }],
});
const byte = () => Math.floor(Math.random() * 250);
const keyOrg = (w: World, who: CallerName) => (who === 'ownKey' ? w.org.own : w.org.other);

/** The event stream, alerts, connectors, the quarantine, ingest, assets, standing links and promotion rules. */
export const ALERT_ROUTES: RouteSpec[] = [
  // Replayed from before the world was built: another organisation hears nothing of the own organisation's.
  {
    route: 'GET /api/v1/stream', stream: true,
    request: (w) => get(`/api/v1/stream?lastEventId=${w.startEventId}`),
    expect: row(401, 200, 200, 200, 200),
    shows: (w) => [w.incidents.id],
    sharedShows: (w) => [w.incidents.sharedId],
  },

  {
    route: 'GET /api/v1/alerts',
    request: () => get('/api/v1/alerts?limit=500'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.alerts.alertId],
  },
  { route: 'GET /api/v1/alerts/:id', request: (w) => get(`/api/v1/alerts/${w.alerts.alertId}`), expect: row(401, 404, 404, 403, 200) },
  {
    route: 'GET /api/v1/alert-sources',
    request: () => get('/api/v1/alert-sources'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.alerts.sourceId],
  },
  {
    route: 'POST /api/v1/alert-sources',
    request: (w) => post('/api/v1/alert-sources', { orgId: w.org.own, name: 'Máy chủ nhật ký', address: `10.48.${byte()}.${byte()}` }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'GET /api/v1/quarantine',
    request: () => get('/api/v1/quarantine?limit=500'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.marker],
  },
  { route: 'GET /api/v1/quarantine/:id', request: (w) => get(`/api/v1/quarantine/${w.alerts.quarantineId}`), expect: row(401, 404, 404, 403, 200) },
  {
    // A replay reaches only the records in the caller's own subtree: another admin's replay touches none.
    route: 'POST /api/v1/quarantine/replay',
    request: (w) => post('/api/v1/quarantine/replay', { ids: [w.alerts.quarantineId] }),
    expect: row(401, 403, 200, 403, 403, { ownAdmin: 200 }),
    check: (_w, who, res) => {
      if (who === 'otherAdmin') expect(JSON.parse(res.body)).toEqual({ replayed: 0, stillFailing: 0, duplicates: 0 });
      if (who === 'ownAdmin') expect(JSON.parse(res.body)).toMatchObject({ stillFailing: 1 });
    },
  },
  {
    // A connector may speak only for its own subtree: naming the own organisation's asset does not put the alert there.
    route: 'POST /api/v1/ingest/:format',
    request: (w) => ({
      method: 'POST', url: '/api/v1/ingest/lachan', headers: { 'content-type': 'application/x-ndjson' },
      body: Buffer.from(namingOwnAsset(w, `ingest-${w.unique()}`)),
    }),
    expect: row(401, 403, 403, 202, 403, { ownKey: 202 }),
    check: async (w, who, res) => {
      if (res.statusCode !== 202) return;
      const token = JSON.parse(res.body) as { accepted: number };
      expect(token.accepted).toBe(1);
      const newest = await w.t.admin.get(`/api/v1/alerts?q=${encodeURIComponent('Truy cập lạ ingest-')}&limit=500`);
      const sent = newest.json().items as { orgId: string }[];
      expect(sent.length).toBeGreaterThan(0);
      expect(sent[0]!.orgId, 'the newest alert naming the own asset').toBe(keyOrg(w, who));
    },
  },
  {
    route: 'GET /api/v1/orgs/:id/assets',
    request: (w) => get(`/api/v1/orgs/${w.org.own}/assets`),
    expect: row(401, 403, 403, 403, 200),
    shows: (w) => [w.alerts.assetId],
  },
  {
    route: 'POST /api/v1/orgs/:id/assets',
    request: (w) => post(`/api/v1/orgs/${w.org.own}/assets`, { kind: 'hostname', value: `mail-${w.unique()}.danang.example.vn` }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'DELETE /api/v1/assets/:id',
    request: async (w) => del(`/api/v1/assets/${await w.alerts.freshAsset()}`),
    expect: row(401, 404, 404, 404, 403, { ownAdmin: 200 }),
  },

  // Standing links let an organisation see another's incidents: only the seen organisation's admins (or the centre) make them.
  {
    route: 'GET /api/v1/org-links',
    request: (w) => get(`/api/v1/org-links?orgId=${w.org.own}`),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.alerts.linkId],
  },
  {
    route: 'POST /api/v1/org-links',
    request: async (w, who) => post('/api/v1/org-links', {
      fromOrgId: OTHERS.includes(who) ? w.org.other : await w.alerts.freshUnit(), toOrgId: w.org.own, type: 'supervised',
    }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'DELETE /api/v1/org-links/:id',
    request: async (w) => del(`/api/v1/org-links/${await w.alerts.freshLink()}`),
    expect: row(401, 404, 404, 403, 403, { ownAdmin: 200 }),
  },

  {
    route: 'GET /api/v1/promotion-rules',
    request: () => get('/api/v1/promotion-rules'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.alerts.ruleId],
  },
  {
    route: 'POST /api/v1/promotion-rules',
    request: (w) => post('/api/v1/promotion-rules', { orgId: w.org.own, name: `Quy tắc ${w.unique()}`, conditions: { rsitClasses: ['vulnerable'] } }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'PATCH /api/v1/promotion-rules/:id',
    request: (w) => patch(`/api/v1/promotion-rules/${w.alerts.ruleId}`, { enabled: false }),
    expect: row(401, 403, 404, 403, 403, { ownAdmin: 200 }),
  },
];
