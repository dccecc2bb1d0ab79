import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

const ADMIN_EMAIL = 'admin@lachan.local';
const SHOTS = '/tmp';
let server: RunningServer;
let browser: Browser;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/orgs`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=org-row]');
}

/** Picks an option of a Mantine Select: opens it, types into it when searchable, then clicks the option shown. */
async function choose(page: Page, testId: string, typed: string, option: string): Promise<void> {
  await page.click(`[data-testid=${testId}]`);
  if (typed) await page.fill(`[data-testid=${testId}]`, typed);
  await page.locator('[role=option]:visible', { hasText: option }).first().click();
}

async function newPage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 1440, height: 900 } });
}

describe.skipIf(!hasChromium())('incident coordination in the console', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('files a Circular 20 report, works the incident, shares it with another organisation that sees it live', async () => {
    const admin = await apiSession(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const orgIn = async (province: string) => ((await admin('GET', `/api/v1/orgs?province=${province}&kind=province`)).json.items as { id: string; name: string }[])[0]!;
    const canTho = await orgIn('92');
    const daNang = await orgIn('48');
    const soc = ((await admin('GET', '/api/v1/orgs?kind=soc_provider')).json.items as { id: string; name: string }[])[0]!;
    for (const [email, org, name] of [['analyst-ct@test.example.vn', canTho, 'Trần Thị Bình'], ['analyst-dn@test.example.vn', daNang, 'Lê Văn Cường'], ['analyst-soc@test.example.vn', soc, 'Phạm Minh Đức']] as const) {
      expect((await admin('POST', '/api/v1/users', { email, name, orgId: org.id, role: 'analyst', password: 'analyst-long-password' })).status).toBe(201);
    }

    // Cần Thơ's analyst notifies an incident with the Circular 20 form
    const reporter = await newPage();
    await signIn(reporter, 'analyst-ct@test.example.vn', 'analyst-long-password');
    await reporter.click('[data-testid=nav-incidents]');
    await reporter.click('[data-testid=incident-new]');
    await reporter.waitForSelector('[data-testid=report-form]');
    await reporter.click('[data-testid=report-submit]');
    expect(await reporter.locator('text=Trường này là bắt buộc.').count()).toBeGreaterThan(0);
    const title = `Mã độc tống tiền trên cổng dịch vụ công ${Date.now()}`;
    await reporter.fill('[data-testid=report-title]', title);
    await reporter.fill('[data-testid=report-fpPhone]', '0292 3820 000');
    await reporter.fill('[data-testid=report-sysName]', 'Cổng dịch vụ công thành phố');
    await choose(reporter, 'report-sysLevel', '', 'Cấp độ 3');
    await choose(reporter, 'report-category', 'ma doc', 'Mã độc');
    await reporter.fill('[data-testid=report-description]', 'Nhiều máy chủ bị mã hóa dữ liệu, dịch vụ công trực tuyến bị gián đoạn.');
    await reporter.fill('[data-testid=report-iocs]', '203.0.113.7\nransom.example');
    await reporter.screenshot({ path: `${SHOTS}/incident-form.png`, fullPage: true });
    await reporter.click('[data-testid=report-submit]');

    // the incident opens with its reporting clock running
    await reporter.waitForSelector('[data-testid=incident-detail]');
    expect(await reporter.textContent('[data-testid=incident-title]')).toBe(title);
    expect(await reporter.textContent('[data-testid=incident-reference]')).toMatch(/^LC-\d{6}$/);
    // the notification was filed with it: its clock is met; the final report's waits for the end of the response
    await reporter.waitForSelector('[data-testid=incident-clock][data-state=met]');
    const incidentId = reporter.url().split('/incidents/')[1]!.split('?')[0]!;

    // a task and a comment
    await reporter.click('[data-testid=tab-tasks]');
    await reporter.fill('[data-testid=task-title]', 'Cô lập các máy chủ bị nhiễm');
    await reporter.click('[data-testid=task-add]');
    await reporter.waitForSelector('[data-testid=task-row] >> text=Cô lập các máy chủ bị nhiễm');
    await reporter.click('[data-testid=tab-timeline]');
    await reporter.fill('[data-testid=comment-body]', 'Đã ngắt kết nối Internet của phân vùng máy chủ.');
    await reporter.click('[data-testid=comment-send]');
    await reporter.waitForSelector('[data-testid=timeline-comment] >> text=Đã ngắt kết nối Internet của phân vùng máy chủ.');
    await reporter.screenshot({ path: `${SHOTS}/incident-timeline.png`, fullPage: true });

    // a log file attached: listed, offered as a download (never shown inline)
    await reporter.click('[data-testid=tab-files]');
    await reporter.setInputFiles('[data-testid=file-input]', { name: 'nhat-ky.txt', mimeType: 'text/plain', buffer: Buffer.from('203.0.113.7 kết nối lúc 01:00\n') });
    await reporter.waitForSelector('[data-testid=file-row] >> text=nhat-ky.txt');
    expect(await reporter.getAttribute('[data-testid=file-row] a', 'download')).toBe('nhat-ky.txt');

    // decision support opens beside the similar incidents (nothing shared yet: said so)
    await reporter.click('[data-testid=tab-decide]');
    await reporter.waitForSelector('[data-testid=incident-decision]');
    expect(await reporter.textContent('[data-testid=incident-decision]')).toContain('Không tổ chức nào khác có chung chỉ báo');

    // response completed: the final report's clock counts down five days
    await reporter.click('[data-testid=incident-actions]');
    await reporter.click('[data-testid=action-complete]');
    await reporter.click('[data-testid=tab-summary]');
    await reporter.waitForSelector('[data-testid=clock-countdown]');
    expect(await reporter.locator('[data-testid=clock-countdown]').first().textContent()).toMatch(/^còn [45] ngày \d+ giờ$/);
    await reporter.screenshot({ path: `${SHOTS}/incident-detail.png`, fullPage: true });

    // Đà Nẵng's analyst does not see it yet
    const partner = await newPage();
    await signIn(partner, 'analyst-dn@test.example.vn', 'analyst-long-password');
    await partner.click('[data-testid=nav-incidents]');
    await partner.waitForSelector('[data-testid=incident-filters]');
    await partner.waitForSelector('[aria-busy=true]', { state: 'detached' });
    expect(await partner.locator(`[data-incident-id="${incidentId}"]`).count()).toBe(0);
    await expect.poll(() => partner.getAttribute('[data-testid=live-indicator]', 'data-state')).toBe('connected');

    // shared with Đà Nẵng as analyst: the partner's queue shows it without reloading
    await reporter.click('[data-testid=tab-sharing]');
    await choose(reporter, 'share-org', 'da nang', daNang.name);
    await choose(reporter, 'share-profile', '', 'Phân tích');
    await reporter.click('[data-testid=share-add]');
    await reporter.waitForSelector(`[data-testid=share-row] >> text=${daNang.name}`);
    await reporter.screenshot({ path: `${SHOTS}/incident-sharing.png`, fullPage: true });
    await partner.waitForSelector(`[data-incident-id="${incidentId}"]`, { timeout: 5000 });
    await partner.screenshot({ path: `${SHOTS}/incident-queue.png`, fullPage: true });

    // Cần Thơ asks a SOC for support; the SOC accepts from its queue, Cần Thơ sees the answer live
    const socPage = await newPage();
    await signIn(socPage, 'analyst-soc@test.example.vn', 'analyst-long-password');
    await socPage.click('[data-testid=nav-incidents]');
    await socPage.waitForSelector('[data-testid=incident-filters]');
    await expect.poll(() => socPage.getAttribute('[data-testid=live-indicator]', 'data-state')).toBe('connected');
    await reporter.click('[data-testid=tab-support]');
    await choose(reporter, 'support-org', soc.name.slice(0, 12), soc.name);
    await reporter.fill('[data-testid=incident-support] textarea', 'Đề nghị hỗ trợ phân tích mẫu mã độc.');
    await reporter.click('[data-testid=support-send]');
    await reporter.waitForSelector('[data-testid=support-row][data-status=pending]');
    await socPage.click('[data-testid=support-accept]', { timeout: 5000 });
    await reporter.waitForSelector('[data-testid=support-row][data-status=accepted]', { timeout: 5000 });
    await reporter.screenshot({ path: `${SHOTS}/incident-support.png`, fullPage: true });
    await socPage.close();

    // j then Enter opens it from the keyboard
    await partner.keyboard.press('j');
    await partner.waitForSelector('[data-testid=incident-row][data-cursor]');
    const cursorId = await partner.getAttribute('[data-testid=incident-row][data-cursor]', 'data-incident-id');
    await partner.keyboard.press('Enter');
    await partner.waitForSelector('[data-testid=incident-detail]');
    expect(partner.url()).toContain(`/incidents/${cursorId}`);
    await partner.goto(`${server.url}/incidents/${incidentId}?tab=timeline`);
    await partner.waitForSelector('[data-testid=timeline-comment] >> text=Đã ngắt kết nối Internet của phân vùng máy chủ.');

    // the queue: j moves to the row, x selects it, a bulk move to triage; the filters are saved as a named view
    await reporter.click('[data-testid=nav-incidents]');
    await reporter.waitForSelector(`[data-incident-id="${incidentId}"]`);
    await reporter.keyboard.press('j');
    await reporter.keyboard.press('x');
    await reporter.waitForSelector('[data-testid=bulk-bar]');
    await choose(reporter, 'bulk-status', '', 'Sàng lọc');
    await reporter.click('[data-testid=bulk-apply-status]');
    await reporter.waitForSelector(`[data-incident-id="${incidentId}"] [data-status=triage]`);
    await choose(reporter, 'incident-filter-status', '', 'Sàng lọc');
    await reporter.click('[data-testid=save-view]');
    await reporter.fill('[data-testid=view-name]', 'Đang sàng lọc');
    await reporter.keyboard.press('Enter');
    await reporter.waitForSelector('[data-testid=view-name]', { state: 'detached' });
    await reporter.click('text=Xóa bộ lọc');
    await expect.poll(() => reporter.url()).not.toContain('status=');
    // The menu may close under a live refresh of the queue (a loaded CI machine): open it again until the view applies.
    await expect.poll(async () => {
      if (!reporter.url().includes('status=triage')) {
        await reporter.click('[data-testid=saved-views]');
        await reporter.click('[data-testid=saved-view] >> text=Đang sàng lọc', { timeout: 3000 }).catch(() => {});
      }
      return reporter.url();
    }, { timeout: 20_000 }).toContain('status=triage');
    await reporter.waitForSelector(`[data-incident-id="${incidentId}"]`);
    await reporter.screenshot({ path: `${SHOTS}/incident-queue-bulk.png`, fullPage: true });
    await reporter.goto(`${server.url}/incidents/${incidentId}`);
    await reporter.waitForSelector('[data-testid=incident-detail]');

    // in English, the incident and the organisation's deadlines
    await reporter.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await reporter.click('[data-testid=tab-summary]');
    await expect.poll(() => reporter.textContent('[data-testid=tab-timeline]')).toBe('Timeline');
    expect(await reporter.locator('[data-testid=clock-countdown]').first().textContent()).toMatch(/^in \d/);
    await reporter.screenshot({ path: `${SHOTS}/incident-detail-en.png`, fullPage: true });
    await reporter.click('[data-testid=nav-incident-deadlines]');
    await reporter.waitForSelector(`[data-testid=deadline-row] >> text=${title}`);
    expect(await reporter.textContent('h2')).toBe('My organisation’s deadlines');
    await reporter.screenshot({ path: `${SHOTS}/incident-deadlines-en.png`, fullPage: true });
    await reporter.close();
    await partner.close();
  });
});
