import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const OWNER = { email: 'quan-tri@songgianh.example.vn', password: 'Sông-Gianh-nước-biếc-4417!' };
let bankId = '';

async function signIn(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

/** Picks an option of a Mantine select or multi-select by its visible label. */
async function choose(page: Page, input: string, label: string, exact = false): Promise<void> {
  // a multi-select covers its input with the pill field: the click goes to the input all the same
  await page.click(input, { force: true });
  await page.click(exact ? `[role=option] >> text="${label}"` : `[role=option]:has-text("${label}")`);
}

describe.skipIf(!hasChromium())('the information systems registry in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    bankId = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent('Sông Gianh')}`)).json.items as { id: string }[])[0]!.id;
    expect((await admin('POST', '/api/v1/users', { ...OWNER, name: 'Quản trị Sông Gianh', orgId: bankId, role: 'org_admin' })).status).toBe(201);
    expect((await admin('POST', `/api/v1/orgs/${bankId}/assets`, { kind: 'domain', value: 'ebanking.songgianh.example.vn' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the owner registers a system through the form, the guide proposes its level with the reason, and its page shows the four layers', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, '/systems', OWNER.email, OWNER.password);
    await page.waitForSelector('text=Chưa có hệ thống nào.');
    await page.click('[data-testid=system-new]');
    await page.fill('[data-testid=system-name]', 'Ngân hàng điện tử Sông Gianh');
    await choose(page, '[data-testid=system-function]', 'Phục vụ người dân, doanh nghiệp');
    await choose(page, '[data-testid=system-data-classes]', 'Thông tin cá nhân');
    await page.keyboard.press('Escape');

    // the guide: a national banking system is level 5 (Decree 85 Art. 11)
    await page.click('[data-testid=open-guide]');
    await page.fill('[data-testid=guide-users]', '250000');
    await page.click('[data-testid=guide-national-sector]');
    await page.click('[data-testid=guide-propose]');
    await page.waitForSelector('[data-testid=guide-result][data-level="5"]');
    const reasons = await page.textContent('[data-testid=guide-result]');
    expect(reasons).toContain('Hệ thống quốc gia của ngành trọng yếu');
    expect(reasons).toContain('Decree 85 Art. 11');
    expect(await untranslated(page)).toEqual([]);
    await page.click('[data-testid=guide-apply]');
    expect(await page.inputValue('[data-testid=system-level]')).toBe('Cấp độ 5');
    expect(await page.isChecked('[data-testid=system-critical]')).toBe(true);

    await page.fill('[data-testid=system-approval-number]', '123/QĐ-NHSG');
    await page.fill('[data-testid=system-approval-date]', '2026-03-02');
    await page.fill('[data-testid=system-approver]', 'Tổng Giám đốc');
    await choose(page, '[data-testid=system-assets]', 'ebanking.songgianh.example.vn');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=system-save]');

    await page.waitForSelector('[data-testid=system-title]:has-text("Ngân hàng điện tử Sông Gianh")');
    const details = await page.textContent('[data-testid=system-details]');
    expect(details).toContain('ebanking.songgianh.example.vn');
    expect(details).toContain('123/QĐ-NHSG');
    // four layers: layer 2 comes from the bank's SOC link; nothing declared and no alert yet for the others
    await page.waitForSelector('[data-testid=layer] >> nth=3');
    expect(await page.getAttribute('[data-testid=layer][data-layer=monitoring]', 'data-state')).toBe('in_place');
    expect(await page.textContent('[data-testid=layer][data-layer=monitoring]')).toContain('Thạch Sanh');
    for (const layer of ['onSite', 'assessment', 'connection']) expect(await page.getAttribute(`[data-testid=layer][data-layer=${layer}]`, 'data-state')).toBe('missing');

    // the owner declares layer 1 with its evidence
    await page.click('[data-testid=layer-edit-onSite]');
    await page.fill('[data-testid=layer-unit]', 'Trung tâm Công nghệ thông tin');
    await page.fill('[data-testid=layer-contact]', 'Trực ban ATTT 0243 555 0101');
    await page.fill('[data-testid=layer-evidence]', 'QĐ 45/QĐ-NHSG');
    await page.click('[data-testid=layer-save]');
    await page.waitForSelector('[data-testid=layer][data-layer=onSite][data-state=in_place]');
    expect(await page.textContent('[data-testid=layer][data-layer=onSite]')).toContain('QĐ 45/QĐ-NHSG');
    // the activity section: nothing has happened on the system yet
    await page.waitForSelector('[data-testid=system-activity]');
    expect(await untranslated(page)).toEqual([]);

    // editing keeps the owner and what was registered
    await page.click('[data-testid=system-edit]');
    await page.fill('[data-testid=system-name]', 'Ngân hàng điện tử Sông Gianh (SG-Online)');
    await page.click('[data-testid=system-save]');
    await page.waitForSelector('[data-testid=system-title]:has-text("SG-Online")');
    expect(await page.textContent('[data-testid=system-details]')).toContain('123/QĐ-NHSG');

    // the list finds it by level and critical flag
    await page.goto(`${server.url}/systems`);
    await page.waitForSelector('[data-testid=system-row]');
    expect(await page.textContent('[data-testid=systems-table]')).toContain('Cấp độ 5');
    // layer filters: the bank has a SOC provider and no connector yet
    await choose(page, '[data-testid=systems-filter-monitored]', 'Chưa có đơn vị giám sát', true);
    await page.waitForSelector('text=Chưa có hệ thống nào.');
    await choose(page, '[data-testid=systems-filter-monitored]', 'Có đơn vị giám sát', true);
    await choose(page, '[data-testid=systems-filter-connected]', 'Không kết nối trong 72 giờ', true);
    await page.waitForSelector('[data-testid=system-row]:has-text("Ngân hàng điện tử Sông Gianh")');
    await page.close();
  });

  it('an analyst names the system on an incident: its level shows, severity rises once, and the system page lists the incident', async () => {
    const owner = await apiSession(server.url, OWNER.email, OWNER.password);
    const systems = (await owner('GET', '/api/v1/systems?q=SG-Online')).json.items as { id: string }[];
    expect(systems).toHaveLength(1);
    const created = await owner('POST', '/api/v1/incidents', { title: 'Đăng nhập bất thường vào ngân hàng điện tử', severity: 2, tlp: 'AMBER' });
    expect(created.status).toBe(201);
    const incidentId = (created.json as { id: string }).id;
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, `/incidents/${incidentId}`, OWNER.email, OWNER.password);
    await page.waitForSelector('[data-testid=incident-systems]');
    expect(await page.textContent('[data-testid=incident-systems]')).toContain('Chưa nêu hệ thống nào');
    await page.click('[data-testid=incident-systems-edit]');
    await choose(page, '[data-testid=incident-systems-pick]', 'SG-Online');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=incident-systems-save]');
    await page.waitForSelector('[data-testid=incident-systems] >> text=Cấp độ 5');
    expect(await page.textContent('[data-testid=incident-systems]')).toContain('Quan trọng về ANQG');
    // a level 5, critical system raised the severity one step (2 -> 3), once
    expect(((await owner('GET', `/api/v1/incidents/${incidentId}`)).json as { severity: number }).severity).toBe(3);
    expect(await untranslated(page)).toEqual([]);
    await page.goto(`${server.url}/systems/${systems[0]!.id}`);
    await page.waitForSelector('[data-testid=activity-incidents] >> text=Đăng nhập bất thường vào ngân hàng điện tử');
    await page.close();
  });

  it('an import with errors shows them row by row and stores nothing; a good file registers its systems', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, '/systems', OWNER.email, OWNER.password);
    await page.click('[data-testid=systems-import]');
    const bad = 'name,function_type,security_level\nCổng thông tin,public_services,2\nThẻ tín dụng,nonsense,9\n';
    await page.setInputFiles('.mantine-Modal-content input[type=file]', { name: 'he-thong.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-errors]');
    expect(await page.textContent('[data-testid=import-errors]')).toContain('3');
    const good = 'name,function_type,security_level\nCổng thông tin Sông Gianh,public_services,2\n';
    await page.setInputFiles('.mantine-Modal-content input[type=file]', { name: 'he-thong.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-result]');
    expect(await page.textContent('[data-testid=import-result]')).toContain('Đã tạo 1');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=system-row]:has-text("Cổng thông tin Sông Gianh")');
    // column names of the file format are data, shown as they are
    expect(await untranslated(page, ['function_type', 'data_classes', 'users_served', 'security_level', 'approval_number', 'approval_date'])).toEqual([]);
    await page.close();
  });
});
