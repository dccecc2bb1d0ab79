import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, PeriodicReport, PeriodicReportQuery, StatsExportQuery, StatsForecast, StatsForecastQuery, StatsHistoryImport, StatsHourly, StatsHourlyQuery, StatsOverview, StatsQuery, StatsResponse, StatsSeries, StatsSeriesQuery, SurgeReport } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { StatsService } from './stats.service.ts';
import type { ForecastService } from './forecast.service.ts';
import type { SurgeWatcher } from './surge-watcher.worker.ts';
import type { StatsHistoryService } from './history.service.ts';
import { sendDocument } from '../documents/index.ts';

const errors = { '4xx': ErrorBody };
const tags = ['stats'];

/** The services the statistics routes call. */
export interface StatsRouteServices {
  stats: StatsService;
  forecasts: ForecastService;
  surges: SurgeWatcher;
  statsHistory: StatsHistoryService;
}

/** /api/v1/stats: the national picture from the roll-ups. */
export function statsRoutes(app: FastifyInstance, s: StatsRouteServices, historyBodyLimit: number): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/stats/overview', { schema: { tags, summary: 'Totals, breakdowns, trend, live counters and incidents for a period', querystring: StatsQuery, response: { 200: StatsOverview, ...errors } } }, async (req) =>
    s.stats.overview(ctxOf(req), req.query),
  );
  r.get('/stats/series', { schema: { tags, summary: 'Daily counts per sector, province, class ... for a period', querystring: StatsSeriesQuery, response: { 200: StatsSeries, ...errors } } }, async (req) =>
    s.stats.series(ctxOf(req), req.query),
  );
  r.get('/stats/hourly', { schema: { tags, summary: 'The last hours (24 by default, up to 168) hour by hour, by the time events happened', querystring: StatsHourlyQuery, response: { 200: StatsHourly, ...errors } } }, async (req) =>
    s.stats.hourly(ctxOf(req), req.query),
  );
  r.get('/stats/response', { schema: { tags, summary: 'Times to detect, acknowledge, contain and resolve; reporting-deadline compliance', querystring: StatsQuery, response: { 200: StatsResponse, ...errors } } }, async (req) =>
    s.stats.response(ctxOf(req), req.query),
  );
  r.get('/stats/forecast', { schema: { tags, summary: 'Daily alerts of a sector, class or province forecast 14 days ahead, with the backtest', querystring: StatsForecastQuery, response: { 200: StatsForecast, ...errors } } }, async (req) =>
    s.forecasts.forecast(ctxOf(req), req.query),
  );
  r.get('/stats/surges', { schema: { tags, summary: 'Sectors (or classes, provinces) whose activity left its usual range, and when the surge watcher last looked', querystring: StatsForecastQuery, response: { 200: SurgeReport, ...errors } } }, async (req) =>
    s.surges.report(ctxOf(req), req.query),
  );
  historyRoute(app, s, historyBodyLimit);
  r.get('/stats/reports/periodic', { schema: { tags, summary: 'Six-monthly or annual report of response activity (Circular 20, Form 05): JSON, PDF, printable HTML or CSV', querystring: PeriodicReportQuery, produces: ['application/json', 'application/pdf', 'text/html', 'text/csv'], response: { 200: Type.Union([PeriodicReport, Type.String()]), ...errors } } }, async (req, reply) => {
    const out = await s.stats.periodicReport(ctxOf(req), req.query);
    if (out.type === 'json') return out.body;
    if (out.type === 'document') return sendDocument(reply, out.body);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="lachan-report-${req.query.period}.csv"`)
      .send(out.body);
  });
  r.get('/stats/export.csv', { schema: { tags, summary: 'One breakdown as CSV', querystring: StatsExportQuery, produces: ['text/csv'], response: { 200: Type.String(), ...errors } } }, async (req, reply) => {
    const csv = await s.stats.exportCsv(ctxOf(req), req.query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="lachan-${req.query.dimension}-${req.query.from ?? 'last30'}-${req.query.to ?? 'today'}.csv"`)
      .send(csv);
  });
}

/**
 * POST /api/v1/stats/history: the national centre loads daily counts per organisation (and sector) as
 * CSV (`text/csv`, the ingest body limit), checked whole and stored in one audited transaction.
 */
function historyRoute(app: FastifyInstance, s: StatsRouteServices, bodyLimit: number): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/stats/history', {
      schema: {
        tags,
        summary: 'Import daily counts per organisation (and sector) as CSV: day,org,alerts[,sector,occurrences,rsit_class,severity]',
        description: 'The national centre only. Every row is checked (row errors with their line; nothing stored when any); importing a day and organisation again replaces what was imported for it.',
        response: { 200: StatsHistoryImport, ...errors },
      },
    }, async (req) => s.statsHistory.importCsv(ctxOf(req), req.body as string));
  });
}
