import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

const APT1_BUNDLE = new URL('../fixtures/public/stix/examples/oasis/threat-reports/apt1.json', import.meta.url).pathname;
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const MALWARE = 'malware--7a4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const SECRET = 'indicator--5b0c3d9e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const PARTLY = 'indicator--6c1d4e0f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';
const RED_NOTE = 'Nguồn: hộp thư lãnh đạo Sở Tài chính';
const PASSWORD = 'analyst-long-password';
const base = { spec_version: '2.1', created: '2025-03-01T00:00:00.000Z' };

let server: RunningServer;
let browser: Browser;
let dnOrgName = '';

async function signIn(page: Page, email: string, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
}

async function waitRuns(session: Awaited<ReturnType<typeof apiSession>>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const runs = (await session('GET', '/api/v1/intel/intake-runs')).json.items as Array<{ status: string }>;
    if (runs.every((r) => r.status !== 'running')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!hasChromium())('threat knowledge base in Chromium', () => {
  beforeAll(async () => {
    // Feeds may be fetched only from allowed hosts: here, a partner's TAXII server on this machine.
    server = await startServer({ LACHAN_INTEL_ALLOWED_HOSTS: '127.0.0.1' });
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    for (const [email, province] of [['kb-dn@test.example.vn', '48'], ['kb-ct@test.example.vn', '92']] as const) {
      const org = ((await admin('GET', `/api/v1/orgs?province=${province}&kind=province`)).json.items as { id: string; name: string }[])[0]!;
      if (province === '48') dnOrgName = org.name;
      expect((await admin('POST', '/api/v1/users', { email, name: 'Nguyễn Văn An', orgId: org.id, role: 'analyst', password: PASSWORD })).status).toBe(201);
    }
    // Đà Nẵng's own objects: a malware family in two versions and an AMBER indicator
    const dn = await apiSession(server.url, 'kb-dn@test.example.vn', PASSWORD);
    const malware = { ...base, type: 'malware', id: MALWARE, modified: '2025-03-01T00:00:00.000Z', name: 'Mã độc Lazarus', is_family: true };
    const secret = { ...base, type: 'indicator', id: SECRET, modified: '2025-03-01T00:00:00.000Z', name: 'Máy chủ điều khiển nội bộ', pattern: "[ipv4-addr:value = '198.51.100.77']", pattern_type: 'stix', valid_from: '2025-03-01T00:00:00Z', object_marking_refs: [AMBER] };
    // and a CLEAR indicator whose description only those who may see TLP:RED may read
    const partly = { ...base, type: 'indicator', id: PARTLY, modified: '2025-03-01T00:00:00.000Z', name: 'Tên miền lừa đảo thuế', description: RED_NOTE, pattern: "[domain-name:value = 'thue-gov.example.net']", pattern_type: 'stix', valid_from: '2025-03-01T00:00:00Z',
      object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'], granular_markings: [{ marking_ref: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', selectors: ['description'] }] };
    expect((await dn('POST', '/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56d', objects: [malware, secret, partly] })).status).toBe(202);
    await waitRuns(dn);
    expect((await dn('POST', '/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--7d0092c5-5f74-4287-9642-33f4c354e56d', objects: [{ ...malware, modified: '2025-06-01T00:00:00.000Z', name: 'Mã độc Lazarus (biến thể 2)' }] })).status).toBe(202);
    await waitRuns(dn);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads a bundle and sees its run finish, searches without accents, opens the graph and the versions', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'kb-dn@test.example.vn', '/intel/intake');
    await page.waitForSelector('[data-testid=intel-upload]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=intel-bundle-file]')]);
    await chooser.setFiles(APT1_BUNDLE);
    await page.click('[data-testid=intel-bundle-send]');
    await page.waitForSelector('[data-testid=intel-run-progress][data-status=done]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid=intel-run-progress]')).toContain('76');
    await page.waitForSelector('[data-testid=intel-run][data-status=done] >> text=76');

    await page.click('[data-testid=nav-knowledge]');
    await page.fill('[data-testid=intel-search]', 'ma doc');
    await page.waitForURL(/q=ma\+doc|q=ma%20doc/);
    // the unfiltered list shows first; wait until only the match remains
    const rows = page.locator('[data-testid=intel-row]');
    for (let i = 0; i < 100 && !((await rows.count()) === 1 && (await rows.first().getAttribute('data-object-id')) === MALWARE); i++) await page.waitForTimeout(100);
    expect(await rows.count()).toBe(1);
    expect(await page.textContent('[data-testid=intel-row]')).toContain('Mã độc Lazarus (biến thể 2)');
    await page.click('[data-testid=intel-row] a');
    await page.click('[data-testid=intel-tab-versions]');
    await page.waitForSelector('[data-testid=intel-version]');
    expect(await page.locator('[data-testid=intel-version]').count()).toBe(2);
    await page.locator('[data-testid=intel-version]').nth(1).click();
    expect(await page.textContent('[data-testid=intel-version-json]')).toContain('"name": "Mã độc Lazarus"');

    // the intrusion set of the uploaded report, found by its name, opened with the keyboard
    await page.goto(`${server.url}/intel?q=apt1&type=intrusion-set`);
    await page.waitForSelector('[data-testid=intel-row]');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=intel-object-name] >> text=APT1');
    await page.click('[data-testid=intel-tab-relationships]');
    await page.waitForSelector('[data-testid=intel-graph] svg');
    expect(await page.locator('[data-testid=intel-relation]').count()).toBe(3);
    expect(await page.textContent('[data-testid=intel-relations]')).toContain('Unit 61398');
    await page.screenshot({ path: '/tmp/intel-graph.png', fullPage: true });
    await page.close();
  });

  it('keeps an AMBER object of another organisation out of search and out of reach', async () => {
    const owner = await browser.newPage();
    await signIn(owner, 'kb-dn@test.example.vn', '/intel?q=may%20chu');
    await owner.waitForSelector(`[data-testid=intel-row][data-object-id="${SECRET}"]`);
    await owner.close();

    const page = await browser.newPage();
    await signIn(page, 'kb-ct@test.example.vn', '/intel?q=may%20chu');
    await page.waitForSelector('[data-testid=intel-search]');
    await page.waitForSelector('text=Không có đối tượng nào phù hợp.');
    expect(await page.locator('[data-testid=intel-row]').count()).toBe(0);
    await page.goto(`${server.url}/intel/objects/${SECRET}`);
    await page.waitForSelector('[role=alert]');
    expect(await page.locator('[data-testid=intel-object-name]').count()).toBe(0);
    expect(await page.locator('[data-testid=nav-intel-collections]').count()).toBe(0);
    await page.close();
  });

  it('shows another organisation a field marked TLP:RED as withheld, and its owner the text', async () => {
    const page = await browser.newPage();
    await signIn(page, 'kb-ct@test.example.vn', `/intel/objects/${PARTLY}`);
    await page.waitForSelector('[data-testid=intel-object-name] >> text=Tên miền lừa đảo thuế');
    expect(await page.textContent('[data-testid=intel-withheld]')).toContain('description');
    expect(await page.textContent('body')).not.toContain(RED_NOTE);
    await page.close();

    const owner = await browser.newPage();
    await signIn(owner, 'kb-dn@test.example.vn', `/intel/objects/${PARTLY}`);
    await owner.waitForSelector(`text=${RED_NOTE}`);
    expect(await owner.locator('[data-testid=intel-withheld]').count()).toBe(0);
    await owner.close();
  });

  it('lets the national centre create a collection, grant an organisation and raise its TLP ceiling', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/intel/collections`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.click('[data-testid=collection-new]');
    await page.fill('[data-testid=collection-title]', 'Chỉ báo ngân hàng');
    await page.click('[data-testid=collection-add-org]');
    await page.keyboard.type(dnOrgName);
    await page.click(`[role=option]:has-text("${dnOrgName}")`);
    await page.waitForSelector('[data-testid=collection-grant]');
    await page.click('[data-testid=collection-save]');
    const row = page.locator('[data-testid=intel-collection]', { hasText: 'Chỉ báo ngân hàng' });
    await row.waitFor();
    expect(await row.textContent()).toContain(dnOrgName);
    expect(await row.textContent()).toContain('TLP:AMBER');
    await row.locator('[data-testid=collection-edit]').click();
    await page.click('[data-testid=collection-ceiling]');
    await page.click('[role=option]:has-text("TLP:RED")');
    await page.click('[data-testid=collection-save]');
    await page.locator('[data-testid=intel-collection]', { hasText: 'TLP:RED' }).waitFor();
    await page.close();
  });

  it('lets the centre register a partner\'s TAXII 2.1 collection as a feed with a token that is never shown again', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/intel/intake`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=intel-feeds]');
    await page.fill('[data-testid=feed-name]', 'CERT đối tác');
    await page.click('[data-testid=feed-kind]');
    await page.getByRole('option', { name: 'TAXII 2.1' }).click();
    await page.fill('[data-testid=feed-location]', 'http://127.0.0.1:9/taxii2/partner/');
    await page.fill('[data-testid=feed-collection]', 'indicators');
    await page.click('[data-testid=feed-auth]');
    await page.getByRole('option', { name: 'Token' }).click();
    await page.fill('[data-testid=feed-token]', 'partner-secret-token');
    await page.click('[data-testid=feed-register]');
    await page.waitForSelector('[data-testid=intel-feed] >> text=CERT đối tác');
    expect(await page.textContent('[data-testid=intel-feed]:has-text("CERT đối tác")')).toContain('TAXII');
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    expect(JSON.stringify((await admin('GET', '/api/v1/intel/feeds')).json)).not.toContain('partner-secret-token');
    await page.close();
  });
});
