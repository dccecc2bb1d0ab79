import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { mapLevel } from './support/province-map.ts';
import { pdfPages } from '../apps/server/src/testing/pdf-text.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
let incident = { id: '', reference: '' };
let warningId = '';
const TITLE = 'Tấn công dò mật khẩu vào cổng dịch vụ công trực tuyến';
const WARNING = { vi: 'Cảnh báo lỗ hổng cổng VPN tại Đà Nẵng và Hà Nội', en: 'VPN gateway flaw in Da Nang and Hanoi' };
const DEEPEST = '#3b5bdb';

async function signIn(page: Page, path = '/dashboard'): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', 'admin@lachan.local');
  await page.fill('input[name=password]', ADMIN_PASSWORD);
  await page.click('button[type=submit]');
}
/** Clicks a menu item that downloads a PDF and returns its pages' text. */
async function downloadPdf(page: Page, selector: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return (await pdfPages(await readFile((await download.path())!))).join('\n').replace(/\s+/g, ' ');
}
/** The region the map colours deepest (the busiest or a targeted province). */
const deepest = (page: Page, scope = '') => page.locator(`${scope} [data-testid=province-geo] svg path[fill="${DEEPEST}"]`).first();

describe.skipIf(!hasChromium())('printable documents and the province map in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const bank = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!;
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'e2e map', orgId: bank.id, role: 'connector' })).json.key as string;
    const line = JSON.stringify({ title: 'login storm', severity: 'high', rsit: { class: 'intrusion-attempts', type: 'brute-force' }, src: { ip: '198.51.100.7' }, rule: { id: 'storm' } });
    expect((await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: line })).status).toBe(202);
    for (let i = 0; i < 150 && ((await admin('GET', '/api/v1/stats/overview')).json.totals as { occurrences: number }).occurrences < 1; i++) await new Promise((r) => setTimeout(r, 100));
    const inc = await admin('POST', '/api/v1/incidents', { orgId: bank.id, title: TITLE, description: 'Hàng nghìn lượt đăng nhập sai từ một dải địa chỉ.', severity: 3, tlp: 'AMBER' });
    expect(inc.status).toBe(201);
    incident = inc.json as typeof incident;
    const w = await admin('POST', '/api/v1/warnings', { titleVi: WARNING.vi, titleEn: WARNING.en, bodyVi: 'Cập nhật bản vá ngay.', bodyEn: 'Patch now.', severity: 4, tlp: 'GREEN', targeting: { provinces: ['48', '01'] } });
    warningId = w.json.id as string;
    expect((await admin('POST', `/api/v1/warnings/${warningId}/issue`)).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the map only with the dashboard, colours the busiest province, names it and opens it (Vietnamese)', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(server.url);
    await page.waitForSelector('input[name=email]');
    expect(requested.filter((u) => u.includes('GeoProvinceMap'))).toEqual([]);
    expect(await page.content()).not.toContain('GeoProvinceMap');
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=dashboard][data-scope=national]');
    await expect.poll(() => mapLevel(page, '01')).toBe(5);
    expect(requested.some((u) => u.includes('GeoProvinceMap'))).toBe(true);
    expect(await mapLevel(page, '46')).toBe(0);
    expect(await page.locator('[data-testid=province-geo] svg path').count()).toBeGreaterThanOrEqual(34);
    expect(await page.textContent('[data-testid=map-credit]')).toContain('vietnamese-provinces-database (MIT)');
    // Hovering repaints the region in the highlight colour: aim at where it was drawn.
    const box = (await deepest(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.textContent('[data-testid=province-geo]')).toContain('Hà Nội: 1 cảnh báo');
    await page.screenshot({ path: '/tmp/dashboard-map.png' });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('[data-testid=dashboard][data-scope=province]');
    expect(new URL(page.url()).pathname).toBe('/dashboard/province/01');
    await page.waitForSelector('[data-testid=province-geo][data-selected="01"] svg path');
    await page.close();
  });

  it('falls back to the tile grid when the map cannot be loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.route('**/assets/GeoProvinceMap-*.js', (route) => route.abort());
    await signIn(page);
    await page.waitForSelector('[data-testid=dashboard][data-scope=national]');
    await expect.poll(() => page.locator('[data-testid=province-view][data-view=map] [data-testid=province-tile]').count()).toBe(34);
    expect(await page.getAttribute('[data-testid=province-tile][data-code="01"]', 'data-level')).toBe('5');
    expect(await page.locator('[data-testid=province-geo]').count()).toBe(0);
    await page.close();
  });

  it('in English: names provinces in English and downloads the periodic report as PDF', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page);
    await page.waitForSelector('[data-testid=dashboard]');
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=map-credit]')).toContain('Boundaries after the 1 July 2025 merger');
    await expect.poll(() => mapLevel(page, '01')).toBe(5);
    await deepest(page).hover();
    await expect.poll(() => page.textContent('[data-testid=province-geo]')).toContain('Hanoi');
    await page.click('[data-testid=periodic-report]');
    const year = new Date().getUTCFullYear();
    const text = await downloadPdf(page, `[data-testid=periodic-${year}-pdf]`);
    for (const s of ['Periodic report of cybersecurity incident response activity', 'Form 05', 'Whole country', 'TLP:AMBER']) expect(text).toContain(s);
    // The language is the account's: back to Vietnamese for the next pages.
    await page.locator('[data-testid=lang-switch]').getByText('VI', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=map-credit]')).toContain('Ranh giới sau sáp nhập');
    await page.close();
  });

  it('prints an incident report: the HTML view in a new tab and the PDF with its diacritics', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, `/incidents/${incident.id}`);
    await page.waitForSelector('[data-testid=incident-title]');
    await page.click('[data-testid=incident-document]');
    const [view] = await Promise.all([page.context().waitForEvent('page'), page.click('[data-testid=document-html]')]);
    await view.waitForLoadState();
    expect(await view.textContent('h1')).toBe(`Báo cáo sự cố ${incident.reference}`);
    expect(await view.textContent('body')).toContain(TITLE);
    expect(await view.getAttribute('header [data-tlp]', 'data-tlp')).toBe('AMBER');
    await view.close();
    await page.click('[data-testid=incident-document]');
    const text = await downloadPdf(page, '[data-testid=document-pdf-vi]');
    for (const s of [`Báo cáo sự cố ${incident.reference}`, TITLE, 'Hàng nghìn lượt đăng nhập sai từ một dải địa chỉ.', 'TLP:AMBER']) expect(text).toContain(s);
    await page.click('[data-testid=incident-document]');
    expect(await downloadPdf(page, '[data-testid=document-pdf-en]')).toContain(`Incident report ${incident.reference}`);
    await page.close();
  });

  it('shows the provinces a warning addresses on the map and prints the warning', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, `/warnings/${warningId}/delivery`);
    await page.waitForSelector('[data-testid=warning-provinces]');
    const scope = '[data-testid=warning-provinces]';
    expect(await mapLevel(page, '48', scope)).toBe(5);
    expect(await mapLevel(page, '01', scope)).toBe(5);
    expect(await mapLevel(page, '79', scope)).toBe(0);
    await page.screenshot({ path: '/tmp/warning-map.png', fullPage: true });
    await page.click('[data-testid=document-menu]');
    const vi = await downloadPdf(page, '[data-testid=document-pdf-vi]');
    for (const s of [WARNING.vi, 'Cập nhật bản vá ngay.', 'Đà Nẵng', 'Hà Nội', 'TLP:GREEN']) expect(vi).toContain(s);
    await page.click('[data-testid=document-menu]');
    expect(await downloadPdf(page, '[data-testid=document-pdf-en]')).toContain(WARNING.en);
    await page.close();
  });
});
