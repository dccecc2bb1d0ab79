import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const PASSWORD = 'a-long-test-password';
type Session = { id: string; current: boolean; ip: string | null };

describe('GET/DELETE /me/sessions: a user sees and ends their own sessions', () => {
  it('lists the sessions of the account only, marks the current one, and ends another one', async () => {
    const phone = await t.userIn('prov-48', 'analyst');
    const laptop = await t.login(phone.email, PASSWORD);
    const stranger = await t.userIn('prov-48', 'analyst');
    const listed = (await laptop.get('/api/v1/me/sessions')).json().items as Session[];
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toMatch(/id_hash|csrf/);
    const other = listed.find((s) => !s.current)!;

    expect((await stranger.delete(`/api/v1/me/sessions/${other.id}`)).statusCode).toBe(404);
    const own = listed.find((s) => s.current)!;
    const self = await laptop.delete(`/api/v1/me/sessions/${own.id}`);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('conflict');

    expect((await laptop.delete(`/api/v1/me/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/me/sessions')).json().items).toHaveLength(1);
    const audit = await sql<{ before: { session: string } }>`select before from audit_log where action = 'user.session_revoked' and entity_id = ${phone.id}`.execute(t.platform.db);
    expect(audit.rows.map((r) => r.before.session)).toEqual([other.id]);
  });

  it('answers a machine key 403 and a malformed id 400', async () => {
    const key = await t.keyFor('prov-48', 'connector');
    expect((await key.get('/api/v1/me/sessions')).statusCode).toBe(403);
    const user = await t.userIn('prov-48', 'viewer');
    expect((await user.delete('/api/v1/me/sessions/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('GET/PUT /me/mail-preferences: which warnings and reminders reach the user by e-mail', () => {
  it('starts with none, saves a closed body, audits it, and refuses unknown fields', async () => {
    const user = await t.userIn('bank-sgb', 'analyst');
    expect((await user.get('/api/v1/me/mail-preferences')).json()).toEqual({ warningMinSeverity: null, warningReminders: false });
    const saved = await user.put('/api/v1/me/mail-preferences', { warningMinSeverity: 3, warningReminders: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await user.get('/api/v1/me/mail-preferences')).json()).toEqual({ warningMinSeverity: 3, warningReminders: true });
    expect((await user.put('/api/v1/me/mail-preferences', { warningMinSeverity: 3, warningReminders: true, userId: user.id })).statusCode).toBe(400);
    expect((await user.put('/api/v1/me/mail-preferences', { warningMinSeverity: 9, warningReminders: true })).statusCode).toBe(400);
    const audit = await sql<{ after: unknown }>`select after from audit_log where action = 'user.mail_preferences' and entity_id = ${user.id}`.execute(t.platform.db);
    expect(audit.rows.map((r) => r.after)).toEqual([{ warningMinSeverity: 3, warningReminders: true }]);
  });

  it('sends an issued warning to the users of a recipient organisation who asked for its severity, and reminders to those who asked', async () => {
    const org = await t.org('bank-svb');
    const [wantsHigh, wantsCritical, wantsNothing] = [await t.userIn('bank-svb', 'analyst'), await t.userIn('bank-svb', 'analyst'), await t.userIn('bank-svb', 'viewer')];
    await wantsHigh.put('/api/v1/me/mail-preferences', { warningMinSeverity: 3, warningReminders: true });
    await wantsCritical.put('/api/v1/me/mail-preferences', { warningMinSeverity: 4, warningReminders: false });
    await wantsNothing.put('/api/v1/me/mail-preferences', { warningMinSeverity: null, warningReminders: false });
    const draft = { titleVi: 'Cảnh báo thử', titleEn: 'Test warning', bodyVi: 'Nội dung.', bodyEn: 'Body.', severity: 3, tlp: 'GREEN', targeting: { orgIds: [org] } };
    const w = (await t.admin.post('/api/v1/warnings', draft)).json().id as string;
    expect((await t.admin.post(`/api/v1/warnings/${w}/issue`)).statusCode).toBe(200);
    const targets = async (purpose: string) =>
      (await sql<{ target: string }>`select target from warning_deliveries where warning_id = ${w} and channel = 'email' and purpose = ${purpose}`.execute(t.platform.db)).rows.map((r) => r.target);
    const issued = await targets('issue');
    expect(issued).toContain(wantsHigh.email);
    expect(issued).not.toContain(wantsCritical.email);
    expect(issued).not.toContain(wantsNothing.email);

    const start = Date.now();
    t.platform.now = () => new Date(start + 5 * 3_600_000);
    for (let i = 0; i < 100 && !(await targets('reminder')).length; i++) {
      t.platform.workers.warnings.wake();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await targets('reminder')).toContain(wantsHigh.email);
    expect(await targets('reminder')).not.toContain(wantsCritical.email);
  });
});
