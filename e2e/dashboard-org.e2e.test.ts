import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'ngân-hàng-sông-gianh-e2e-2026';

describe.skipIf(!hasChromium())('an organisation’s own dashboard in Chromium', () => {
  let orgName = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const bank = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string; name: string }[])[0]!;
    orgName = bank.name;
    expect((await admin('POST', '/api/v1/users', { email: 'analyst@songgianh.example.vn', name: 'Phạm Thu Hà', orgId: bank.id, role: 'analyst', password: PASSWORD })).status).toBe(201);
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'e2e bank', orgId: bank.id, role: 'connector' })).json.key as string;
    const lines = [{ title: 'login storm', severity: 'high', rsit: { class: 'intrusion-attempts' } }, { title: 'odd traffic', severity: 'medium' }].map((a) => JSON.stringify({ ...a, src: { ip: '198.51.100.8' }, rule: { id: a.title } }));
    const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is titled for the bank, offers the last 24 hours and names the unclassified alerts', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/dashboard`);
    await page.fill('input[name=email]', 'analyst@songgianh.example.vn');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=dashboard]');
    expect(await page.textContent('[data-testid=dashboard-title]')).toBe(`Tình hình của ${orgName}`);
    await expect.poll(() => page.textContent('[data-testid=kpi-alerts]')).toBe('2');
    await expect.poll(() => page.textContent('[data-testid=class-bars-row][data-key=""]')).toContain('Chưa phân loại');

    await page.click('[data-testid=period-picker] >> text=24 giờ');
    await page.waitForSelector('[data-testid=trend-hourly] svg');
    expect(new URL(page.url()).searchParams.get('days')).toBe('1');
    expect(await untranslated(page)).toEqual([]);

    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=dashboard-title]')).toMatch(/^The picture of /);
    expect(await page.textContent('[data-testid=dashboard-title]')).not.toContain('Ngân hàng');
    await expect.poll(() => page.textContent('[data-testid=class-bars-row][data-key=""]')).toContain('Unclassified');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/dashboard-bank-en.png', fullPage: true });
    await page.close();
  });
});
