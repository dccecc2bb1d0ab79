import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const OWNER = { email: 'ciso@songgianh.example.vn', password: 'Sóng-vỗ-Quảng-Bình-8812!' };
const ASSESSOR = { email: 'danh-gia@canhcung.example.vn', password: 'Cánh-cung-Đông-Triều-3390!' };
const SYSTEM = 'Hệ thống thanh toán liên ngân hàng Sông Gianh';
const CATALOGUE = {
  format: 'lachan-catalogue/1', code: 'E2E-CHECK', version: '1', name: { vi: 'Bộ yêu cầu kiểm thử', en: 'Test requirements' },
  source: 'written for this browser test', licence: 'CC0',
  requirements: [
    { id: 'G', parent: null, title: { vi: 'Giám sát', en: 'Monitoring' }, text: { vi: 'Nhóm giám sát', en: 'Monitoring group' }, levels: [] },
    { id: 'G.1', parent: 'G', text: { vi: 'Có nhật ký truy cập tập trung', en: 'Access logs are centralised' }, levels: [3, 4, 5] },
    { id: 'G.2', parent: 'G', text: { vi: 'Có phương án ứng cứu sự cố', en: 'An incident response plan exists' }, levels: [4, 5] },
  ],
};

async function signIn(page: Page, path: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', who.email);
  await page.fill('input[name=password]', who.password);
  await page.click('button[type=submit]');
}

/** Types into a searchable select and picks the option: with `exact`, the one whose whole label is `label`. */
async function choose(page: Page, input: string, label: string, exact = false): Promise<void> {
  // a multi-select covers its input with the pill field: the click goes to the input all the same
  await page.click(input, { force: true });
  await page.keyboard.type(label);
  await page.click(exact ? `[role=option] >> text="${label}"` : `[role=option]:has-text("${label}")`);
}

const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium())('a national assessment campaign in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const orgId = async (q: string) => ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(q)}`)).json.items as { id: string }[])[0]!.id;
    const bank = await orgId('Sông Gianh');
    expect((await admin('POST', '/api/v1/users', { ...OWNER, name: 'CISO Sông Gianh', orgId: bank, role: 'org_admin' })).status).toBe(201);
    expect((await admin('POST', '/api/v1/users', { ...ASSESSOR, name: 'Chuyên gia Cánh Cung', orgId: await orgId('Cánh Cung'), role: 'analyst' })).status).toBe(201);
    const owner = await apiSession(server.url, OWNER.email, OWNER.password);
    expect((await owner('POST', '/api/v1/systems', { orgId: bank, name: SYSTEM, functionType: 'infrastructure', dataClasses: ['private'], securityLevel: 4 })).status).toBe(201);
    expect((await admin('POST', '/api/v1/catalogues', CATALOGUE)).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the centre launches it for a sector, the owner answers and assigns an assessor, the assessor confirms, the owner submits, the national view shows it', async () => {
    // the centre launches a campaign targeted at the banking sector
    const centre = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(centre, '/assessments', { email: 'admin@lachan.local', password: ADMIN_PASSWORD });
    await centre.click('[data-testid=campaign-launch]');
    await centre.fill('[data-testid=launch-title]', 'Đánh giá tổng thể hệ thống ngân hàng 2026');
    await choose(centre, '[data-testid=launch-catalogue]', 'Bộ yêu cầu kiểm thử');
    await centre.fill('[data-testid=launch-due]', due);
    await choose(centre, '[data-testid=launch-sectors]', 'Ngân hàng', true);
    await centre.keyboard.press('Escape');
    await centre.click('[data-testid=launch-submit]');
    await centre.waitForSelector('[data-testid=national-view]');
    const campaignUrl = centre.url();
    expect(Number(await centre.textContent('[data-testid=view-tasks]'))).toBeGreaterThanOrEqual(1);
    expect(await centre.textContent('[data-testid=view-submitted]')).toMatch(/^0 /);
    expect(await untranslated(centre)).toEqual([]);

    // the owner answers both requirements, attaches evidence and assigns the independent assessor
    const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const owner = await ownerContext.newPage();
    await signIn(owner, '/assessments', OWNER);
    await owner.click('[data-testid=tab-owner]');
    await owner.click(`[data-testid=task-row] a:has-text("${SYSTEM}")`);
    await owner.waitForSelector('[data-testid=requirement-answer][data-req="G.2"]');
    const taskUrl = owner.url();
    await owner.click('[data-testid=requirement-answer][data-req="G.1"] label >> text="Đáp ứng"');
    await owner.waitForSelector('[data-testid=requirement-answer][data-req="G.1"][data-answer=met]');
    await owner.fill('[data-testid=requirement-answer][data-req="G.2"] [data-testid=answer-comment]', 'Phương án đang trình phê duyệt');
    await owner.click('[data-testid=requirement-answer][data-req="G.2"] label >> text="Đáp ứng một phần"');
    await owner.waitForSelector('[data-testid=requirement-answer][data-req="G.2"][data-answer=partly]');
    await owner.setInputFiles('[data-testid=requirement-answer][data-req="G.1"] input[type=file]', { name: 'nhat-ky.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 nhật ký') });
    await owner.waitForSelector('[data-testid=requirement-answer][data-req="G.1"] [data-testid=evidence-file]:has-text("nhat-ky.pdf")');
    await choose(owner, '[data-testid=assessor-picker]', 'Cánh Cung');
    await owner.click('[data-testid=assessor-assign]');
    await owner.waitForSelector('[data-testid=assessor-name]:has-text("Cánh Cung")');
    expect(await owner.isDisabled('[data-testid=task-submit]')).toBe(true);
    expect(await owner.textContent('[data-testid=submit-panel]')).toContain('Còn 2 câu trả lời chưa được xác nhận.');
    expect(await untranslated(owner)).toEqual([]);

    // the assessor confirms each answer
    const assessorContext = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const assessor = await assessorContext.newPage();
    await signIn(assessor, '/assessments', ASSESSOR);
    await assessor.click('[data-testid=tab-assessor]');
    await assessor.click(`[data-testid=task-row] a:has-text("${SYSTEM}")`);
    await assessor.waitForSelector('[data-testid=assessor-view]');
    for (const req of ['G.1', 'G.2']) {
      await assessor.click(`[data-testid=requirement-answer][data-req="${req}"] [data-testid=review-confirm]`);
      await assessor.waitForSelector(`[data-testid=requirement-answer][data-req="${req}"][data-review=confirmed]`);
    }
    expect(await untranslated(assessor)).toEqual([]);

    // the owner signs and submits; the submitted version is read-only
    await owner.goto(taskUrl);
    await owner.fill('[data-testid=task-signature]', 'Trần Văn Bình, Giám đốc Khối CNTT');
    await owner.click('[data-testid=task-submit]');
    await owner.waitForSelector('[data-testid=task-status]:has-text("Đã nộp")');
    await owner.waitForSelector('[data-testid=version-row]');
    expect(await owner.locator('[data-testid=answer-choice]').count()).toBe(0);

    // the centre's national view counts it as submitted
    await centre.goto(campaignUrl);
    await centre.waitForSelector('[data-testid=view-submitted]');
    expect(await centre.textContent('[data-testid=view-submitted]')).toMatch(/^1 /);
    await centre.click('[data-testid=view-tab-level]');
    expect(await centre.textContent('[data-testid=view-table-level]')).toContain('Cấp độ 4');
    expect(await untranslated(centre)).toEqual([]);
    await ownerContext.close();
    await assessorContext.close();
  });

  it('in English, the centre sees a broken catalogue file refused with its problems, and edits the used catalogue into a new version', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, '/assessments/catalogues', { email: 'admin@lachan.local', password: ADMIN_PASSWORD });
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.textContent('h2')).toContain('Requirement catalogues');
    const broken = { ...CATALOGUE, code: 'E2E-BROKEN', requirements: [
      { id: 'A', parent: null, text: { en: 'Group' }, levels: [] },
      { id: 'A', parent: 'Z', text: { en: 'Twice' }, levels: [1] },
    ] };
    await page.setInputFiles('input[type=file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.waitForSelector('[data-testid=catalogue-problems]');
    const problems = await page.textContent('[data-testid=catalogue-problems]');
    expect(problems).toContain('the id appears twice');
    expect(problems).toContain('unknown parent Z');

    // the campaign above uses E2E-CHECK 1: the edit is refused in place and saved as version 2
    await page.click('[data-testid=catalogue-row][data-code=E2E-CHECK] a');
    await page.waitForSelector('[data-testid=requirement-row][data-id="G.2"]');
    await page.click('[data-testid=catalogue-edit]');
    await page.click('[data-testid=editor-row][data-id=G]');
    await page.click('[data-testid=req-add]');
    await page.fill('[data-testid=req-id]', 'G.3');
    await page.fill('[data-testid=req-text-en]', 'Backups are restored and tested every quarter');
    await page.uncheck('[data-testid=req-level-1]');
    await page.click('[data-testid=catalogue-save]');
    await page.waitForSelector('[role=alert]:has-text("conflicts")');
    await page.fill('[data-testid=catalogue-version]', '2');
    await page.click('[data-testid=catalogue-save]');
    await page.waitForSelector('[data-testid=requirement-row][data-id="G.3"]');
    expect(await page.textContent('[data-testid=requirement-row][data-id="G.3"]')).toContain('Backups are restored');
    expect(await page.textContent('[data-testid=catalogue-badge]')).toBe('E2E-CHECK 2');
    expect(await untranslated(page)).toEqual([]);
    await page.close();
  });
});
