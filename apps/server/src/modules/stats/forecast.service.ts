import type { StatsForecast, StatsForecastQuery, SurgeSignal } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import type { Platform } from '../../core/platform.ts';
import { detectSurges, forecastDaily } from '../analytics/index.ts';
import type { StatsService } from './stats.service.ts';

const HISTORY_DAYS = 182;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Forecasts and abnormal-activity signals over the daily statistics (completed days only). */
export class ForecastService {
  #p: Platform;
  #stats: StatsService;
  constructor(platform: Platform, stats: StatsService) {
    this.#p = platform;
    this.#stats = stats;
  }

  /** The last completed days of each group's daily alerts (today is still filling, so it is left out). */
  async #histories(ctx: RequestContext, q: Omit<StatsForecastQuery, 'key'>): Promise<{ days: string[]; series: Map<string, number[]> }> {
    const yesterday = this.#p.now().getTime() - 86_400_000;
    const s = await this.#stats.series(ctx, { ...q, from: day(yesterday - (HISTORY_DAYS - 1) * 86_400_000), to: day(yesterday) });
    return { days: s.days, series: new Map(s.series.map((x) => [x.key, x.alerts])) };
  }

  async forecast(ctx: RequestContext, q: StatsForecastQuery): Promise<StatsForecast> {
    const key = q.groupBy === 'none' ? '' : (q.key ?? '');
    const { days, series } = await this.#histories(ctx, q);
    const counts = series.get(key) ?? days.map(() => 0);
    return { groupBy: q.groupBy, key, history: { days, counts }, ...forecastDaily(counts, days[days.length - 1]!) };
  }

  /** Every group's signals for the last completed days, strongest first. */
  async surges(ctx: RequestContext, q: Omit<StatsForecastQuery, 'key'>): Promise<SurgeSignal[]> {
    const { days, series } = await this.#histories(ctx, q);
    const out: SurgeSignal[] = [];
    for (const [key, counts] of series) {
      for (const s of detectSurges(counts, days[days.length - 1]!)) out.push({ groupBy: q.groupBy, key, ...s, score: Number.isFinite(s.score) ? s.score : 99 });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
