import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { signIn } from './support/sign-in.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../apps/server/src/testing/oidc-provider.ts';

let server: RunningServer;
let browser: Browser;
let idp: TestOidcProvider;
let admin: Awaited<ReturnType<typeof apiSession>>;
let providerId: string;

const ALICE = { sub: 'alice', claims: { email: 'alice@songgianh.example', name: 'Nguyễn Thị Alice', org: 'bank-songgianh', groups: ['staff'] } };
const BOB = { sub: 'bob', claims: { email: 'bob@telco.example', name: 'Trần Văn Bob', org: 'telco', groups: [] } };

describe.skipIf(!hasChromium())('signing in with an identity provider, in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    idp = await startTestOidcProvider(`${server.url}/api/v1/auth/oidc/callback`, [ALICE, BOB]);
    browser = await launchChromium();
    admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const org = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!;
    const created = await admin('POST', '/api/v1/identity-providers', {
      displayName: 'Cổng định danh Ngân hàng', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret,
      rules: [{ claim: 'org', operator: 'glob', values: ['bank-*'], orgId: org.id, role: 'analyst' }],
    });
    expect(created.status).toBe(201);
    providerId = created.json.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await server?.stop();
  });

  it('goes through the provider\'s own login form and lands in the console signed in, with the mapped organisation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Đăng nhập bằng Cổng định danh Ngân hàng' }).click();
    // the provider's page: plain HTML, filled like a person would
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await page.fill('input[name=login]', 'alice');
    await page.fill('input[name=password]', 'whatever-the-idp-checks');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.href.startsWith(server.url) && u.pathname === '/dashboard');
    await expect.poll(() => page.textContent('[data-testid=user-menu]')).toContain('Nguyễn Thị Alice');
    const me = (await page.evaluate(async () => (await fetch('/api/v1/me')).json())) as { user: { org: { name: string } } & Record<string, unknown> };
    expect(me.user).toMatchObject({ email: 'alice@songgianh.example', role: 'analyst', stage: 'complete' });
    expect(me.user.org.name).toContain('Sông Gianh');
    await page.close();
  });

  it('comes back to the sign-in page with the reason when no mapping rule matches (English)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.setItem('lachan.lang', 'en'));
    await page.reload();
    await page.getByRole('link', { name: 'Sign in with Cổng định danh Ngân hàng' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await page.fill('input[name=login]', 'bob');
    await page.fill('input[name=password]', 'x');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.searchParams.get('oidcError') === 'oidc_no_matching_rule');
    await expect.poll(() => page.textContent('[data-testid=oidc-error]')).toContain('not mapped to any organisation');
    // the local sign-in is still there (break-glass)
    expect(await page.locator('input[name=password]').count()).toBe(1);
    await page.close();
  });

  it('lists the provider in the centre\'s settings tab and edits it: name and a second mapping rule, the secret never shown', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'admin@lachan.local', ADMIN_PASSWORD, { path: '/settings?tab=identity' });
    await page.waitForSelector('[data-testid=idp-row]');
    expect(await page.textContent('[data-testid=idp-row]')).toContain('Cổng định danh Ngân hàng');
    await page.click('[data-testid=idp-edit]');
    await page.waitForSelector('[data-testid=idp-form]');
    await page.fill('input[name=displayName]', 'Cổng định danh Ngân hàng Nhà nước');
    await page.click('[data-testid=rule-add]');
    const second = page.locator('[data-testid=claim-rule]').nth(1);
    await second.locator('[data-testid=rule-claim]').fill('groups');
    await second.locator('[data-testid=rule-values]').fill('soc-admins');
    await page.keyboard.press('Enter');
    await second.locator('[data-testid=rule-org]').fill('Sông Gianh');
    await page.getByRole('option', { name: /Sông Gianh/ }).first().click();
    await page.click('[data-testid=idp-save]');
    await page.waitForSelector('text=Đã lưu nhà cung cấp định danh.');
    await expect.poll(() => page.textContent('[data-testid=idp-row]')).toContain('Cổng định danh Ngân hàng Nhà nước');
    expect(await page.textContent('[data-testid=idp-row]')).toContain('2 quy tắc');
    expect(await page.content()).not.toContain(idp.clientSecret);
    const saved = (await admin('GET', `/api/v1/identity-providers/${providerId}`)).json as { rules: { claim: string; values: string[] }[] };
    expect(saved.rules[1]).toMatchObject({ claim: 'groups', values: ['soc-admins'] });
    await page.close();
  });
});
