import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const ANALYST = { email: 'sgb-analyst@test.example.vn', password: 'analyst-long-password' };
const BANK_ADMIN = { email: 'sgb-admin@test.example.vn', password: 'admin-long-password-1' };

async function signIn(page: Page, email: string, password: string, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

/** Picks an option of a Mantine MultiSelect by typing its label. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.click(`[data-testid=${testId}]`);
  await page.keyboard.type(label);
  await page.click(`[role=option]:has-text("${label}")`);
  await page.keyboard.press('Escape');
}

describe.skipIf(!hasChromium())('early warnings in Chromium', () => {
  let previewCount = 0;
  beforeAll(async () => {
    server = await startServer({ LACHAN_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    // an analyst of a bank in Hà Nội, which a warning to the banking sector in Hà Nội reaches
    const bank = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[];
    const created = await admin('POST', '/api/v1/users', { email: ANALYST.email, name: 'Phạm Thu Hà', orgId: bank[0]!.id, role: 'analyst', password: ANALYST.password });
    expect(created.status).toBe(201);
    expect((await admin('POST', '/api/v1/users', { email: BANK_ADMIN.email, name: 'Lê Văn Quản', orgId: bank[0]!.id, role: 'org_admin', password: BANK_ADMIN.password })).status).toBe(201);
    previewCount = (await admin('POST', '/api/v1/warnings/preview-recipients', { sectors: ['BANKING'], provinces: ['01'] })).json.count as number;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the centre issues a warning to a sector; the bank sees the banner live, acknowledges in one click; the centre sees it', async () => {
    const centre = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const bank = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // the bank is signed in before the warning exists: the banner must come with the stream
    await signIn(bank, ANALYST.email, ANALYST.password, '/dashboard');
    await bank.waitForSelector('[data-testid=nav-warning-inbox]');
    expect(await bank.locator('[data-testid=warning-banner]').count()).toBe(0);
    expect(await bank.locator('[data-testid=nav-warning-compose]').count()).toBe(0);

    await signIn(centre, 'admin@lachan.local', ADMIN_PASSWORD, '/warnings/new');
    await centre.waitForSelector('[data-testid=warning-composer]');
    await centre.fill('input[name=titleVi]', 'Chiến dịch lừa đảo nhắm vào ngân hàng');
    await centre.fill('input[name=titleEn]', 'Phishing campaign against banks');
    await centre.fill('textarea[name=bodyVi]', 'Kẻ tấn công gửi thư giả mạo tới nhân viên ngân hàng.');
    await centre.fill('textarea[name=bodyEn]', 'Attackers send forged mail to bank staff.');
    await pick(centre, 'target-sectors', 'Ngân hàng');
    await pick(centre, 'target-provinces', 'Hà Nội');
    // the preview follows the targeting and agrees with the server
    await expect.poll(() => centre.getAttribute('[data-testid=recipient-preview]', 'data-count'), { timeout: 5000 }).toBe(String(previewCount));
    expect(previewCount).toBeGreaterThan(0);
    expect(await centre.locator('[data-testid=recipient-org]', { hasText: 'Sông Gianh' }).count()).toBe(1);
    await centre.screenshot({ path: '/tmp/warnings-composer.png', fullPage: true });
    await centre.click('[data-testid=warning-issue]');
    await centre.click('[data-testid=confirm-button]');
    await centre.waitForSelector('[data-testid=warning-delivery]');
    await expect.poll(() => centre.textContent('[data-testid=delivery-targeted]')).toBe(String(previewCount));
    expect(await centre.textContent('[data-testid=delivery-acked]')).toBe('0');

    // live: the banner appears without reloading, and opens the inbox
    await bank.waitForSelector('[data-testid=warning-banner][data-count="1"]', { timeout: 10_000 });
    await bank.click('[data-testid=warning-banner-open]');
    await bank.waitForSelector('[data-testid=inbox-warning][data-unread=true]');
    expect(await bank.textContent('[data-testid=inbox-warning]')).toContain('Chiến dịch lừa đảo nhắm vào ngân hàng');
    await bank.screenshot({ path: '/tmp/warnings-inbox.png', fullPage: true });
    await bank.click('[data-testid=inbox-ack]');
    await bank.waitForSelector('[data-testid=inbox-acked]');
    await expect.poll(() => bank.locator('[data-testid=warning-banner]').count()).toBe(0);

    // per organisation and channel: the console stream is delivered to each recipient
    expect(await centre.locator('[data-testid=delivery-orgs] [data-channel=stream][data-state=delivered]').count()).toBe(previewCount);
    // the centre's delivery view counts the acknowledgement
    await expect.poll(async () => {
      await centre.reload();
      await centre.waitForSelector('[data-testid=delivery-acked]');
      return centre.textContent('[data-testid=delivery-acked]');
    }, { timeout: 10_000 }).toBe('1');
    await centre.screenshot({ path: '/tmp/warnings.png', fullPage: true });
  });

  it('a bank admin adds a webhook (secret shown once), sends a signed test to it and deletes it', async () => {
    const hits: { headers: Record<string, unknown>; body: string }[] = [];
    const rx: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hits.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => rx.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(rx.address() as { port: number }).port}/lachan`;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, BANK_ADMIN.email, BANK_ADMIN.password, '/dashboard');
    await page.click('[data-testid=nav-warning-webhooks]');
    await page.waitForSelector('[data-testid=warning-webhooks]');
    await page.fill('[data-testid=webhook-url]', url);
    await page.click('[data-testid=webhook-add]');
    const secret = await page.inputValue('[data-testid=secret-value]');
    expect(secret).toMatch(/^whsec_/);
    await page.keyboard.press('Escape');
    await page.waitForSelector(`[data-testid=webhook-list] [data-webhook="${url}"]`);
    expect(await page.textContent('[data-testid=webhook-list]')).not.toContain(secret);
    await page.click('[data-testid=webhook-test]');
    await page.waitForSelector('[data-testid=webhook-test-result]');
    expect(await page.textContent('[data-testid=webhook-test-result]')).toContain('200');
    expect(hits).toHaveLength(1);
    expect(String(hits[0]!.headers['x-lachan-signature'])).toMatch(/^sha256=[0-9a-f]{64}$/);
    await page.click('[data-testid=webhook-delete]');
    await page.click('[data-testid=confirm-button]');
    await page.waitForSelector('[data-testid=webhook-list]', { state: 'detached' });
    await page.screenshot({ path: '/tmp/warning-webhooks.png', fullPage: true });
    rx.close();
  });

  it('the centre discards a draft it will not issue: it leaves the warnings list', async () => {
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const w = (await admin('POST', '/api/v1/warnings', { titleVi: 'Bản nháp bỏ đi', titleEn: 'Draft to discard', bodyVi: 'Nội dung.', bodyEn: 'Body.', severity: 2, tlp: 'GREEN', targeting: { sectors: ['BANKING'] } })).json as { id: string };
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'admin@lachan.local', ADMIN_PASSWORD, '/warnings');
    await page.waitForSelector(`[data-testid=warning-row][data-warning-id="${w.id}"]`);
    // The list says whom each warning is for, since when, and when the hourly surge watch last looked.
    const row = page.locator(`[data-testid=warning-row][data-warning-id="${w.id}"]`);
    await expect.poll(() => row.locator('[data-testid=warning-targets]').textContent()).toMatch(/^(Ngân hàng|Banking)$/);
    expect(await row.locator('[data-testid=warning-date]').textContent()).toMatch(/^(Tạo|Created) /);
    await page.waitForSelector('[data-testid=surge-watch]');
    await page.goto(`${server.url}/warnings/${w.id}/edit`);
    await page.click('[data-testid=warning-discard]');
    await page.click('[data-testid=confirm-button]');
    await page.waitForURL(/\/warnings$/);
    await page.waitForSelector('[data-testid=warning-row]');
    expect(await page.locator(`[data-testid=warning-row][data-warning-id="${w.id}"]`).count()).toBe(0);
    expect(((await admin('GET', `/api/v1/warnings/${w.id}`)).json as { status: string }).status).toBe('discarded');
  });
});
