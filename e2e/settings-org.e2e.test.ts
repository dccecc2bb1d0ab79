/**
 * Issue 18, "settings pages for the centre and the organisation admins": a bank's admin opens the settings,
 * sees only what is hers to change (the centre's tabs are not offered, even by address), previews and saves a
 * promotion rule of her own organisation, lets another organisation see her reported incidents, and reads
 * it all in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { signIn } from './support/sign-in.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const ADMIN = { email: 'quan-tri@songgianh.example.vn', password: 'mưa-phùn-trên-phố-cổ-2026' };
const RULE = 'Dò mật khẩu cổng ngân hàng điện tử';
const probe = (n: number) => JSON.stringify({
  title: `Dò mật khẩu ${n}`, severity: 'high', rule: { id: 'BANK-BRUTE' }, rsit: { class: 'intrusion-attempts', type: 'brute-force' },
  src: { ip: '203.0.113.77' }, dst: { ip: `10.70.1.${n}` },
});

describe.skipIf(!hasChromium())('the settings of an organisation admin in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const bank = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!;
    expect((await admin('POST', '/api/v1/users', { ...ADMIN, name: 'Vũ Thị Lan', orgId: bank.id, role: 'org_admin' })).status).toBe(201);
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'e2e org settings', orgId: bank.id, role: 'connector' })).json.key as string;
    const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: [probe(1), probe(2)].join('\n') });
    expect(res.status).toBe(202);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, server.url, ADMIN.email, ADMIN.password, { path: '/settings?tab=retention' });
    await page.waitForSelector('[data-testid=settings-tab-rules]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers the rules, regimes and links, not the centre’s tabs, even by address', async () => {
    const tabs = await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(tabs).toEqual(['settings-tab-rules', 'settings-tab-regimes', 'settings-tab-links']);
    expect(await page.getAttribute('[data-testid=settings-tab-rules]', 'aria-selected')).toBe('true');
    expect(await page.locator('[data-testid=retention-form]').count()).toBe(0);
    // the national rules show, but are not hers to change
    await page.waitForSelector('[data-testid=rule-row]');
    expect(await untranslated(page)).toEqual([]);
  });

  it('previews a rule of her organisation over the last 7 days and saves it', async () => {
    await page.click('[data-testid=rule-new]');
    await page.fill('[data-testid=rule-name]', RULE);
    await page.fill('[data-testid=rule-ids]', 'BANK-BRUTE');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=rule-preview]');
    await expect.poll(() => page.textContent('[data-testid=rule-preview-result]')).toContain('Sẽ mở 1 sự cố từ 2 cảnh báo khớp');
    await page.click('[data-testid=rule-save]');
    await page.waitForSelector('text=Đã lưu quy tắc.');
    const row = page.locator('[data-testid=rule-row]', { hasText: RULE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Sông Gianh');
  });

  it('lets another organisation see her reported incidents, and reads in English', async () => {
    await page.click('[data-testid=settings-tab-links]');
    await page.fill('[data-testid=link-from]', 'Đà Nẵng');
    await page.getByRole('option', { name: /Đà Nẵng/ }).first().click();
    await page.fill('[data-testid=link-to]', 'Sông Gianh');
    await page.getByRole('option', { name: /Sông Gianh/ }).first().click();
    await page.click('[data-testid=link-add]');
    await page.waitForSelector('[data-testid=link-row]');
    expect(await page.textContent('[data-testid=link-row]')).toContain('Xem khi đã báo cáo');

    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('[data-testid=link-row]')).toContain('Sees reported incidents');
    expect(await page.textContent('[data-testid=link-row]')).toContain('Song Gianh Commercial Joint Stock Bank');
    await page.click('[data-testid=settings-tab-regimes]');
    await expect.poll(() => page.locator('[data-testid=regime-row]').count()).toBeGreaterThan(0);
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/settings-org-en.png', fullPage: true });
  });
});
