import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;

const EMAIL = 'analyst-triage@test.example.vn';
const PASSWORD = 'analyst-long-password';
const probe = (n: number) => JSON.stringify({
  title: `Dò quét cổng VPN ${n}`, severity: 'medium', rule: { id: 'VPN-PROBE' }, rsit: { class: 'information-gathering', type: 'scanner' }, attack: ['T1046'],
  src: { ip: '203.0.113.66' }, dst: { ip: `10.64.9.${n}` }, observables: [{ type: 'ipv4', value: '203.0.113.66', role: 'src' }],
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/alerts`);
  await page.fill('input[name=email]', EMAIL);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=alert-row]');
}

describe.skipIf(!hasChromium())('triaging alerts in the stream', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const org = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!;
    expect((await admin('POST', '/api/v1/users', { email: EMAIL, name: 'Ngô Thị Hạnh', orgId: org.id, role: 'analyst', password: PASSWORD })).status).toBe(201);
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'e2e triage', orgId: org.id, role: 'connector' })).json.key as string;
    const res = await fetch(`${server.url}/api/v1/ingest/lachan`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: [1, 2, 3, 4, 5].map(probe).join('\n'),
    });
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('chooses alerts with a shift-click range and the x key, opens one incident from them, merges another into it, and marks one false positive', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page);
    const rows = page.locator('[data-testid=alert-row]');
    await expect.poll(() => rows.count()).toBe(5);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id')!));

    // a checkbox, then shift-click two rows further: three alerts chosen
    await page.locator(`[data-alert-id="${ids[0]}"] [data-testid=alert-select]`).click();
    await page.locator(`[data-alert-id="${ids[2]}"] [data-testid=alert-select]`).click({ modifiers: ['Shift'] });
    await page.waitForSelector('[data-testid=alert-bulk-bar]');
    expect(await page.textContent('[data-testid=alert-bulk-count]')).toBe('Đã đánh dấu 3 cảnh báo');
    // the keyboard: j moves the cursor down to the fourth row, x chooses it, x again lets it go
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    await page.keyboard.press('x');
    expect(await page.textContent('[data-testid=alert-bulk-count]')).toBe('Đã đánh dấu 4 cảnh báo');
    await page.keyboard.press('x');
    expect(await page.textContent('[data-testid=alert-bulk-count]')).toBe('Đã đánh dấu 3 cảnh báo');
    await page.screenshot({ path: '/tmp/alert-triage-chosen.png' });

    await page.click('[data-testid=alert-bulk-open]');
    await page.waitForSelector('[data-testid=incident-detail]');
    // the title the server made, worded in Vietnamese: the shared signature and attacker
    expect(await page.textContent('[data-testid=incident-title]')).toMatch(/^Dò quét cổng VPN \d từ 203\.0\.113\.66$/);
    await page.click('[data-testid=tab-alerts]');
    await expect.poll(() => page.locator('[data-testid=incident-alert]').count()).toBe(3);
    const inIncident = await page.locator('[data-testid=incident-alert]').evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id')).sort());
    expect(inIncident).toEqual([ids[0], ids[1], ids[2]].sort());

    const first = page.url().split('/incidents/')[1]!.split('?')[0]!;

    // another incident from the fourth alert, then the two merged from the queue into the older one
    await page.goto(`${server.url}/alerts`);
    await page.waitForSelector('[data-testid=alert-row]');
    await page.locator(`[data-alert-id="${ids[3]}"] [data-testid=alert-select]`).click();
    await page.click('[data-testid=alert-bulk-open]');
    await page.waitForSelector('[data-testid=incident-detail]');
    await page.click('[data-testid=nav-incidents]');
    await expect.poll(() => page.locator('[data-testid=incident-row]').count()).toBe(2);
    for (const box of await page.locator('[data-testid=incident-select]').all()) await box.click();
    await page.click('[data-testid=bulk-merge]');
    await page.waitForSelector('[data-testid=bulk-bar]', { state: 'detached' });
    await page.goto(`${server.url}/incidents/${first}?tab=alerts`);
    await page.waitForSelector('[data-testid=incident-detail]');
    await page.click('[data-testid=tab-alerts]');
    await expect.poll(() => page.locator('[data-testid=incident-alert]').count()).toBe(4);

    // back in the stream: the last alert is marked false positive with a reason
    await page.goto(`${server.url}/alerts`);
    await page.waitForSelector('[data-testid=alert-row]');
    await page.locator(`[data-alert-id="${ids[4]}"] [data-testid=alert-select]`).click();
    await page.click('[data-testid=alert-bulk-fp]');
    await page.fill('[data-testid=fp-reason]', 'Máy quét lỗ hổng định kỳ của chính ngân hàng');
    await page.click('[data-testid=fp-confirm]');
    await page.waitForSelector(`[data-alert-id="${ids[4]}"] [data-testid=alert-false-positive]`);
    expect(await page.locator('[data-testid=alert-bulk-bar]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/alert-triage-false-positive.png' });
    await page.close();
  });
});
