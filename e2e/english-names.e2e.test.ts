/**
 * Issue 18, item 3, the English side: an organisation is named in the reader's language on every page, the
 * same way the dashboard names it (its English name in English), never its Vietnamese name on one page and
 * its English name on the next. Three demo organisations with English names are hit by one campaign; the
 * main pages that name them are walked in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const ids = { incident: '', campaign: '', alert: '', system: '' };
const USER = { email: 'ke-toan@songgianh.example.vn', password: 'gió-mùa-đông-bắc-về-2026' };

/** The demo organisations hit, by the names a Vietnamese and an English reader see. */
const ORGS = [
  { q: 'Sông Gianh', ip: '198.18.11.11', vi: 'Ngân hàng TMCP Sông Gianh', en: 'Song Gianh Commercial Joint Stock Bank' },
  { q: 'Sen Vàng', ip: '198.18.11.12', vi: 'Ngân hàng TMCP Sen Vàng', en: 'Golden Lotus Commercial Joint Stock Bank' },
  { q: 'Tây Bắc', ip: '198.18.11.13', vi: 'Bệnh viện Đa khoa Vùng Tây Bắc', en: 'North-West Regional General Hospital' },
];
const BANK = ORGS[0]!;

const alert = (ip: string, i: number) => JSON.stringify({
  title: 'VPN gateway exploitation', severity: 'critical', sourceRef: `en-${ip}-${i}`, rule: { id: 'EN-1', name: 'vpn exploit' },
  attack: ['T1190'], src: { ip }, observables: [{ type: 'ipv4', value: ip, role: 'src' }],
});

/**
 * Opens a page in English, waits for its content, for loaders to go and for the English names `expected`
 * (the directory that names organisations may load after the page); answers its visible text.
 */
async function visit(path: string, ready: string, expected: string[]): Promise<string> {
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(ready);
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 15_000 }).toBe(0);
  for (const name of expected) await expect.poll(() => page.innerText('body')).toContain(name);
  expect(await untranslated(page)).toEqual([]);
  return page.innerText('body');
}

/** The Vietnamese names of the organisations that show on a page read in English. */
const vietnameseNames = (text: string) => ORGS.filter((o) => text.includes(o.vi)).map((o) => o.vi);

describe.skipIf(!hasChromium())('organisation names in English', () => {
  beforeAll(async () => {
    server = await startServer({ LACHAN_CAMPAIGN_MAX_HOLD_SECONDS: '3' });
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    let bankId = '';
    for (const o of ORGS) {
      const org = ((await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(o.q)}`)).json.items as { id: string }[])[0]!;
      if (o === BANK) bankId = org.id;
      const key = (await admin('POST', '/api/v1/api-keys', { name: `en ${o.q}`, orgId: org.id, role: 'connector' })).json.key as string;
      const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: [alert(o.ip, 1), alert(o.ip, 2)].join('\n') });
      expect(res.status).toBe(202);
    }
    expect((await admin('POST', '/api/v1/users', { ...USER, name: 'Đỗ Minh Khang', orgId: bankId, role: 'analyst' })).status).toBe(201);
    const system = await admin('POST', '/api/v1/systems', { orgId: bankId, name: 'SG-Core banking', functionType: 'infrastructure', dataClasses: ['private'], securityLevel: 4 });
    expect(system.status).toBe(201);
    ids.system = system.json.id as string;
    for (let i = 0; i < 200 && !(ids.campaign && ids.incident); i++) {
      ids.campaign = ((await admin('GET', '/api/v1/campaigns')).json.items as { id: string }[])[0]?.id ?? '';
      ids.incident = ((await admin('GET', '/api/v1/incidents')).json.items as { id: string; orgId: string }[]).find((x) => x.orgId === bankId)?.id ?? '';
      if (!(ids.campaign && ids.incident)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ids.campaign).not.toBe('');
    expect(ids.incident).not.toBe('');
    ids.alert = ((await admin('GET', `/api/v1/alerts?orgId=${bankId}`)).json.items as { id: string }[])[0]!.id;

    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/dashboard`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=dashboard]');
    await page.locator('[data-testid=lang-switch]').getByText('EN', { exact: true }).click();
    await page.waitForSelector('[data-testid=nav-orgs]:has-text("Organisations")');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the dashboard, the incidents and the campaign name them in English (as before)', async () => {
    const dashboard = await visit('/dashboard', '[data-testid=top-orgs] [data-testid=top-org-link]', [BANK.en]);
    expect(vietnameseNames(dashboard)).toEqual([]);
    const incident = await visit(`/incidents/${ids.incident}`, '[data-testid=incident-title]', [BANK.en]);
    expect(vietnameseNames(incident)).toEqual([]);
    const campaign = await visit(`/campaigns/${ids.campaign}`, '[data-testid=campaign-detail]', [BANK.en]);
    expect(vietnameseNames(campaign)).toEqual([]);
  });

  it('the alert stream, an alert and the connectors name them as the dashboard does', async () => {
    await page.goto(`${server.url}/alerts`);
    await expect.poll(() => page.locator('[data-alert-id]').count()).toBe(3);
    const stream = await visit('/alerts', '[data-alert-id]', ORGS.map((o) => o.en));
    expect(vietnameseNames(stream)).toEqual([]);
    const one = await visit(`/alerts/${ids.alert}`, '[data-testid=alert-detail]', [BANK.en]);
    expect(vietnameseNames(one)).toEqual([]);
    const sources = await visit('/alerts/sources', '[data-testid=source-row]', ORGS.map((o) => o.en));
    expect(vietnameseNames(sources)).toEqual([]);
  });

  it('the users, the API keys, the systems and the account page too', async () => {
    const users = await visit('/users', '[data-testid=user-row]', [BANK.en]);
    // the organisation picker names it in English and finds it by either name
    await page.fill('[data-testid=user-org-filter]', 'Sông Gianh');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toContain(`${BANK.en} (demo) (SGB)`);
    await page.fill('[data-testid=user-org-filter]', 'golden lotus');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([`${ORGS[1]!.en} (demo) (SVB)`]);
    await page.fill('[data-testid=user-org-filter]', 'song gianh commercial');
    await page.getByRole('option', { name: BANK.en }).click();
    await expect.poll(() => page.locator('[data-testid=user-row]').count()).toBe(1);
    expect(await page.textContent(`[data-testid=user-row]:has-text("${USER.email}")`)).toContain(BANK.en);
    expect(vietnameseNames(users)).toEqual([]);
    const keys = await visit('/api-keys', '[data-testid=apikey-row]', ORGS.map((o) => o.en));
    expect(vietnameseNames(keys)).toEqual([]);
    const systems = await visit('/systems', '[data-testid=system-row]', [BANK.en]);
    expect(await page.textContent('[data-testid=system-row]:has-text("SG-Core banking")')).toContain(BANK.en);
    expect(vietnameseNames(systems)).toEqual([]);
    expect(vietnameseNames(await visit(`/systems/${ids.system}`, '[data-testid=system-details]', [BANK.en]))).toEqual([]);

    // the directory: the English name, searchable without the Vietnamese one; the registered name under the title
    expect(vietnameseNames(await visit('/orgs?q=Golden%20Lotus', '[data-testid=org-row-name]', [ORGS[1]!.en]))).toEqual([]);
    await page.fill('[data-testid=org-search]', 'Song Gianh Commercial');
    await expect.poll(() => page.locator('[data-testid=org-row-name]', { hasText: BANK.en }).count()).toBeGreaterThan(0);
    expect(vietnameseNames(await page.innerText('main'))).toEqual([]);
    await page.locator('[data-testid=org-row-name]', { hasText: BANK.en }).first().click();
    await page.waitForSelector('[data-testid=org-name]');
    expect(await page.textContent('[data-testid=org-name]')).toBe(`${BANK.en} (demo)`);
    expect(await page.textContent('[data-testid=org-name-registered]')).toBe(`${BANK.vi} (demo)`);

    // the analyst of the bank reads her own organisation's name in English on her account page
    const own = await (await browser.newContext()).newPage();
    await own.goto(`${server.url}/account`);
    await own.fill('input[name=email]', USER.email);
    await own.fill('input[name=password]', USER.password);
    await own.click('button[type=submit]');
    await own.waitForSelector('[data-testid=account-profile]');
    await own.locator('[data-testid=account-language]').getByText('English').click();
    await expect.poll(() => own.textContent('[data-testid=account-profile]')).toContain(BANK.en);
    expect(vietnameseNames(await own.innerText('body'))).toEqual([]);
    await own.context().close();
  });
});
