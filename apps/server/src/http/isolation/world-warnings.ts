import { must, type World } from './world.ts';

/** The own province's early warnings (a draft, an issued one with a dead-lettered delivery) and its webhook. */
export interface WarningsPart {
  draftId: string;
  issuedId: string;
  deliveryId: string;
  webhookId: string;
  /** A fresh draft of the own province's admin. */
  freshDraft(): Promise<string>;
  /** A fresh warning the own province's admin issued to the own organisation. */
  freshIssued(): Promise<string>;
  /** A fresh webhook endpoint of the own organisation. */
  freshWebhook(): Promise<string>;
}

/** Nothing listens there: deliveries fail at once and dead-letter. */
const DEAD_END = 'http://127.0.0.1:9/matrix';

type Status = { deadLetters: { id: string; channel: string }[] };

export async function addWarnings(w: World): Promise<WarningsPart> {
  const { callers: c, marker, t } = w;
  const admin = c.ownAdmin;
  const freshWebhook = async () => must(await admin.post(`/api/v1/orgs/${w.org.own}/warning-webhooks`, { url: DEAD_END }), 201).id!;
  const webhookId = await freshWebhook();
  const freshDraft = async () => must(await admin.post('/api/v1/warnings', {
    titleVi: `Cảnh báo ${marker}`, titleEn: `Warning ${marker}`, bodyVi: 'Nội dung.', bodyEn: 'Body.', severity: 3, tlp: 'AMBER',
    targeting: { orgIds: [w.org.own] },
  }), 201).id!;
  const freshIssued = async () => {
    const id = await freshDraft();
    must(await admin.post(`/api/v1/warnings/${id}/issue`), 200);
    return id;
  };
  const draftId = await freshDraft();
  const workers = t.platform.workers.warnings;
  workers.backoffMs = 10;
  workers.maxAttempts = 1;
  const issuedId = await freshIssued();
  let deliveryId: string | undefined;
  for (let i = 0; i < 200 && !deliveryId; i++) {
    workers.wake();
    await new Promise((r) => setTimeout(r, 25));
    deliveryId = must<Status>(await admin.get(`/api/v1/warnings/${issuedId}/status`), 200).deadLetters.find((d) => d.channel === 'webhook')?.id;
  }
  if (!deliveryId) throw new Error('the webhook delivery to a closed port never dead-lettered');
  w.secrets.push(draftId, issuedId, webhookId);
  return { draftId, issuedId, deliveryId, webhookId, freshDraft, freshIssued, freshWebhook };
}
