import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { mapLevel } from './support/province-map.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const HOSPITAL = { email: 'phan-tich@taybac.example.vn', password: 'Sương-mù-Điện-Biên-8462!' };

const alert = (src: string, i: number) => JSON.stringify({ title: 'Exploitation attempt on VPN gateway', severity: 'high', sourceRef: `e2e-${src}-${i}`, rule: { id: 'CAMP-1', name: 'vpn exploit' }, attack: ['T1190'], src: { ip: src }, observables: [{ type: 'ipv4', value: src, role: 'src' }] });

describe.skipIf(!hasChromium())('campaigns in Chromium', () => {
  beforeAll(async () => {
    // A fresh server with three organisations has no base rates: the campaign stays provisional until its
    // longest wait ends (3 s here), published by the engine's timer with no further alerts.
    server = await startServer({ LACHAN_CAMPAIGN_MAX_HOLD_SECONDS: '3' });
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    // three organisations (a hospital and two banks) hit from one /24: one campaign
    for (const [name, ip] of [['Tây Bắc', '198.18.7.11'], ['Sông Gianh', '198.18.7.12'], ['Sen Vàng', '198.18.7.13']] as const) {
      const org = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(name)}`)).json.items as { id: string }[];
      const key = (await admin('POST', '/api/v1/api-keys', { name: `e2e ${name}`, orgId: org[0]!.id, role: 'connector' })).json.key as string;
      const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: [alert(ip, 1), alert(ip, 2)].join('\n') });
      expect(res.status).toBe(202);
    }
    for (let i = 0; i < 200 && ((await admin('GET', '/api/v1/campaigns')).json.items as unknown[]).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const hospital = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Tây Bắc')}`)).json.items as { id: string }[];
    expect((await admin('POST', '/api/v1/users', { ...HOSPITAL, name: 'Lò Thị Mai', orgId: hospital[0]!.id, role: 'analyst' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the campaign and opens its timeline, province map, graph and evidence; the centre confirms it and drafts a warning from it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await page.goto(`${server.url}/campaigns`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=campaign-row]');
    expect(await page.textContent('[data-testid=campaign-row]')).toContain('Ngân hàng (2)');
    await page.click('[data-testid=campaign-row] a');
    await page.waitForSelector('[data-testid=campaign-detail]');
    await page.waitForSelector('[data-testid=campaign-graph] svg');
    expect(await page.textContent('[data-testid=campaign-evidence]')).toContain('198.18.7.0/24');
    expect(await mapLevel(page, '01')).toBeGreaterThan(0);
    // why the confidence, from the evidence, and what happened to it
    expect(await page.textContent('[data-testid=campaign-why]')).toContain('Tổ chức liên quan: 3');
    expect(await page.textContent('[data-testid=campaign-why]')).toContain('T1190');
    expect(await page.textContent('[data-testid=campaign-history]')).toContain('Phát hiện');
    await page.click('[data-testid=campaign-confirm]');
    await page.waitForSelector('[data-testid=campaign-detail] [data-status=confirmed]');
    await page.screenshot({ path: '/tmp/campaign.png', fullPage: true });

    // the centre drafts a warning from the campaign: the composer opens prefilled
    await page.click('[data-testid=campaign-propose-warning]');
    await page.waitForSelector('[data-testid=warning-composer]');
    await expect.poll(() => page.inputValue('input[name=titleVi]')).toContain('3 tổ chức');
    expect(await page.inputValue('input[name=titleEn]')).toContain('3 organisations');
    expect(await page.inputValue('textarea[name=bodyEn]')).toContain('T1190');
    await expect.poll(() => page.getAttribute('[data-testid=recipient-preview]', 'data-count'), { timeout: 5000 }).not.toBe('3');
    expect(page.url()).toMatch(/\/warnings\/[0-9a-f-]{36}\/edit$/);

    // internet-wide scanners have their own list, reached from the campaigns page
    await page.goto(`${server.url}/campaigns`);
    await page.click('[data-testid=mass-scanning-link]');
    await page.waitForSelector('text=Quét diện rộng trên Internet');
  });

  it('shows the hospital’s analyst the two banks only as "fewer than 3", in the list, the detail and the evidence', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/campaigns`);
    await page.fill('input[name=email]', HOSPITAL.email);
    await page.fill('input[name=password]', HOSPITAL.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=campaign-row]');
    expect(await page.textContent('[data-testid=campaign-row] [data-testid=campaign-members]')).toBe('1 + dưới 3');
    expect(await page.textContent('[data-testid=campaign-row]')).toContain('Ngân hàng (dưới 3)');
    await page.click('[data-testid=campaign-row] a');
    await page.waitForSelector('[data-testid=campaign-detail]');
    expect(await page.textContent('[data-testid=campaign-hidden-orgs]')).toContain('dưới 3 tổ chức ngoài phạm vi của bạn');
    expect(await page.textContent('[data-testid=campaign-detail] [data-testid=campaign-members]')).toBe('1 + dưới 3 tổ chức');
    expect(await page.textContent('[data-testid=campaign-evidence]')).toContain('198.18.7.0/24');
    expect(await page.textContent('[data-testid=campaign-detail]')).not.toContain('Sông Gianh');
    await context.close();
  });
});
