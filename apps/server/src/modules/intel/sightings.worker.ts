import { sql } from 'kysely';
import { AlertBatchConsumer, BatchConsumerWorker, type ConsumerParts } from '../alerts/index.ts';
import { indicatorValuesRepository } from './indicator-values.repository.ts';

const LOCK = 727_011;

/**
 * Records sightings: each committed alert that matched indicators adds to the matched values' tally
 * per organisation and day (first and last seen), once per batch, as a durable batch consumer; the
 * latest sighting restarts the value's score decay.
 */
export class SightingsRecorder extends BatchConsumerWorker {
  protected readonly consumer: AlertBatchConsumer;
  constructor(parts: ConsumerParts) {
    super();
    this.consumer = new AlertBatchConsumer(parts, {
      name: 'sightings',
      lock: LOCK,
      plan: (batches) => {
        const rows = new Map<string, { valueId: number; orgId: string; day: string; n: number; seen: string }>();
        for (const a of batches.flatMap((b) => b.alerts)) {
          for (const m of a.indicatorMatches) {
            const k = `${m.indicatorId}|${a.orgId}|${a.day}`;
            const r = rows.get(k) ?? rows.set(k, { valueId: m.indicatorId, orgId: a.orgId, day: a.day, n: 0, seen: a.lastSeen }).get(k)!;
            r.n += a.occurrences;
            if (a.lastSeen > r.seen) r.seen = a.lastSeen;
          }
        }
        if (!rows.size) return null;
        const list = [...rows.values()];
        return async (tx) => {
          await sql`insert into intel_sightings (value_id, org_id, day, count, first_seen, last_seen)
            select v, o, d, n, s, s from unnest(${list.map((r) => r.valueId)}::bigint[], ${list.map((r) => r.orgId)}::uuid[], ${list.map((r) => r.day)}::date[],
              ${list.map((r) => r.n)}::int[], ${list.map((r) => r.seen)}::timestamptz[]) as t(v, o, d, n, s)
            where exists (select 1 from intel_indicator_values x where x.id = t.v)
            on conflict (value_id, org_id, day) do update set count = intel_sightings.count + excluded.count,
              first_seen = least(intel_sightings.first_seen, excluded.first_seen), last_seen = greatest(intel_sightings.last_seen, excluded.last_seen)`.execute(tx);
          await indicatorValuesRepository.sighted(tx, list.map((r) => r.valueId), list.map((r) => r.seen));
        };
      },
    });
  }
}
