import { sql } from 'kysely';
import { patternObservables, type IndicatorValueType } from '@lachan/stix';
import type { IndicatorWorkerParts } from './intel-parts.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import { indicatorValuesRepository } from './indicator-values.repository.ts';
import { IocMatcher } from './ioc-matcher.ts';
import { warninglistsFrom } from './warninglist-files.ts';

const EVERY_MS = 60_000;
type LiveIndicator = { id: string; pattern: string; pattern_type: string };

/**
 * Keeps the process's IOC matcher in step with the knowledge base: every minute (and on demand) it
 * reads the latest version of each live indicator (not revoked, within its validity), takes the
 * matchable values out of its pattern, gives each value its stable id, records which values a
 * warninglist suppresses (and which list), builds a new matcher and swaps
 * it into `platform.indicators`, so ingest matches every alert against it.
 */
export class IndicatorIndex {
  #p: IndicatorWorkerParts;
  #task = new PeriodicTask(EVERY_MS, () => this.#rebuild());
  constructor(parts: IndicatorWorkerParts) {
    this.#p = parts;
  }

  start(): void {
    this.#task.start();
  }

  stop(): Promise<void> {
    return this.#task.stop();
  }

  /** Rebuilds now; resolves to the number of indicator values loaded. */
  refresh(): Promise<number> {
    return this.#task.run();
  }

  async #rebuild(): Promise<number> {
    const db = this.#p.db;
    const live = await sql<LiveIndicator>`select id, object->>'pattern' as pattern, coalesce(object->>'pattern_type', 'stix') as pattern_type from (
        select distinct on (id) id, object from stix_objects where type = 'indicator' and exercise_id is null order by id, version desc) latest
      where coalesce((object->>'revoked')::boolean, false) = false
        and (object->>'valid_until' is null or (object->>'valid_until')::timestamptz > now())`.execute(db);
    const values: { stixId: string; type: IndicatorValueType; value: string }[] = [];
    for (const ind of live.rows) {
      if (ind.pattern_type !== 'stix' || !ind.pattern) continue;
      const obs = patternObservables(ind.pattern);
      if (obs.ok) for (const o of obs.observables) values.push({ stixId: ind.id, type: o.type, value: o.value });
    }
    const ids = await this.#ids(values);
    const matcher = IocMatcher.build(values.map((v, i) => ({ id: ids[i]!, type: v.type, value: v.value })), warninglistsFrom(this.#p.config.intelWarninglistsDir));
    await indicatorValuesRepository.markSuppressed(db, matcher.suppressions.map((x) => x.id), matcher.suppressions.map((x) => x.list));
    this.#p.indicators.use(matcher);
    return matcher.report.loaded;
  }

  /** The stable id of each value, creating those not seen before (in chunks). */
  async #ids(values: { stixId: string; type: string; value: string }[]): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < values.length; i += 10_000) {
      const chunk = values.slice(i, i + 10_000);
      const s = chunk.map((v) => v.stixId);
      const t = chunk.map((v) => v.type);
      const v = chunk.map((x) => x.value);
      await sql`insert into intel_indicator_values (stix_id, type, value) select * from unnest(${s}::text[], ${t}::text[], ${v}::text[]) on conflict do nothing`.execute(this.#p.db);
      const r = await sql<{ id: string; k: string }>`select id::text as id, stix_id || '|' || type || '|' || value as k from intel_indicator_values
        where (stix_id, type, value) in (select * from unnest(${s}::text[], ${t}::text[], ${v}::text[]))`.execute(this.#p.db);
      const byKey = new Map(r.rows.map((x) => [x.k, Number(x.id)]));
      for (const x of chunk) out.push(byKey.get(`${x.stixId}|${x.type}|${x.value}`)!);
    }
    return out;
  }
}
