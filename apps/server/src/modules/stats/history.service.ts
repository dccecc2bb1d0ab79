import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { StatsHistoryImport } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, invalid } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { StatsParts } from './stats-parts.ts';
import { parseHistoryCsv, type RowError } from './history-csv.ts';
import { historyRepository, type ImportedRow } from './history.repository.ts';
import { rollupRepository } from './rollup.repository.ts';
import { fromDaily, type DailyDelta } from './rollup.ts';
import { STATS_LOCK } from './stats-rollup.worker.ts';
import { statsPolicy } from './stats.policy.ts';
import { dayOf } from './stats-time.ts';

const MAX_DAYS_BACK = 3_660;
const asDelta = (r: ImportedRow, sign: 1 | -1): DailyDelta => ({ ...r, format: 'import', alerts: sign * r.alerts, occurrences: sign * r.occurrences, late: 0, clamped: 0 });

/**
 * History loaded by the national centre as daily counts per organisation (and sector), so that a new
 * installation has a past to forecast from. The file is checked whole (every row's problems reported
 * with its line; nothing stored if any), then, in one audited transaction under the roll-ups' lock,
 * what was imported before for the same days and organisations is taken out of the roll-ups and the
 * new counts put in: importing the same file again changes nothing.
 */
export class StatsHistoryService {
  #p: Pick<StatsParts, 'db' | 'relay' | 'now'>;
  #listeners: (() => void)[] = [];
  constructor(parts: Pick<StatsParts, 'db' | 'relay' | 'now'>) {
    this.#p = parts;
  }

  /** Told after each import (the surge watcher recomputes its baselines). */
  onImported(listener: () => void): void {
    this.#listeners.push(listener);
  }

  async importCsv(ctx: RequestContext, csv: string): Promise<StatsHistoryImport> {
    requirePermission(ctx, 'stats.read');
    if (!statsPolicy.mayImportHistory(ctx)) throw forbidden('only the national centre imports history');
    const today = this.#p.now().getTime();
    const { rows, errors } = parseHistoryCsv(csv, { earliest: dayOf(today - MAX_DAYS_BACK * 86_400_000), before: dayOf(today) });
    const [orgs, sectors] = await Promise.all([historyRepository.orgs(this.#p.db, [...new Set(rows.map((r) => r.org))]), historyRepository.sectorCodes(this.#p.db)]);
    const byRef = (ref: string) => orgs.filter((o) => o.id === ref.toLowerCase() || o.name === ref || o.shortName === ref);
    const resolved: ImportedRow[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const fail = (column: string | null, message: string) => void errors.push({ line: r.line, column, message });
      const matches = byRef(r.org);
      if (matches.length !== 1) {
        fail('org', matches.length ? `"${r.org}" names ${matches.length} organisations: use its id` : `no organisation "${r.org}"`);
        continue;
      }
      const org = matches[0]!;
      if (r.sector !== null && !sectors.has(r.sector)) {
        fail('sector', `no sector "${r.sector}"`);
        continue;
      }
      const key = `${r.day}|${org.id}|${r.rsitClass}|${r.severity}`;
      if (seen.has(key)) {
        fail(null, `same day, organisation, class and severity as line ${seen.get(key)}`);
        continue;
      }
      seen.set(key, r.line);
      resolved.push({ day: r.day, orgId: org.id, rsitClass: r.rsitClass, severity: r.severity, sector: r.sector, sectors: r.sector ? [r.sector] : org.sectors, provinceCode: org.provinceCode, alerts: r.alerts, occurrences: r.occurrences });
    }
    if (errors.length) throw invalid(`${errors.length === 100 ? 'at least 100' : errors.length} row(s) refused; nothing was imported`, { rows: errors.sort((a: RowError, b: RowError) => a.line - b.line).slice(0, 100) });
    if (!resolved.length) throw invalid('the file has no rows');
    const pairs = [...new Map(resolved.map((r) => [`${r.day}|${r.orgId}`, { day: r.day, orgId: r.orgId }])).values()];
    const importId = randomUUID();
    const days = resolved.map((r) => r.day).sort();
    const result = await transact(this.#p, async (tx) => {
      await sql`select pg_advisory_xact_lock(${STATS_LOCK})`.execute(tx);
      const before = await historyRepository.imported(tx, pairs);
      await rollupRepository.add(tx, fromDaily([...before.map((r) => asDelta(r, -1)), ...resolved.map((r) => asDelta(r, 1))]));
      await historyRepository.dropEmpty(tx, pairs);
      await historyRepository.replace(tx, pairs, resolved, importId);
      const out: StatsHistoryImport = {
        importId, rows: resolved.length, alerts: resolved.reduce((a, r) => a + r.alerts, 0), organisations: new Set(resolved.map((r) => r.orgId)).size,
        days: { from: days[0]!, to: days[days.length - 1]! }, replaced: before.length,
      };
      await recordChange(tx, ctx, { action: 'stats.history_import', entityType: 'stats_history', entityId: importId, orgId: null, after: out });
      return out;
    });
    for (const l of this.#listeners) l();
    return result;
  }
}
