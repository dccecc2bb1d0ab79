import type { Readable } from 'node:stream';
import { validateObject } from '@lachan/stix';
import { requirePermission } from '../../core/authorize.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import { refusalReason } from '../../common/database-refusal.ts';
import { unstorableJson } from '../../common/storable-json.ts';
import type { IntelParts } from './intel-parts.ts';
import { bundleObjects, type BundleReadState } from './bundle-stream.ts';
import { intakeRunsRepository, type IntakeKind, type IntakeRunRow, type RunDelta } from './intake-runs.repository.ts';
import { writerOf, type StixWriter } from './intel.policy.ts';
import { stixObjectsRepository, type StoredVersion } from './stix-objects.repository.ts';
import { decideWrites, toStored } from './stix-writes.ts';
import { suppressedValues } from './indicator-scores.ts';
import { warninglistsFrom } from './warninglist-files.ts';

/** Objects stored per transaction: a failing chunk never undoes the ones before it. */
export const CHUNK = 1000;

/** Largest bundle accepted in one request. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

/** Imports STIX bundles (and ATT&CK) into the knowledge base as background intake runs. */
export class IntakeService {
  readonly #p: Pick<IntelParts, 'db' | 'relay' | 'database' | 'config'>;
  readonly #running = new Map<string, Promise<void>>();

  constructor(parts: Pick<IntelParts, 'db' | 'relay' | 'database' | 'config'>) {
    this.#p = parts;
  }

  /**
   * Read a STIX 2.1 bundle from the request body as it arrives, storing its objects CHUNK by CHUNK and
   * recording bytes and counts on the run as it goes. Objects are held back only until the top-level
   * `"type": "bundle"` has been read (writers put it first); a body that never says so stores nothing.
   */
  async streamBundle(ctx: RequestContext, body: Readable, bytesTotal: number | null, kind: Extract<IntakeKind, 'bundle' | 'attack'>, exerciseId: string | null = null): Promise<string> {
    // ATT&CK is the national reference every organisation reads technique names from: only the centre replaces it.
    requirePermission(ctx, kind === 'attack' ? 'intel.manage' : 'intel.write');
    if (bytesTotal !== null && bytesTotal > MAX_BUNDLE_BYTES) throw new AppError(413, 'payload_too_large', `the bundle is larger than ${MAX_BUNDLE_BYTES} bytes`);
    if (exerciseId !== null) {
      // Knowledge added in an exercise: only by a team of a run under way, and it stays the exercise's.
      if (kind !== 'bundle') throw invalid('only a bundle is added in an exercise');
      if (!(await intakeRunsRepository.playsExercise(this.#p.db, exerciseId, ctx.actor.orgId))) throw notFound('exercise (under way, with your organisation as a team)');
    }
    const runId = await this.startRun(ctx, kind, exerciseId ? 'exercise' : kind, bytesTotal);
    const writer: StixWriter = { ...writerOf(ctx), exerciseId };
    const state: BundleReadState = { bytes: 0, isBundle: false };
    let pending: unknown[] = [];
    let offset = 0;
    const flush = async (): Promise<void> => {
      await this.storeObjects(runId, writer, pending, offset, state.bytes);
      offset += pending.length;
      pending = [];
    };
    try {
      for await (const o of bundleObjects(body, MAX_BUNDLE_BYTES, state)) {
        pending.push(o);
        if (pending.length >= CHUNK && state.isBundle) await flush();
      }
      if (!state.isBundle) throw new AppError(400, 'validation_failed', 'the body must be a STIX bundle {"type": "bundle", "objects": [...]}');
      await flush();
      await intakeRunsRepository.finish(this.#p.db, runId, 'done', state.id);
      return runId;
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError(400, 'validation_failed', `the bundle is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      await intakeRunsRepository.progress(this.#p.db, runId, { received: 0, stored: 0, duplicates: 0, invalid: 0, errors: [{ index: offset + pending.length, message: err.message }], bytesRead: state.bytes });
      await intakeRunsRepository.finish(this.#p.db, runId, 'failed');
      throw new AppError(err.status, err.code, err.message, { runId });
    }
  }

  /** Open a run, audited, for any kind of intake. */
  async startRun(ctx: RequestContext, kind: IntakeKind, source: string, bytesTotal: number | null = null): Promise<string> {
    return transact(this.#p, async (tx) => {
      const id = await intakeRunsRepository.start(tx, { kind, source, orgId: ctx.actor.orgId, bytesTotal, runner: this.#p.database.presence.mark });
      await recordChange(tx, ctx, { action: 'intel.intake_started', entityType: 'intel_intake_run', entityId: id, orgId: ctx.actor.orgId, after: { kind, source } });
      return id;
    });
  }

  /**
   * Run `work` after the response; the run ends done, or failed when `work` throws. Nothing awaits the
   * promise, so it must settle whatever happens: when even recording the failure fails (the database
   * is unreachable), the run keeps its last recorded state rather than raising an unhandled rejection.
   */
  background(runId: string, work: (runId: string) => Promise<void>): void {
    const p = work(runId)
      .then(() => intakeRunsRepository.finish(this.#p.db, runId, 'done'))
      .catch(async (e: unknown) => {
        await intakeRunsRepository.progress(this.#p.db, runId, { received: 0, stored: 0, duplicates: 0, invalid: 0, errors: [{ index: -1, message: String(e) }] });
        await intakeRunsRepository.finish(this.#p.db, runId, 'failed');
      })
      .catch(() => {})
      .finally(() => this.#running.delete(runId));
    this.#running.set(runId, p);
  }

  /**
   * Validate and store objects chunk by chunk, counting the refused ones with their reason (invalid, or
   * another organisation's object: only its owner or the centre versions it) and noting warninglisted
   * indicator values. `writer` is the caller, or for a feed its owning organisation.
   */
  async storeObjects(runId: string, writer: StixWriter, objects: unknown[], offset = 0, bytesRead?: number): Promise<void> {
    const lists = warninglistsFrom(this.#p.config.intelWarninglistsDir);
    for (let start = 0; start < objects.length || (start === 0 && bytesRead !== undefined); start += CHUNK) {
      const chunk = objects.slice(start, start + CHUNK);
      const delta: RunDelta = { received: chunk.length, stored: 0, duplicates: 0, invalid: 0, errors: [], notes: [], ...(bytesRead !== undefined ? { bytesRead } : {}) };
      const ready: Array<{ index: number; v: StoredVersion }> = [];
      chunk.forEach((o, i) => {
        const unstorable = unstorableJson(o);
        const errs = unstorable === null ? validateObject(o) : [unstorable];
        if (errs.length > 0) {
          delta.invalid++;
          delta.errors.push({ index: offset + start + i, message: errs.join('; ') });
        } else {
          const obj = o as Record<string, unknown>;
          ready.push({ index: offset + start + i, v: { ...toStored(obj, writer.orgId), exerciseId: writer.exerciseId ?? null } });
          if (obj.type === 'indicator') {
            for (const x of suppressedValues(obj, lists)) delta.notes!.push({ index: offset + start + i, message: `${obj.id as string}: ${x.value} is on warninglist "${x.list}", so it is neither matched nor exported` });
          }
        }
      });
      await this.#storeChunk(writer, ready, delta);
      await intakeRunsRepository.progress(this.#p.db, runId, delta);
    }
  }

  /**
   * One transaction for the chunk; when the database refuses a value in it (see database-refusal.ts),
   * each object again in its own, so only the refused ones are counted invalid, with the reason.
   */
  async #storeChunk(writer: StixWriter, ready: Array<{ index: number; v: StoredVersion }>, delta: RunDelta): Promise<void> {
    const storeAll = (items: typeof ready) => transact(this.#p, async (tx) => {
      const out = { stored: 0, duplicates: 0, refused: [] as Array<{ index: number; message: string }> };
      const decisions = await decideWrites(tx, writer, items.map((r) => r.v));
      for (const [i, d] of decisions.entries()) {
        if (d.kind === 'refused') out.refused.push({ index: items[i]!.index, message: d.message });
        else if (d.kind === 'store' && (await stixObjectsRepository.insert(tx, d.v))) out.stored++;
        else out.duplicates++;
      }
      return out;
    });
    const count = (done: Awaited<ReturnType<typeof storeAll>>) => {
      delta.stored += done.stored;
      delta.duplicates += done.duplicates;
      delta.invalid += done.refused.length;
      delta.errors.push(...done.refused);
    };
    try {
      count(await storeAll(ready));
      return;
    } catch (e) {
      if (refusalReason(e) === null && !(e instanceof RangeError)) throw e;
    }
    for (const r of ready) {
      try {
        count(await storeAll([r]));
      } catch (e) {
        const reason = refusalReason(e) ?? (e instanceof RangeError ? `it cannot be stored: ${e.message}` : null);
        if (reason === null) throw e;
        delta.invalid++;
        delta.errors.push({ index: r.index, message: `${r.v.id}: ${reason}` });
      }
    }
  }

  /** Wait for the background runs in flight (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#running.values()]);
  }

  /** Runs of the caller's organisations (every run for the national centre), newest first. */
  async runs(ctx: RequestContext): Promise<IntakeRunRow[]> {
    requirePermission(ctx, 'intel.read');
    return intakeRunsRepository.list(this.#p.db, ctx.scope.all ? null : [...ctx.scope.read], 100);
  }

  /** One run with its progress, if the caller's organisations reach it. */
  async run(ctx: RequestContext, id: string): Promise<IntakeRunRow> {
    requirePermission(ctx, 'intel.read');
    const r = /^[0-9a-f-]{36}$/i.test(id) ? await intakeRunsRepository.get(this.#p.db, id) : undefined;
    if (!r || !(ctx.scope.all || ctx.scope.read.has(r.org_id))) throw notFound('intake run');
    return r;
  }
}
