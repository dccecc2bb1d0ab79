import type { Observable } from '@lachan/contracts';
import type { IndicatorMatch } from './indicator-matcher.ts';

/** One stored alert of a committed batch, as the in-process consumers (promotion, correlation, statistics) need it. */
export interface CommittedAlert {
  id: string;
  day: string;
  orgId: string;
  reporterOrgId: string;
  /** True when this batch created the row; false when it folded into a stored one. */
  inserted: boolean;
  /** Occurrences this batch added (repeats inside the batch folded). */
  occurrences: number;
  severity: number;
  rsitClass: string | null;
  format: string;
  ruleId: string | null;
  title: string;
  attack: string[];
  assetHostname: string | null;
  srcIp: string | null;
  dstIp: string | null;
  observables: Observable[];
  /** The alert's tags (`ja3:…`, `x509:…`, `file:…`, `subject:…` carry link features no observable type names). */
  tags?: string[];
  sectors: string[];
  provinceCode: string | null;
  lastSeen: string;
  /** When it happened, as its source said (statistics count it on this day; the row is filed under the day received). */
  eventTime: string;
  /** When the batch that stored or repeated it was received. */
  receivedAt: string;
  /** Observables that matched live indicators at ingest. */
  indicatorMatches: IndicatorMatch[];
}

/** A batch as committed: its id and its alerts. */
export interface CommittedBatch {
  batchId: string;
  alerts: CommittedAlert[];
}

type Listener = (batch: CommittedBatch) => void;

/** One organisation's part of a committed batch (one `alerts.ingested` event). */
export interface BatchPart { batchId: string; orgId: string }
export const partKey = (p: BatchPart): string => `${p.batchId}|${p.orgId}`;

/** Batches read back from the database kept for the process's other consumers: at most this many (batch, organisation) parts. */
const READ_BACK_KEPT = 64;

/**
 * Hands each committed alert batch, already in memory, to the consumers in this process, so they need
 * not read it back from the database. It is a fast path only: consumers stay driven by the durable
 * outbox and fall back to the database for a batch they did not hear of (a restart, another process).
 */
export class AlertFeed {
  #listeners = new Set<Listener>();
  #readBack = new Map<string, Promise<CommittedAlert[]>>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(batch: CommittedBatch): void {
    for (const l of this.#listeners) {
      try {
        l(batch);
      } catch {
        // A consumer's fault must not fail an ingest that is already committed.
      }
    }
  }

  /**
   * A batch committed by another process, read back once for every consumer of this one (statistics,
   * promotion, campaigns and sightings led on one node each needed their own read): `read` runs for the
   * first that asks, the others share its answer. Keeps the last READ_BACK_KEPT parts; a failed read is
   * not kept. The alerts are shared: consumers read them and never change them, as with `publish`.
   */
  readBack(batchId: string, orgId: string, read: () => Promise<CommittedAlert[]>): Promise<CommittedAlert[]> {
    const key = partKey({ batchId, orgId });
    const known = this.#readBack.get(key);
    if (known) return known;
    const reading = read();
    this.#keep(key, reading);
    return reading;
  }

  /**
   * Several parts at once (a consumer catching up): those not kept are read together by `read`, one
   * statement for all of them, and kept as `readBack` keeps them.
   */
  readBackMany(parts: readonly BatchPart[], read: (missing: BatchPart[]) => Promise<Map<string, CommittedAlert[]>>): Promise<CommittedAlert[][]> {
    const missing = parts.filter((p) => !this.#readBack.has(partKey(p)));
    const reading = missing.length ? read(missing) : null;
    const answers = parts.map((p) => {
      const key = partKey(p);
      const known = this.#readBack.get(key);
      if (known) return known;
      const one = reading!.then((m) => m.get(key) ?? []);
      this.#keep(key, one);
      return one;
    });
    return Promise.all(answers);
  }

  #keep(key: string, reading: Promise<CommittedAlert[]>): void {
    this.#readBack.set(key, reading);
    reading.catch(() => this.#readBack.delete(key));
    if (this.#readBack.size > READ_BACK_KEPT) this.#readBack.delete(this.#readBack.keys().next().value!);
  }
}
