import { GENERATORS } from './generators/index.ts';
import { malformedRecord } from './malformed.ts';
import { Rng } from './rng.ts';
import type { Batch } from './sender.ts';
import type { Connector } from './setup.ts';
import type { RecordKind } from './types.ts';

/** How many earlier records per connector may be sent again as repeats. */
const RECENT = 256;

interface Lane {
  connector: Connector;
  rng: Rng;
  seq: number;
  recent: string[];
  records: string[];
  kinds: RecordKind[];
  /** performance.now() of the oldest buffered record. */
  since: number;
}

/**
 * The national traffic: picks a connector for each record by weight, writes the record (a repeat of
 * an earlier one, a malformed one, or a fresh alert), and buffers it per connector until the batch is
 * full, or a second old and the sender has room. Each connector has its own random stream, so its records depend only on the
 * seed and its position, not on timing.
 */
export class Traffic {
  #lanes: Lane[];
  #cumulative: number[];
  #pick: Rng;
  #batch: number;
  #repeat: number;
  #malformed: number;

  constructor(connectors: readonly Connector[], opts: { seed: number; batch: number; repeat: number; malformed: number }) {
    this.#lanes = connectors.map((c) => ({ connector: c, rng: Rng.derive(opts.seed, `connector:${c.id}`), seq: 0, recent: [], records: [], kinds: [], since: 0 }));
    let sum = 0;
    this.#cumulative = connectors.map((c) => (sum += c.weight));
    this.#pick = Rng.derive(opts.seed, 'pick');
    this.#batch = opts.batch;
    this.#repeat = opts.repeat;
    this.#malformed = opts.malformed;
  }

  #choose(): Lane {
    const total = this.#cumulative[this.#cumulative.length - 1]!;
    const r = this.#pick.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.#lanes[lo]!;
  }

  /** Writes one record on a connector chosen by weight; returns the batch when it became full. */
  next(wallMs: number, monoMs: number): Batch | null {
    const lane = this.#choose();
    const { record, kind } = makeRecord(lane, wallMs, this.#repeat, this.#malformed);
    if (lane.records.length === 0) lane.since = monoMs;
    lane.records.push(record);
    lane.kinds.push(kind);
    return lane.records.length >= this.#batch ? take(lane) : null;
  }

  /** Records written but not yet handed to the sender. */
  get buffered(): number {
    let n = 0;
    for (const lane of this.#lanes) n += lane.records.length;
    return n;
  }

  /**
   * Batches of connectors whose oldest record waited `maxAgeMs`, oldest first, at most `limit` of
   * them (the others keep filling up: under load, batches grow as with real shippers).
   */
  due(monoMs: number, maxAgeMs: number, limit = Number.POSITIVE_INFINITY): Batch[] {
    const ready = this.#lanes.filter((l) => l.records.length > 0 && monoMs - l.since >= maxAgeMs);
    if (ready.length > limit) ready.sort((a, b) => a.since - b.since);
    return ready.slice(0, limit).map(take);
  }
}

function take(lane: Lane): Batch {
  const batch = { connector: lane.connector, records: lane.records, kinds: lane.kinds };
  lane.records = [];
  lane.kinds = [];
  return batch;
}

/** One record of a lane: a repeat, a malformed record or a fresh alert (fractions of all records). */
export function makeRecord(lane: Pick<Lane, 'connector' | 'rng' | 'seq' | 'recent'>, wallMs: number, repeat: number, malformed: number): { record: string; kind: RecordKind } {
  const { rng, connector } = lane;
  const u = rng.next();
  if (u < repeat && lane.recent.length > 0) return { record: rng.pick(lane.recent), kind: 'repeat' };
  lane.seq++;
  const victim = connector.victims.length === 1 ? connector.victims[0]! : rng.pickSkewed(connector.victims, 1.5);
  const valid = GENERATORS[connector.format]({ rng, now: wallMs, victim, reporter: connector.reporter, seq: lane.seq });
  if (u < repeat + malformed) return { record: malformedRecord(connector.format, valid, rng), kind: 'malformed' };
  if (lane.recent.length < RECENT) lane.recent.push(valid);
  else lane.recent[rng.int(0, RECENT - 1)] = valid;
  return { record: valid, kind: 'valid' };
}
