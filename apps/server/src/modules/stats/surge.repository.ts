import { sql, type Kysely } from 'kysely';
import type { SurgeEpisode, SurgeReport, SurgeSignal } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { outboxRepository } from '../events/index.ts';

/** A signal gone into an episode: whether it opened it, or is a signal it had not stored yet. */
export interface RecordedSignal {
  episode: SurgeEpisode;
  opened: boolean;
  /** New to the episode (a new hour, a new day's signal) or a peak grown by a fifth: listeners hear it. */
  news: boolean;
}

/** A signal's episode stays open until a day passes without a signal of its group. */
const EPISODE_GAP = '24 hours';
const excess = (s: SurgeSignal) => s.observed - s.expected;

type EpisodeRow = { id: string; group_by: string; key: string; opened_at: Date; last_signal_at: Date; signals: number; peak: SurgeSignal };
const present = (r: EpisodeRow): SurgeEpisode => ({
  id: r.id, groupBy: r.group_by, key: r.key, openedAt: r.opened_at.toISOString(), lastSignalAt: r.last_signal_at.toISOString(), signals: r.signals, peak: r.peak,
});

/** SQL of the surge watcher: the hours it reads, the episodes and signals it stores, its last run. */
export const surgeRepository = {
  /** Hourly alerts of every sector between two instants: scope → hour (ISO) → count. */
  async sectorHours(db: Kysely<DB>, from: Date, to: Date): Promise<Map<string, Map<string, number>>> {
    const r = await sql<{ scope: string; hour: Date; alerts: number }>`select scope, hour, alerts::int as alerts from stats_national_hourly
      where scope like 'sector:%' and hour >= ${from} and hour < ${to}`.execute(db);
    const out = new Map<string, Map<string, number>>();
    for (const row of r.rows) (out.get(row.scope) ?? out.set(row.scope, new Map()).get(row.scope)!).set(row.hour.toISOString(), row.alerts);
    return out;
  },

  /**
   * Stores a signal in its group's open episode (or opens one), inside the caller's transaction; a new
   * episode is announced to the national centre (`stats.surge`).
   */
  async record(tx: Kysely<DB>, s: SurgeSignal, now: Date): Promise<RecordedSignal> {
    const open = (await sql<EpisodeRow>`select * from stats_surge_episodes where group_by = ${s.groupBy} and key = ${s.key}
      and last_signal_at > ${now}::timestamptz - ${EPISODE_GAP}::interval order by last_signal_at desc limit 1 for update`.execute(tx)).rows[0];
    const hour = s.hour ?? '1970-01-01T00:00:00Z';
    let episode: EpisodeRow;
    if (open) {
      const stronger = excess(s) > excess(open.peak);
      episode = (await sql<EpisodeRow>`update stats_surge_episodes set last_signal_at = ${now}, peak = ${JSON.stringify(stronger ? s : open.peak)}::jsonb
        where id = ${open.id} returning *`.execute(tx)).rows[0]!;
    } else {
      episode = (await sql<EpisodeRow>`insert into stats_surge_episodes (group_by, key, opened_at, last_signal_at, peak, signals)
        values (${s.groupBy}, ${s.key}, ${now}, ${now}, ${JSON.stringify(s)}::jsonb, 0) returning *`.execute(tx)).rows[0]!;
    }
    const stored = await sql<{ id: string }>`insert into stats_surges (group_by, key, kind, day, hour, evidence, episode_id)
      values (${s.groupBy}, ${s.key}, ${s.kind}, ${s.date}::date, ${hour}::timestamptz, ${JSON.stringify(s)}::jsonb, ${episode.id})
      on conflict (group_by, key, kind, day, hour) do nothing returning id`.execute(tx);
    const fresh = stored.rows.length > 0;
    if (fresh) episode = (await sql<EpisodeRow>`update stats_surge_episodes set signals = signals + 1 where id = ${episode.id} returning *`.execute(tx)).rows[0]!;
    else await sql`update stats_surges set evidence = ${JSON.stringify(s)}::jsonb where group_by = ${s.groupBy} and key = ${s.key} and kind = ${s.kind}
      and day = ${s.date}::date and hour = ${hour}::timestamptz and (evidence->>'observed')::float8 < ${s.observed}`.execute(tx);
    if (!open) await outboxRepository.insert(tx, 'stats.surge', { exact: true, orgIds: [], national: true }, { id: episode.id, episodeId: episode.id, ...s });
    const grown = open !== undefined && excess(s) >= 1.2 * Math.max(1, excess(open.peak));
    return { episode: present(episode), opened: !open, news: fresh || grown };
  },

  /** Remembers the watcher's run. */
  async ran(tx: Kysely<DB>, at: Date, hour: Date, groups: number, signals: number): Promise<void> {
    await sql`insert into stats_surge_watch (id, last_run_at, hour, groups, signals) values (1, ${at}, ${hour}, ${groups}, ${signals})
      on conflict (id) do update set last_run_at = excluded.last_run_at, hour = excluded.hour, groups = excluded.groups, signals = excluded.signals`.execute(tx);
  },

  async watch(db: Kysely<DB>): Promise<SurgeReport['watcher']> {
    const r = (await sql<{ last_run_at: Date; hour: Date; groups: number; signals: number }>`select * from stats_surge_watch where id = 1`.execute(db)).rows[0];
    return r ? { lastRunAt: r.last_run_at.toISOString(), hour: r.hour.toISOString(), groups: r.groups, signals: r.signals } : { lastRunAt: null, hour: null, groups: 0, signals: 0 };
  },

  /** Episodes with a signal during the last day, newest first. */
  async openEpisodes(db: Kysely<DB>, now: Date): Promise<SurgeEpisode[]> {
    const r = await sql<EpisodeRow>`select * from stats_surge_episodes where last_signal_at > ${now}::timestamptz - ${EPISODE_GAP}::interval order by last_signal_at desc limit 100`.execute(db);
    return r.rows.map(present);
  },
};
