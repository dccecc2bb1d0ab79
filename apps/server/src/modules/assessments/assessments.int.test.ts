import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentTask, CatalogueDetail, CatalogueSummary } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let owner: Caller;
let ownerAnalyst: Caller;
let assessor: Caller;
let outsider: Caller;
let tax: string;
let soc: string;
beforeAll(async () => {
  t = await createTestApp();
  tax = await t.org('ag-tax');
  soc = await t.org('soc-canhcung');
  owner = await t.userIn('ag-tax', 'org_admin');
  ownerAnalyst = await t.userIn('ag-tax', 'analyst');
  assessor = await t.userIn('soc-canhcung', 'analyst');
  outsider = await t.userIn('prov-79', 'org_admin');
});
afterAll(() => t?.close());

let seq = 0;
const catalogue = (over: Record<string, unknown> = {}) => ({
  format: 'lachan-catalogue/1', code: `TEST-${++seq}`, version: '1', name: { vi: 'Bộ yêu cầu thử', en: 'Test requirements' },
  source: 'made for the test suite', licence: 'CC0',
  requirements: [
    { id: 'A', parent: null, title: { vi: 'Nhóm A', en: 'Group A' }, text: { vi: 'Nhóm', en: 'Group' }, levels: [] },
    { id: 'A.1', parent: 'A', text: { vi: 'Yêu cầu 1', en: 'Requirement 1' }, levels: [3, 4, 5] },
    { id: 'A.2', parent: 'A', text: { en: 'Requirement 2' }, levels: [4, 5] },
    { id: 'A.3', parent: 'A', text: { vi: 'Yêu cầu 3' }, levels: [5] },
  ],
  ...over,
});

async function system(level: number): Promise<string> {
  const res = await owner.post('/api/v1/systems', { orgId: tax, name: `Hệ thống đánh giá ${++seq}`, functionType: 'public_services', dataClasses: ['personal'], securityLevel: level });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('requirement catalogues', () => {
  it('ships NIST CSF 2.0 as the built-in catalogue, read-only', async () => {
    const list: CatalogueSummary[] = (await ownerAnalyst.get('/api/v1/catalogues')).json();
    const csf = list.find((c) => c.code === 'NIST-CSF-2.0')!;
    expect(csf).toMatchObject({ builtIn: true, requirements: 134, assessable: 106 });
    const detail: CatalogueDetail = (await ownerAnalyst.get(`/api/v1/catalogues/${csf.id}`)).json();
    expect(detail.items.find((i) => i.id === 'DE.CM-01')).toEqual({
      id: 'DE.CM-01', parent: 'DE.CM', title: {}, text: { en: 'Networks and network services are monitored to find potentially adverse events' }, levels: [1, 2, 3, 4, 5],
    });
    expect((await t.admin.patch(`/api/v1/catalogues/${csf.id}/requirements/DE.CM-01`, { levels: [5] })).statusCode).toBe(409);
  });

  it('loads, edits and exports a catalogue of the centre; refuses a broken file with every problem', async () => {
    const res = await t.admin.post('/api/v1/catalogues', catalogue());
    expect(res.statusCode, res.body).toBe(201);
    const c: CatalogueDetail = res.json();
    expect(c).toMatchObject({ builtIn: false, requirements: 4, assessable: 3 });
    const edited = await t.admin.patch(`/api/v1/catalogues/${c.id}/requirements/A.2`, { text: { vi: 'Yêu cầu 2', en: 'Requirement 2' } });
    expect(edited.json().items.find((i: { id: string }) => i.id === 'A.2').text).toEqual({ vi: 'Yêu cầu 2', en: 'Requirement 2' });
    const exported = (await ownerAnalyst.get(`/api/v1/catalogues/${c.id}/export`)).json();
    expect(exported.requirements).toHaveLength(4);
    const bad = await t.admin.post('/api/v1/catalogues', catalogue({ requirements: [
      { id: 'X', parent: 'NOPE', text: { en: 'x' }, levels: [1] }, { id: 'X', parent: null, text: {}, levels: [] },
    ] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems).toEqual(expect.arrayContaining([expect.stringContaining('appears twice'), expect.stringContaining('unknown parent NOPE'), expect.stringContaining('a text')]));
    expect((await owner.post('/api/v1/catalogues', catalogue())).statusCode).toBe(403);
  });
});

describe('an assessment campaign', () => {
  let catalogueId: string;
  let task: AssessmentTask;
  const answer = (who: Caller, req: string, a = 'met') => who.put(`/api/v1/assessment-tasks/${task.id}/answers/${req}`, { answer: a, comment: 'đã triển khai' });
  const review = (who: Caller, req: string, r = 'confirmed', comment?: string) => who.put(`/api/v1/assessment-tasks/${task.id}/reviews/${req}`, { review: r, comment: comment ?? null });

  beforeAll(async () => {
    catalogueId = (await t.admin.post('/api/v1/catalogues', catalogue())).json().id;
  });

  it('makes one task per targeted system, with the requirements of its level', async () => {
    const l4 = await system(4);
    const l2 = await system(2);
    const res = await t.admin.post('/api/v1/assessment-campaigns', {
      title: 'Đánh giá tổng thể hệ thống cơ sở dữ liệu quốc gia', catalogueId, dueDate: '2099-11-30', targeting: { sectors: ['FINANCE'], provinces: [], orgKinds: [], levels: [4, 5] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    const tasks: AssessmentTask[] = (await owner.get(`/api/v1/assessment-tasks?campaignId=${campaign.id}`)).json().items;
    expect(tasks.map((x) => x.systemId)).toContain(l4);
    expect(tasks.map((x) => x.systemId)).not.toContain(l2);
    task = tasks.find((x) => x.systemId === l4)!;
    expect(task).toMatchObject({ applicable: 2, answered: 0, status: 'open', overdue: false });
    expect((await owner.post('/api/v1/assessment-campaigns', { title: 'Không', catalogueId, dueDate: '2099-01-01', targeting: { sectors: [], provinces: [], orgKinds: [], levels: [] } })).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/assessment-tasks/${task.id}`)).statusCode).toBe(404);
  });

  it('takes answers from the owner only, for applicable requirements only', async () => {
    expect((await answer(ownerAnalyst, 'A.1')).json()).toMatchObject({ answered: 1, met: 1 });
    expect((await answer(ownerAnalyst, 'A.3')).statusCode).toBe(400);
    expect((await answer(ownerAnalyst, 'A')).statusCode).toBe(400);
    expect((await answer(outsider, 'A.2')).statusCode).toBe(404);
    expect((await answer(owner, 'A.2', 'partly')).json()).toMatchObject({ answered: 2, partly: 1 });
  });

  it('keeps evidence files with an answer, downloadable by those who see the task', async () => {
    const up = await owner.request('POST', `/api/v1/assessment-tasks/${task.id}/answers/A.1/evidence?fileName=${encodeURIComponent('biên bản kiểm tra.pdf')}`, Buffer.from('%PDF-1.4 bằng chứng'), { 'content-type': 'application/pdf' });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().answers.find((a: { reqId: string }) => a.reqId === 'A.1').evidence[0];
    expect(file).toMatchObject({ fileName: 'biên bản kiểm tra.pdf', mediaType: 'application/pdf' });
    const down = await ownerAnalyst.get(`/api/v1/assessment-evidence/${file.id}`);
    expect(down.rawPayload.toString()).toBe('%PDF-1.4 bằng chứng');
    expect((await outsider.get(`/api/v1/assessment-evidence/${file.id}`)).statusCode).toBe(404);
  });

  it('is reviewed by the independent assessor the owner assigns, and nobody else', async () => {
    expect((await owner.put(`/api/v1/assessment-tasks/${task.id}/assessor`, { assessorOrgId: await t.org('min-fin') })).statusCode).toBe(400);
    expect((await review(assessor, 'A.1')).statusCode).toBe(404);
    expect((await owner.put(`/api/v1/assessment-tasks/${task.id}/assessor`, { assessorOrgId: soc })).json().assessorOrgId).toBe(soc);
    expect((await review(owner, 'A.1')).statusCode).toBe(403);
    expect((await review(t.admin, 'A.1')).statusCode).toBe(403);
    const mine = (await assessor.get('/api/v1/assessment-tasks?role=assessor')).json().items.map((x: AssessmentTask) => x.id);
    expect(mine).toContain(task.id);
    expect((await review(assessor, 'A.1')).json()).toMatchObject({ confirmed: 1 });
    expect((await review(assessor, 'A.2', 'returned')).statusCode).toBe(400);
    expect((await review(assessor, 'A.2', 'returned', 'thiếu bằng chứng')).json()).toMatchObject({ returned: 1 });
  });

  it('is signed only when every answer is confirmed, then frozen as a version; reopening makes the next one', async () => {
    const sign = () => owner.post(`/api/v1/assessment-tasks/${task.id}/submit`, { signature: 'Nguyễn Văn A, Cục trưởng' });
    expect((await sign()).statusCode).toBe(409);
    expect((await answer(owner, 'A.2', 'met')).json()).toMatchObject({ returned: 0, confirmed: 1 });
    expect((await review(assessor, 'A.2')).json()).toMatchObject({ confirmed: 2 });
    expect((await ownerAnalyst.post(`/api/v1/assessment-tasks/${task.id}/submit`, { signature: 'Phân tích viên' })).statusCode).toBe(403);
    const signed = await sign();
    expect(signed.json()).toMatchObject({ status: 'submitted', version: 1 });
    expect((await answer(owner, 'A.1', 'not_met')).statusCode).toBe(409);
    expect((await review(assessor, 'A.1', 'returned', 'x')).statusCode).toBe(409);
    const versions = (await ownerAnalyst.get(`/api/v1/assessment-tasks/${task.id}/versions`)).json();
    expect(versions).toHaveLength(1);
    expect(versions[0].content.answers).toHaveLength(2);
    expect((await owner.post(`/api/v1/assessment-tasks/${task.id}/reopen`)).json().status).toBe('open');
    expect((await answer(owner, 'A.1', 'not_met')).json()).toMatchObject({ notMet: 1, confirmed: 1, version: 1 });
    expect((await ownerAnalyst.get(`/api/v1/assessment-tasks/${task.id}/versions`)).json()[0].content.answers.find((a: { req_id: string }) => a.req_id === 'A.1').answer).toBe('met');
  });

  it('refuses to edit a catalogue a campaign uses', async () => {
    expect((await t.admin.patch(`/api/v1/catalogues/${catalogueId}/requirements/A.1`, { levels: [5] })).statusCode).toBe(409);
  });
});

describe('the national view of a campaign', () => {
  it('shows completion by ministry and province, compliance by requirement and level, the worst systems and the gaps; a ministry sees its subtree', async () => {
    const catalogueId = (await t.admin.post('/api/v1/catalogues', catalogue())).json().id;
    const a = await system(5);
    const b = await system(5);
    const c = (await t.admin.post('/api/v1/assessment-campaigns', { title: 'Đợt toàn quốc', catalogueId, dueDate: '2099-06-30', targeting: { sectors: [], provinces: ['01'], orgKinds: ['agency'], levels: [5] } })).json();
    const tasks: AssessmentTask[] = (await owner.get(`/api/v1/assessment-tasks?campaignId=${c.id}`)).json().items;
    const ta = tasks.find((x) => x.systemId === a)!;
    for (const [req, ans] of [['A.1', 'not_met'], ['A.2', 'not_met'], ['A.3', 'partly']]) await owner.put(`/api/v1/assessment-tasks/${ta.id}/answers/${req}`, { answer: ans });
    await owner.put(`/api/v1/assessment-tasks/${ta.id}/answers/A.1`, { answer: 'met' });
    const o = (await t.admin.get(`/api/v1/assessment-campaigns/${c.id}/overview`)).json();
    expect(o.scopeOrgId).toBeNull();
    expect(o.total).toMatchObject({ submitted: 0, met: 1, notMet: 1, partly: 1, overdue: 0 });
    expect(o.total.tasks).toBeGreaterThanOrEqual(2);
    const minFin = await t.org('min-fin');
    expect(o.byMinistry.find((m: { orgId: string }) => m.orgId === minFin).tasks).toBeGreaterThanOrEqual(2);
    expect(o.byProvince.find((p: { provinceCode: string }) => p.provinceCode === '01').tasks).toBeGreaterThanOrEqual(2);
    expect(o.byRequirement.find((r: { reqId: string }) => r.reqId === 'A.1')).toMatchObject({ met: 1, notMet: 0 });
    expect(o.byRequirement.find((r: { reqId: string }) => r.reqId === 'A.2')).toMatchObject({ notMet: 1 });
    expect(o.worst[0]).toMatchObject({ systemId: a, notMet: 1, partly: 1 });
    expect(o.gaps.systems.map((g: { systemId: string }) => g.systemId)).toEqual(expect.arrayContaining([a, b]));
    expect(o.trends.map((x: { campaignId: string }) => x.campaignId)).toContain(c.id);
    const csv = await t.admin.get(`/api/v1/assessment-campaigns/${c.id}/overview.csv`);
    expect(csv.body).toContain('requirement,A.2,Requirement 2,0,0,1,0');
    const html = await t.admin.get(`/api/v1/assessment-campaigns/${c.id}/report?lang=en`);
    expect(html.body).toContain('Assessment campaign report: Đợt toàn quốc');
    const finAdmin = await t.userIn('min-fin', 'org_admin');
    const mine = (await finAdmin.get(`/api/v1/assessment-campaigns/${c.id}/overview`)).json();
    expect(mine.scopeOrgId).toBe(await t.org('min-fin'));
    expect(mine.byRequirement.find((r: { reqId: string }) => r.reqId === 'A.2')).toMatchObject({ notMet: 1 });
    expect((await outsider.get(`/api/v1/assessment-campaigns/${c.id}/overview?orgId=${await t.org('min-fin')}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/assessment-campaigns/${c.id}/overview`)).json().total.tasks).toBe(0);
  });
});
