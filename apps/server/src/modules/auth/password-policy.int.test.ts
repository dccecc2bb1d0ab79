import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../cli/commands.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { startServer } from '../../testing/server-process.ts';

const PASSWORD = 'a-long-test-password';
let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = await t.org('prov-48');
});
afterAll(() => t?.close());

let seq = 0;
const newUser = (password: string, email = `tran.thi.mai${++seq}@sotttt48.example.vn`) =>
  t.admin.post('/api/v1/users', { email, name: 'Trần Thị Mai', orgId, role: 'analyst', password });

describe('the password policy', () => {
  it('refuses weak, common, personal and e-mail-containing passwords when an account is created, with a code per reason', async () => {
    const cases: [string, string][] = [
      ['Password123456', 'password_common'],
      ['anhyeuem123456', 'password_common'],
      ['tranthimai1990', 'password_personal'],
      ['Lachan@2026!!', 'password_personal'],
      ['Summer2026!!!', 'password_weak'],
    ];
    for (const [password, code] of cases) {
      const res = await newUser(password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error, password).toMatchObject({ code, message: expect.any(String), details: { minScore: 4 } });
    }
    const withEmail = await newUser('mine-is-tran.thi.mai99@sotttt48.example.vn!', 'tran.thi.mai99@sotttt48.example.vn');
    expect(withEmail.json().error.code).toBe('password_contains_email');
    expect((await newUser('orchid kettle marathon 47')).statusCode).toBe(201);
  });

  it('applies to changing one’s own password, which stays as it was when refused', async () => {
    const u = await t.userIn('prov-48', 'analyst');
    const weak = await u.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'qwertyuiop123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('password_common');
    expect((await u.get('/api/v1/me')).statusCode).toBe(200);
    expect((await u.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'copper lantern drifting 93' })).statusCode).toBe(200);
    await expect(t.login(u.email, PASSWORD)).rejects.toThrow(/401/);
    expect((await (await t.login(u.email, 'copper lantern drifting 93')).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('applies to an administrator’s reset, which can also generate one (shown once) and ends the user’s sessions', async () => {
    const u = await t.userIn('prov-48', 'viewer');
    const weak = await t.admin.post(`/api/v1/users/${u.id}/password`, { password: 'iloveyou1234567' });
    expect(weak.json().error.code).toBe('password_common');
    const generated = await t.admin.post(`/api/v1/users/${u.id}/password`, {});
    expect(generated.json().initialPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await u.get('/api/v1/me')).statusCode).toBe(401);
    expect((await (await t.login(u.email, generated.json().initialPassword)).get('/api/v1/me')).statusCode).toBe(200);
    const me = (await t.admin.get('/api/v1/me')).json().user;
    expect((await t.admin.post(`/api/v1/users/${me.id}/password`, {})).statusCode).toBe(403);
  });

  it('applies to the command line', async () => {
    const cli = (args: string[]) => runCommand(t.platform, args, parseArgs);
    await expect(cli(['user', 'create', '--email', 'cli@sotttt48.example.vn', '--name', 'Lê Văn Cường', '--org', orgId, '--role', 'analyst', '--password', 'letmein123456'])).rejects.toThrow(/commonly used/);
    expect(await cli(['user', 'create', '--email', 'cli@sotttt48.example.vn', '--name', 'Lê Văn Cường', '--org', orgId, '--role', 'analyst', '--password', 'saffron glacier tumbles 58'])).toBe(0);
    await expect(cli(['user', 'reset-password', '--email', 'cli@sotttt48.example.vn', '--password', 'levancuong2026'])).rejects.toThrow(/your name/);
  });
});

describe('the bootstrap administrator password', () => {
  it('stops the server at its first start with a clear message when LACHAN_ADMIN_PASSWORD is weak', async () => {
    const outcome = await startServer({ LACHAN_ADMIN_PASSWORD: 'Admin@123456' }).then(
      async (s) => (await s.stop(), 'started'),
      (err: Error) => err.message,
    );
    expect(outcome).toContain('exited (1)');
    expect(outcome).toMatch(/lachan: LACHAN_ADMIN_PASSWORD is refused: .*unset it to have one generated/);
    expect(outcome).not.toMatch(/\n\s+at /);
  });
});
