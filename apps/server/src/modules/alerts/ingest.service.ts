import type { AlertFormat, StoredAlertFormat, IngestResult, NormalizedAlert, QuarantineReplayResult } from '@lachan/contracts';
import { parseAlert, splitRecords, type ParseOutcome } from '@lachan/parsers';
import { MAX_ERRORS_RETURNED, parseRecords, type ParsedRecord } from './parse-records.ts';
import type { RequestContext } from '../../core/context.ts';
import { canRead } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden } from '../../core/errors.ts';
import type { AlertsParts } from './alerts-parts.ts';
import { refusalReason } from '../../common/database-refusal.ts';
import { capturingOutbox } from '../events/index.ts';
import { AssetCache } from './asset-cache.ts';
import { batchRepository, type QuarantineEntry } from './batch.repository.ts';
import { IngestGate } from './ingest-gate.ts';
import { FingerprintCache } from './fingerprint-cache.ts';
import { prepareAlerts, type Reporter } from './prepare.ts';
import { sourcesRepository } from './sources.repository.ts';
import { quarantineRepository, type QuarantineRow } from './quarantine.repository.ts';
import type { PreparedAlert } from './alert-row.ts';
import type { CommittedBatch } from '../../common/alert-feed.ts';
import { writeIngestEvents } from './ingest-events.ts';
import { scriptable, storeScripted, storeStepwise, type BatchOf, type Counts, type PlannedBatch, type StoredHook } from './store-batches.ts';
import { committedBatch } from './committed-batch.ts';
import { AlertPartitions } from './partitions.ts';
import { IdReserve } from './id-reserve.ts';

/**
 * SQLSTATE classes after which a batch stored in scripts is stored again statement by statement: the
 * database refused something (data 22, integrity 23 such as a unique clash, cardinality 21, program
 * limits 54) or rolled the transaction back itself (40: serialization, deadlock).
 */
const RETRIED_STEPWISE = new Set(['21', '22', '23', '40', '54']);
export type { StoredHook } from './store-batches.ts';

/**
 * The alert pipeline of ARCHITECTURE.md §5: split, parse, normalise, attribute, fingerprint and fold
 * repeats, persist in one transaction (alerts, quarantine, counters, events) and only then answer.
 */
export class IngestService {
  #p: AlertsParts;
  readonly assets: AssetCache;
  readonly gate: IngestGate;
  readonly fingerprints: FingerprintCache;
  readonly partitions: AlertPartitions;
  #sources = new Map<string, string>();
  #storedHooks: StoredHook[] = [];
  #ids: IdReserve;

  constructor(parts: AlertsParts) {
    this.#p = parts;
    this.#ids = new IdReserve(parts.db);
    this.fingerprints = new FingerprintCache(parts.db);
    this.assets = new AssetCache(parts.db);
    this.partitions = new AlertPartitions(parts.db);
    this.gate = new IngestGate(parts.config.ingestMaxRunning, parts.config.ingestMaxQueued);
  }

  /** Runs `hook` inside every transaction that stores alerts. */
  onStored(hook: StoredHook): void {
    this.#storedHooks.push(hook);
  }

  /**
   * Ingest over HTTP: a connector API key sends one body in one format. `history`: an archive of past
   * alerts, stored and counted on the days they happened but not acted on as live activity.
   */
  async ingestHttp(ctx: RequestContext, format: AlertFormat, body: string, contentType: string | undefined, history = false): Promise<IngestResult> {
    requirePermission(ctx, 'alerts.ingest');
    if (ctx.actor.type !== 'apikey' || !ctx.actor.id) throw forbidden('alerts are sent with a connector API key');
    const sourceId = await this.#sourceOf({ id: ctx.actor.id, name: ctx.actor.name, orgId: ctx.actor.orgId }, format);
    const split = splitRecords(format, body, contentType);
    // A body that cannot even be cut into records is kept whole in the quarantine, not refused.
    if ('error' in split) return this.gate.run(() => this.ingestRecords({ ctx, format, records: [], sourceId, history, unsplittable: { ...split.error, raw: body } }), 1, body.length);
    return this.gate.run(() => this.ingestRecords({ ctx, format, records: split.records, sourceId, history }), split.records.length, body.length);
  }

  /** The connector of the calling API key for `format`, made on first use (another module's ingest route). */
  async sourceForKey(ctx: RequestContext, format: StoredAlertFormat): Promise<string> {
    if (ctx.actor.type !== 'apikey' || !ctx.actor.id) throw forbidden('alerts are sent with a connector API key');
    return this.#sourceOf({ id: ctx.actor.id, name: ctx.actor.name, orgId: ctx.actor.orgId }, format);
  }

  /**
   * An exercise inject's alerts, sent as if by the team's own connector: a connector of the exercise is
   * made for them, then they take the same path as any batch (parse, attribute, fold, store, events).
   */
  async ingestExercise(x: { exerciseId: string; orgId: string; connector: string; format: AlertFormat; records: string[] }): Promise<IngestResult & { sourceId: string }> {
    const sourceId = await sourcesRepository.forExercise(this.#p.db, { exerciseId: x.exerciseId, orgId: x.orgId, name: x.connector, format: x.format });
    const ctx: RequestContext = {
      actor: { type: 'system', id: null, name: x.connector, orgId: x.orgId, role: 'connector' },
      scope: { all: false, manage: new Set([x.orgId]), read: new Set([x.orgId]) },
      ip: null, requestId: null,
    };
    return { ...(await this.gate.run(() => this.ingestRecords({ ctx, format: x.format, records: x.records, sourceId, exerciseId: x.exerciseId }), x.records.length)), sourceId };
  }

  /**
   * One exercise inject's alerts for several teams at once, each as if by the team's own connector:
   * the connectors are made in one statement and every team's batch is stored in one transaction
   * (each with its own events, as separate batches would have), so an inject reaches 34 teams as fast
   * as one. Should the database refuse the whole, each team's batch takes the ordinary path alone.
   */
  async ingestExerciseTeams(x: { exerciseId: string; connector: string; format: AlertFormat; teams: readonly { orgId: string; records: string[] }[] }): Promise<Map<string, IngestResult & { sourceId: string }>> {
    const out = new Map<string, IngestResult & { sourceId: string }>();
    if (!x.teams.length) return out;
    const sourceIds = await sourcesRepository.forExerciseTeams(this.#p.db, { exerciseId: x.exerciseId, name: x.connector, format: x.format, orgIds: x.teams.map((t) => t.orgId) });
    await this.#p.orgTree.ensure();
    await this.fingerprints.ensure();
    const assets = await this.assets.get();
    const receivedAt = new Date();
    const parts: { b: BatchOf; prepared: PreparedAlert[]; quarantine: QuarantineEntry[]; errors: IngestResult['errors']; records: string[] }[] = [];
    for (const [n, t] of x.teams.entries()) {
      const { parsed, rejected: quarantine, errors } = await parseRecords(x.format, t.records, receivedAt);
      const reporter: Reporter = { orgId: t.orgId, mayAttribute: (orgId) => orgId === t.orgId, dedupKey: `${t.orgId}|exercise:${x.exerciseId}` };
      const { prepared } = prepareAlerts(parsed, { reporter, assets, orgs: this.#p.orgTree, receivedAt, bucketSeconds: this.#p.config.dedupWindowSeconds, indicators: this.#p.indicators });
      const b: BatchOf = { reporterOrgId: t.orgId, sourceId: sourceIds[n]!, format: x.format, receivedAt, history: false, exerciseId: x.exerciseId };
      parts.push({ b, prepared, quarantine, errors, records: t.records });
    }
    try {
      const counts = await this.#commitAll(parts);
      parts.forEach((p, i) => out.set(p.b.reporterOrgId, { ...counts[i]!, errors: p.errors, sourceId: p.b.sourceId }));
    } catch (err) {
      if (refusalReason(err) === null) throw err;
      for (const p of parts) {
        const ctx: RequestContext = {
          actor: { type: 'system', id: null, name: x.connector, orgId: p.b.reporterOrgId, role: 'connector' },
          scope: { all: false, manage: new Set([p.b.reporterOrgId]), read: new Set([p.b.reporterOrgId]) }, ip: null, requestId: null,
        };
        out.set(p.b.reporterOrgId, { ...(await this.ingestRecords({ ctx, format: x.format, records: p.records, sourceId: p.b.sourceId, exerciseId: x.exerciseId })), sourceId: p.b.sourceId });
      }
    }
    return out;
  }

  /** The connector of an API key and format: looked up (or created) once, then remembered. */
  async #sourceOf(key: { id: string; name: string; orgId: string }, format: StoredAlertFormat): Promise<string> {
    const cacheKey = `${key.id}|${format}`;
    let id = this.#sources.get(cacheKey);
    if (!id) {
      id = await sourcesRepository.forApiKey(this.#p.db, key, format);
      this.#sources.set(cacheKey, id);
    }
    return id;
  }

  /** Parses and stores records of one source; the answer comes after the commit. */
  async ingestRecords(input: {
    ctx: RequestContext; format: StoredAlertFormat; records: string[]; sourceId: string; history?: boolean; exerciseId?: string; unsplittable?: QuarantineEntry;
    /** The records' parse outcomes when the caller already parsed them (same order), so they are not parsed twice. */
    outcomes?: ParseOutcome[];
  }): Promise<IngestResult> {
    const { ctx, format, records, sourceId } = input;
    const receivedAt = new Date();
    const { parsed, rejected, errors } = await parseRecords(format, records, receivedAt, input.outcomes);
    if (input.unsplittable) {
      rejected.unshift(input.unsplittable);
      errors.unshift({ index: 0, code: input.unsplittable.code, message: input.unsplittable.message });
    }
    await this.#p.orgTree.ensure();
    const reporter: Reporter = {
      orgId: ctx.actor.orgId, mayAttribute: (orgId) => canRead(ctx.scope, orgId),
      // An exercise's alerts never fold into a real alert (nor a real one into them).
      ...(input.exerciseId ? { dedupKey: `${ctx.actor.orgId}|exercise:${input.exerciseId}` } : {}),
    };
    const { prepared, slot } = prepareAlerts(parsed, { reporter, assets: await this.assets.get(), orgs: this.#p.orgTree, receivedAt, bucketSeconds: this.#p.config.dedupWindowSeconds, indicators: this.#p.indicators });
    await this.fingerprints.ensure();
    const batch: BatchOf = { reporterOrgId: ctx.actor.orgId, sourceId, format, receivedAt, history: input.history === true, exerciseId: input.exerciseId ?? null };
    try {
      return { ...(await this.#commit(batch, prepared, rejected)), errors };
    } catch (err) {
      if (prepared.length === 0 || refusalReason(err) === null) throw err;
    }
    const inputsOf = new Map<PreparedAlert, ParsedRecord[]>();
    parsed.forEach((r, i) => {
      const p = prepared[slot[i]!]!;
      (inputsOf.get(p) ?? inputsOf.set(p, []).get(p)!).push(r);
    });
    const counts = await this.#commitInParts(batch, prepared, rejected, inputsOf, errors);
    errors.sort((a, b) => a.index - b.index);
    return { ...counts, errors: errors.slice(0, MAX_ERRORS_RETURNED) };
  }

  /**
   * Stores prepared alerts and quarantined records in one transaction (alerts, quarantine, source
   * counters, events), then tells the alert feed and the relay. Counts are of input records.
   */
  async #commit(b: BatchOf, prepared: PreparedAlert[], quarantine: QuarantineEntry[]): Promise<Counts> {
    return (await this.#commitAll([{ b, prepared, quarantine }]))[0]!;
  }

  /**
   * Stores several batches (each of its own reporter and source) in one transaction, each with its own
   * events, exactly as if committed one after the other; counts per batch, in order.
   */
  async #commitAll(parts: readonly { b: BatchOf; prepared: PreparedAlert[]; quarantine: QuarantineEntry[] }[]): Promise<Counts[]> {
    const known = (day: string, fp: string) => this.fingerprints.has(day, fp);
    const planned: PlannedBatch[] = [];
    for (const { b, prepared, quarantine } of parts) {
      // Every alert of a batch is filed under the day it was received.
      const copyInto = prepared.length ? await this.partitions.tableFor(prepared[0]!.day) : undefined;
      const rowContext = { reporterOrgId: b.reporterOrgId, sourceId: b.sourceId, receivedAt: b.receivedAt.toISOString() };
      planned.push({ b, prepared, quarantine, copyInto, rowContext, plan: await batchRepository.plan(this.#ids, prepared, rowContext, known, this.fingerprints.lookFirst) });
    }
    const store = (how: typeof storeScripted) => capturingOutbox(() => this.#p.database.rawTransaction((tx) => how(tx, planned, this.#storedHooks)));
    let done: Awaited<ReturnType<typeof store>> | undefined;
    if (scriptable(planned)) {
      try {
        done = await store(storeScripted);
      } catch (err) {
        // The database refused a statement and the transaction was rolled back: most often a COPY that met
        // alerts another process stored meanwhile. Stepwise, the batches take every fallback (or fail for
        // good). A lost connection is not retried: the transaction may have committed.
        if (!RETRIED_STEPWISE.has(String((err as { code?: unknown }).code).slice(0, 2))) throw err;
      }
    }
    const { result: committed, events } = done ?? (await store(storeStepwise));
    for (const [i, { prepared, plan, rowContext }] of planned.entries()) {
      if (plan.storedElsewhere) this.fingerprints.storedElsewhere();
      for (const p of prepared) this.fingerprints.add(p.day, p.fingerprint);
      this.#p.alertFeed.publish(committedBatch(plan.batchId, rowContext.reporterOrgId, rowContext.receivedAt, prepared, committed[i]!.stored));
    }
    this.#p.relay.publishCommitted(events);
    return committed.map((c) => c.counts);
  }

  /**
   * The database refused the batch for a value no check before it foresaw: store it in halves, down to
   * the single alerts it refuses, whose records go to the quarantine with the database's reason. The
   * answer still comes only after everything is committed.
   */
  async #commitInParts(b: BatchOf, prepared: PreparedAlert[], rejected: QuarantineEntry[], inputsOf: Map<PreparedAlert, ParsedRecord[]>, errors: IngestResult['errors']): Promise<Counts> {
    const total: Counts = { accepted: 0, duplicates: 0, rejected: 0 };
    const refused: QuarantineEntry[] = [];
    const add = (c: Counts) => {
      total.accepted += c.accepted;
      total.duplicates += c.duplicates;
      total.rejected += c.rejected;
    };
    const attempt = async (part: PreparedAlert[]): Promise<void> => {
      try {
        add(await this.#commit(b, part, []));
      } catch (err) {
        const reason = refusalReason(err);
        if (reason === null) throw err;
        if (part.length > 1) {
          const half = Math.ceil(part.length / 2);
          await attempt(part.slice(0, half));
          return attempt(part.slice(half));
        }
        for (const r of inputsOf.get(part[0]!) ?? []) {
          refused.push({ code: 'refused_by_database', message: reason, raw: r.raw });
          errors.push({ index: r.index, code: 'refused_by_database', message: reason });
        }
      }
    };
    const half = Math.ceil(prepared.length / 2);
    await attempt(prepared.slice(0, half));
    await attempt(prepared.slice(half));
    add(await this.#commit(b, [], [...rejected, ...refused]));
    return total;
  }

  /**
   * Parses quarantined records again (after a parser fix) and stores those that now pass as alerts of
   * their original reporter; the rest stay quarantined with their new reason and one more attempt.
   */
  async replay(rows: QuarantineRow[]): Promise<QuarantineReplayResult> {
    const result: QuarantineReplayResult = { replayed: 0, stillFailing: 0, duplicates: 0 };
    const groups = new Map<string, QuarantineRow[]>();
    for (const r of rows) {
      const key = `${r.org_id}|${r.source_id}|${r.format}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    await this.#p.orgTree.ensure();
    const assets = await this.assets.get();
    const batches: CommittedBatch[] = [];
    for (const group of groups.values()) {
      const { org_id: orgId, source_id: sourceId, format } = group[0]!;
      const receivedAt = new Date();
      const outcomes = group.map((r) => ({ row: r, out: parseAlert(format as StoredAlertFormat, r.raw, { receivedAt }) }));
      const passing = outcomes.filter((o) => o.out.ok);
      const scope = this.#p.orgTree.scopeFor(orgId, 'connector');
      const reporter: Reporter = { orgId, mayAttribute: (id) => scope.read.has(id) };
      const { prepared, slot } = prepareAlerts(
        passing.map((o) => ({ alert: (o.out as { alert: NormalizedAlert }).alert, raw: o.row.raw })),
        { reporter, assets, orgs: this.#p.orgTree, receivedAt, bucketSeconds: this.#p.config.dedupWindowSeconds, indicators: this.#p.indicators },
      );
      const rowContext = { reporterOrgId: orgId, sourceId, receivedAt: receivedAt.toISOString() };
      const plan = await batchRepository.plan(this.#ids, prepared, rowContext);
      const batchId = plan.batchId;
      await this.#p.database.rawTransaction(async (tx) => {
        const stored = await batchRepository.storeAlerts(tx, prepared, plan, rowContext);
        for (const hook of this.#storedHooks) await hook(tx, rowContext, prepared, stored);
        for (let i = 0; i < passing.length; i++) {
          const s = stored[slot[i]!]!;
          await quarantineRepository.markReplayed(tx, passing[i]!.row.id, s.day, s.id);
        }
        for (const o of outcomes) if (!o.out.ok) await quarantineRepository.markFailedAgain(tx, o.row.id, o.out.code, o.out.message);
        await writeIngestEvents(tx, prepared, stored, { batchId, reporterOrgId: orgId, sourceId, rejected: 0, history: false, exerciseId: null });
        batches.push(committedBatch(batchId, orgId, receivedAt.toISOString(), prepared, stored));
        const inserted = stored.filter((x) => x.inserted).length;
        result.replayed += passing.length;
        result.duplicates += passing.length - inserted;
        result.stillFailing += outcomes.length - passing.length;
      });
    }
    for (const b of batches) this.#p.alertFeed.publish(b);
    this.#p.relay.wake();
    return result;
  }
}
