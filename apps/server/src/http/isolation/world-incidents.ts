import { must, type World } from './world.ts';

/** The own organisation's AMBER incident with one of each sub-resource, and one shared with the other organisation. */
export interface IncidentsPart {
  id: string;
  commentId: string;
  taskId: string;
  attachmentId: string;
  reportId: string;
  supportId: string;
  shareId: string;
  regimeCode: string;
  regimeId: string;
  sectorCode: string;
  /** An own AMBER incident shared read-only with the other organisation: the positive side of sharing. */
  sharedId: string;
  /** The other organisation's own incident, alike the own one (same value, technique and words). */
  otherId: string;
  /** A fresh AMBER incident of the own organisation (for cells that change or consume it). */
  fresh(): Promise<string>;
  /** A fresh incident with a pending support request to a response team; the request's id. */
  freshSupportRequest(): Promise<string>;
  /** A fresh incident shared with a response team; its id and the share's. */
  freshShare(): Promise<{ id: string; shareId: string }>;
}

export async function addIncidents(w: World): Promise<IncidentsPart> {
  const { callers: c, marker, t } = w;
  const a = c.ownAnalyst;
  const open = async (title: string) => must(await a.post('/api/v1/incidents', {
    title, description: `Chi tiết ${title}`, severity: 3, tlp: 'AMBER', attack: ['T1486'], observables: [{ type: 'ipv4', value: '198.18.48.11' }],
  }), 201).id!;
  const id = await open(`Mã độc tống tiền ${marker}`);
  const sub = async (path: string, body: unknown) => must(await a.post(`/api/v1/incidents/${id}/${path}`, body), 201).id!;
  const commentId = await sub('comments', { body: `Ghi chú ${marker}` });
  const taskId = await sub('tasks', { title: `Cô lập máy chủ ${marker}` });
  const attachmentId = must(await a.request('POST', `/api/v1/incidents/${id}/attachments?fileName=bang-chung.txt`, Buffer.from(`Bằng chứng ${marker}`),
    { 'content-type': 'text/plain' }), 201).id!;
  const reportId = await sub('reports', { kind: 'notification', content: { description: `Báo cáo ban đầu ${marker}` } });
  const supportId = await sub('support-requests', { toOrgId: w.org.rtBank, message: `Xin hỗ trợ ${marker}` });
  const shareId = await sub('shares', { orgId: w.org.rtSouth, profile: 'read_only', tlpCeiling: 'AMBER' });
  must(await a.post(`/api/v1/incidents/${id}/alerts`, { alertIds: [w.alerts.alertId] }), 200);

  const sharedId = must(await a.post('/api/v1/incidents', { title: `Sự cố chia sẻ ${w.sharedMarker}`, severity: 2, tlp: 'AMBER' }), 201).id!;
  must(await a.post(`/api/v1/incidents/${sharedId}/shares`, { orgId: w.org.other, profile: 'read_only', tlpCeiling: 'AMBER' }), 201);

  const otherId = must(await c.otherAnalyst.post('/api/v1/incidents', {
    title: 'Mã độc tống tiền', description: 'Chi tiết mã độc tống tiền', severity: 3, tlp: 'AMBER', attack: ['T1486'],
    observables: [{ type: 'ipv4', value: '198.18.48.11' }],
  }), 201).id!;

  const regimeCode = `vn-matrix-${w.unique()}`;
  const regime = must(await t.admin.post('/api/v1/reporting-regimes', {
    code: regimeCode, name: 'Chế độ thử', nameEn: 'Test regime', applies: { sectors: ['ENERGY'] },
    rules: [{ key: 'n', kind: 'notification', trigger: 'discovery', amount: 12, unit: 'hours', recipients: 'A05' }],
  }), 201);
  const sectorCode = `MATRIX_${w.unique().replace(/\W/g, '_').toUpperCase()}`;
  must(await t.admin.post('/api/v1/sectors', { code: sectorCode, nameVi: 'Ngành thử', nameEn: 'Test sector' }), 201);

  const fresh = () => open(`Sự cố riêng ${marker} ${w.unique()}`);
  const part: IncidentsPart = {
    id, commentId, taskId, attachmentId, reportId, supportId, shareId, sharedId, otherId, regimeCode, regimeId: regime.id!, sectorCode, fresh,
    async freshSupportRequest() {
      const inc = await fresh();
      return must(await a.post(`/api/v1/incidents/${inc}/support-requests`, { toOrgId: w.org.rtBank, message: `Xin hỗ trợ ${marker}` }), 201).id!;
    },
    async freshShare() {
      const inc = await fresh();
      const share = must(await a.post(`/api/v1/incidents/${inc}/shares`, { orgId: w.org.rtSouth, profile: 'read_only', tlpCeiling: 'AMBER' }), 201);
      return { id: inc, shareId: share.id! };
    },
  };
  w.secrets.push(id, commentId, taskId, attachmentId, reportId, supportId, shareId);
  return part;
}
