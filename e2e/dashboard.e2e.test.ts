import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { mapLevel, showTiles } from './support/province-map.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
type Session = Awaited<ReturnType<typeof apiSession>>;

const TYPES: Record<string, string> = { 'intrusion-attempts': 'brute-force', fraud: 'phishing', 'information-gathering': 'scanner', intrusions: 'application-compromise' };
const alert = (title: string, severity: string, rsitClass: string) => JSON.stringify({ title, severity, rsit: { class: rsitClass, type: TYPES[rsitClass] }, src: { ip: '198.51.100.7' }, rule: { id: title } });

/** A connector key of the demo organisation whose name contains `name`, and that organisation's id. */
async function connector(admin: Session, name: string): Promise<{ orgId: string; key: string }> {
  const orgs = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(name)}`)).json.items as { id: string }[];
  const created = await admin('POST', '/api/v1/api-keys', { name: `e2e ${name}`, orgId: orgs[0]!.id, role: 'connector' });
  expect(created.status).toBe(201);
  return { orgId: orgs[0]!.id, key: created.json.key as string };
}

async function ingest(key: string, lines: string[]): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
  expect(res.status).toBe(202);
}

describe.skipIf(!hasChromium())('the national picture in Chromium', () => {
  let bankId = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    // a bank in Hà Nội (01) and a gas company in Hồ Chí Minh (79)
    const bank = await connector(admin, 'Sông Gianh');
    const gas = await connector(admin, 'Thềm Lục Địa');
    bankId = bank.orgId;
    await ingest(bank.key, [alert('login storm', 'high', 'intrusion-attempts'), alert('login storm', 'high', 'intrusion-attempts'), alert('phishing kit', 'critical', 'fraud')]);
    await ingest(gas.key, [alert('scada probe', 'medium', 'information-gathering')]);
    // the roll-ups follow the committed batches a moment later
    for (let i = 0; i < 150 && (await admin('GET', '/api/v1/stats/overview')).json.totals?.toString() !== undefined; i++) {
      const totals = (await admin('GET', '/api/v1/stats/overview')).json.totals as { occurrences: number };
      if (totals.occurrences === 4) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the national picture and drills down to a sector, a province and the alerts behind them', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(server.url);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=dashboard][data-scope=national]');
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await expect.poll(() => page.textContent('[data-testid=kpi-alerts]')).toBe('3');
    expect(await page.textContent('[data-testid=kpi-occurrences]')).toBe('4');
    expect(await page.textContent('[data-testid=kpi-organisations]')).toBe('2');
    expect(await page.textContent('[data-testid=dashboard-title]')).toContain('Bức tranh toàn quốc');
    // Alerts only today: the forecast says it has no completed day to stand on, instead of inventing a past of zeros.
    await expect.poll(() => page.textContent('[data-testid=forecast-history]')).toContain('chưa có dữ liệu để dự báo');
    // the busiest province is the deepest colour, a quiet one stays uncoloured: on the map, and on the tiles
    expect(await mapLevel(page, '01')).toBe(5);
    expect(await mapLevel(page, '79')).toBeGreaterThan(0);
    expect(await mapLevel(page, '46')).toBe(0);
    await showTiles(page);
    expect(await page.getAttribute('[data-testid=province-tile][data-code="01"]', 'data-level')).toBe('5');
    expect(Number(await page.getAttribute('[data-testid=province-tile][data-code="79"]', 'data-level'))).toBeGreaterThan(0);
    expect(await page.getAttribute('[data-testid=province-tile][data-code="46"]', 'data-level')).toBe('0');
    expect(await page.locator('[data-testid=province-tile]').count()).toBe(34);
    await page.waitForSelector('[data-testid=trend] svg');
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    // a sector bar opens the sector's page, keeping the period
    await page.click('[data-testid=period-picker] >> text=90 ngày');
    await page.click('[data-testid=sector-bars-row][data-key=BANKING][href*="days=90"]');
    await page.waitForSelector('[data-testid=dashboard][data-scope=sector]');
    expect(page.url()).toContain('/dashboard/sector/BANKING?days=90');
    await expect.poll(() => page.textContent('[data-testid=kpi-alerts]')).toBe('2');
    await page.waitForSelector('[data-testid=class-series] svg');
    await page.screenshot({ path: '/tmp/dashboard-sector.png', fullPage: true });

    // a province tile opens the province's page; its class bar opens the alert stream filtered
    await page.click('[data-testid=back-national]');
    await page.click('[data-testid=province-tile][data-code="79"]');
    await page.waitForSelector('[data-testid=dashboard][data-scope=province]');
    await expect.poll(() => page.textContent('[data-testid=kpi-alerts]')).toBe('1');
    await page.click('[data-testid=class-bars-row][data-key=information-gathering]');
    await page.waitForSelector('[data-testid=alert-stream]');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/alerts');
    expect(url.searchParams.get('province')).toBe('79');
    expect(url.searchParams.get('rsit')).toBe('information-gathering');
    await expect.poll(() => page.locator('[data-alert-id]').count()).toBe(1);
    expect(await page.textContent('[data-alert-id]')).toContain('scada probe');

    // the top organisation opens its own alerts
    await page.goto(`${server.url}/dashboard`);
    await page.click('[data-testid=top-org-link] >> nth=0');
    await page.waitForSelector('[data-testid=alert-stream]');
    expect(new URL(page.url()).searchParams.get('org')).toBe(bankId);
    await expect.poll(() => page.locator('[data-alert-id]').count()).toBe(2);
    await page.close();
  });

  it('moves the live counters as alerts arrive, and speaks English when asked', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/dashboard`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=kpi-today]'), { timeout: 15_000 }).toBe('4');
    await expect.poll(() => page.getAttribute('[data-testid=live-indicator]', 'data-state')).toBe('connected');
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const energy = await connector(admin, 'Thềm Lục Địa');
    await ingest(energy.key, [alert('scada probe', 'medium', 'information-gathering'), alert('modbus write', 'high', 'intrusions')]);
    await expect.poll(() => page.textContent('[data-testid=kpi-today]'), { timeout: 15_000 }).toBe('6');

    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=dashboard-title]')).toBe('The national picture');
    expect(await page.textContent('[data-testid=sector-card]')).toContain('By sector');
    expect(await page.textContent('[data-testid=nav-overview]')).toContain('Overview');
    await page.click('[data-testid=dashboard-title]');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.waitForSelector('[data-testid=alert-stream]');
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await page.waitForSelector('[data-testid=dashboard]');
    await page.screenshot({ path: '/tmp/dashboard-en.png', fullPage: true });
    await page.close();
  });
});
