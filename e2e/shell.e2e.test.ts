import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const ASSETS = new URL('../apps/web/dist/assets/', import.meta.url).pathname;
const CHART_CHUNK = /\/assets\/(echarts|zrender)-/;
/** Pages of features one opens now and then: their own chunks, loaded with the page (never with the frame). */
const PAGE_CHUNK = /\/assets\/(exercises|account)-/;

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', 'admin@lachan.local');
  await page.fill('input[name=password]', ADMIN_PASSWORD);
  await page.click('button[type=submit]');
}

describe.skipIf(!hasChromium())('the console frame in Chromium at 1440x900', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps every script under 500 kB and loads no chart code before a page draws a chart', async () => {
    const sizes = readdirSync(ASSETS).filter((f) => f.endsWith('.js')).map((f) => ({ f, kb: statSync(join(ASSETS, f)).size / 1000 }));
    expect(sizes.filter((s) => s.kb >= 500)).toEqual([]);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(server.url);
    await page.waitForSelector('input[name=email]');
    expect(scripts.filter((u) => CHART_CHUNK.test(u))).toEqual([]);
    expect(scripts.filter((u) => PAGE_CHUNK.test(u))).toEqual([]);
    // signed in on a page without charts: still none; the statistics page then loads them
    await signIn(page, '/users');
    await page.waitForSelector('[data-testid=nav-users][data-active]');
    expect(scripts.filter((u) => CHART_CHUNK.test(u))).toEqual([]);
    expect(scripts.filter((u) => PAGE_CHUNK.test(u))).toEqual([]);
    await page.click('[data-testid=nav-statistics]');
    await page.waitForSelector('[data-testid=stats-trend-chart] svg');
    expect(scripts.filter((u) => CHART_CHUNK.test(u)).length).toBeGreaterThan(0);
    await page.locator('nav a[href="/exercises"]').first().click();
    await page.waitForSelector('[data-testid=scenario-row]');
    expect(scripts.filter((u) => /\/assets\/exercises-/.test(u)).length).toBe(1);
    await page.close();
  });

  it('opens /api-keys (and other console pages) directly and on reload, never the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, '/api-keys');
    await page.waitForSelector('[data-testid=nav-api-keys][data-active]');
    await page.reload();
    await page.waitForSelector('[data-testid=nav-api-keys]');
    expect(await page.evaluate('document.contentType')).toBe('text/html');
    const res = await page.request.get(`${server.url}/api-keys`);
    expect(res.headers()['content-type']).toContain('text/html');
    expect((await page.request.get(`${server.url}/api/v1/nothing-here`)).status()).toBe(404);
    await page.close();
  });

  it('reaches every menu entry at 1440x900, with a visible scrollbar, and opens the shortcut help with ?', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, '/dashboard');
    await page.waitForSelector('[data-testid=dashboard]');
    for (const id of ['nav-statistics', 'nav-orgs', 'nav-users', 'nav-api-keys']) {
      const entry = page.locator(`[data-testid=${id}]`);
      await entry.scrollIntoViewIfNeeded();
      expect(await entry.isVisible()).toBe(true);
      const box = (await entry.boundingBox())!;
      // inside the window and not under the navbar's foot
      const foot = (await page.locator('[data-testid=shortcut-help-open]').boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(foot.y);
    }
    await page.click('[data-testid=nav-api-keys]');
    expect(new URL(page.url()).pathname).toBe('/api-keys');
    expect(await page.locator('text=sắp có').count()).toBe(0);

    await page.click('body');
    await page.keyboard.press('Shift+Slash');
    await page.waitForSelector('[data-testid=shortcut-help]');
    const help = await page.textContent('[data-testid=shortcut-help]');
    expect(help).toContain('Mở Thống kê');
    expect(help).toContain('Tìm kiếm');
    expect(await untranslated(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.waitForSelector('[data-testid=statistics-page]');

    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await page.click('[data-testid=shortcut-help-open]');
    await expect.poll(() => page.textContent('[data-testid=shortcut-help]')).toContain('Open Statistics');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/shell-help-en.png' });
    await page.close();
  });
});
