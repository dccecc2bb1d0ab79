/**
 * Issue 18, item 3: in Vietnamese nothing the server made shows in English or as a code. The main pages are
 * walked with data that makes the server write its own text (a national rule's incident, a shared timeline
 * entry, reporting deadlines, a campaign, a quarantined record, a STIX indicator), and each page's visible
 * text must hold no i18n key, no raw code and none of the server's English phrases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { untranslated } from './support/untranslated.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let incidentId = '';
let campaignId = '';
const INDICATOR = 'indicator--3c1a7a52-8b8e-4a4e-9d0f-2f8e1c6b7a10';

/** What the server writes in English and must never reach a Vietnamese reader. */
const ENGLISH = [
  'Critical alert', 'Brute-force burst', 'Shared infrastructure', 'Attack campaign against', 'system owner', 'national coordinating agency',
  'specialised response unit', 'Ministry of Public Security', 'State Bank IT', 'not valid JSON', 'expected a JSON object', 'Pattern language', 'Valid from',
];
/** Codes as the platform writes them: a key path or `ns:key`, `quarantine.` codes, and SNAKE_CASE. */
const SCREAMING = /\b[A-Z]+(?:_[A-Z]+)+\b/g;
const NS_KEY = /\b(?:alerts|incidents|campaigns|warnings|intel|settings|dashboard|statistics|common|errors|rsit):[a-zA-Z]/g;

const alert = (ip: string, i: number) => JSON.stringify({
  title: 'Khai thác lỗ hổng cổng VPN', severity: 'critical', sourceRef: `vn-${ip}-${i}`, rule: { id: 'VN-1', name: 'khai thác VPN' },
  attack: ['T1190'], src: { ip }, observables: [{ type: 'ipv4', value: ip, role: 'src' }],
});

/** Everything on the page a reader should not see in Vietnamese mode. */
async function leaks(p: Page): Promise<string[]> {
  const text = await p.innerText('body');
  const english = ENGLISH.filter((e) => text.toLowerCase().includes(e.toLowerCase()));
  return [...(await untranslated(p)), ...english, ...(text.match(SCREAMING) ?? []), ...(text.match(NS_KEY) ?? []), ...(text.match(/\bquarantine\.[a-z]/g) ?? [])];
}

/** Opens a page, waits for its content and for loaders to go, then lists what leaked. */
async function visit(path: string, ready: string): Promise<string[]> {
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(ready);
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 15_000 }).toBe(0);
  return leaks(page);
}

describe.skipIf(!hasChromium())('the console in Vietnamese shows no English and no codes', () => {
  beforeAll(async () => {
    server = await startServer({ LACHAN_CAMPAIGN_MAX_HOLD_SECONDS: '3' }); // a fresh server with three organisations publishes a campaign once its short wait ends
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    // three organisations hit from one /24 by critical alerts: the national rule opens incidents, the engine a campaign
    const keys: string[] = [];
    const orgIds: string[] = [];
    for (const [name, ip] of [['Tây Bắc', '198.18.9.11'], ['Sông Gianh', '198.18.9.12'], ['Sen Vàng', '198.18.9.13']] as const) {
      const org = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(name)}`)).json.items as { id: string }[];
      orgIds.push(org[0]!.id);
      const key = (await admin('POST', '/api/v1/api-keys', { name: `vi ${name}`, orgId: org[0]!.id, role: 'connector' })).json.key as string;
      keys.push(key);
      const res = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: [alert(ip, 1), alert(ip, 2)].join('\n') });
      expect(res.status).toBe(202);
    }
    // two records no parser accepts: the quarantine keeps them with their reason
    const bad = await fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${keys[0]!}`, 'content-type': 'application/x-ndjson' }, body: '{"title": \n[1, 2]' });
    expect(bad.status).toBe(202);
    for (let i = 0; i < 200 && !campaignId; i++) {
      campaignId = ((await admin('GET', '/api/v1/campaigns')).json.items as { id: string }[])[0]?.id ?? '';
      if (!campaignId) await new Promise((r) => setTimeout(r, 100));
    }
    for (let i = 0; i < 200 && !incidentId; i++) {
      incidentId = ((await admin('GET', '/api/v1/incidents')).json.items as { id: string; titleCode: string | null }[]).find((x) => x.titleCode === 'promoted')?.id ?? '';
      if (!incidentId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(campaignId).not.toBe('');
    expect(incidentId).not.toBe('');
    // Circular 20's clocks, whose recipients the shipped regime named in English
    expect((await admin('PUT', `/api/v1/incidents/${incidentId}/regimes`, { regimeCodes: ['vn-circular-20-2017'] })).status).toBe(200);
    // sharing writes the `shared` timeline entry the issue found raw
    expect((await admin('POST', `/api/v1/incidents/${incidentId}/shares`, { orgId: orgIds[1]!, profile: 'read_only', tlpCeiling: 'AMBER' })).status).toBe(201);
    // an indicator whose STIX properties the knowledge base labels
    const indicator = {
      type: 'indicator', spec_version: '2.1', id: INDICATOR, created: '2025-03-01T00:00:00.000Z', modified: '2025-03-01T00:00:00.000Z', name: 'Máy chủ điều khiển VPN',
      pattern: "[ipv4-addr:value = '198.18.9.11']", pattern_type: 'stix', valid_from: '2025-03-01T00:00:00Z', indicator_types: ['malicious-activity'],
      kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }], confidence: 80,
    };
    expect((await admin('POST', '/api/v1/intel/bundles', { type: 'bundle', id: 'bundle--3c1a7a52-8b8e-4a4e-9d0f-2f8e1c6b7a11', objects: [indicator] })).status).toBe(202);
    for (let i = 0; i < 200 && (await admin('GET', `/api/v1/intel/objects/${INDICATOR}`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/dashboard`);
    await page.fill('input[name=email]', 'admin@lachan.local');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=dashboard]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the dashboard, the alert stream and the statistics', async () => {
    expect(await visit('/dashboard', '[data-testid=dashboard]')).toEqual([]);
    expect(await visit('/alerts', '[data-testid=alert-stream]')).toEqual([]);
    expect(await visit('/statistics', '[data-testid=statistics-page]')).toEqual([]);
  });

  it('the quarantine names each reason in Vietnamese; the parser’s own words only when a record is opened', async () => {
    expect(await visit('/alerts/quarantine', '[data-testid=quarantine-row]')).toEqual([]);
    const reasons = await page.locator('[data-testid=quarantine-reason]').allInnerTexts();
    expect(reasons).toContain('JSON không hợp lệ');
    expect(await page.locator('[data-testid=quarantine-reason]').first().getAttribute('data-code')).toMatch(/^[a-z_]+$/);
    await page.locator('[data-testid=quarantine-expand]').first().click();
    await page.waitForSelector('[data-testid=quarantine-parser-message]');
    expect(await page.textContent('[data-testid=quarantine-detail]')).toContain('Thông điệp gốc của bộ phân tích');
  });

  it('the incident list, an incident made by a national rule with its deadlines, and its timeline', async () => {
    expect(await visit('/incidents', '[data-testid=incident-row]')).toEqual([]);
    expect(await visit(`/incidents/${incidentId}`, '[data-testid=incident-detail]')).toEqual([]);
    const recipients = await page.locator('[data-testid=clock-recipients]').allInnerTexts();
    expect(recipients.join(' ')).toContain('Cơ quan điều phối quốc gia');
    expect(await visit(`/incidents/${incidentId}?tab=timeline`, '[data-testid=timeline-entry]')).toEqual([]);
    expect(await page.textContent('body')).toContain('Chia sẻ');
    expect(await visit('/incidents/deadlines', 'main')).toEqual([]);
  });

  it('the campaigns, a campaign, and the warnings', async () => {
    expect(await visit('/campaigns', '[data-testid=campaign-row]')).toEqual([]);
    expect(await visit(`/campaigns/${campaignId}`, '[data-testid=campaign-detail]')).toEqual([]);
    expect(await page.textContent('[data-testid=campaign-detail]')).toContain('198.18.9.0/24');
    expect(await visit('/warnings', 'main')).toEqual([]);
  });

  it('an indicator of the knowledge base, its STIX properties labelled in Vietnamese', async () => {
    expect(await visit(`/intel/objects/${INDICATOR}`, '[data-testid=intel-properties]')).toEqual([]);
    const label = (property: string) => page.locator(`[data-testid=intel-property][data-property=${property}] td`).first().innerText();
    expect(await label('pattern_type')).toBe('Loại mẫu nhận dạng');
    expect(await label('kill_chain_phases')).toBe('Giai đoạn chuỗi tấn công');
    expect(await page.textContent('[data-testid=intel-properties]')).toContain('mitre-attack: initial-access');
  });

  it('the settings tabs and the account page', async () => {
    for (const tab of ['rules', 'policies', 'regimes', 'links', 'retention']) expect(await visit(`/settings?tab=${tab}`, `[data-testid=settings-tab-${tab}]`), tab).toEqual([]);
    expect(await visit('/account', '[data-testid=sessions-table]')).toEqual([]);
  });
});
