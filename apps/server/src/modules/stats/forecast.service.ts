import type { StatsForecast, StatsForecastQuery, SurgeSignal } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import type { StatsParts } from './stats-parts.ts';
import { detectSurges, forecastDaily } from '../analytics/index.ts';
import type { StatsService } from './stats.service.ts';

const HISTORY_DAYS = 182;
const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Completed days of each group of a question, from the day data began (never earlier), ending `lastDay`. */
export interface DailyHistories {
  lastDay: string;
  /** The first day with data for the question, null when there is none yet. */
  since: string | null;
  days: string[];
  series: Map<string, number[]>;
}

/** Forecasts and abnormal-activity signals over the daily statistics (completed days only). */
export class ForecastService {
  #p: Pick<StatsParts, 'now'>;
  #stats: StatsService;
  constructor(parts: Pick<StatsParts, 'now'>, stats: StatsService) {
    this.#p = parts;
    this.#stats = stats;
  }

  /**
   * Each group's daily alerts over the completed days up to `lastDay` (default yesterday: today is still
   * filling), at most HISTORY_DAYS, and only from the day data began: a new installation's empty past
   * is not history, and zeros standing in for it would drag every forecast down.
   */
  async histories(ctx: RequestContext, q: Omit<StatsForecastQuery, 'key'>, lastDay = day(this.#p.now().getTime() - DAY_MS)): Promise<DailyHistories> {
    const since = await this.#stats.dataSince(ctx, { sector: q.sector, province: q.province, orgId: q.orgId, rsitClass: q.rsitClass, minSeverity: q.minSeverity });
    const earliest = day(Date.parse(`${lastDay}T00:00:00Z`) - (HISTORY_DAYS - 1) * DAY_MS);
    if (since === null || since > lastDay) return { lastDay, since, days: [], series: new Map() };
    const s = await this.#stats.series(ctx, { ...q, from: since > earliest ? since : earliest, to: lastDay });
    return { lastDay, since, days: s.days, series: new Map(s.series.map((x) => [x.key, x.alerts])) };
  }

  async forecast(ctx: RequestContext, q: StatsForecastQuery): Promise<StatsForecast> {
    const key = q.groupBy === 'none' ? '' : (q.key ?? '');
    const { days, series, since, lastDay } = await this.histories(ctx, q);
    const counts = series.get(key) ?? days.map(() => 0);
    return { groupBy: q.groupBy, key, history: { days, counts }, historyDays: days.length, dataSince: since, ...forecastDaily(counts, lastDay) };
  }

  /** Every group's signals for the last completed days, strongest first. */
  async surges(ctx: RequestContext, q: Omit<StatsForecastQuery, 'key'>): Promise<SurgeSignal[]> {
    const { series, lastDay } = await this.histories(ctx, q);
    const out: SurgeSignal[] = [];
    for (const [key, counts] of series) {
      for (const s of detectSurges(counts, lastDay)) out.push({ groupBy: q.groupBy, key, ...s, score: Number.isFinite(s.score) ? s.score : 99 });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
