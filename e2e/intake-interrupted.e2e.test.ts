import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { killDuringUpload } from '../apps/server/src/testing/intake-runs.ts';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

const servers: RunningServer[] = [];
let browser: Browser;

describe.skipIf(!hasChromium())('an intake run cut off by a killed server, in the console', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers.reverse()) await s.stop();
  });

  it('shows as interrupted, with the reason, after the restart', { timeout: 240_000 }, async () => {
    const first = await startServer();
    servers.push(first);
    const runId = await killDuringUpload(first);
    const again = await startServer({ LACHAN_DATA_DIR: first.dataDir, ...(first.databaseUrl ? { DATABASE_URL: first.databaseUrl } : {}) });
    servers.push(again);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${again.url}/intel/intake`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    const row = page.locator('[data-testid=intel-run][data-status=interrupted]');
    await row.first().waitFor({ timeout: 20_000 });
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-run-status=interrupted]').textContent()).toBe('Bị gián đoạn');
    expect(await row.locator('[data-testid=intel-run-interrupted]').textContent()).toContain('Máy chủ đã dừng trước khi lượt nạp này xong');
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
