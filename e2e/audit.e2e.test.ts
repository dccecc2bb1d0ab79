import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { signIn } from './support/sign-in.ts';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;

async function auditPage(): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, server.url, 'admin@lachan.local', ADMIN_PASSWORD, { path: '/audit' });
  await page.waitForSelector('[data-testid=audit-row]');
  return page;
}

describe.skipIf(!hasChromium())('the audit log viewer in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('filters the log, opens an entry, exports what is shown and verifies the chain (Vietnamese)', async () => {
    const page = await auditPage();
    expect(await page.textContent('h2')).toContain('Nhật ký kiểm toán');
    await page.fill('[data-testid=audit-filter-action]', 'auth.');
    await expect.poll(async () => (await page.locator('[data-testid=audit-row]').allTextContents()).every((r) => r.includes('auth.'))).toBe(true);
    expect(await page.locator('[data-testid=audit-row]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid=audit-row]').first().click();
    await page.waitForSelector('[data-testid=audit-entry]');
    expect(await page.textContent('[data-testid=audit-entry]')).toContain('Trước');
    await page.keyboard.press('Escape');

    await page.click('[data-testid=audit-export]');
    const href = (await page.getAttribute('[data-testid=audit-export-csv]', 'href'))!;
    expect(href).toContain('action=auth.');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,at,actorType/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',auth.'))).toBe(true);
    await page.keyboard.press('Escape');

    await page.click('[data-testid=audit-verify]');
    await page.waitForSelector('[data-testid=audit-verify-result]');
    expect(await page.textContent('[data-testid=audit-verify-result]')).toContain('Chuỗi nguyên vẹn');
    await page.close();
  });

  it('reads in English and downloads the signed chain head', async () => {
    const page = await auditPage();
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('h2')).toContain('Audit log');
    await page.click('[data-testid=audit-verify]');
    await expect.poll(() => page.textContent('[data-testid=audit-verify-result]')).toContain('The chain is intact');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=audit-head]')]);
    expect(download.suggestedFilename()).toMatch(/^lachan-audit-head-\d+\.json$/);
    await page.close();
  });
});
