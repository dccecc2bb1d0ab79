import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;

const ANALYST = { email: 'analyst-constituency@test.example.vn', password: 'analyst-long-password' };
const RDP = '2026-12-05-scan_rdp-vn-geo.csv';
const sample = (name: string) => readFileSync(new URL(`../fixtures/public/constituency/${name}`, import.meta.url), 'utf8');

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/alerts/constituency`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=constituency-total]');
}

describe.skipIf(!hasChromium())('constituency reports in the console', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const centre = ((await admin('GET', '/api/v1/me')).json.user as { org: { id: string } }).org.id;
    const bank = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!;
    expect((await admin('POST', '/api/v1/users', { ...ANALYST, name: 'Lê Thị Thu', orgId: bank.id, role: 'analyst' })).status).toBe(201);
    expect((await admin('POST', `/api/v1/orgs/${bank.id}/assets`, { kind: 'cidr', value: '203.0.113.0/24' })).status).toBe(201);
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'Shadowserver', orgId: centre, role: 'connector' })).json.key as string;
    const res = await fetch(`${server.url}/api/v1/constituency/reports/shadowserver?filename=${RDP}`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' }, body: sample(RDP),
    });
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows an organisation only its own rows, its statistics and today's digest", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, ANALYST.email, ANALYST.password);
    const rows = page.locator('[data-testid=constituency-row]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('203.0.113.21');
    expect(await page.textContent('[data-testid=constituency-total]')).toBe('1 dòng');
    expect(await page.locator('[data-testid=tab-unknown]').count()).toBe(0);
    expect(await page.locator('[data-testid=tab-mappings]').count()).toBe(0);
    await page.click('[data-testid=tab-digest]');
    await page.fill('[data-testid=digest-day]', new Date().toISOString().slice(0, 10));
    await expect.poll(() => page.textContent('[data-testid=digest-total]')).toBe('1 dòng trong ngày');
    expect(await page.textContent('[data-testid=digest-email]')).toBe('Chưa lập bản tin');
    await page.screenshot({ path: '/tmp/constituency-org.png' });
    await page.close();
  });

  it('shows the centre the unknown owners and lets it define a CSV mapping', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'admin@lachan.local', ADMIN_PASSWORD);
    await expect.poll(() => page.locator('[data-testid=constituency-row]').count()).toBe(2);
    expect(await page.textContent('[data-testid=constituency-unknown]')).toBe('1 dòng chưa rõ chủ sở hữu');
    await page.click('[data-testid=tab-unknown]');
    await expect.poll(() => page.locator('[data-testid=constituency-row]').count()).toBe(1);
    expect(await page.locator('[data-testid=constituency-row]').first().textContent()).toContain('192.0.2.45');
    await page.click('[data-testid=tab-mappings]');
    await page.click('[data-testid=mapping-new]');
    await page.fill('[data-testid=mapping-name]', 'Danh sách của nhà mạng');
    await page.fill('[data-testid=mapping-report]', 'isp_abuse');
    await page.fill('[data-testid=mapping-column-ip]', 'Dia chi IP');
    // The server refuses a mapping without its time column, and says why.
    await page.click('[data-testid=mapping-save]');
    await page.waitForSelector('text=time column');
    await page.fill('[data-testid=mapping-column-time]', 'Thoi gian');
    await page.click('[data-testid=mapping-save]');
    await expect.poll(() => page.locator('[data-testid=mapping-row]').count()).toBe(1);
    expect(await page.locator('[data-testid=mapping-row]').first().textContent()).toContain('ip←Dia chi IP');
    await page.screenshot({ path: '/tmp/constituency-centre.png' });
    await page.close();
  });
});
