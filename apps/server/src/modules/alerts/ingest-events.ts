import type { RawTx } from '../../db/index.ts';
import type { NewEvent } from '../events/index.ts';
import type { PreparedAlert } from './alert-row.ts';
import { batchRepository, type StoredAlert } from './batch.repository.ts';
import { HISTORY_BATCHES, LIVE_BATCHES } from './batch-consumer.ts';

const SUMMARY_PER_EVENT = 100;

/** A stored batch's items and events, in its transaction. */
export async function writeIngestEvents(tx: RawTx, prepared: PreparedAlert[], stored: StoredAlert[], b: IngestedBatch): Promise<void> {
  await batchRepository.items(tx, b.batchId, prepared, stored);
  await batchRepository.outbox(tx, ingestEvents(prepared, stored, b));
}

/** A batch as its events tell of it. */
export type IngestedBatch = { batchId: string; reporterOrgId: string; sourceId: string | null; rejected: number; history: boolean; exerciseId?: string | null };

/**
 * One event per affected organisation, carrying only that organisation's alerts, so that the
 * stream never shows one organisation another's alerts. The reporter hears of all it sent. History
 * from an archive is `alerts.imported`: only the consumers that count it (statistics) hear it. An
 * exercise's batch names its exercise: real statistics and campaigns leave it out.
 */
export function ingestEvents(prepared: PreparedAlert[], stored: StoredAlert[], b: IngestedBatch): NewEvent[] {
  const byOrg = new Map<string, { id: string; day: string; severity: number; title: string; rsitClass: string | null; new: boolean; occurrences: number }[]>();
  prepared.forEach((p, i) => {
    const s = stored[i];
    if (!s) return;
    const list = byOrg.get(p.orgId) ?? byOrg.set(p.orgId, []).get(p.orgId)!;
    list.push({ id: s.id, day: s.day, severity: p.alert.severity, title: p.alert.title, rsitClass: p.alert.rsitClass, new: s.inserted, occurrences: p.occurrences });
  });
  const events: NewEvent[] = [...byOrg].map(([orgId, alerts]) => ({
    type: b.history ? HISTORY_BATCHES : LIVE_BATCHES,
    audience: { orgIds: [...new Set([orgId, b.reporterOrgId])] },
    payload: { batchId: b.batchId, orgId, reporterOrgId: b.reporterOrgId, count: alerts.length, alerts: alerts.slice(0, SUMMARY_PER_EVENT), ...(b.exerciseId ? { exerciseId: b.exerciseId } : {}) },
  }));
  if (b.rejected) events.push({ type: 'alerts.quarantined', audience: { orgIds: [b.reporterOrgId] }, payload: { batchId: b.batchId, sourceId: b.sourceId, count: b.rejected } });
  return events;
}
