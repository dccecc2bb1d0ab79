import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let analyst: Caller & { id: string; orgId: string };
let foreignOrg: string;
beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.userIn('prov-48', 'analyst');
  foreignOrg = await t.org('ncc');
});
afterAll(() => t?.close());

/** The account as stored, whatever the API says. */
const stored = async (id: string) =>
  (await sql<{ role: string; org_id: string; name: string; status: string }>`select role, org_id, name, status from users where id = ${id}`.execute(t.platform.db)).rows[0]!;

describe('PATCH /me: what a user may change about themselves', () => {
  it.each([
    [{ role: 'national_coordinator' }, 'body/role'],
    [{ org_id: 'FOREIGN' }, 'body/org_id'],
    [{ orgId: 'FOREIGN' }, 'body/orgId'],
    [{ status: 'active', failed_attempts: 0 }, 'body/status'],
    [{ name: 'Tên mới', role: 'org_admin' }, 'body/role'],
  ])('refuses %j with 400 naming the field, and changes nothing', async (patch, field) => {
    const body = JSON.parse(JSON.stringify(patch).replace('FOREIGN', foreignOrg)) as Record<string, unknown>;
    const before = await stored(analyst.id);
    const res = await analyst.patch('/api/v1/me', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', message: `${field} is not a field this request takes` });
    expect(await stored(analyst.id)).toEqual(before);
    const me = (await analyst.get('/api/v1/me')).json().user;
    expect(me.role).toBe('analyst');
    expect(me.org.id).toBe(analyst.orgId);
    expect(me.permissions).not.toContain('users.manage');
  });

  it('still changes the name and the language, and audits only those', async () => {
    const res = await analyst.patch('/api/v1/me', { name: 'Lê Thị Hồng', locale: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Lê Thị Hồng', locale: 'en', role: 'analyst', org: { id: analyst.orgId } });
    expect(await stored(analyst.id)).toMatchObject({ name: 'Lê Thị Hồng', role: 'analyst', org_id: analyst.orgId });
    const audit = await sql<{ after: unknown }>`select after from audit_log where action = 'user.update_self' and entity_id = ${analyst.id} order by id desc limit 1`.execute(t.platform.db);
    expect(audit.rows[0]!.after).toEqual({ name: 'Lê Thị Hồng', locale: 'en' });
  });
});

describe('PATCH /users/:id: what an organisation admin may change', () => {
  it('cannot move an account to another organisation through an unnamed field', async () => {
    const admin48 = await t.userIn('prov-48', 'org_admin');
    const viewer = await t.userIn('prov-48', 'viewer');
    for (const body of [{ orgId: foreignOrg }, { org_id: foreignOrg, name: 'X' }, { role: 'viewer', password_hash: 'x' }]) {
      const res = await admin48.patch(`/api/v1/users/${viewer.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await stored(viewer.id)).toMatchObject({ org_id: viewer.orgId, role: 'viewer' });
    expect((await viewer.get('/api/v1/me')).statusCode).toBe(200);
  });
});
