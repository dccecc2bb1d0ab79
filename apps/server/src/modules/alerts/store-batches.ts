import type { StoredAlertFormat } from '@lachan/contracts';
import type { RawStep, RawTx } from '../../db/index.ts';
import { eventsStep } from '../events/index.ts';
import type { PreparedAlert } from './alert-row.ts';
import { batchRepository, type BatchPlan, type QuarantineEntry, type StoredAlert } from './batch.repository.ts';
import { ingestEvents, writeIngestEvents } from './ingest-events.ts';
import { sourcesRepository } from './sources.repository.ts';

/** Who sent a batch, in which format, and when it arrived. */
export type BatchOf = { reporterOrgId: string; sourceId: string; format: StoredAlertFormat; receivedAt: Date; history: boolean; exerciseId: string | null };
export type Counts = { accepted: number; duplicates: number; rejected: number };

/** A batch planned before its transaction: its alerts, its quarantined records, the day's partition and its plan. */
export interface PlannedBatch {
  b: BatchOf;
  prepared: PreparedAlert[];
  quarantine: QuarantineEntry[];
  copyInto: string | undefined;
  rowContext: { reporterOrgId: string; sourceId: string; receivedAt: string };
  plan: BatchPlan;
}

export type StoredBatch = { counts: Counts; stored: StoredAlert[] };

/**
 * Work another module does in the transaction that stores a batch (the constituency index), given
 * the alerts as prepared and as stored (same order). Called for live batches and quarantine replays.
 */
export type StoredHook = (tx: RawTx, batch: { reporterOrgId: string; receivedAt: string }, prepared: PreparedAlert[], stored: StoredAlert[]) => Promise<void>;

function countsOf(x: PlannedBatch, stored: StoredAlert[]): Counts {
  const inserted = stored.filter((s) => s.inserted).length;
  const inputs = x.prepared.reduce((n, p) => n + p.occurrences, 0);
  return { accepted: inserted, duplicates: inputs - inserted, rejected: x.quarantine.length };
}

/** A stored batch as its events tell of it. */
const ingestedOf = (x: PlannedBatch) => ({
  batchId: x.plan.batchId, reporterOrgId: x.b.reporterOrgId, sourceId: x.b.sourceId, rejected: x.quarantine.length, history: x.b.history, exerciseId: x.b.exerciseId,
});

/**
 * Stores the batches one after the other in the caller's transaction, a statement at a time, with every
 * fallback of `storeAlerts` (alerts looked up first, a COPY that meets alerts stored meanwhile).
 */
export async function storeStepwise(tx: RawTx, batches: readonly PlannedBatch[], hooks: readonly StoredHook[]): Promise<StoredBatch[]> {
  const out: StoredBatch[] = [];
  for (const x of batches) {
    const stored = await batchRepository.storeAlerts(tx, x.prepared, x.plan, { ...x.rowContext, copyInto: x.copyInto });
    for (const hook of hooks) await hook(tx, x.rowContext, x.prepared, stored);
    await batchRepository.quarantine(tx, x.quarantine, { orgId: x.b.reporterOrgId, sourceId: x.b.sourceId, format: x.b.format });
    const counts = countsOf(x, stored);
    await sourcesRepository.recordBatch(tx, x.b.sourceId, counts);
    await writeIngestEvents(tx, x.prepared, stored, ingestedOf(x));
    out.push({ counts, stored });
  }
  return out;
}

/** Whether `storeScripted` can store these batches: none of them is to be looked up before it is copied. */
export const scriptable = (batches: readonly PlannedBatch[]): boolean => batches.every((x) => !(x.plan.lookFirst && x.plan.fresh.length));

/**
 * Stores the batches as `storeStepwise` does, in two scripts instead of a dozen statements a batch: the
 * fresh alerts' COPY, the repeats' fold and the quarantine, then (once the stored rows are known) the
 * connectors' counts, the batch items and the events. On the embedded engine each script is one message
 * to its worker, which then runs the statements back to back instead of waiting on this thread between
 * them (each wait as long as whatever work this thread is doing: parsing the next batch, promotion).
 * Any error leaves the transaction to be rolled back and the batches stored again with `storeStepwise`.
 */
export async function storeScripted(tx: RawTx, batches: readonly PlannedBatch[], hooks: readonly StoredHook[]): Promise<StoredBatch[]> {
  const stores = batches.map((x) => batchRepository.storeSteps(x.prepared, x.plan, { ...x.rowContext, copyInto: x.copyInto }));
  const first: RawStep[] = [];
  const spans = stores.map((s) => {
    const start = first.length;
    first.push(...s.steps);
    return [start, first.length] as const;
  });
  for (const x of batches) {
    const step = batchRepository.quarantineStep(x.quarantine, { orgId: x.b.reporterOrgId, sourceId: x.b.sourceId, format: x.b.format });
    if (step) first.push(step);
  }
  const results = await tx.script(first);
  const out: StoredBatch[] = [];
  for (const [n, x] of batches.entries()) {
    const stored = await stores[n]!.finish(tx, results.slice(...spans[n]!));
    for (const hook of hooks) await hook(tx, x.rowContext, x.prepared, stored);
    out.push({ counts: countsOf(x, stored), stored });
  }
  const second: RawStep[] = [];
  for (const [n, x] of batches.entries()) {
    second.push(...sourcesRepository.recordBatchSteps(x.b.sourceId, out[n]!.counts));
    const items = batchRepository.itemsStep(x.plan.batchId, x.prepared, out[n]!.stored);
    if (items) second.push(items);
  }
  const events = eventsStep(batches.flatMap((x, n) => ingestEvents(x.prepared, out[n]!.stored, ingestedOf(x))));
  if (events) second.push(events.step);
  const written = await tx.script(second);
  events?.written(written.at(-1)!.rows);
  return out;
}
