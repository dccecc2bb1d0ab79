import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

const ADMIN_EMAIL = 'admin@lachan.local';
let server: RunningServer;
let browser: Browser;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  // the home page is the dashboard; these flows start in the directory
  await page.goto(`${server.url}/orgs`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=org-row]');
}

describe.skipIf(!hasChromium())('the console in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and browses the organisation directory, searching without diacritics', async () => {
    const page = await browser.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(await page.locator('[data-testid=org-row]').count()).toBeGreaterThan(10);
    await page.fill('[data-testid=org-search]', 'da nang');
    await expect.poll(() => page.locator('[data-testid=org-row-name]', { hasText: 'Đà Nẵng' }).count()).toBeGreaterThan(0);
    await page.locator('[data-testid=org-row-name]', { hasText: 'Trung tâm An toàn Thông tin và Ứng cứu Sự cố thành phố Đà Nẵng' }).first().click();
    await page.waitForSelector('[data-testid=org-name]');
    expect(await page.textContent('[data-testid=org-name]')).toContain('Đà Nẵng');
    expect(await page.locator('[data-testid=focal-point]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('switches between Vietnamese and English and remembers the choice', async () => {
    const page = await browser.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(await page.textContent('[data-testid=nav-orgs]')).toContain('Tổ chức');
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=nav-orgs]')).toContain('Organisations');
    await page.reload();
    await page.waitForSelector('[data-testid=nav-orgs]');
    expect(await page.textContent('[data-testid=nav-orgs]')).toContain('Organisations');
    // The language is the account's: back to Vietnamese, in which the next test renames an organisation.
    await page.locator('[data-testid=lang-switch]').getByText('VI', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=nav-orgs]')).toContain('Tổ chức');
    await page.close();
  });

  it('shows a change made by another user live, without reloading', async () => {
    const page = await browser.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect.poll(() => page.getAttribute('[data-testid=live-indicator]', 'data-state')).toBe('connected');

    const admin = await apiSession(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const orgs = (await admin('GET', '/api/v1/orgs?province=92&kind=province')).json.items as { id: string }[];
    const target = orgs[0]!.id;
    const created = await admin('POST', '/api/v1/users', { email: 'ct-admin@test.example.vn', name: 'Trần Thị Bình', orgId: target, role: 'org_admin', password: 'another-long-password' });
    expect(created.status).toBe(201);
    const other = await apiSession(server.url, 'ct-admin@test.example.vn', 'another-long-password');
    const renamed = `Trung tâm Ứng cứu Cần Thơ đổi tên ${Date.now()}`;
    expect((await other('PATCH', `/api/v1/orgs/${target}`, { name: renamed })).status).toBe(200);

    await page.waitForSelector(`text=${renamed}`, { timeout: 5000 });
    await page.close();
  });

  it('hides administration from a viewer, whose role cannot use it', async () => {
    const admin = await apiSession(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const orgs = (await admin('GET', '/api/v1/orgs?province=48&kind=province')).json.items as { id: string }[];
    await admin('POST', '/api/v1/users', { email: 'viewer-dn@test.example.vn', name: 'Lê Văn Cường', orgId: orgs[0]!.id, role: 'viewer', password: 'viewer-long-password' });
    const page = await browser.newPage();
    await signIn(page, 'viewer-dn@test.example.vn', 'viewer-long-password');
    expect(await page.locator('[data-testid=nav-users]').count()).toBe(0);
    expect(await page.locator('[data-testid=nav-api-keys]').count()).toBe(0);
    expect(await page.locator('[data-testid=nav-orgs]').count()).toBe(1);
    await page.close();
  });
});
