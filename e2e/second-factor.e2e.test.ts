import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { authenticatorCode, signIn } from './support/sign-in.ts';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

const ADMIN_EMAIL = 'admin@lachan.local';
let server: RunningServer;
let browser: Browser;

describe.skipIf(!hasChromium())('two-factor sign-in in Chromium, default configuration', () => {
  beforeAll(async () => {
    // LACHAN_SECOND_FACTOR_ROLES unset: the default, which requires a second factor of the administrator
    server = await startServer({ LACHAN_SECOND_FACTOR_ROLES: undefined });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let secret = '';
  let recoveryCode = '';

  it('holds the administrator at enrolment until an authenticator app is confirmed, then shows the recovery codes once', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, { path: '/orgs' });
    await page.waitForSelector('[data-testid=second-factor-enrolment]');
    expect(await page.textContent('[data-testid=second-factor-enrolment]')).toContain('Vai trò của bạn bắt buộc xác thực hai lớp');
    // nothing else opens, in the console or behind it
    expect(await page.locator('[data-testid=nav-orgs]').count()).toBe(0);
    const api = (await page.evaluate(async () => (await fetch('/api/v1/orgs')).json())) as { error: { code: string } };
    expect(api.error.code).toBe('second_factor_enrolment_required');

    await page.click('[data-testid=enrol-start]');
    await page.waitForSelector('[data-testid=enrol-qr]');
    expect(await page.getAttribute('[data-testid=enrol-qr]', 'src')).toMatch(/^data:image\/svg\+xml/);
    secret = await page.inputValue('[data-testid=enrol-secret]');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.fill('input[name=code]', '000000');
    await page.click('[data-testid=enrol-confirm]');
    await page.waitForSelector('text=Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.');
    await page.fill('input[name=code]', authenticatorCode(secret));
    await page.click('[data-testid=enrol-confirm]');
    await page.waitForSelector('[data-testid=recovery-codes]');
    const codes = await page.locator('[data-testid=recovery-code]').allTextContents();
    expect(codes).toHaveLength(10);
    recoveryCode = codes[0]!;
    await page.click('[data-testid=recovery-codes-saved]');
    await page.waitForSelector('[data-testid=nav-orgs]');
    await page.close();
  });

  it('asks for the code after the password, in the chosen language, and refuses a wrong one', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, { path: '/orgs' });
    await page.waitForSelector('[data-testid=second-factor-step]');
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=second-factor-step]')).toContain('Enter the 6-digit code');
    await page.fill('input[name=code]', '123456');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=The code is wrong, expired or already used.');
    await page.fill('input[name=code]', authenticatorCode(secret, 1));
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=org-row]');
    // the account page shows the factor on, with the ten recovery codes
    await page.click('[data-testid=user-menu]');
    await page.click('[data-testid=account-link]');
    await page.waitForSelector('[data-testid=account-second-factor]');
    await expect.poll(() => page.textContent('[data-testid=account-second-factor]')).toContain('10 unused recovery codes left');
    await page.close();
  });

  it('signs in with a recovery code instead, which then counts one fewer', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, { path: '/account' });
    await page.waitForSelector('[data-testid=second-factor-step]');
    await page.click('[data-testid=second-factor-toggle]');
    await page.fill('input[name=code]', recoveryCode);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=account-second-factor]');
    await expect.poll(() => page.textContent('[data-testid=account-second-factor]')).toMatch(/(Còn 9 mã khôi phục|9 unused recovery codes)/);
    await page.close();
  });
});
