import { get, patch, post, put, row, type Req, type RouteSpec } from './spec.ts';
import { must, type World } from './world.ts';
import { ownSystem } from './routes-registry.ts';

const centreOnly = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: status });
/** Another organisation does not learn that the own task exists; a machine key has no part in assessments. */
const onOwnTask = (ownAnalyst: number, extra = {}) => row(401, 404, 404, 404, ownAnalyst, extra);
const everyMember = row(401, 200, 200, 403, 200);

interface Part { catalogueId: string; campaignId: string; taskId: string; foreignTaskId: string; evidenceId: string }
const parts = new WeakMap<World, Promise<Part>>();

const catalogueFile = (w: World) => ({
  format: 'lachan-catalogue/1', code: `MATRIX-${w.unique()}`, version: '1', name: { vi: 'Bộ thử ma trận' }, source: 'the isolation matrix', licence: 'CC0',
  requirements: [{ id: 'R', parent: null, text: { vi: 'Nhóm' }, levels: [] }, { id: 'R.1', parent: 'R', text: { vi: 'Yêu cầu' }, levels: [3] }],
});
const newCatalogue = async (w: World) => must(await w.callers.centre.post('/api/v1/catalogues', catalogueFile(w)), 201).id!;

/** A new campaign over level-3 systems; returns the own system's task. */
async function freshTask(w: World, catalogueId: string): Promise<string> {
  const c = must(await w.callers.centre.post('/api/v1/assessment-campaigns', {
    title: `Đợt đánh giá ${w.unique()}`, catalogueId, dueDate: '2099-12-31', targeting: { sectors: [], provinces: [], orgKinds: [], levels: [3] },
  }), 201);
  const own = await ownSystem(w);
  const tasks = must<{ items: { id: string; systemId: string }[] }>(await w.callers.ownAnalyst.get(`/api/v1/assessment-tasks?campaignId=${c.id}`), 200).items;
  return tasks.find((x) => x.systemId === own)!.id;
}

/** A task of the own organisation answered and confirmed by its assessor (an SOC provider), ready to sign. */
async function freshSignable(w: World): Promise<string> {
  const { catalogueId } = await part(w);
  const id = await freshTask(w, catalogueId);
  must(await w.callers.ownAdmin.put(`/api/v1/assessment-tasks/${id}/assessor`, { assessorOrgId: w.org.soc }), 200);
  must(await w.callers.ownAdmin.put(`/api/v1/assessment-tasks/${id}/answers/R.1`, { answer: 'met', comment: null }), 200);
  const assessor = await w.t.userIn('soc-canhcung', 'analyst');
  must(await assessor.put(`/api/v1/assessment-tasks/${id}/reviews/R.1`, { review: 'confirmed', comment: null }), 200);
  return id;
}

/** The standing assessment resources: an own task with an answer and evidence, and another owner's task the own organisation assesses. */
function part(w: World): Promise<Part> {
  if (!parts.has(w)) parts.set(w, (async () => {
    const catalogueId = await newCatalogue(w);
    must(await w.callers.centre.post('/api/v1/systems', { orgId: w.org.rtBank, name: `Hệ thống ngân hàng ${w.unique()}`, functionType: 'infrastructure', dataClasses: [], securityLevel: 3 }), 201);
    const c = must(await w.callers.centre.post('/api/v1/assessment-campaigns', {
      title: `Đợt chuẩn ${w.unique()}`, catalogueId, dueDate: '2099-12-31', targeting: { sectors: [], provinces: [], orgKinds: [], levels: [3] },
    }), 201);
    const all = must<{ items: { id: string; orgId: string; systemId: string }[] }>(await w.callers.centre.get(`/api/v1/assessment-tasks?campaignId=${c.id}&limit=5000`), 200).items;
    const own = await ownSystem(w);
    const taskId = all.find((x) => x.systemId === own)!.id;
    const foreignTaskId = all.find((x) => x.orgId === w.org.rtBank)!.id;
    must(await w.callers.ownAdmin.put(`/api/v1/assessment-tasks/${taskId}/answers/R.1`, { answer: 'partly', comment: w.marker }), 200);
    const detail = must<{ answers: { evidence: { id: string }[] }[] }>(await w.callers.ownAdmin.request('POST', `/api/v1/assessment-tasks/${taskId}/answers/R.1/evidence?fileName=matrix.txt`,
      Buffer.from(`bằng chứng ${w.marker}`), { 'content-type': 'text/plain' }), 201);
    must(await w.callers.centre.put(`/api/v1/assessment-tasks/${foreignTaskId}/assessor`, { assessorOrgId: w.org.own }), 200);
    must(await w.callers.centre.put(`/api/v1/assessment-tasks/${foreignTaskId}/answers/R.1`, { answer: 'met', comment: null }), 200);
    w.secrets.push(taskId);
    return { catalogueId, campaignId: c.id!, taskId, foreignTaskId, evidenceId: detail.answers[0]!.evidence[0]!.id };
  })());
  return parts.get(w)!;
}
const campaignOf = async (w: World) => (await part(w)).campaignId;
const task = async (w: World, rest = '') => `/api/v1/assessment-tasks/${(await part(w)).taskId}${rest}`;
const evidence = async (w: World): Promise<Req> => ({
  method: 'POST', url: await task(w, '/answers/R.1/evidence?fileName=more.txt'), headers: { 'content-type': 'text/plain' }, body: Buffer.from('thêm bằng chứng'),
});

/** Requirement catalogues and assessment campaigns, with the own organisation's task. */
export const ASSESSMENT_ROUTES: RouteSpec[] = [
  { route: 'GET /api/v1/catalogues', request: () => get('/api/v1/catalogues'), expect: everyMember },
  { route: 'POST /api/v1/catalogues', request: (w) => post('/api/v1/catalogues', catalogueFile(w)), expect: centreOnly(201) },
  { route: 'GET /api/v1/catalogues/:id', request: async (w) => get(`/api/v1/catalogues/${(await part(w)).catalogueId}`), expect: everyMember },
  { route: 'GET /api/v1/catalogues/:id/export', request: async (w) => get(`/api/v1/catalogues/${(await part(w)).catalogueId}/export`), expect: everyMember },
  {
    route: 'PATCH /api/v1/catalogues/:id/requirements/:reqId',
    request: async (w) => patch(`/api/v1/catalogues/${await newCatalogue(w)}/requirements/R.1`, { levels: [3, 4] }),
    expect: centreOnly(200),
  },
  { route: 'GET /api/v1/assessment-campaigns', request: () => get('/api/v1/assessment-campaigns'), expect: everyMember },
  {
    route: 'POST /api/v1/assessment-campaigns',
    request: async (w) => post('/api/v1/assessment-campaigns', {
      title: `Đợt ${w.unique()}`, catalogueId: (await part(w)).catalogueId, dueDate: '2099-12-31', targeting: { sectors: [], provinces: ['48'], orgKinds: [], levels: [5] },
    }),
    expect: centreOnly(201),
  },
  // The national view: the centre sees every organisation; others their own subtree (the other province's is empty of the own's tasks).
  { route: 'GET /api/v1/assessment-campaigns/:id/overview', request: async (w) => get(`/api/v1/assessment-campaigns/${await campaignOf(w)}/overview`), expect: everyMember },
  {
    route: 'GET /api/v1/assessment-campaigns/:id/overview',
    variant: 'the own subtree asked by another organisation',
    request: async (w) => get(`/api/v1/assessment-campaigns/${await campaignOf(w)}/overview?orgId=${w.org.own}`),
    expect: row(401, 403, 403, 403, 200, { centre: 200 }),
  },
  { route: 'GET /api/v1/assessment-campaigns/:id/overview.csv', request: async (w) => get(`/api/v1/assessment-campaigns/${await campaignOf(w)}/overview.csv`), expect: everyMember },
  { route: 'GET /api/v1/assessment-campaigns/:id/report', request: async (w) => get(`/api/v1/assessment-campaigns/${await campaignOf(w)}/report`), expect: everyMember },
  { route: 'GET /api/v1/assessment-tasks', request: async (w) => (await part(w), get('/api/v1/assessment-tasks?limit=5000')), expect: everyMember, shows: (w) => [w.marker] },
  { route: 'GET /api/v1/assessment-tasks/:id', request: async (w) => get(await task(w)), expect: onOwnTask(200, { centre: 200 }), shows: (w) => [w.marker] },
  {
    route: 'PUT /api/v1/assessment-tasks/:id/assessor',
    request: async (w) => put(`/api/v1/assessment-tasks/${await freshTask(w, (await part(w)).catalogueId)}/assessor`, { assessorOrgId: w.org.soc }),
    expect: onOwnTask(403, { ownAdmin: 200 }),
  },
  { route: 'PUT /api/v1/assessment-tasks/:id/answers/:reqId', request: async (w) => put(await task(w, '/answers/R.1'), { answer: 'partly', comment: w.marker }), expect: onOwnTask(200) },
  {
    route: 'PUT /api/v1/assessment-tasks/:id/reviews/:reqId',
    request: async (w) => put(await task(w, '/reviews/R.1'), { review: 'confirmed', comment: null }),
    expect: onOwnTask(403, { centre: 403 }),
  },
  {
    route: 'PUT /api/v1/assessment-tasks/:id/reviews/:reqId',
    variant: 'as the assessor of another owner',
    request: async (w) => put(`/api/v1/assessment-tasks/${(await part(w)).foreignTaskId}/reviews/R.1`, { review: 'confirmed', comment: null }),
    expect: row(401, 404, 404, 404, 200),
  },
  {
    route: 'POST /api/v1/assessment-tasks/:id/submit',
    request: async (w) => post(`/api/v1/assessment-tasks/${await freshSignable(w)}/submit`, { signature: 'Giám đốc Sở' }),
    expect: onOwnTask(403, { ownAdmin: 200 }),
  },
  {
    route: 'POST /api/v1/assessment-tasks/:id/reopen',
    request: async (w) => {
      const id = await freshSignable(w);
      must(await w.callers.ownAdmin.post(`/api/v1/assessment-tasks/${id}/submit`, { signature: 'Giám đốc Sở' }), 200);
      return post(`/api/v1/assessment-tasks/${id}/reopen`);
    },
    expect: onOwnTask(403, { ownAdmin: 200 }),
  },
  { route: 'GET /api/v1/assessment-tasks/:id/versions', request: async (w) => get(await task(w, '/versions')), expect: onOwnTask(200) },
  { route: 'GET /api/v1/assessment-evidence/:id', request: async (w) => get(`/api/v1/assessment-evidence/${(await part(w)).evidenceId}`), expect: onOwnTask(200), shows: (w) => [w.marker] },
  { route: 'POST /api/v1/assessment-tasks/:id/answers/:reqId/evidence', request: evidence, expect: onOwnTask(201) },
];
