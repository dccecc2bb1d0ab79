import { parsePeriod, type PeriodicReport, type PeriodicReportQuery } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { invalid } from '../../core/errors.ts';
import type { StatsService } from './stats.service.ts';
import { statsRepository } from './stats.repository.ts';
import type { Platform } from '../../platform.types.ts';

/** `2026-H1` → January to June, `2026-H2` → July to December, `2026` → the year. */
export function periodOf(label: string): { from: string; to: string } {
  const period = parsePeriod(label);
  if (!period) throw invalid('period is a year (2026) or a half-year (2026-H1, 2026-H2), years 1 to 9999');
  return period;
}

/**
 * The six-monthly and annual reports of response activity (Circular 20/2017): alerts received,
 * incidents opened and closed, response times and reporting compliance, for one organisation (its
 * units included) or, for the centre, the whole country.
 */
export async function buildPeriodicReport(platform: Platform, stats: StatsService, ctx: RequestContext, q: PeriodicReportQuery): Promise<PeriodicReport> {
  const period = periodOf(q.period);
  const base = { from: period.from, to: period.to, ...(q.orgId ? { orgId: q.orgId } : {}) };
  const [overview, response] = await Promise.all([stats.overview(ctx, base), stats.response(ctx, base)]);
  const name = q.orgId ? (await statsRepository.orgNames(platform.db, [q.orgId])).get(q.orgId) ?? q.orgId : null;
  return {
    period: { label: q.period, ...period },
    organisation: q.orgId ? { id: q.orgId, name: name! } : null,
    generatedAt: platform.now().toISOString(),
    alerts: { total: overview.totals.alerts, occurrences: overview.totals.occurrences, bySector: overview.bySector, byClass: overview.byClass, bySeverity: overview.bySeverity },
    incidents: { opened: overview.incidents.opened, closed: overview.incidents.closed, open: overview.incidents.open },
    response: response.total,
    responseBySector: response.bySector,
  };
}
