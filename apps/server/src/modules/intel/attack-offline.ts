import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { systemContext, type RequestContext } from '../../core/context.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import type { IntelParts } from './intel-parts.ts';
import { checkRemoteUrl, fetchRemote } from './remote-fetch.ts';
import { intakeRunsRepository } from './intake-runs.repository.ts';
import type { IntakeService } from './intake.service.ts';
import { writerOf } from './intel.policy.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Enterprise ATT&CK without network: on a start that finds no ATT&CK technique in the knowledge base,
 * the bundle shipped in `data/attack/` is imported as an intake run of the national centre; then the feed
 * URL is pulled once a day when its host is on LACHAN_INTEL_ALLOWED_HOSTS (newer versions of objects are
 * stored as new versions; unchanged ones count as duplicates). "Once a day" is counted from the last pull
 * recorded in the database, checked at start and every hour, so a server restarted more often than daily
 * still pulls.
 */
export class AttackKnowledge {
  readonly #p: Pick<IntelParts, 'db' | 'config' | 'now'>;
  readonly #intake: IntakeService;
  /** The hourly check whether the daily pull of the feed is due (started with the server, stopped at shutdown). */
  readonly feed: PeriodicTask;

  constructor(parts: Pick<IntelParts, 'db' | 'config' | 'now'>, intake: IntakeService) {
    this.#p = parts;
    this.#intake = intake;
    this.feed = new PeriodicTask(HOUR_MS, async () => ((await this.pullFeedIfDue()) ? 1 : 0));
  }

  /** The national centre, as which the platform imports ATT&CK (null before the first start made it). */
  async #centre(): Promise<RequestContext | null> {
    const r = await sql<{ id: string }>`select id from organizations where kind = 'coordination_centre' and parent_id is null order by created_at limit 1`.execute(this.#p.db);
    return r.rows[0] ? systemContext(r.rows[0].id, 'ATT&CK') : null;
  }

  /** Whether the knowledge base already holds an ATT&CK technique. */
  async present(): Promise<boolean> {
    const r = await sql<{ n: number }>`select count(*)::int as n from (select 1 from stix_objects where type = 'attack-pattern'
      and object->'external_references' @> '[{"source_name": "mitre-attack"}]'::jsonb limit 1) x`.execute(this.#p.db);
    return r.rows[0]!.n > 0;
  }

  /** Import the shipped bundle when the knowledge base has no ATT&CK; answers the run id, or null when nothing was to do. */
  async seedIfMissing(): Promise<string | null> {
    const file = this.#p.config.attackBundle;
    if (!file || (await this.present())) return null;
    const ctx = await this.#centre();
    if (!ctx) return null;
    const runId = await this.#intake.startRun(ctx, 'attack', `shipped:${file.split('/').pop()}`);
    this.#intake.background(runId, async (id) => {
      const bundle = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as { objects: unknown[] };
      await this.#intake.storeObjects(id, writerOf(ctx), bundle.objects);
    });
    return runId;
  }

  /** Pull the feed now when it is configured and its host allowed; answers the run id, or null when it may not be reached. */
  async pullFeed(): Promise<string | null> {
    const url = this.#p.config.attackFeedUrl;
    if (!url || !this.feedAllowed()) return null;
    const ctx = await this.#centre();
    if (!ctx) return null;
    const res = await fetchRemote(url, this.#p.config.intelAllowedHosts);
    if (!res.body) throw new Error(`${url}: no body`);
    const length = Number(res.headers.get('content-length'));
    return this.#intake.streamBundle(ctx, Readable.fromWeb(res.body as WebReadableStream), Number.isFinite(length) && length > 0 ? length : null, 'attack');
  }

  /** Pull the feed when it may be reached and no pull started in the last day; answers the run id, or null. */
  async pullFeedIfDue(): Promise<string | null> {
    if (!this.feedAllowed()) return null;
    const ctx = await this.#centre();
    if (!ctx) return null;
    const last = await intakeRunsRepository.lastPulledAt(this.#p.db, ctx.actor.orgId, 'attack');
    if (last && this.#p.now().getTime() - last.getTime() < DAY_MS) return null;
    return this.pullFeed();
  }

  /** Whether the feed's host is on LACHAN_INTEL_ALLOWED_HOSTS (else the platform stays on what it has). */
  feedAllowed(): boolean {
    const url = this.#p.config.attackFeedUrl;
    if (!url) return false;
    try {
      checkRemoteUrl(url, this.#p.config.intelAllowedHosts);
      return true;
    } catch {
      return false;
    }
  }
}
