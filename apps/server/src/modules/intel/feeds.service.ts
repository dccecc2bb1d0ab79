import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { sql } from 'kysely';
import { requirePermission } from '../../core/authorize.ts';
import { recordChange, transact } from '../events/index.ts';
import { systemContext, type RequestContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import type { IntelParts } from './intel-parts.ts';
import type { IntakeService } from './intake.service.ts';
import { intakeRunsRepository } from './intake-runs.repository.ts';
import { checkRemoteUrl, fetchRemote, openSecret, sealSecret } from './remote-fetch.ts';
import { authorizationHeader, pullPages } from './taxii-pull.ts';
import type { StixWriter } from './intel.policy.ts';
import { describeCounts, freetextPattern, mispEventToStix, stableId, type MispEvent } from './misp.ts';

/** A registered feed; for `taxii`, `location` is the API root and `credentials` the sealed secret (never returned). */
export interface FeedRow {
  id: string; name: string; kind: 'misp' | 'csv' | 'taxii'; location: string; org_id: string; interval_minutes: number; last_run_at: string | null;
  collection_id: string | null; credentials: string | null; cursor: string | null; page_size: number;
}

/** What registering a feed takes; TAXII sources name the remote collection and how to sign in. */
export interface FeedInput {
  name: string; kind: 'misp' | 'csv' | 'taxii'; location: string; intervalMinutes?: number;
  collectionId?: string; auth?: Parameters<typeof authorizationHeader>[0]; pageSize?: number;
}

/** Feed registration and runs: MISP feeds (manifest + event files) and one-value-per-line feeds. */
export class FeedsService {
  readonly #p: Pick<IntelParts, 'db' | 'relay' | 'config'>;
  readonly #intake: IntakeService;
  /** Runs the feeds whose interval elapsed, once a minute, when started. */
  readonly scheduler: PeriodicTask;

  constructor(parts: Pick<IntelParts, 'db' | 'relay' | 'config'>, intake: IntakeService) {
    this.#p = parts;
    this.#intake = intake;
    this.scheduler = new PeriodicTask(60_000, () => this.runDue());
  }

  /** Register a feed; a local directory must lie under the configured feed root. */
  async register(ctx: RequestContext, input: FeedInput): Promise<string> {
    requirePermission(ctx, 'intel.write');
    if (input.kind === 'taxii' && !input.collectionId) throw new AppError(422, 'validation_failed', 'a TAXII source needs the collection id');
    if (/^https?:\/\//.test(input.location) || input.kind === 'taxii') checkRemoteUrl(input.location, this.#p.config.intelAllowedHosts);
    else this.localPath(input.location, '');
    const credentials = input.auth ? sealSecret(authorizationHeader(input.auth), this.#p.config.intelCredentialsKey) : null;
    return transact(this.#p, async (tx) => {
      const r = await sql<{ id: string }>`insert into intel_feeds (name, kind, location, org_id, interval_minutes, collection_id, auth_kind, credentials, page_size)
        values (${input.name}, ${input.kind}, ${input.location}, ${ctx.actor.orgId}, ${input.intervalMinutes ?? 60}, ${input.collectionId ?? null},
          ${input.auth?.kind ?? null}, ${credentials}, ${input.pageSize ?? 1000}) returning id`.execute(tx);
      const id = r.rows[0]!.id;
      const { auth, ...shown } = input;
      await recordChange(tx, ctx, { action: 'intel.feed_registered', entityType: 'intel_feed', entityId: id, orgId: ctx.actor.orgId, after: { ...shown, auth: auth?.kind ?? null } });
      return id;
    });
  }

  /** Start a run of one feed the caller's organisations own; answers the run id. */
  async run(ctx: RequestContext, id: string): Promise<string> {
    requirePermission(ctx, 'intel.write');
    const f = /^[0-9a-f-]{36}$/i.test(id) ? (await sql<FeedRow>`select * from intel_feeds where id = ${id}`.execute(this.#p.db)).rows[0] : undefined;
    if (!f || !(ctx.scope.all || ctx.scope.manage.has(f.org_id))) throw notFound('feed');
    return this.start(ctx, f);
  }

  /** Run every feed whose interval has elapsed (the periodic task). */
  async runDue(): Promise<number> {
    const due = await sql<FeedRow>`select * from intel_feeds
      where last_run_at is null or last_run_at + make_interval(mins => interval_minutes) <= now()`.execute(this.#p.db);
    for (const f of due.rows) await this.start(systemContext(f.org_id, 'intel feeds'), f);
    return due.rows.length;
  }

  private async start(ctx: RequestContext, f: FeedRow): Promise<string> {
    await sql`update intel_feeds set last_run_at = now() where id = ${f.id}`.execute(this.#p.db);
    const runId = await this.#intake.startRun(ctx, f.kind === 'taxii' ? 'taxii_pull' : f.kind, f.name);
    this.#intake.background(runId, (rid) => (f.kind === 'misp' ? this.runMisp(rid, f) : f.kind === 'taxii' ? this.runTaxii(rid, f) : this.runLines(rid, f)));
    return runId;
  }

  /** What a feed brings belongs to the feed's organisation, and never versions another organisation's objects, whoever runs it. */
  private writer(f: FeedRow): StixWriter {
    return { orgId: f.org_id, mayVersionOthers: false };
  }

  /** Each event file on its own: one that cannot be read or parsed is counted, the rest go on. */
  private async runMisp(runId: string, f: FeedRow): Promise<void> {
    const manifest = JSON.parse(await this.read(f.location, 'manifest.json')) as Record<string, unknown>;
    let index = 0;
    for (const uuid of Object.keys(manifest)) {
      try {
        const e = (JSON.parse(await this.read(f.location, `${uuid}.json`)) as { Event?: MispEvent }).Event;
        if (!e) throw new Error('no Event member');
        const { objects, counts } = mispEventToStix(e);
        await intakeRunsRepository.progress(this.#p.db, runId, { received: 0, stored: 0, duplicates: 0, invalid: 0, errors: [], notes: [{ index, message: `event ${uuid}: ${describeCounts(counts)}` }] });
        await this.#intake.storeObjects(runId, this.writer(f), objects, index);
        index += objects.length;
      } catch (err) {
        await intakeRunsRepository.progress(this.#p.db, runId, { received: 1, stored: 0, duplicates: 0, invalid: 1, errors: [{ index, message: `event ${uuid}: ${String(err)}` }] });
      }
    }
  }

  /** One value per line, its type detected; unrecognised lines are counted invalid. */
  private async runLines(runId: string, f: FeedRow): Promise<void> {
    const text = await this.read(f.location, '');
    const now = new Date().toISOString();
    const objects: unknown[] = [];
    for (const line of text.split(/\r?\n/)) {
      const v = line.split(',')[0]!.trim();
      if (v === '' || v.startsWith('#')) continue;
      const pattern = freetextPattern(v);
      objects.push(pattern
        ? { type: 'indicator', spec_version: '2.1', id: stableId('indicator', `${f.id}:${v}`), created: now, modified: now, name: v, pattern, pattern_type: 'stix', valid_from: now, indicator_types: ['malicious-activity'] }
        : { type: 'unrecognised', value: v });
    }
    await this.#intake.storeObjects(runId, this.writer(f), objects);
  }

  /** Page by page from after the last cursor; the cursor moves after each stored page, so a failure resumes there. */
  private async runTaxii(runId: string, f: FeedRow): Promise<void> {
    const authorization = f.credentials === null ? null : openSecret(f.credentials, this.#p.config.intelCredentialsKey);
    let index = 0;
    for await (const page of pullPages({ apiRoot: f.location, collectionId: f.collection_id!, authorization, addedAfter: f.cursor, pageSize: f.page_size }, this.#p.config.intelAllowedHosts)) {
      await this.#intake.storeObjects(runId, this.writer(f), page.objects, index);
      index += page.objects.length;
      if (page.dateAddedLast) await sql`update intel_feeds set cursor = ${page.dateAddedLast} where id = ${f.id}`.execute(this.#p.db);
    }
  }

  private async read(location: string, file: string): Promise<string> {
    if (/^https?:\/\//.test(location)) {
      const url = file === '' ? location : new URL(file, location.endsWith('/') ? location : `${location}/`).toString();
      return (await fetchRemote(url, this.#p.config.intelAllowedHosts)).text();
    }
    return readFile(this.localPath(location, file), 'utf8');
  }

  /** A path under the configured root, refusing anything that escapes it. */
  private localPath(location: string, file: string): string {
    const root = this.#p.config.intelFeedRoot;
    if (root === null) throw new AppError(422, 'validation_failed', 'local feeds are not enabled (LACHAN_INTEL_FEED_ROOT)');
    const p = resolve(root, location, file);
    const rel = relative(resolve(root), p);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new AppError(422, 'validation_failed', 'the feed location lies outside the feed root');
    return p;
  }
}
