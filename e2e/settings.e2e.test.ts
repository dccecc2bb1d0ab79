import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { signIn } from './support/sign-in.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const probe = (n: number, attacker: string) => JSON.stringify({
  title: `Khai thác thử ${n}`, severity: 'high', rule: { id: 'E2E-PREVIEW' }, rsit: { class: 'intrusion-attempts', type: 'exploit' },
  src: { ip: attacker }, dst: { ip: `10.64.9.${n}` },
});

async function settingsPage(tab = ''): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, server.url, 'admin@lachan.local', ADMIN_PASSWORD, { path: `/settings${tab}` });
  await page.waitForSelector('[data-testid=settings-tab-rules]');
  return page;
}

describe.skipIf(!hasChromium())('the settings pages in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const org = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!;
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'e2e settings', orgId: org.id, role: 'connector' })).json.key as string;
    const lines = [probe(1, '203.0.113.61'), probe(2, '203.0.113.61'), probe(3, '198.51.100.62')];
    const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('previews a promotion rule over the last 7 days, then saves it (Vietnamese)', async () => {
    const page = await settingsPage();
    await page.waitForSelector('[data-testid=rule-row]');
    await page.click('[data-testid=rule-new]');
    await page.fill('[data-testid=rule-name]', 'Khai thác thử theo bên tấn công');
    await page.fill('[data-testid=rule-ids]', 'E2E-PREVIEW');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=rule-preview]');
    await page.waitForSelector('[data-testid=rule-preview-result]');
    await expect.poll(() => page.textContent('[data-testid=rule-preview-result]')).toContain('Sẽ mở 1 sự cố từ 3 cảnh báo khớp');
    await page.click('[data-testid=rule-save]');
    await page.waitForSelector('text=Đã lưu quy tắc.');
    await expect.poll(() => page.locator('[data-testid=rule-row]', { hasText: 'Khai thác thử theo bên tấn công' }).count()).toBe(1);
    expect(await page.textContent('[data-testid=rule-row]:has-text("Khai thác thử theo bên tấn công")')).toContain('luật E2E-PREVIEW');
    await page.close();
  });

  it('adds and removes a warning policy, lists the reporting regimes, links two organisations and sets the retention', async () => {
    const page = await settingsPage('?tab=policies');
    await page.waitForSelector('[data-testid=policy-form]');
    await page.click('[data-testid=policy-add]');
    await page.waitForSelector('[data-testid=policy-row]');
    expect(await page.textContent('[data-testid=policy-row]')).toContain('Phát ngay');
    await page.locator('[data-testid=policy-row]').getByRole('button', { name: 'Xóa' }).click();
    await page.click('[data-testid=confirm-button]');
    await page.waitForSelector('text=Chưa có chính sách');

    await page.click('[data-testid=settings-tab-regimes]');
    await expect.poll(() => page.locator('[data-testid=regime-row]').count()).toBeGreaterThan(0);

    await page.click('[data-testid=settings-tab-links]');
    await page.fill('[data-testid=link-from]', 'Sông Gianh');
    await page.getByRole('option', { name: /Sông Gianh/ }).first().click();
    await page.fill('[data-testid=link-to]', 'Đà Nẵng');
    await page.getByRole('option', { name: /Đà Nẵng/ }).first().click();
    await page.click('[data-testid=link-add]');
    await page.waitForSelector('[data-testid=link-row]');
    expect(await page.textContent('[data-testid=link-row]')).toContain('Xem khi đã báo cáo');

    await page.click('[data-testid=settings-tab-retention]');
    await page.waitForSelector('[data-testid=retention-form]');
    await page.getByLabel('Lưu vĩnh viễn').first().click();
    await page.fill('[data-testid=retention-alert-days]', '400');
    await page.click('[data-testid=retention-save]');
    await page.waitForSelector('text=Đã lưu thời gian lưu trữ.');
    await page.reload();
    await page.waitForSelector('[data-testid=retention-form]');
    expect(await page.inputValue('[data-testid=retention-alert-days]')).toBe('400');
    await page.close();
  });

  it('reads in English', async () => {
    const page = await settingsPage();
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=settings-tab-rules]')).toContain('Promotion rules');
    expect(await page.textContent('[data-testid=settings-tab-policies]')).toContain('Warning policies');
    expect(await page.textContent('[data-testid=settings-tab-retention]')).toContain('Retention');
    await page.click('[data-testid=settings-tab-links]');
    await page.waitForSelector('[data-testid=link-row]');
    expect(await page.textContent('[data-testid=link-row]')).toContain('Sees reported incidents');
    await page.click('[data-testid=settings-tab-rules]');
    await page.locator('[data-testid=rule-row]').getByRole('button', { name: 'Khai thác thử theo bên tấn công' }).click();
    await page.click('[data-testid=rule-preview]');
    await expect.poll(() => page.textContent('[data-testid=rule-preview-result]')).toContain('It would have opened 1 incident from 3 matching alerts');
    await page.close();
  });
});
