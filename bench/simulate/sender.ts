import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { IngestResult } from '@lachan/contracts';
import type { Connector } from './setup.ts';
import { FORMATS, JSON_FORMATS, type Format, type FormatStats, type RecordKind } from './types.ts';

const gzip = promisify(gzipCallback);

/** Answers after which the same batch is sent again, after Retry-After. */
const RETRY_STATUS = new Set([429, 503]);
const MAX_RETRIES = 30;
const MAX_NETWORK_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;
const MAX_SAMPLES = 12;

/** Records of one connector sent in one request. */
export interface Batch {
  connector: Connector;
  records: string[];
  kinds: RecordKind[];
}

function emptyStats(format: Format): FormatStats {
  return { format, connectors: 0, sent: 0, accepted: 0, duplicates: 0, rejected: 0, malformedSent: 0, repeatsSent: 0, validRejected: 0, malformedAccepted: 0, requests: 0, retries: 0, failedRecords: 0 };
}

/** Counters shared by the sender and the report. */
export class Stats {
  readonly byFormat = new Map<Format, FormatStats>(FORMATS.map((f) => [f, emptyStats(f)]));
  readonly latenciesMs: number[] = [];
  readonly httpErrors: Record<string, number> = {};
  readonly samples: string[] = [];
  okRequests = 0;
  failedBatches = 0;
  unsentBatches = 0;
  firstRequestAt: number | null = null;
  lastAnswerAt: number | null = null;

  of(format: Format): FormatStats {
    return this.byFormat.get(format)!;
  }

  sample(text: string): void {
    if (this.samples.length < MAX_SAMPLES) this.samples.push(text.length > 400 ? `${text.slice(0, 400)}…` : text);
  }

  error(key: string): void {
    this.httpErrors[key] = (this.httpErrors[key] ?? 0) + 1;
  }

  total(field: 'sent' | 'accepted' | 'duplicates' | 'rejected' | 'requests' | 'retries'): number {
    let n = 0;
    for (const s of this.byFormat.values()) n += s[field];
    return n;
  }
}

/** Seconds (or an HTTP date) of a Retry-After header, in ms; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null) return 1000;
  const s = header.trim();
  const ms = /^\d+(\.\d+)?$/.test(s) ? Number(s) * 1000 : Date.parse(s) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 1000;
}

/**
 * Sends batches to `POST /api/v1/ingest/{format}` with the connector's key, at most `concurrency` at
 * once; retries the same batch after Retry-After on 429/503 (and a few times on network errors);
 * checks the answer against what was sent (malformed records rejected, valid ones not).
 */
export class Sender {
  #url: string;
  #gzip: boolean;
  #concurrency: number;
  #stats: Stats;
  #queue: Batch[] = [];
  #inFlight = 0;
  #inFlightRecords = 0;
  #queuedRecords = 0;
  #abort = new AbortController();
  #deadline = Number.POSITIVE_INFINITY;
  #idle: (() => void)[] = [];

  constructor(opts: { url: string; gzip: boolean; concurrency: number; stats: Stats }) {
    this.#url = opts.url.replace(/\/+$/, '');
    this.#gzip = opts.gzip;
    this.#concurrency = opts.concurrency;
    this.#stats = opts.stats;
  }

  /** Records waiting or on the wire. */
  get pendingRecords(): number {
    return this.#queuedRecords + this.#inFlightRecords;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get queued(): number {
    return this.#queue.length;
  }

  enqueue(batch: Batch): void {
    if (batch.records.length === 0) return;
    this.#queue.push(batch);
    this.#queuedRecords += batch.records.length;
    this.#pump();
  }

  #pump(): void {
    while (this.#inFlight < this.#concurrency && this.#queue.length > 0 && !this.#abort.signal.aborted) {
      const batch = this.#queue.shift()!;
      this.#queuedRecords -= batch.records.length;
      this.#inFlight++;
      this.#inFlightRecords += batch.records.length;
      void this.#send(batch).finally(() => {
        this.#inFlight--;
        this.#inFlightRecords -= batch.records.length;
        this.#pump();
        if (this.#inFlight === 0 && this.#queue.length === 0) for (const f of this.#idle.splice(0)) f();
      });
    }
  }

  /**
   * Waits until everything queued is answered, or until `deadline` (performance.now() ms): then the
   * requests still open are aborted and what was never sent is counted as unsent.
   */
  async drain(deadline: number): Promise<void> {
    this.#deadline = deadline;
    if (this.#inFlight > 0 || this.#queue.length > 0) {
      const idle = new Promise<void>((resolve) => this.#idle.push(resolve));
      const wait = Math.max(0, deadline - performance.now());
      await Promise.race([idle, sleep(wait, undefined, { ref: false })]);
    }
    if (this.#inFlight > 0 || this.#queue.length > 0) {
      this.#stats.unsentBatches += this.#queue.length;
      for (const b of this.#queue.splice(0)) {
        this.#stats.of(b.connector.format).failedRecords += b.records.length;
        this.#queuedRecords -= b.records.length;
      }
      this.#abort.abort(new Error('drain deadline reached'));
      // The aborted requests settle at once; give them a moment to be counted.
      for (let i = 0; i < 100 && this.#inFlight > 0; i++) await sleep(20);
    }
  }

  async #send(batch: Batch): Promise<void> {
    const { connector } = batch;
    const stats = this.#stats.of(connector.format);
    stats.sent += batch.records.length;
    for (const k of batch.kinds) {
      if (k === 'malformed') stats.malformedSent++;
      else if (k === 'repeat') stats.repeatsSent++;
    }
    const text = `${batch.records.join('\n')}\n`;
    const body = this.#gzip ? await gzip(text) : text;
    const headers: Record<string, string> = {
      authorization: `Bearer ${connector.key}`,
      'content-type': JSON_FORMATS.has(connector.format) ? 'application/x-ndjson' : 'text/plain; charset=utf-8',
    };
    if (this.#gzip) headers['content-encoding'] = 'gzip';
    let networkFailures = 0;
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      if (attempt > 0) stats.retries++;
      stats.requests++;
      const t0 = performance.now();
      this.#stats.firstRequestAt ??= t0;
      let res: Response;
      let answer: string;
      try {
        res = await fetch(`${this.#url}/api/v1/ingest/${connector.format}`, { method: 'POST', headers, body, signal: AbortSignal.any([this.#abort.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) });
        answer = await res.text();
      } catch (e) {
        const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
        if (this.#abort.signal.aborted || ++networkFailures > MAX_NETWORK_RETRIES || performance.now() + 500 > this.#deadline) {
          this.#stats.error(this.#abort.signal.aborted ? 'aborted' : 'network');
          this.#stats.sample(`${connector.format} ${connector.reporter.slug}: request failed: ${reason}`);
          return this.#fail(batch);
        }
        try {
          await sleep(500 * networkFailures, undefined, { signal: this.#abort.signal });
        } catch {
          return this.#fail(batch);
        }
        continue;
      }
      const t1 = performance.now();
      this.#stats.lastAnswerAt = t1;
      if (res.status === 202) {
        this.#stats.okRequests++;
        this.#stats.latenciesMs.push(t1 - t0);
        this.#check(batch, JSON.parse(answer) as IngestResult);
        return;
      }
      this.#stats.error(String(res.status));
      if (RETRY_STATUS.has(res.status)) {
        const wait = retryAfterMs(res.headers.get('retry-after'));
        if (attempt < MAX_RETRIES && performance.now() + wait < this.#deadline) {
          try {
            await sleep(wait, undefined, { signal: this.#abort.signal });
          } catch {
            return this.#fail(batch);
          }
          continue;
        }
      }
      this.#stats.sample(`${connector.format} ${connector.reporter.slug}: HTTP ${res.status} ${answer}`);
      return this.#fail(batch);
    }
    this.#fail(batch);
  }

  #fail(batch: Batch): void {
    this.#stats.failedBatches++;
    this.#stats.of(batch.connector.format).failedRecords += batch.records.length;
  }

  /** Adds the answer to the counters and compares the rejections with the malformed records sent. */
  #check(batch: Batch, r: IngestResult): void {
    const stats = this.#stats.of(batch.connector.format);
    stats.accepted += r.accepted;
    stats.duplicates += r.duplicates;
    stats.rejected += r.rejected;
    const rejectedMalformed = new Set<number>();
    for (const e of r.errors) {
      if (batch.kinds[e.index] === 'malformed') rejectedMalformed.add(e.index);
      else {
        stats.validRejected++;
        this.#stats.sample(`${batch.connector.format}: valid record rejected (${e.code}: ${e.message}): ${batch.records[e.index] ?? '?'}`);
      }
    }
    if (r.errors.length === r.rejected) {
      batch.kinds.forEach((k, i) => {
        if (k === 'malformed' && !rejectedMalformed.has(i)) {
          stats.malformedAccepted++;
          this.#stats.sample(`${batch.connector.format}: malformed record accepted: ${batch.records[i]!}`);
        }
      });
    }
  }
}
