import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';

let server: RunningServer;
let browser: Browser;
const TEAM_A = { name: 'Tây Bắc', email: 'truc-ban@taybac.example.vn', password: 'Đèo-Pha-Đin-mây-trắng-5931!' };
const TEAM_B = { name: 'Hoa Sữa', email: 'truc-ban@hoasua.example.vn', password: 'Hồ-Gươm-lá-vàng-rơi-7716!' };
const orgIds: Record<string, string> = {};

type Session = Awaited<ReturnType<typeof apiSession>>;

async function signIn(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

describe.skipIf(!hasChromium())('an exercise in Chromium: the ransomware template at 60x with two teams', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    for (const team of [TEAM_A, TEAM_B]) {
      const org = (await admin('GET', `/api/v1/orgs?q=${encodeURIComponent(team.name)}`)).json.items as { id: string }[];
      orgIds[team.name] = org[0]!.id;
      expect((await admin('POST', '/api/v1/users', { email: team.email, password: team.password, name: `Trực ban ${team.name}`, orgId: org[0]!.id, role: 'analyst' })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the white team schedules and starts it, the teams receive injects under the banner, the scoreboard follows what they do, and the report tells it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, '/exercises', 'admin@lachan.local', ADMIN_PASSWORD);
    await page.waitForSelector('[data-testid=scenario-row][data-key=ransomware-hospital]');
    expect(await page.textContent('[data-testid=scenarios-table]')).toContain('Mã độc tống tiền tấn công bệnh viện');
    await page.click('[data-testid=scenario-row][data-key=ransomware-hospital] [data-testid=scenario-schedule]');
    for (const team of [TEAM_A, TEAM_B]) {
      await page.click('[data-testid=schedule-teams]');
      await page.keyboard.type(team.name);
      await page.click(`[role=option]:has-text("${team.name}")`);
    }
    await page.fill('[data-testid=schedule-speed]', '60');
    await page.click('[data-testid=schedule-submit]');
    await page.waitForSelector('[data-testid=run-start]');
    await page.click('[data-testid=run-start]');
    await page.waitForSelector('[data-testid=exercise-status]:has-text("Đang diễn ra")');
    await page.waitForSelector('[data-testid=scoreboard-row] >> nth=1');
    const exerciseId = page.url().split('/').at(-1)!;

    // Team A works the incident in the platform: it opens one from the injected alerts and files the Circular 20 initial report.
    const teamA: Session = await apiSession(server.url, TEAM_A.email, TEAM_A.password);
    let alerts: { id: string }[] = [];
    for (let i = 0; i < 100 && alerts.length < 3; i++) {
      alerts = (await teamA('GET', `/api/v1/alerts?orgId=${orgIds[TEAM_A.name]}&exercise=true&limit=10`)).json.items as { id: string }[];
      if (alerts.length < 3) await new Promise((r) => setTimeout(r, 100));
    }
    const incident = await teamA('POST', '/api/v1/incidents', { title: 'Mã độc tống tiền trên máy chủ HIS', severity: 4, alertIds: alerts.slice(0, 3).map((a) => a.id) });
    expect(incident.status).toBe(201);
    const id = (incident.json as { id: string }).id;
    expect((await teamA('POST', `/api/v1/incidents/${id}/reports`, { kind: 'initial', content: { description: 'HIS bị mã hoá', category: 'malware' } })).status).toBe(201);

    // The scoreboard moves without a reload: team A leads.
    const rowA = `[data-testid=scoreboard-row][data-org-id="${orgIds[TEAM_A.name]}"]`;
    await expect.poll(async () => Number(await page.getAttribute(rowA, 'data-points')), { timeout: 15_000 }).toBeGreaterThanOrEqual(150);
    expect(await page.getAttribute('[data-testid=scoreboard-row] >> nth=0', 'data-org-id')).toBe(orgIds[TEAM_A.name]);

    // Team B sees its normal console under the exercise banner, and what reached it.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const teamB = await context.newPage();
    await signIn(teamB, '/incidents', TEAM_B.email, TEAM_B.password);
    await teamB.waitForSelector('[data-testid=exercise-banner]');
    expect(await teamB.textContent('[data-testid=exercise-banner]')).toContain('DIỄN TẬP');
    // Team A's incident of the exercise is not in its real list; the exercise filter shows it under a banner.
    const teamAPage = await (await browser.newContext({ viewport: { width: 1440, height: 1100 } })).newPage();
    await signIn(teamAPage, '/incidents', TEAM_A.email, TEAM_A.password);
    await teamAPage.waitForSelector('[data-testid=incident-filter-exercise]', { state: 'attached' });
    await teamAPage.waitForLoadState('networkidle');
    await expect.poll(async () => (await teamAPage.textContent('main')) ?? '', { timeout: 10_000 }).not.toContain('Mã độc tống tiền trên máy chủ HIS');
    // A chip is a label over a hidden checkbox: the label is what a user clicks.
    await teamAPage.click('label:has([data-testid=incident-filter-exercise]), label[for="' + (await teamAPage.getAttribute('[data-testid=incident-filter-exercise]', 'id')) + '"]');
    await teamAPage.waitForSelector('[data-testid=exercise-list-banner]');
    await teamAPage.waitForSelector('text=Mã độc tống tiền trên máy chủ HIS', { timeout: 10_000 });
    // The alert stream: the exercise's alerts are out of the real stream, the same chip shows them, each marked.
    await teamAPage.goto(`${server.url}/alerts`);
    await teamAPage.waitForSelector('[data-testid=alert-filter-exercise]', { state: 'attached' });
    await teamAPage.waitForLoadState('networkidle');
    expect(await teamAPage.locator('[data-testid=alert-exercise-badge]').count()).toBe(0);
    await teamAPage.click('label[for="' + (await teamAPage.getAttribute('[data-testid=alert-filter-exercise]', 'id')) + '"]');
    await teamAPage.waitForSelector('[data-testid=exercise-list-banner]');
    await teamAPage.waitForSelector('[data-testid=alert-exercise-badge]', { timeout: 10_000 });
    expect(teamAPage.url()).toContain('exercise=true');
    // Knowledge the team adds in the exercise: out of the real knowledge base, shown in the exercise's view under the banner.
    const bundle = { type: 'bundle', id: 'bundle--8c1f3a2e-7b4d-4e1a-9f0c-2d5e6a7b8c9d', objects: [{ type: 'indicator', spec_version: '2.1', id: 'indicator--8c1f3a2e-7b4d-4e1a-9f0c-2d5e6a7b8c9e',
      created: '2026-12-01T00:00:00.000Z', modified: '2026-12-01T00:00:00.000Z', name: 'C2 HIS diễn tập', pattern: "[ipv4-addr:value = '100.201.9.99']", pattern_type: 'stix', valid_from: '2026-12-01T00:00:00Z' }] };
    expect((await teamA('POST', `/api/v1/intel/bundles?exerciseId=${exerciseId}`, bundle)).status).toBe(202);
    await expect.poll(async () => ((await teamA('GET', `/api/v1/intel/objects?exerciseId=${exerciseId}`)).json.items as unknown[]).length, { timeout: 10_000 }).toBe(1);
    await teamAPage.goto(`${server.url}/intel?q=${encodeURIComponent('C2 HIS')}`);
    await teamAPage.waitForSelector('[data-testid=intel-filter-exercise]');
    await teamAPage.waitForLoadState('networkidle');
    expect(await teamAPage.textContent('main')).not.toContain('C2 HIS diễn tập');
    await teamAPage.goto(`${server.url}/intel?q=${encodeURIComponent('C2 HIS')}&exerciseId=${exerciseId}`);
    await teamAPage.waitForSelector('[data-testid=exercise-list-banner]');
    await teamAPage.click('text=C2 HIS diễn tập');
    await teamAPage.waitForSelector('[data-testid=intel-object-name]:has-text("C2 HIS diễn tập")');
    await teamAPage.waitForSelector('[data-testid=exercise-list-banner]');
    // The warnings inbox: the same chip and banner.
    await teamAPage.goto(`${server.url}/warnings/inbox?exercise=true`);
    await teamAPage.waitForSelector('[data-testid=exercise-list-banner]');
    await teamAPage.context().close();
    await teamB.goto(`${server.url}/exercises/${exerciseId}`);
    await teamB.waitForSelector('[data-testid=inbox-item][data-kind=alerts]');
    await teamB.waitForSelector('[data-testid=inbox-item][data-kind=message]', { timeout: 30_000 });
    expect(await teamB.textContent('[data-testid=team-inbox]')).toContain('HIS');

    // The white team ends the run and reads team A's after-action report.
    await page.click('[data-testid=run-end]');
    await page.click('[data-testid=confirm-button]');
    await page.waitForSelector('[data-testid=exercise-status]:has-text("Đã kết thúc")');
    await page.click(`${rowA} a`);
    await page.waitForSelector('[data-testid=team-report]');
    expect(await page.textContent('[data-testid=report-points]')).toMatch(/^(1[5-9]\d|[2-9]\d\d) \//);
    expect(await page.locator('[data-testid=report-expectation][data-status=met]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid=report-expectation][data-status=missed]').count()).toBeGreaterThan(0);
    await page.fill('[data-testid=lesson-body]', 'Báo cáo ban đầu nhanh; cần thông cáo báo chí sớm hơn.');
    await page.click('[data-testid=report-lessons] button');
    await page.waitForSelector('[data-testid=report-lessons] >> text=thông cáo báo chí');
    await page.screenshot({ path: '/tmp/exercise-report.png', fullPage: true });

    // The team reads its own report once the exercise has ended.
    await teamB.goto(`${server.url}/exercises/${exerciseId}/teams/${orgIds[TEAM_B.name]}/report`);
    await teamB.waitForSelector('[data-testid=report-points]');
    expect(await teamB.textContent('[data-testid=report-points]')).toMatch(/^0 \//);
    await context.close();
  });
});
