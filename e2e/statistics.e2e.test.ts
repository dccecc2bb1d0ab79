import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
type Session = Awaited<ReturnType<typeof apiSession>>;
const HOUR = 3_600_000;

const alert = (title: string, severity: string, rsitClass: string | null) =>
  JSON.stringify({ title, severity, ...(rsitClass ? { rsit: { class: rsitClass } } : {}), src: { ip: '198.51.100.77' }, rule: { id: title } });

async function connector(admin: Session, name: string): Promise<{ orgId: string; key: string }> {
  const orgs = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(name)}`)).json.items as { id: string }[];
  const created = await admin('POST', '/api/v1/api-keys', { name: `e2e ${name}`, orgId: orgs[0]!.id, role: 'connector' });
  return { orgId: orgs[0]!.id, key: created.json.key as string };
}

async function ingest(key: string, lines: string[]): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
  expect(res.status).toBe(202);
}

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', 'admin@lachan.local');
  await page.fill('input[name=password]', ADMIN_PASSWORD);
  await page.click('button[type=submit]');
}

describe.skipIf(!hasChromium())('the statistics page in Chromium', () => {
  let incidentTitle = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const bank = await connector(admin, 'Sông Gianh');
    const gas = await connector(admin, 'Thềm Lục Địa');
    // none critical: the national "Critical alert" rule would open an incident of its own, and the response
    // times below are those of the one incident made here
    await ingest(bank.key, [alert('login storm', 'high', 'intrusion-attempts'), alert('phishing kit', 'high', 'fraud')]);
    await ingest(gas.key, [alert('odd traffic', 'medium', null)]);
    // an incident discovered 10 hours after it happened, acknowledged since
    incidentTitle = `Sự cố thống kê ${Date.now()}`;
    const now = Date.now();
    const inc = await admin('POST', '/api/v1/incidents', { severity: 3, title: incidentTitle, occurredAt: new Date(now - 12 * HOUR).toISOString(), discoveredAt: new Date(now - 2 * HOUR).toISOString() });
    expect(inc.status).toBe(201);
    expect((await admin('POST', `/api/v1/incidents/${inc.json.id}/transition`, { to: 'triage' })).status).toBe(200);
    for (let i = 0; i < 150; i++) {
      if (((await admin('GET', '/api/v1/stats/overview')).json.totals as { alerts: number }).alerts === 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('breaks the period down by any dimension, compares it, and leads to the alerts and incidents behind a figure', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await signIn(page, '/statistics');
    await page.waitForSelector('[data-testid=statistics-page]');
    expect(await page.textContent('[data-testid=statistics-title]')).toBe('Thống kê');
    await expect.poll(() => page.textContent('[data-testid=stats-kpi-alerts]')).toBe('3');
    await expect.poll(() => page.textContent('[data-testid=stats-row][data-key=BANKING] [data-testid=stats-row-alerts]')).toBe('2');
    expect(await page.textContent('[data-testid=stats-row][data-key=BANKING]')).toContain('Ngân hàng');

    // RSIT class: the alert without a class is labelled, not a blank bar
    await page.click('[data-testid=stats-dimension]');
    await page.click('[role=option] >> text=Phân loại RSIT');
    await page.waitForSelector('[data-testid=statistics-page][data-dimension=class]');
    await expect.poll(() => page.textContent('[data-testid=stats-row][data-key=""]')).toContain('Chưa phân loại');

    // the last 24 hours, hour by hour
    await page.click('[data-testid=stats-period] >> text=24 giờ');
    await page.waitForSelector('[data-testid=statistics-page][data-period="24h"]');
    await expect.poll(() => page.textContent('[data-testid=stats-kpi-alerts]')).toBe('3');
    await page.waitForSelector('[data-testid=stats-trend-chart] svg');
    expect(await page.textContent('[data-testid=statistics-period-line]')).toContain('24 giờ qua');

    // a year, compared with the year before: everything is new
    await page.click('[data-testid=stats-period] >> text=1 năm');
    await page.click('[data-testid=stats-compare]');
    await expect.poll(() => page.textContent('[data-testid=stats-kpi-alerts-previous]')).toContain('0');
    await expect.poll(() => page.textContent('[data-testid=stats-row][data-key=fraud] [data-testid=stats-row-change]')).toBe('mới');
    expect(await untranslated(page)).toEqual([]);

    // export what is shown
    const download = page.waitForEvent('download');
    await page.click('[data-testid=stats-export]');
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('class,name,alerts,occurrences,previous_alerts');
    expect(csv).toContain('fraud,Gian lận,1,1,0,0,');
    await page.screenshot({ path: '/tmp/statistics-vi.png', fullPage: true });

    // the alerts behind a figure: the stream filtered by class and by the days of the period
    await page.click('[data-testid=stats-row][data-key=fraud] [data-testid=stats-row-alerts-link]');
    await page.waitForSelector('[data-testid=alert-stream]');
    expect(new URL(page.url()).searchParams.get('rsit')).toBe('fraud');
    await expect.poll(() => page.locator('[data-alert-id]').count()).toBe(1);
    expect(await page.textContent('[data-alert-id]')).toContain('phishing kit');
    expect(await page.textContent('[data-testid=filter-chip-period]')).toContain('Ngày xảy ra');
    await page.goBack();

    // the incidents behind a figure
    await page.click('[data-testid=stats-dimension]');
    await page.click('[role=option] >> text=Mức độ');
    await page.waitForSelector('[data-testid=statistics-page][data-dimension=severity]');
    await page.click('[data-testid=stats-row][data-key="3"] [data-testid=stats-row-incidents-link]');
    await page.waitForSelector('[data-testid=incident-filters]');
    await expect.poll(() => page.locator(`text=${incidentTitle}`).count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=filter-chip-period]')).toContain('Mở ngày');
    await page.close();
  });

  it('computes and shows response times, and speaks English', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, '/statistics?dim=org');
    await page.waitForSelector('[data-testid=stats-response-total]');
    expect(await page.textContent('[data-testid=stats-response-total] [data-testid=median-detect]')).toBe('10 giờ');
    expect(await page.textContent('[data-testid=stats-response-total] [data-testid=median-acknowledge]')).not.toBe('chưa');

    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=statistics-title]')).toBe('Statistics');
    expect(await page.textContent('[data-testid=stats-response-total] [data-testid=median-detect]')).toBe('10 h');
    expect(await page.textContent('[data-testid=stats-response]')).toContain('Response times');
    // organisations in English where they have an English name
    await expect.poll(() => page.textContent('[data-testid=stats-table]')).toContain('Alerts');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/statistics-en.png', fullPage: true });
    await page.close();
  });
});
