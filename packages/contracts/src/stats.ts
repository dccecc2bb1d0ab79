import { Type, type Static } from 'typebox';
import { Day, Nullable, Uuid } from './common.ts';


/** The filters every statistics query takes; the period defaults to the last 30 days. */
export const StatsQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  sector: Type.Optional(Type.String({ maxLength: 64 })),
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  orgId: Type.Optional(Uuid),
  rsitClass: Type.Optional(Type.String({ maxLength: 64 })),
  minSeverity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
});
export type StatsQuery = Static<typeof StatsQuery>;

/** Alerts (distinct records) and occurrences (every repeat) of one group. */
export const StatsCount = Type.Object({ key: Type.String(), alerts: Type.Integer(), occurrences: Type.Integer() });
export type StatsCount = Static<typeof StatsCount>;

export const StatsOverview = Type.Object({
  period: Type.Object({ from: Day, to: Day }),
  totals: Type.Object({ alerts: Type.Integer(), occurrences: Type.Integer(), organisations: Type.Integer() }),
  live: Type.Object({ thisHour: Type.Integer(), today: Type.Integer() }),
  byDay: Type.Array(StatsCount),
  bySector: Type.Array(StatsCount),
  byProvince: Type.Array(StatsCount),
  byClass: Type.Array(StatsCount),
  bySeverity: Type.Array(StatsCount),
  byFormat: Type.Array(StatsCount),
  /**
   * Alerts of the period (counted on the day they happened) that arrived a day or more after it, and
   * those whose event time was unusable (future, or older than the configured age) and were counted when received.
   */
  arrival: Type.Object({ late: Type.Integer(), clamped: Type.Integer() }),
  topOrganisations: Type.Array(Type.Object({ orgId: Uuid, name: Type.String(), nameEn: Nullable(Type.String()), alerts: Type.Integer(), occurrences: Type.Integer() })),
  incidents: Type.Object({ open: Type.Integer(), opened: Type.Integer(), closed: Type.Integer(), bySeverity: Type.Array(StatsCount) }),
  /** Campaigns detected or confirmed and active in the period, and warnings issued and still valid (the caller's). */
  campaigns: Type.Object({ active: Type.Integer() }),
  warnings: Type.Object({ active: Type.Integer() }),
});
export type StatsOverview = Static<typeof StatsOverview>;

export const STATS_DIMENSIONS = ['day', 'sector', 'province', 'class', 'severity', 'format', 'org'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** Daily counts per group (sector, province, class ...) for trend lines and forecasts. */
export const StatsSeriesQuery = Type.Object({
  ...StatsQuery.properties,
  groupBy: Type.Enum(['sector', 'province', 'class', 'severity', 'format', 'org', 'none']),
});
export type StatsSeriesQuery = Static<typeof StatsSeriesQuery>;

export const StatsSeries = Type.Object({
  period: Type.Object({ from: Day, to: Day }),
  days: Type.Array(Day),
  /** `label` names an organisation (groupBy org) in Vietnamese, `labelEn` in English when it has one. */
  series: Type.Array(Type.Object({ key: Type.String(), label: Nullable(Type.String()), labelEn: Type.Optional(Nullable(Type.String())), alerts: Type.Array(Type.Integer()), occurrences: Type.Array(Type.Integer()) })),
});
export type StatsSeries = Static<typeof StatsSeries>;

/** CSV export of one breakdown. */
export const StatsExportQuery = Type.Object({ ...StatsQuery.properties, dimension: Type.Enum([...STATS_DIMENSIONS]) });
export type StatsExportQuery = Static<typeof StatsExportQuery>;

/** Response performance of a group (a sector or an organisation): medians in hours and reporting compliance. */
export const ResponseRow = Type.Object({
  key: Type.String(),
  label: Nullable(Type.String()),
  incidents: Type.Integer(),
  medianHours: Type.Object({ detect: Nullable(Type.Number()), acknowledge: Nullable(Type.Number()), contain: Nullable(Type.Number()), resolve: Nullable(Type.Number()) }),
  deadlines: Type.Object({ met: Type.Integer(), late: Type.Integer(), overdue: Type.Integer(), open: Type.Integer() }),
  /** Deadlines met in time over those met, met late or overdue; null when none fell due. */
  compliance: Nullable(Type.Number()),
});
export type ResponseRow = Static<typeof ResponseRow>;

export const StatsResponse = Type.Object({
  period: Type.Object({ from: Day, to: Day }),
  total: ResponseRow,
  bySector: Type.Array(ResponseRow),
  byOrganisation: Type.Array(ResponseRow),
});
export type StatsResponse = Static<typeof StatsResponse>;

export const FORECAST_MODELS = ['ensemble', 'holt_winters', 'seasonal_mean', 'seasonal_naive', 'mean'] as const;

/** A daily series forecast 14 days ahead, beside the history it was fitted on and its backtest. */
export const StatsForecastQuery = Type.Object({
  ...StatsQuery.properties,
  groupBy: Type.Enum(['sector', 'class', 'province', 'none']),
  key: Type.Optional(Type.String({ maxLength: 64 })),
});
export type StatsForecastQuery = Static<typeof StatsForecastQuery>;

export const StatsForecast = Type.Object({
  groupBy: Type.String(),
  key: Type.String(),
  /** Daily alerts (distinct records) of the completed days the model was fitted on, from the day data began. */
  history: Type.Object({ days: Type.Array(Day), counts: Type.Array(Type.Integer()) }),
  /** How many days of history the forecast stands on (days before data began are not counted as quiet days). */
  historyDays: Type.Integer(),
  /** The first day with data for this question; null when there is none yet. */
  dataSince: Nullable(Day),
  model: Type.Enum([...FORECAST_MODELS]),
  points: Type.Array(Type.Object({ date: Day, mean: Type.Number(), lo80: Type.Number(), hi80: Type.Number(), lo95: Type.Number(), hi95: Type.Number() })),
  backtest: Type.Object({ mase: Nullable(Type.Number()), coverage80: Nullable(Type.Number()), coverage95: Nullable(Type.Number()), origins: Type.Integer() }),
  candidates: Type.Array(Type.Object({ model: Type.Enum([...FORECAST_MODELS]), mase: Nullable(Type.Number()) })),
  note: Nullable(Type.String()),
});
export type StatsForecast = Static<typeof StatsForecast>;

/**
 * Abnormal activity in a sector or class: a day outside the forecast's interval, a level shift, or an
 * hour (so far) above the sector's usual hourly profile.
 */
export const SurgeSignal = Type.Object({
  groupBy: Type.String(),
  key: Type.String(),
  kind: Type.Enum(['outside_interval', 'change_point', 'hour_above_profile']),
  date: Day,
  /** For an hourly signal: the hour (UTC) it concerns. */
  hour: Type.Optional(Type.String({ format: 'date-time' })),
  observed: Type.Number(),
  expected: Type.Number(),
  lo: Type.Number(),
  hi: Type.Number(),
  score: Type.Number(),
  since: Type.Optional(Day),
});
export type SurgeSignal = Static<typeof SurgeSignal>;

/** A run of surge signals of one group, until a day passes without one: one warning proposal each. */
export const SurgeEpisode = Type.Object({
  id: Uuid,
  groupBy: Type.String(),
  key: Type.String(),
  openedAt: Type.String({ format: 'date-time' }),
  lastSignalAt: Type.String({ format: 'date-time' }),
  signals: Type.Integer(),
  peak: SurgeSignal,
});
export type SurgeEpisode = Static<typeof SurgeEpisode>;

/**
 * The surge watcher's state and the signals: `signals` are the caller's groups' days computed now;
 * the watcher runs on each hour's data as it is rolled up, and `episodes` (the centre only) are the
 * surges it raised during the last day.
 */
export const SurgeReport = Type.Object({
  watcher: Type.Object({
    /** When it last looked (null: never yet), which hour it looked at, over how many groups with enough history, finding how many signals. */
    lastRunAt: Nullable(Type.String({ format: 'date-time' })),
    hour: Nullable(Type.String({ format: 'date-time' })),
    groups: Type.Integer(),
    signals: Type.Integer(),
  }),
  signals: Type.Array(SurgeSignal),
  episodes: Type.Array(SurgeEpisode),
});
export type SurgeReport = Static<typeof SurgeReport>;

/** A Circular 20 periodic report: `2026-H1`, `2026-H2` or a year `2026` (read by `parsePeriod`). */
export const PeriodicReportQuery = Type.Object({
  period: Type.String({ pattern: '^(?!0000)[0-9]{4}(-H[12])?$' }),
  orgId: Type.Optional(Uuid),
  format: Type.Optional(Type.Enum(['json', 'html', 'pdf', 'csv'], { default: 'json' })),
  lang: Type.Optional(Type.Enum(['vi', 'en'], { default: 'vi' })),
});
export type PeriodicReportQuery = Static<typeof PeriodicReportQuery>;

export const PeriodicReport = Type.Object({
  period: Type.Object({ label: Type.String(), from: Day, to: Day }),
  organisation: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  generatedAt: Type.String(),
  alerts: Type.Object({ total: Type.Integer(), occurrences: Type.Integer(), bySector: Type.Array(StatsCount), byClass: Type.Array(StatsCount), bySeverity: Type.Array(StatsCount) }),
  incidents: Type.Object({ opened: Type.Integer(), closed: Type.Integer(), open: Type.Integer() }),
  response: ResponseRow,
  responseBySector: Type.Array(ResponseRow),
});
export type PeriodicReport = Static<typeof PeriodicReport>;

/** What an import of daily history did: rows stored, the days and organisations they cover, rows replaced. */
export const StatsHistoryImport = Type.Object({
  importId: Uuid,
  rows: Type.Integer(),
  alerts: Type.Integer(),
  organisations: Type.Integer(),
  days: Nullable(Type.Object({ from: Day, to: Day })),
  /** Rows imported earlier for the same days and organisations, replaced by this file. */
  replaced: Type.Integer(),
});
export type StatsHistoryImport = Static<typeof StatsHistoryImport>;

/** The last hours (24 by default, up to a week) hour by hour: the shortest periods of the statistics. */
export const StatsHourlyQuery = Type.Object({
  hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168, default: 24 })),
  sector: Type.Optional(Type.String({ maxLength: 64 })),
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  orgId: Type.Optional(Uuid),
  minSeverity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
});
export type StatsHourlyQuery = Static<typeof StatsHourlyQuery>;

export const StatsHourly = Type.Object({
  /** Start of the first hour and end of the last (the current hour, so far). */
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  /** Start of each hour, by the time events happened (UTC). */
  hours: Type.Array(Type.String({ format: 'date-time' })),
  alerts: Type.Array(Type.Integer()),
  occurrences: Type.Array(Type.Integer()),
  totals: Type.Object({ alerts: Type.Integer(), occurrences: Type.Integer(), organisations: Type.Integer() }),
  bySeverity: Type.Array(StatsCount),
});
export type StatsHourly = Static<typeof StatsHourly>;
