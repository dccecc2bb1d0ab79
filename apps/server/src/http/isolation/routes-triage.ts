import { sql } from 'kysely';
import { expect } from 'vitest';
import { del, get, post, row, type RouteSpec } from './spec.ts';
import { must, type World } from './world.ts';
import { ingest } from './world-alerts.ts';

/** A fresh alert of the own organisation, carrying the marker; its public id (kept among the secrets). */
async function freshAlert(w: World): Promise<string> {
  const token = `triage-${w.unique()}`;
  await ingest(w.callers.ownKey, [JSON.stringify({ title: `Dò quét ${token} ${w.marker}`, severity: 'medium', sourceRef: token, src: { ip: '203.0.113.48' } })]);
  const found = must<{ items: { id: string }[] }>(await w.t.admin.get(`/api/v1/alerts?q=${token}`), 200).items;
  w.secrets.push(found[0]!.id);
  return found[0]!.id;
}

/** A fresh suppression of the national critical rule for a group of the own organisation (kept among the secrets). */
async function freshSuppression(w: World): Promise<string> {
  const r = await sql<{ id: string }>`insert into promotion_suppressions (rule_id, group_key, org_id, label, reason, incidents, false_positives, created_by_name)
    values ((select id from promotion_rules where org_id is null and name = 'Critical alert'), ${`${w.org.own}|matrix|${w.unique()}`}, ${w.org.own},
      ${JSON.stringify({ signature: `Quét ${w.marker}` })}::jsonb, ${`Công cụ nội bộ ${w.marker}`}, 2, 2, 'matrix') returning id`.execute(w.t.platform.db);
  w.secrets.push(r.rows[0]!.id);
  return r.rows[0]!.id;
}

/** A fresh incident of the own organisation holding two fresh alerts; the incident and the alerts. */
async function incidentWithAlerts(w: World): Promise<{ id: string; alerts: string[] }> {
  const id = await w.incidents.fresh();
  const alerts = [await freshAlert(w), await freshAlert(w)];
  must(await w.callers.ownAnalyst.post(`/api/v1/incidents/${id}/alerts`, { alertIds: alerts }), 200);
  return { id, alerts };
}

/** The suppression the list row shows, made once per world. */
const listed = new WeakMap<World, string>();

/** Analysts' actions on alerts (another organisation does not see the alerts: 404), splitting incidents, promotion suppressions. */
export const TRIAGE_ROUTES: RouteSpec[] = [
  {
    route: 'POST /api/v1/alerts/open-incident',
    request: async (w) => post('/api/v1/alerts/open-incident', { alertIds: [await freshAlert(w)] }),
    expect: row(401, 404, 404, 403, 201, { centre: 201 }),
  },
  {
    route: 'POST /api/v1/alerts/false-positive',
    request: async (w) => post('/api/v1/alerts/false-positive', { alertIds: [await freshAlert(w)], reason: 'Máy quét được phép' }),
    expect: row(401, 404, 404, 403, 200),
    check: (_w, who, res) => {
      if (who === 'ownAnalyst') expect(JSON.parse(res.body)).toEqual({ updated: 1, suppressed: [] });
    },
  },
  {
    route: 'POST /api/v1/alerts/assign',
    request: async (w) => post('/api/v1/alerts/assign', { alertIds: [await freshAlert(w)], assigneeUserId: w.userIds.ownAnalyst ?? null }),
    expect: row(401, 404, 404, 403, 200),
  },
  {
    route: 'GET /api/v1/promotion-suppressions',
    request: async (w) => {
      if (!listed.has(w)) listed.set(w, await freshSuppression(w));
      return get('/api/v1/promotion-suppressions');
    },
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [listed.get(w)!],
  },
  {
    route: 'DELETE /api/v1/promotion-suppressions/:id',
    request: async (w) => del(`/api/v1/promotion-suppressions/${await freshSuppression(w)}`),
    expect: row(401, 404, 404, 403, 200),
  },
  {
    route: 'POST /api/v1/incidents/:id/split',
    request: async (w) => {
      const inc = await incidentWithAlerts(w);
      return post(`/api/v1/incidents/${inc.id}/split`, { alertIds: inc.alerts.slice(0, 1) });
    },
    expect: row(401, 404, 404, 403, 201),
  },
];
