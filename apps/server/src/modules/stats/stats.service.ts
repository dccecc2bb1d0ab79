import { addDays, parseDay, type StatsHourly, type StatsHourlyQuery, type PeriodicReport, type PeriodicReportQuery, type StatsDimension, type StatsExportQuery, type StatsOverview, type StatsQuery, type StatsResponse, type StatsSeries, type StatsSeriesQuery } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { canRead } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, invalid } from '../../core/errors.ts';
import type { StatsParts } from './stats-parts.ts';
import { statsRepository, type CountRow, type StatsFilter } from './stats.repository.ts';
import { daysBetween, toCsv } from './stats-format.ts';
import { deadlinesOf, incidentVisibility, type ComputedDeadline } from '../incidents/index.ts';
import { responseRepository, type IncidentTimes } from './response.repository.ts';
import { responseRow } from './response.ts';
import { buildPeriodicReport } from './periodic-report.ts';
import { renderReportCsv } from './periodic-report.render.ts';
import { RSIT_CLASS, periodicDocument, referenceNames, renderDocument, type RenderedDocument } from '../documents/index.ts';
import { hourlyFigures, hourlyRows, hourlyStart } from './hourly.ts';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 3_660;
const TOP = 10;
const desc = (rows: CountRow[]) => [...rows].sort((a, b) => b.occurrences - a.occurrences);
const NATIONAL_DIM: Record<string, string> = { sector: 'sector', province: 'province', class: 'class', severity: 'severity', format: 'format', none: 'total' };
/**
 * The national roll-up's scope that answers this question (the country, one sector or one province,
 * asked by someone who sees everything), or null when only the per-organisation roll-up can.
 */
function nationalScope(f: StatsFilter): string | null {
  if (f.orgIds !== null || f.orgId || f.rsitClass || f.minSeverity || (f.sector && f.province)) return null;
  return f.sector ? `sector:${f.sector}` : f.province ? `province:${f.province}` : '';
}

/** The national picture (or an organisation's own) from the roll-ups, never from the alerts themselves. */
export class StatsService {
  #p: StatsParts;
  constructor(parts: StatsParts) {
    this.#p = parts;
  }

  /** The caller's question as a filter: the period (default the last 30 days) and their organisations. */
  filter(ctx: RequestContext, q: StatsQuery): StatsFilter {
    requirePermission(ctx, 'stats.read');
    const to = parseDay(q.to ?? new Date().toISOString().slice(0, 10));
    const from = q.from !== undefined ? parseDay(q.from) : to && addDays(to, -(DEFAULT_DAYS - 1));
    if (from === null || to === null) throw invalid('from and to must be calendar days (YYYY-MM-DD) of years 1 to 9999');
    if (from > to) throw invalid('from must not be after to');
    if (daysBetween(from, to).length > MAX_DAYS) throw invalid(`a period of at most ${MAX_DAYS} days`);
    if (q.orgId && !canRead(ctx.scope, q.orgId)) throw forbidden('you may not see statistics of this organisation');
    return { from, to, orgIds: ctx.scope.all ? null : [...ctx.scope.read], sector: q.sector, province: q.province, orgId: q.orgId, rsitClass: q.rsitClass, minSeverity: q.minSeverity };
  }

  async overview(ctx: RequestContext, q: StatsQuery): Promise<StatsOverview> {
    const f = this.filter(ctx, q);
    const db = this.#p.db;
    const scope = nationalScope(f);
    const [within, vis] = await Promise.all([this.#orgsMatching(f), incidentVisibility(this.#p, ctx)]);
    const [groups, sectors, live, incidents, active] = await Promise.all([
      scope !== null ? statsRepository.nationalBreakdowns(db, scope, f.from, f.to) : statsRepository.breakdowns(db, f),
      scope !== null ? Promise.resolve(null) : statsRepository.bySector(db, f),
      statsRepository.live(db, f, within),
      statsRepository.incidents(db, f, within, vis),
      statsRepository.campaignsAndWarnings(db, f),
    ]);
    const dim = (d: string) => groups.get(d) ?? [];
    const bySector = sectors ?? desc(dim('sector'));
    const total = dim('total')[0];
    const orgs = [...dim('org')].sort((a, b) => b.alerts - a.alerts || b.occurrences - a.occurrences).slice(0, TOP);
    const names = await statsRepository.orgLabels(db, orgs.map((o) => o.key));
    const byDayMap = new Map(dim('day').map((d) => [d.key, d]));
    return {
      period: { from: f.from, to: f.to },
      totals: { alerts: total?.alerts ?? 0, occurrences: total?.occurrences ?? 0, organisations: Number(total?.key ?? 0) },
      live,
      byDay: daysBetween(f.from, f.to).map((day) => byDayMap.get(day) ?? { key: day, alerts: 0, occurrences: 0 }),
      bySector,
      byProvince: desc(dim('province')),
      byClass: desc(dim('class')),
      bySeverity: [...dim('severity')].sort((a, b) => Number(b.key) - Number(a.key)),
      byFormat: desc(dim('format')),
      arrival: { late: dim('arrival').find((a) => a.key === 'late')?.alerts ?? 0, clamped: dim('arrival').find((a) => a.key === 'clamped')?.alerts ?? 0 },
      topOrganisations: orgs.map((o) => ({ orgId: o.key, name: names.get(o.key)?.name ?? o.key, nameEn: names.get(o.key)?.nameEn ?? null, alerts: o.alerts, occurrences: o.occurrences })),
      incidents,
      campaigns: { active: active.campaigns },
      warnings: { active: active.warnings },
    };
  }

  /** The last hours hour by hour (24 h by default), by the time events happened, in the caller's organisations. */
  async hourly(ctx: RequestContext, q: StatsHourlyQuery): Promise<StatsHourly> {
    requirePermission(ctx, 'stats.read');
    if (q.orgId && !canRead(ctx.scope, q.orgId)) throw forbidden('you may not see statistics of this organisation');
    const hours = q.hours ?? 24;
    const now = new Date(this.#p.now());
    const within = await this.#orgsMatching({ from: '', to: '', orgIds: null, sector: q.sector, province: q.province });
    const rows = await hourlyRows(this.#p.db, { hours, orgIds: ctx.scope.all ? null : [...ctx.scope.read], within, orgId: q.orgId, minSeverity: q.minSeverity }, hourlyStart(hours, now));
    return hourlyFigures(rows, { hours }, now);
  }

  /**
   * The organisations now in the asked sector and province, for the counters the daily roll-ups do not
   * carry (live counters, incidents); null when neither is asked.
   */
  async #orgsMatching(f: StatsFilter): Promise<string[] | null> {
    if (!f.sector && !f.province) return null;
    await this.#p.orgTree.ensure();
    const ids = f.sector ? this.#p.orgTree.inSector(f.sector) : this.#p.orgTree.inProvince(f.province!);
    return ids.filter((o) => !f.province || o.provinceCode === f.province).map((o) => o.id);
  }

  /** The first day with data for the caller's question (any period), or null when there is none yet. */
  async dataSince(ctx: RequestContext, q: StatsQuery): Promise<string | null> {
    const f = this.filter(ctx, q);
    return statsRepository.firstDay(this.#p.db, f, nationalScope(f));
  }

  /** Daily counts per group, every day of the period present (zero when quiet), for trends and forecasts. */
  async series(ctx: RequestContext, q: StatsSeriesQuery): Promise<StatsSeries> {
    const f = this.filter(ctx, q);
    const days = daysBetween(f.from, f.to);
    const index = new Map(days.map((d, i) => [d, i]));
    const scope = q.groupBy === 'org' ? null : nationalScope(f);
    const rows = scope !== null ? await statsRepository.nationalSeries(this.#p.db, scope, f.from, f.to, NATIONAL_DIM[q.groupBy]!) : await statsRepository.series(this.#p.db, f, q.groupBy);
    const series = new Map<string, { key: string; label: string | null; labelEn?: string | null; alerts: number[]; occurrences: number[] }>();
    for (const r of rows) {
      const s = series.get(r.key) ?? series.set(r.key, { key: r.key, label: null, alerts: days.map(() => 0), occurrences: days.map(() => 0) }).get(r.key)!;
      const i = index.get(r.day)!;
      s.alerts[i] = r.alerts;
      s.occurrences[i] = r.occurrences;
    }
    if (q.groupBy === 'org') {
      const names = await statsRepository.orgLabels(this.#p.db, [...series.keys()]);
      for (const s of series.values()) {
        s.label = names.get(s.key)?.name ?? null;
        s.labelEn = names.get(s.key)?.nameEn ?? null;
      }
    }
    return { period: { from: f.from, to: f.to }, days, series: [...series.values()] };
  }

  /** Times to detect, acknowledge, contain and resolve, and reporting-deadline compliance, per sector and organisation. */
  async response(ctx: RequestContext, q: StatsQuery): Promise<StatsResponse> {
    const f = this.filter(ctx, q);
    const db = this.#p.db;
    await this.#p.orgTree.ensure();
    let rows = await responseRepository.incidents(db, f, await incidentVisibility(this.#p, ctx));
    const profile = (orgId: string) => this.#p.orgTree.profile(orgId);
    rows = rows.filter((r) => (!f.sector || (profile(r.org_id)?.sectors ?? []).includes(f.sector)) && (!f.province || profile(r.org_id)?.provinceCode === f.province));
    const ids = rows.map((r) => r.id);
    const [regimes, reports] = await Promise.all([responseRepository.regimes(db, ids), responseRepository.reports(db, ids)]);
    const now = this.#p.now();
    const items = rows.map((inc) => ({
      inc,
      deadlines: deadlinesOf({ status: inc.status, createdAt: inc.created_at, discoveredAt: inc.discovered_at, occurredAt: inc.occurred_at, beyondCapacityAt: inc.beyond_capacity_at, responseEndedAt: inc.response_ended_at, seriousAt: inc.serious_at },
        regimes.get(inc.id) ?? [], reports.get(inc.id) ?? [], now),
    }));
    const group = (keyOf: (i: IncidentTimes) => string[]) => {
      const m = new Map<string, { inc: IncidentTimes; deadlines: ComputedDeadline[] }[]>();
      for (const it of items) for (const k of keyOf(it.inc)) (m.get(k) ?? m.set(k, []).get(k)!).push(it);
      return m;
    };
    const sectors = group((i) => profile(i.org_id)?.sectors ?? []);
    const orgs = group((i) => [i.org_id]);
    const names = await statsRepository.orgNames(db, [...orgs.keys()]);
    return {
      period: { from: f.from, to: f.to },
      total: responseRow('', null, items),
      bySector: [...sectors].map(([k, v]) => responseRow(k, null, v)).sort((a, b) => b.incidents - a.incidents),
      byOrganisation: [...orgs].map(([k, v]) => responseRow(k, names.get(k) ?? null, v)).sort((a, b) => b.incidents - a.incidents),
    };
  }

  /** The Circular 20 periodic report of a half-year or year, as data, a printable document or CSV. */
  async periodicReport(ctx: RequestContext, q: PeriodicReportQuery): Promise<{ type: 'json'; body: PeriodicReport } | { type: 'csv'; body: string } | { type: 'document'; body: RenderedDocument }> {
    const report = await buildPeriodicReport(this.#p, this, ctx, q);
    if (q.format === 'html' || q.format === 'pdf') {
      const lang = q.lang ?? 'vi';
      const names = await referenceNames(this.#p, lang);
      const doc = periodicDocument(report, lang, { sector: names.sector, rsit: (k) => RSIT_CLASS[lang][k] ?? k });
      return { type: 'document', body: await renderDocument(doc, q.format, this.#p.now()) };
    }
    if (q.format === 'csv') return { type: 'csv', body: renderReportCsv(report) };
    return { type: 'json', body: report };
  }

  /** One breakdown as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese right). */
  async exportCsv(ctx: RequestContext, q: StatsExportQuery): Promise<string> {
    const o = await this.overview(ctx, q);
    const pick: Record<StatsDimension, { key: string; label?: string; alerts: number; occurrences: number }[]> = {
      day: o.byDay, sector: o.bySector, province: o.byProvince, class: o.byClass, severity: o.bySeverity, format: o.byFormat,
      org: o.topOrganisations.map((t) => ({ key: t.orgId, label: t.name, alerts: t.alerts, occurrences: t.occurrences })),
    };
    return toCsv(['from', 'to', q.dimension, 'label', 'alerts', 'occurrences'], pick[q.dimension].map((r) => [o.period.from, o.period.to, r.key, r.label ?? '', r.alerts, r.occurrences]));
  }
}
