import { sql } from 'kysely';
import type { StatsForecastQuery, SurgeEpisode, SurgeReport, SurgeSignal } from '@lachan/contracts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import { systemContext, type RequestContext } from '../../core/context.ts';
import { withDbPriority } from '../../db/index.ts';
import { transact } from '../events/index.ts';
import { orgsRepository } from '../orgs/index.ts';
import { checkHour, hourlyBaseline, type HourlyBaseline } from '../analytics/index.ts';
import type { ForecastService } from './forecast.service.ts';
import { surgeRepository, type RecordedSignal } from './surge.repository.ts';
import { dayOf } from './stats-time.ts';
import type { StatsParts } from './stats-parts.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Even with no new alerts the watcher looks this often (and says so). */
const QUIET_EVERY_MS = 15 * 60_000;
const PROFILE_DAYS = 28;
const BASELINE_TTL_MS = HOUR_MS;
const LOCK = 727_026;

/** What a listener hears: a signal that opened an episode or is news to it (the warnings module proposes, or updates its proposal). */
export interface SurgeNews {
  episode: SurgeEpisode;
  opened: boolean;
  signal: SurgeSignal;
}
export type SurgeListener = (news: SurgeNews) => Promise<void> | void;

/**
 * Watches each sector's activity on the hour's data as it arrives: after each roll-up (at most every
 * `surgeCheckSeconds`) the current hour so far, and the hour before, are compared with the sector's
 * usual hourly profile scaled to the day's forecast; once a day, the completed day is checked against
 * the daily forecast too. Signals of a sector form an episode until a day passes without one; each
 * signal is stored once, a new episode is announced to the centre (`stats.surge`), and listeners hear
 * of episodes opened or grown. Baselines are kept in memory for an hour (a cache), forgotten when history is loaded.
 */
export class SurgeWatcher {
  #p: Pick<StatsParts, 'db' | 'relay' | 'config' | 'now'>;
  #forecasts: ForecastService;
  #listeners: SurgeListener[] = [];
  #task = new PeriodicTask(QUIET_EVERY_MS, () => this.#pass());
  #baselines = new Map<string, { at: number; baselines: Promise<Map<string, HourlyBaseline>> }>();
  #dailyCheckedFor: string | null = null;
  /** Moves on each `invalidate()`: baselines read across a move are read again. */
  #generation = 0;
  #scheduled: NodeJS.Timeout | null = null;
  #lastStart = 0;
  #stopped = false;

  constructor(parts: Pick<StatsParts, 'db' | 'relay' | 'config' | 'now'>, forecasts: ForecastService) {
    this.#p = parts;
    this.#forecasts = forecasts;
  }

  onSurge(listener: SurgeListener): void {
    this.#listeners.push(listener);
  }

  start(): void {
    this.#stopped = false;
    this.#task.start();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#scheduled) clearTimeout(this.#scheduled);
    await this.#task.stop();
  }

  /** New alerts were rolled up: look soon, at most once per `surgeCheckSeconds`. */
  poke(): void {
    if (this.#scheduled || this.#stopped) return;
    const wait = Math.max(250, this.#lastStart + this.#p.config.surgeCheckSeconds * 1000 - Date.now());
    this.#scheduled = setTimeout(() => {
      this.#scheduled = null;
      // A pass under way may have read the hour (or the baselines) before these alerts: one more follows it.
      void withDbPriority('background', () => this.#task.runAgain()).catch(() => {});
    }, wait);
    this.#scheduled.unref();
  }

  /** Forgets the baselines (history was loaded): the next pass computes them again. */
  invalidate(): void {
    this.#generation++;
    this.#baselines.clear();
    this.#dailyCheckedFor = null;
  }

  /** One pass now; resolves to the number of signals that were news. */
  run(): Promise<number> {
    return this.#task.run();
  }

  /** The watcher's last run, the caller's daily signals, and (the centre) the episodes of the last day. */
  async report(ctx: RequestContext, q: Omit<StatsForecastQuery, 'key'>): Promise<SurgeReport> {
    const signals = await this.#forecasts.surges(ctx, q);
    const episodes = ctx.scope.all ? await surgeRepository.openEpisodes(this.#p.db, this.#p.now()) : [];
    return { watcher: await surgeRepository.watch(this.#p.db), signals, episodes };
  }

  /**
   * Each sector's baseline for `day`, from the completed days before it: kept for an hour (late
   * arrivals move past days a little), dropped at once when history is loaded.
   */
  #baselinesFor(ctx: RequestContext, day: string): Promise<Map<string, HourlyBaseline>> {
    const kept = this.#baselines.get(day);
    if (kept && Date.now() - kept.at < BASELINE_TTL_MS) return kept.baselines;
    const baselines = this.#computeBaselines(ctx, day);
    baselines.catch(() => this.#baselines.delete(day));
    this.#baselines.set(day, { at: Date.now(), baselines });
    for (const k of this.#baselines.keys()) if (k < dayOf(Date.parse(`${day}T00:00:00Z`) - DAY_MS)) this.#baselines.delete(k);
    return baselines;
  }

  /** The baselines of these days, none of them from before history loaded during the read (a few tries, then what there is). */
  async #freshBaselines(ctx: RequestContext, days: [string, string]): Promise<[Map<string, HourlyBaseline>, Map<string, HourlyBaseline>]> {
    for (let attempt = 0; ; attempt++) {
      const generation = this.#generation;
      const out = [await this.#baselinesFor(ctx, days[0]), await this.#baselinesFor(ctx, days[1])] as const;
      if (generation === this.#generation || attempt === 2) return [out[0], out[1]];
    }
  }

  async #computeBaselines(ctx: RequestContext, day: string): Promise<Map<string, HourlyBaseline>> {
    const start = Date.parse(`${day}T00:00:00Z`);
    const h = await this.#forecasts.histories(ctx, { groupBy: 'sector' }, dayOf(start - DAY_MS));
    const hours = await surgeRepository.sectorHours(this.#p.db, new Date(start - PROFILE_DAYS * DAY_MS), new Date(start));
    const out = new Map<string, HourlyBaseline>();
    for (const [key, counts] of h.series) {
      // A forecast per sector is tens of milliseconds of CPU: the event loop gets a turn between them.
      await new Promise((r) => setImmediate(r));
      const byDay = new Map<string, number[]>();
      for (const [hour, n] of hours.get(`sector:${key}`) ?? []) {
        const d = byDay.get(hour.slice(0, 10)) ?? byDay.set(hour.slice(0, 10), Array<number>(24).fill(0)).get(hour.slice(0, 10))!;
        d[new Date(hour).getUTCHours()] = n;
      }
      const b = hourlyBaseline(counts, h.lastDay, byDay.values());
      if (b) out.set(key, b);
    }
    return out;
  }

  async #pass(): Promise<number> {
    this.#lastStart = Date.now();
    const root = await orgsRepository.root(this.#p.db);
    if (!root) return 0;
    const ctx = systemContext(root.id, 'surge watcher');
    const now = this.#p.now();
    const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const signals: SurgeSignal[] = [];
    const counts = await surgeRepository.sectorHours(this.#p.db, new Date(hour - HOUR_MS), new Date(hour + HOUR_MS));
    const [current, before] = await this.#freshBaselines(ctx, [dayOf(hour), dayOf(hour - HOUR_MS)]);
    for (const [at, fraction, baselines] of [[hour, (now.getTime() - hour) / HOUR_MS, current], [hour - HOUR_MS, 1, before]] as const) {
      const iso = new Date(at).toISOString();
      for (const [key, b] of baselines) {
        const s = checkHour(b, iso, counts.get(`sector:${key}`)?.get(iso) ?? 0, fraction);
        if (s) signals.push({ groupBy: 'sector', key, kind: 'hour_above_profile', date: dayOf(at), hour: iso, observed: s.observed, expected: s.expected, lo: 0, hi: s.hi, score: s.score });
      }
    }
    if (this.#dailyCheckedFor !== dayOf(now.getTime())) {
      // The day just completed, once: signals of earlier days were raised when they completed.
      const yesterday = dayOf(now.getTime() - DAY_MS);
      signals.push(...(await this.#forecasts.surges(ctx, { groupBy: 'sector' })).filter((s) => s.date === yesterday));
      this.#dailyCheckedFor = dayOf(now.getTime());
    }
    const recorded = await transact(this.#p, async (tx) => {
      await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
      const out: (RecordedSignal & { signal: SurgeSignal })[] = [];
      for (const s of signals) out.push({ ...(await surgeRepository.record(tx, s, now)), signal: s });
      await surgeRepository.ran(tx, now, new Date(hour), current.size, signals.length);
      return out;
    });
    const news = recorded.filter((r) => r.news);
    for (const r of news) for (const l of this.#listeners) await Promise.resolve(l({ episode: r.episode, opened: r.opened, signal: r.signal })).catch(() => {});
    return news.length;
  }
}
