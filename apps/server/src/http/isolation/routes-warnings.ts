import { expect } from 'vitest';
import { del, get, OTHERS, patch, post, row, type RouteSpec } from './spec.ts';
import type { World } from './world.ts';

const centreOnly = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: status });
/** Readers of another organisation do not learn that the own warning exists; a connector key has no warning rights. */
const onOwn = (ownStatus: number) => row(401, 404, 404, 403, ownStatus);
/** Drafting and issuing: the other province's admin may draft, but not find the own province's warnings (404). */
const byAdmin = (status: number) => row(401, 403, 404, 403, 403, { ownAdmin: status });
const warning = (id: string) => `/api/v1/warnings/${id}`;
const webhooks = (w: World) => `/api/v1/orgs/${w.org.own}/warning-webhooks`;
const draftBody = (w: World) => ({
  titleVi: 'Cảnh báo', titleEn: 'Warning', bodyVi: 'Nội dung.', bodyEn: 'Body.', severity: 2, tlp: 'AMBER', targeting: { orgIds: [w.org.own] },
});
const stats = (path: string, query = '') => ({
  route: `GET /api/v1/stats/${path}`,
  request: (w: World) => get(`/api/v1/stats/${path}?orgId=${w.org.own}${query}`),
  expect: row(401, 403, 403, 403, 200),
});

/** Campaigns, early warnings with their webhooks and policies, and statistics of the own organisation. */
export const WARNING_ROUTES: RouteSpec[] = [
  {
    route: 'GET /api/v1/campaigns',
    request: () => get('/api/v1/campaigns'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.alerts.campaignId],
  },
  // Internet-wide scanners are no organisation's secret (counts are the centre's only): every reader, no key.
  { route: 'GET /api/v1/campaigns/mass-scanning', request: () => get('/api/v1/campaigns/mass-scanning'), expect: row(401, 200, 200, 403, 200) },
  { route: 'GET /api/v1/campaigns/:id', request: (w) => get(`/api/v1/campaigns/${w.alerts.campaignId}`), expect: onOwn(200) },
  { route: 'POST /api/v1/campaigns/:id/confirm', request: (w) => post(`/api/v1/campaigns/${w.alerts.campaignBId}/confirm`), expect: centreOnly(200) },
  { route: 'POST /api/v1/campaigns/:id/dismiss', request: (w) => post(`/api/v1/campaigns/${w.alerts.campaignBId}/dismiss`), expect: centreOnly(200) },
  {
    route: 'POST /api/v1/campaigns/:id/merge',
    request: (w) => post(`/api/v1/campaigns/${w.alerts.campaignBId}/merge`, { intoId: w.alerts.campaignId }),
    expect: centreOnly(200),
  },
  {
    route: 'POST /api/v1/campaigns/:id/propose-warning',
    request: (w) => post(`/api/v1/campaigns/${w.alerts.campaignId}/propose-warning`),
    expect: centreOnly(201),
  },

  {
    route: 'GET /api/v1/warnings',
    request: () => get('/api/v1/warnings?limit=500'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.warnings.draftId, w.warnings.issuedId],
  },
  {
    route: 'GET /api/v1/warnings/inbox',
    request: () => get('/api/v1/warnings/inbox'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.warnings.issuedId],
  },
  {
    // A province's admin drafts for itself: the other province's draft is its own, never the own organisation's.
    route: 'POST /api/v1/warnings', request: (w) => post('/api/v1/warnings', draftBody(w)), expect: row(401, 403, 201, 403, 403, { ownAdmin: 201 }),
    check: async (w, who, res) => {
      if (!OTHERS.includes(who) || res.statusCode !== 201) return;
      expect((await w.callers.ownAdmin.get(warning(JSON.parse(res.body).id))).statusCode, 'the own admin finds the other draft').toBe(404);
    },
  },
  {
    route: 'POST /api/v1/warnings/preview-recipients',
    request: (w) => post('/api/v1/warnings/preview-recipients', { orgIds: [w.org.own] }),
    expect: row(401, 403, 200, 403, 403, { ownAdmin: 200 }),
  },
  { route: 'GET /api/v1/warnings/:id', request: (w) => get(warning(w.warnings.issuedId)), expect: onOwn(200) },
  { route: 'GET /api/v1/warnings/:id/csaf', request: (w) => get(`${warning(w.warnings.issuedId)}/csaf`), expect: onOwn(200) },
  { route: 'GET /api/v1/warnings/:id/stix', request: (w) => get(`${warning(w.warnings.issuedId)}/stix`), expect: onOwn(200) },
  { route: 'GET /api/v1/warnings/:id/status', request: (w) => get(`${warning(w.warnings.issuedId)}/status`), expect: onOwn(200) },
  { route: 'PATCH /api/v1/warnings/:id', request: (w) => patch(warning(w.warnings.draftId), { severity: 4 }), expect: byAdmin(200) },
  {
    route: 'POST /api/v1/warnings/:id/discard',
    request: async (w) => post(`${warning(await w.warnings.freshDraft())}/discard`),
    expect: byAdmin(200),
  },
  { route: 'POST /api/v1/warnings/:id/issue', request: async (w) => post(`${warning(await w.warnings.freshDraft())}/issue`), expect: byAdmin(200) },
  {
    route: 'POST /api/v1/warnings/:id/withdraw',
    request: async (w) => post(`${warning(await w.warnings.freshIssued())}/withdraw`),
    expect: byAdmin(200),
  },
  {
    route: 'POST /api/v1/warnings/:id/deliveries/:deliveryId/retry',
    request: (w) => post(`${warning(w.warnings.issuedId)}/deliveries/${w.warnings.deliveryId}/retry`),
    expect: byAdmin(200),
  },
  // Acknowledging is the recipient's: a caller who cannot read the warning does not learn it exists.
  { route: 'POST /api/v1/warnings/:id/ack', request: (w) => post(`${warning(w.warnings.issuedId)}/ack`, {}), expect: onOwn(200) },
  { route: 'POST /api/v1/warnings/:id/read', request: (w) => post(`${warning(w.warnings.issuedId)}/read`, {}), expect: onOwn(200) },
  { route: 'GET /api/v1/warning-policies', request: () => get('/api/v1/warning-policies'), expect: centreOnly(200) },
  {
    route: 'POST /api/v1/warning-policies',
    request: (w) => post('/api/v1/warning-policies', { minSeverity: 4, sectorCode: w.incidents.sectorCode, autoIssue: false }),
    expect: centreOnly(201),
  },

  // Webhook endpoints are the organisation's admins' (the organisation itself is public, so 403).
  {
    route: 'GET /api/v1/orgs/:orgId/warning-webhooks',
    request: (w) => get(webhooks(w)),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 200 }),
    shows: (w) => [w.warnings.webhookId],
  },
  {
    route: 'POST /api/v1/orgs/:orgId/warning-webhooks',
    request: (w) => post(webhooks(w), { url: 'http://127.0.0.1:9/khac' }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'POST /api/v1/orgs/:orgId/warning-webhooks/:id/test',
    request: (w) => post(`${webhooks(w)}/${w.warnings.webhookId}/test`),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 200 }),
  },
  {
    route: 'DELETE /api/v1/orgs/:orgId/warning-webhooks/:id',
    request: async (w) => del(`${webhooks(w)}/${await w.warnings.freshWebhook()}`),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 204 }),
  },

  stats('overview'),
  stats('series', '&groupBy=class'),
  stats('response'),
  stats('hourly'),
  stats('forecast', '&groupBy=none'),
  stats('surges', '&groupBy=class'),
  stats('reports/periodic', `&period=${new Date().getUTCFullYear()}`),
  stats('export.csv', '&dimension=class'),
  {
    // Loading history moves every national figure: the centre's alone (a day long past, so no other row moves).
    route: 'POST /api/v1/stats/history',
    request: (w) => ({ method: 'POST', url: '/api/v1/stats/history', body: Buffer.from(`day,org,alerts\n2020-01-06,${w.org.own},7\n`), headers: { 'content-type': 'text/csv' } }),
    expect: centreOnly(200),
  },
];
