import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP_LEVELS, type Role } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { IncidentAccess } from './incident-access.ts';
import { countsFor, accessTo, visibilityOf } from './incidents.policy.ts';
import { countableIncidentSql, visibleIncidentSql } from './incident-visibility.ts';

/**
 * The one visibility rule: the SQL every aggregate uses must pick exactly the incidents `accessTo`
 * grants (and `countsFor` counts), for callers reaching incidents by every path: owner, hierarchy,
 * SOC provider, supervised and notify links, shares (within and beyond their ceiling), the centre.
 */
let t: TestApp;
const ids: string[] = [];
const OWNERS = ['bank-sgb', 'bank-svb', 'energy-themluc'];
const CALLERS: [string, Role][] = [
  ['ncc', 'national_coordinator'], ['bank-sgb', 'analyst'], ['reg-bank', 'analyst'], ['soc-thachsanh', 'analyst'],
  ['prov-79', 'analyst'], ['prov-48', 'viewer'], ['bank-svb', 'org_admin'], ['energy-themluc', 'analyst'],
];

async function ctxOf(orgKey: string, role: Role): Promise<RequestContext> {
  await t.platform.orgTree.ensure();
  const orgId = await t.org(orgKey);
  return { actor: { type: 'user', id: null, name: 'test', orgId, role }, scope: t.platform.orgTree.scopeFor(orgId, role), ip: null, requestId: null };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const key of OWNERS) {
    const owner = await t.userIn(key, 'org_admin');
    for (const tlp of TLP_LEVELS) {
      const res = await owner.post('/api/v1/incidents', { severity: 2, title: `${key} ${tlp}`, tlp });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  }
  const energy = await t.userIn('energy-themluc', 'org_admin');
  const [, , amber, strict] = ids.slice(10);
  // Shares: one within its ceiling, one beyond it (suspended), one revoked.
  expect((await energy.post(`/api/v1/incidents/${strict}/shares`, { orgId: await t.org('prov-79'), profile: 'read_only', tlpCeiling: 'RED' })).statusCode).toBe(201);
  expect((await energy.post(`/api/v1/incidents/${amber}/shares`, { orgId: await t.org('prov-48'), profile: 'read_only', tlpCeiling: 'GREEN' })).statusCode).toBe(201);
  // Links: prov-79 supervises bank-svb up to GREEN; prov-48 is notified of energy once reported.
  expect((await t.admin.post('/api/v1/org-links', { fromOrgId: await t.org('prov-79'), toOrgId: await t.org('bank-svb'), type: 'supervised', tlpCeiling: 'GREEN' })).statusCode).toBe(201);
  expect((await t.admin.post('/api/v1/org-links', { fromOrgId: await t.org('prov-48'), toOrgId: await t.org('energy-themluc'), type: 'notify', tlpCeiling: 'AMBER' })).statusCode).toBe(201);
  await sql`update incidents set reported_at = now() where id = ${ids[11]!}`.execute(t.platform.db);
});
afterAll(() => t?.close());

describe('the incident visibility rule in SQL', () => {
  it.each(CALLERS)('picks for %s (%s) exactly what accessTo grants, and countsFor counts', async (orgKey, role) => {
    const ctx = await ctxOf(orgKey, role);
    const access = new IncidentAccess(t.platform);
    const actor = await access.actor(ctx);
    const vis = visibilityOf(actor);
    const pick = async (rule: typeof visibleIncidentSql) =>
      (await sql<{ id: string }>`select i.id from incidents i where i.id = any(${ids}::uuid[]) and ${rule(vis, 'i')} order by i.id`.execute(t.platform.db)).rows.map((r) => r.id);
    const expected = { visible: [] as string[], countable: [] as string[] };
    for (const id of [...ids].sort()) {
      const facts = (await access.facts(t.platform.db, id))!;
      if (accessTo(actor, facts)) expected.visible.push(id);
      if (countsFor(actor, facts)) expected.countable.push(id);
    }
    expect(await pick(visibleIncidentSql)).toEqual(expected.visible);
    expect(await pick(countableIncidentSql)).toEqual(expected.countable);
    // Never another organisation's AMBER+STRICT or RED without a share.
    expect(expected.countable.length).toBeGreaterThan(0);
  });
});
