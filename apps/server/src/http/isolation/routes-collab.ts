import { del, get, OTHERS, patch, post, row, type CallerName, type RouteSpec } from './spec.ts';
import type { World } from './world.ts';

const onOwn = (ownStatus: number) => row(401, 404, 404, 403, ownStatus);
const inc = (w: World) => `/api/v1/incidents/${w.incidents.id}`;
/** Reading a sub-resource list of the own incident: the own analyst's answer holds the own item. */
const list = (path: string, item: (w: World) => string): RouteSpec => ({
  route: `GET /api/v1/incidents/:id/${path}`, request: (w) => get(`${inc(w)}/${path}`), expect: onOwn(200), shows: (w) => [item(w)],
});
/** The other organisation asks about its own incident, alike the own one: the answer must carry nothing of the own organisation's. */
const alike = (w: World, who: CallerName) => `/api/v1/incidents/${OTHERS.includes(who) ? w.incidents.otherId : w.incidents.id}`;

/** The sub-resources of an incident (timeline, comments, tasks, shares, reports, support, files, similar, decision support). */
export const COLLAB_ROUTES: RouteSpec[] = [
  list('timeline', (w) => w.incidents.commentId),
  list('comments', (w) => w.incidents.commentId),
  list('tasks', (w) => w.incidents.taskId),
  list('shares', (w) => w.incidents.shareId),
  list('reports', (w) => w.incidents.reportId),
  list('support-requests', (w) => w.incidents.supportId),
  list('attachments', (w) => w.incidents.attachmentId),
  { route: 'POST /api/v1/incidents/:id/comments', request: (w) => post(`${inc(w)}/comments`, { body: 'Đã cô lập máy chủ' }), expect: onOwn(201) },
  { route: 'POST /api/v1/incidents/:id/tasks', request: (w) => post(`${inc(w)}/tasks`, { title: 'Thu thập nhật ký' }), expect: onOwn(201) },
  {
    route: 'PATCH /api/v1/incidents/:id/tasks/:taskId',
    request: (w) => patch(`${inc(w)}/tasks/${w.incidents.taskId}`, { status: 'in_progress' }),
    expect: onOwn(200),
  },
  {
    // Another organisation tries to share the incident with itself; the owner shares it with a response team.
    route: 'POST /api/v1/incidents/:id/shares',
    request: async (w, who) => post(`/api/v1/incidents/${await w.incidents.fresh()}/shares`, {
      orgId: OTHERS.includes(who) ? w.org.other : w.org.rtBank, profile: 'analyst', tlpCeiling: 'AMBER',
    }),
    expect: onOwn(201),
  },
  {
    route: 'DELETE /api/v1/incidents/:id/shares/:shareId',
    request: async (w) => {
      const { id, shareId } = await w.incidents.freshShare();
      return del(`/api/v1/incidents/${id}/shares/${shareId}`);
    },
    expect: onOwn(200),
  },
  {
    // Naming a regime must not tell a caller who cannot see the incident whether it is under that regime.
    route: 'POST /api/v1/incidents/:id/reports',
    request: (w) => post(`${inc(w)}/reports`, { kind: 'update', regimeCode: w.incidents.regimeCode, content: { description: 'Cập nhật tình hình' } }),
    expect: row(401, 404, 404, 403, 400),
  },
  {
    route: 'POST /api/v1/incidents/:id/reports', variant: 'for every regime of the incident',
    request: (w) => post(`${inc(w)}/reports`, { kind: 'update', content: { description: 'Cập nhật tình hình' } }), expect: onOwn(201),
  },
  {
    route: 'POST /api/v1/incidents/:id/support-requests',
    request: (w) => post(`${inc(w)}/support-requests`, { toOrgId: w.org.rtBank, message: 'Xin hỗ trợ phân tích' }),
    expect: onOwn(201),
  },
  {
    route: 'GET /api/v1/support-requests',
    request: () => get('/api/v1/support-requests?direction=outgoing'),
    expect: row(401, 200, 200, 403, 200),
    shows: (w) => [w.incidents.supportId],
  },
  {
    // Only the team asked (or the centre) answers; the requesting organisation does not answer its own request.
    route: 'POST /api/v1/support-requests/:id/answer',
    request: async (w) => post(`/api/v1/support-requests/${await w.incidents.freshSupportRequest()}/answer`, { accept: false }),
    expect: row(401, 404, 404, 403, 404, { centre: 200 }),
  },
  {
    route: 'GET /api/v1/incidents/:id/attachments/:attachmentId',
    request: (w) => get(`${inc(w)}/attachments/${w.incidents.attachmentId}`),
    expect: onOwn(200),
  },
  {
    route: 'POST /api/v1/incidents/:id/attachments',
    request: (w) => ({
      method: 'POST', url: `${inc(w)}/attachments?fileName=nhat-ky.txt`, body: Buffer.from('Nhật ký máy chủ'), headers: { 'content-type': 'text/plain' },
    }),
    expect: onOwn(201),
  },
  { route: 'GET /api/v1/incidents/:id/similar', request: (w) => get(`${inc(w)}/similar`), expect: onOwn(200) },
  { route: 'GET /api/v1/incidents/:id/decision-support', request: (w) => get(`${inc(w)}/decision-support`), expect: onOwn(200) },
  {
    route: 'GET /api/v1/incidents/:id/similar', variant: 'the other organisation asks about its own incident alike the own one',
    request: (w, who) => get(`${alike(w, who)}/similar`), expect: row(401, 200, 200, 403, 200),
  },
  {
    route: 'GET /api/v1/incidents/:id/decision-support', variant: 'the other organisation asks about its own incident alike the own one',
    request: (w, who) => get(`${alike(w, who)}/decision-support`), expect: row(401, 200, 200, 403, 200),
  },
];
