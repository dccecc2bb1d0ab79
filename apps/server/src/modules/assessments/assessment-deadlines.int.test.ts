import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { AssessmentDeadlines } from './assessment-deadlines.worker.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe('assessment deadlines', () => {
  it('reminds the owner before the due date, marks it overdue after, and escalates to the supervisor a week later, once each', async () => {
    const admin = await t.userIn('ag-treasury-38', 'org_admin');
    const org = await t.org('ag-treasury-38');
    const sys = await admin.post('/api/v1/systems', { orgId: org, name: 'Hệ thống thanh toán kho bạc', functionType: 'public_services', dataClasses: ['personal'], securityLevel: 5 });
    expect(sys.statusCode, sys.body).toBe(201);
    const catalogueId = (await t.admin.get('/api/v1/catalogues')).json()[0].id;
    const c = await t.admin.post('/api/v1/assessment-campaigns', { title: 'Đánh giá cấp độ 5', catalogueId, dueDate: day(2), targeting: { sectors: [], provinces: ['38'], orgKinds: [], levels: [5] } });
    expect(c.statusCode, c.body).toBe(201);
    const task = (await admin.get(`/api/v1/assessment-tasks?campaignId=${c.json().id}`)).json().items[0];
    const events = async () => (await sql<{ type: string; audience: { orgIds: string[] } }>`select type, audience from outbox
      where type like 'assessment.%' and payload->>'taskId' = ${task.id} order by id`.execute(t.platform.db)).rows;
    const worker = t.platform.now;
    const at = (offset: number) => (t.platform.now = () => new Date(worker().getTime() + offset * DAY));
    // A pass of its own (the running worker's timer does not fire within the test).
    const pass = new AssessmentDeadlines(t.platform);
    const run = () => pass.run();
    at(0);
    expect(await run()).toBeGreaterThanOrEqual(1);
    expect((await events()).map((e) => e.type)).toEqual(['assessment.due_soon']);
    expect(await run()).toBe(0);
    at(3);
    await run();
    at(10);
    await run();
    const all = await events();
    expect(all.map((e) => e.type)).toEqual(['assessment.due_soon', 'assessment.overdue', 'assessment.escalated']);
    expect(all[1]!.audience.orgIds).toEqual([org]);
    expect(all[2]!.audience.orgIds).toEqual([await t.org('min-fin')]);
    expect((await admin.get(`/api/v1/assessment-tasks?campaignId=${c.json().id}`)).json().items[0].overdue).toBe(true);
    t.platform.now = worker;
  });
});
