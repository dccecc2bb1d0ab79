import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { authenticatorCode, signIn } from './support/sign-in.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

const PASSWORD = 'bảy con voi xanh trên đồi 2026';
const NEW_PASSWORD = 'chín chiếc thuyền giấy qua sông 2027';
let server: RunningServer;
let browser: Browser;
let email = '';

/** Opens the account page of a fresh browser context signed in as the test analyst. */
async function accountPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, server.url, email, PASSWORD, { path: '/account' });
  await page.waitForSelector('[data-testid=account-sessions] [data-testid=session-row]');
  return page;
}

describe.skipIf(!hasChromium())('the account page in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const me = (await admin('GET', '/api/v1/me')).json as { user: { org: { id: string } } };
    email = `tai-khoan-${Date.now()}@lachan.local`;
    const created = await admin('POST', '/api/v1/users', { email, name: 'Nguyễn Văn Thử', orgId: me.user.org.id, role: 'analyst', password: PASSWORD });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the sessions in Vietnamese and ends another browser’s session', async () => {
    const phone = await accountPage();
    const laptop = await accountPage();
    await expect.poll(() => laptop.locator('[data-testid=session-row]').count()).toBe(2);
    expect(await laptop.textContent('[data-testid=account-sessions]')).toContain('Phiên này');
    await laptop.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await laptop.click('[data-testid=confirm-button]');
    await laptop.waitForSelector('text=Đã kết thúc phiên.');
    await expect.poll(() => laptop.locator('[data-testid=session-row]').count()).toBe(1);
    await phone.reload();
    await phone.waitForSelector('input[name=password]');
    await phone.context().close();
    await laptop.context().close();
  });

  it('keeps the e-mail choices and switches the language from the page, in English too', async () => {
    const page = await accountPage();
    expect(await page.textContent('[data-testid=account-mail]')).toContain('Cảnh báo gửi đến đơn vị của tôi');
    await page.click('[data-testid=mail-min-severity]');
    await page.getByRole('option', { name: 'Từ mức Cao trở lên' }).click();
    await page.click('[data-testid=mail-reminders]');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForSelector('text=Đã lưu lựa chọn thư điện tử.');

    await page.locator('[data-testid=account-language]').getByText('English').click();
    await expect.poll(() => page.textContent('[data-testid=account-sessions]')).toContain('Signed-in sessions');
    await page.reload();
    await page.waitForSelector('[data-testid=account-mail] input');
    expect(await page.textContent('[data-testid=account-mail]')).toContain('Warnings sent to my organisation');
    expect(await page.inputValue('[data-testid=mail-min-severity]')).toBe('High and above');
    expect(await page.isChecked('[data-testid=mail-reminders]')).toBe(true);
    expect(await page.textContent('[data-testid=account-password]')).toContain('Change password');
    expect(await page.textContent('[data-testid=account-second-factor]')).toContain('Two-factor authentication');
    await page.context().close();
  });

  it('changes the password from the page: a guessable one is refused in Vietnamese, then only the new one signs in', async () => {
    const page = await accountPage();
    await page.locator('[data-testid=lang-switch]').getByText('VI', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=account-password]')).toContain('Đổi mật khẩu');
    const form = page.locator('[data-testid=account-password]');
    await form.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
    await form.getByLabel('Mật khẩu mới').fill('qwertyuiop123');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => form.textContent()).toContain('rất phổ biến hoặc đã bị lộ');
    expect(await untranslated(page)).toEqual([]);

    await form.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // every session ends with the change, this one too: the sign-in page, where only the new password works
    await page.waitForSelector('input[name=password]');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Email hoặc mật khẩu không đúng.');
    await page.fill('input[name=password]', NEW_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=account-sessions] [data-testid=session-row]');
    await page.context().close();
  });

  it('turns on the second factor from the page; the next sign-in asks for the authenticator code', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, email, NEW_PASSWORD, { path: '/account' });
    await page.click('[data-testid=second-factor-enable]');
    await page.click('[data-testid=enrol-start]');
    await page.waitForSelector('[data-testid=enrol-qr]');
    const secret = await page.inputValue('[data-testid=enrol-secret]');
    await page.fill('input[name=code]', authenticatorCode(secret));
    await page.click('[data-testid=enrol-confirm]');
    await page.waitForSelector('[data-testid=recovery-codes]');
    expect(await page.locator('[data-testid=recovery-code]').count()).toBe(10);
    await page.click('[data-testid=recovery-codes-saved]');
    await expect.poll(() => page.locator('[data-testid=second-factor-disable]').count()).toBe(1);
    expect(await untranslated(page)).toEqual([]);

    const next = await (await browser.newContext()).newPage();
    await signIn(next, server.url, email, NEW_PASSWORD, { path: '/account', code: authenticatorCode(secret, 1) });
    await next.waitForSelector('[data-testid=account-sessions] [data-testid=session-row]');
    await next.context().close();
    await page.context().close();
  });
});
