import { parsePeriod, type PeriodicReport, type PeriodicReportQuery, type StatsOverview, type StatsQuery, type StatsResponse } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { invalid } from '../../core/errors.ts';
import { statsRepository } from './stats.repository.ts';
import type { StatsParts } from './stats-parts.ts';

/** `2026-H1` → January to June, `2026-H2` → July to December, `2026` → the year. */
export function periodOf(label: string): { from: string; to: string } {
  const period = parsePeriod(label);
  if (!period) throw invalid('period is a year (2026) or a half-year (2026-H1, 2026-H2), years 1 to 9999');
  return period;
}

/** The two figures a periodic report is made of, in the caller's scope (the statistics service answers them). */
export interface ReportFigures {
  overview(ctx: RequestContext, q: StatsQuery): Promise<StatsOverview>;
  response(ctx: RequestContext, q: StatsQuery): Promise<StatsResponse>;
}

/**
 * The six-monthly and annual reports of response activity (Circular 20/2017): alerts received,
 * incidents opened and closed, response times and reporting compliance, for one organisation (its
 * units included) or, for the centre, the whole country.
 */
export async function buildPeriodicReport(parts: Pick<StatsParts, 'db' | 'now'>, stats: ReportFigures, ctx: RequestContext, q: PeriodicReportQuery): Promise<PeriodicReport> {
  const period = periodOf(q.period);
  const base = { from: period.from, to: period.to, ...(q.orgId ? { orgId: q.orgId } : {}) };
  const [overview, response] = await Promise.all([stats.overview(ctx, base), stats.response(ctx, base)]);
  const name = q.orgId ? (await statsRepository.orgNames(parts.db, [q.orgId])).get(q.orgId) ?? q.orgId : null;
  return {
    period: { label: q.period, ...period },
    organisation: q.orgId ? { id: q.orgId, name: name! } : null,
    generatedAt: parts.now().toISOString(),
    alerts: { total: overview.totals.alerts, occurrences: overview.totals.occurrences, bySector: overview.bySector, byClass: overview.byClass, bySeverity: overview.bySeverity },
    incidents: { opened: overview.incidents.opened, closed: overview.incidents.closed, open: overview.incidents.open },
    response: response.total,
    responseBySector: response.bySector,
  };
}
